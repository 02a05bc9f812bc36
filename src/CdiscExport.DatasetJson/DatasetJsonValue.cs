using System.Globalization;

namespace CdiscExport.DatasetJson;

/// <summary>
/// One cell as JSON holds it: null, a string, a number (kept as its exact text, or given as a double or an integer),
/// or a boolean. <c>default(DatasetJsonValue)</c> is null.
/// </summary>
public readonly struct DatasetJsonValue : IEquatable<DatasetJsonValue>
{
    private enum Kind : byte
    {
        Null = 0,
        String,
        NumberText,
        Double,
        Integer,
        Boolean,
    }

    private readonly Kind _kind;
    private readonly string? _text;
    private readonly double _double;
    private readonly long _integer;

    private DatasetJsonValue(Kind kind, string? text, double number, long integer)
    {
        _kind = kind;
        _text = text;
        _double = number;
        _integer = integer;
    }

    /// <summary>The missing value, JSON <c>null</c>.</summary>
    public static DatasetJsonValue Null => default;

    /// <summary>A string; null gives <see cref="Null"/>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The cell.</returns>
    public static DatasetJsonValue String(string? value) => value is null ? default : new(Kind.String, value, 0, 0);

    /// <summary>A number written in shortest round-trip form (<c>71</c>, <c>5E-07</c>, <c>-0</c>).</summary>
    /// <param name="value">A finite double.</param>
    /// <returns>The cell.</returns>
    public static DatasetJsonValue Number(double value) => new(Kind.Double, null, value, 0);

    /// <summary>An integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The cell.</returns>
    public static DatasetJsonValue Integer(long value) => new(Kind.Integer, null, 0, value);

    /// <summary>A number given as its JSON text (e.g. <c>9007199254740993</c>), written as it is.</summary>
    /// <param name="text">A JSON number.</param>
    /// <returns>The cell.</returns>
    public static DatasetJsonValue NumberText(string text) => new(Kind.NumberText, text ?? throw new ArgumentNullException(nameof(text)), 0, 0);

    /// <summary>A boolean.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The cell.</returns>
    public static DatasetJsonValue Boolean(bool value) => new(Kind.Boolean, null, 0, value ? 1 : 0);

    /// <summary>The JSON kind of the value.</summary>
    public DatasetJsonValueKind ValueKind => _kind switch
    {
        Kind.Null => DatasetJsonValueKind.Null,
        Kind.String => DatasetJsonValueKind.String,
        Kind.Boolean => DatasetJsonValueKind.Boolean,
        _ => DatasetJsonValueKind.Number,
    };

    /// <summary>Whether this is null.</summary>
    public bool IsNull => _kind == Kind.Null;

    /// <summary>The string.</summary>
    /// <exception cref="InvalidOperationException">Not a string.</exception>
    public string StringValue => _kind == Kind.String ? _text! : throw new InvalidOperationException(DatasetJsonMessages.NotA("a string", ValueKind));

    /// <summary>The boolean.</summary>
    /// <exception cref="InvalidOperationException">Not a boolean.</exception>
    public bool BooleanValue => _kind == Kind.Boolean ? _integer != 0 : throw new InvalidOperationException(DatasetJsonMessages.NotA("a boolean", ValueKind));

    /// <summary>The number's JSON text: as given, or the shortest round-trip text of a double.</summary>
    /// <exception cref="InvalidOperationException">Not a number.</exception>
    public string NumberTextValue => _kind switch
    {
        Kind.NumberText => _text!,
        Kind.Double => _double.ToString("R", CultureInfo.InvariantCulture),
        Kind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException(DatasetJsonMessages.NotA("a number", ValueKind)),
    };

    /// <summary>The number as the nearest double.</summary>
    /// <exception cref="InvalidOperationException">Not a number.</exception>
    public double DoubleValue => _kind switch
    {
        Kind.Double => _double,
        Kind.Integer => _integer,
        Kind.NumberText => double.Parse(_text!, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException(DatasetJsonMessages.NotA("a number", ValueKind)),
    };

    internal bool IsDouble => _kind == Kind.Double;

    internal bool IsInteger => _kind == Kind.Integer;

    internal double RawDouble => _double;

    internal long RawInteger => _integer;

    /// <inheritdoc />
    public bool Equals(DatasetJsonValue other) =>
        _kind == other._kind && string.Equals(_text, other._text, StringComparison.Ordinal) && _double.Equals(other._double) && _integer == other._integer;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DatasetJsonValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kind, _text, _double, _integer);

    /// <summary>Value equality (same kind and content).</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(DatasetJsonValue left, DatasetJsonValue right) => left.Equals(right);

    /// <summary>Negation of <see cref="op_Equality"/>.</summary>
    /// <param name="left">First value.</param>
    /// <param name="right">Second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(DatasetJsonValue left, DatasetJsonValue right) => !left.Equals(right);

    /// <summary>The value as JSON would show it (strings unquoted).</summary>
    /// <returns>A display string.</returns>
    public override string ToString() => _kind switch
    {
        Kind.Null => "null",
        Kind.String => _text!,
        Kind.Boolean => _integer != 0 ? "true" : "false",
        _ => NumberTextValue,
    };
}
