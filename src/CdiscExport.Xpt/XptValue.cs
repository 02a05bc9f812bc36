namespace CdiscExport.Xpt;

/// <summary>
/// One cell: a number, a SAS missing value or text. <c>default(XptValue)</c> is the ordinary missing value <c>.</c>.
/// </summary>
/// <remarks>A blank character value is <c>Text("")</c>, not missing: XPT has no missing marker for text.</remarks>
public readonly struct XptValue : IEquatable<XptValue>
{
    private enum Kind : byte
    {
        Missing = 0,
        Number,
        Text,
    }

    private readonly Kind _kind;
    private readonly SasMissingKind _missing;
    private readonly double _number;
    private readonly string? _text;

    private XptValue(Kind kind, SasMissingKind missing, double number, string? text)
    {
        _kind = kind;
        _missing = missing;
        _number = number;
        _text = text;
    }

    /// <summary>A number. NaN and infinities are written as missing <c>.</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The cell.</returns>
    public static XptValue Number(double value) => new(Kind.Number, default, value, null);

    /// <summary>A SAS missing value.</summary>
    /// <param name="kind">Which of the 28 missing values.</param>
    /// <returns>The cell.</returns>
    public static XptValue Missing(SasMissingKind kind = SasMissingKind.Dot) => new(Kind.Missing, kind, 0, null);

    /// <summary>A SAS missing value named by its letter: <c>'.'</c>, <c>'A'</c>–<c>'Z'</c> or <c>'_'</c>.</summary>
    /// <param name="marker">The marker character.</param>
    /// <returns>The cell.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The character is not a missing-value marker.</exception>
    public static XptValue Missing(char marker) =>
        marker < 128 && SasMissing.TryFromByte((byte)marker, out var kind)
            ? Missing(kind)
            : throw new ArgumentOutOfRangeException(nameof(marker), marker, XptMessages.UnknownMissingKind);

    /// <summary>Text for a character variable; <see langword="null"/> is stored as blanks like the empty string.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The cell.</returns>
    public static XptValue Text(string? value) => new(Kind.Text, default, 0, value ?? "");

    /// <summary>Whether this is a SAS numeric missing value.</summary>
    public bool IsMissing => _kind == Kind.Missing;

    /// <summary>Whether this is a number.</summary>
    public bool IsNumber => _kind == Kind.Number;

    /// <summary>Whether this is text.</summary>
    public bool IsText => _kind == Kind.Text;

    /// <summary>The number. (Named <c>NumberValue</c> because C# cannot have a property and the <see cref="Number(double)"/> factory share a name.)</summary>
    /// <exception cref="InvalidOperationException">The cell is not a number.</exception>
    public double NumberValue => IsNumber ? _number : throw new InvalidOperationException(XptMessages.NotA("number", this));

    /// <summary>The text. (Named <c>TextValue</c> because C# cannot have a property and the <see cref="Text(string)"/> factory share a name.)</summary>
    /// <exception cref="InvalidOperationException">The cell is not text.</exception>
    public string TextValue => _text ?? throw new InvalidOperationException(XptMessages.NotA("text", this));

    /// <summary>Which missing value this is.</summary>
    /// <exception cref="InvalidOperationException">The cell is not missing.</exception>
    public SasMissingKind MissingKind => IsMissing ? _missing : throw new InvalidOperationException(XptMessages.NotA("missing value", this));

    /// <inheritdoc />
    public bool Equals(XptValue other) =>
        _kind == other._kind && _missing == other._missing && _number.Equals(other._number) &&
        string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is XptValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kind, _missing, _number, _text);

    /// <summary>Value equality: same kind and the same number (bitwise-equal per <see cref="double.Equals(double)"/>), missing kind or text.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(XptValue left, XptValue right) => left.Equals(right);

    /// <summary>Negation of <see cref="op_Equality"/>.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(XptValue left, XptValue right) => !left.Equals(right);

    /// <summary>The number in round-trip form, the SAS missing spelling, or the text.</summary>
    /// <returns>A display string.</returns>
    public override string ToString() => _kind switch
    {
        Kind.Number => _number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        Kind.Text => _text!,
        _ => SasMissing.ToText(_missing),
    };
}
