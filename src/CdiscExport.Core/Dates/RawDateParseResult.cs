namespace CdiscExport.Core.Dates;

/// <summary>What a <see cref="RawDatePattern"/> made of one raw text.</summary>
public enum RawDateParseStatus
{
    /// <summary>The raw text was blank or entirely unknown: there is no value, and that is not an error.</summary>
    Blank = 0,

    /// <summary>The raw text gave a (possibly partial) value.</summary>
    Value = 1,

    /// <summary>The raw text could not be parsed; see <see cref="RawDateParseResult.Error"/>.</summary>
    Failed = 2,
}

/// <summary>
/// The outcome of <see cref="RawDatePattern.Parse(string?)"/>: a value, "no value" (blank raw), or a failure with a
/// message naming the raw text. A struct, so successful parses allocate nothing; only a failure builds its message.
/// </summary>
/// <remarks><c>default(RawDateParseResult)</c> is <see cref="RawDateParseStatus.Blank"/>.</remarks>
public readonly struct RawDateParseResult
{
    private readonly PartialDateTime value;
    private readonly string? text;

    private RawDateParseResult(RawDateParseStatus status, PartialDateTime value, DateParseFailure failure, string? text, string? error)
    {
        Status = status;
        this.value = value;
        Failure = failure;
        this.text = text;
        Error = error;
    }

    /// <summary>The result with no value for a blank raw text.</summary>
    public static RawDateParseResult Blank => default;

    /// <summary>Whether the raw text gave a value, a blank, or a failure.</summary>
    public RawDateParseStatus Status { get; }

    /// <summary>Whether parsing did not fail (a value or a blank).</summary>
    public bool Success => Status != RawDateParseStatus.Failed;

    /// <summary>Whether there is a value.</summary>
    public bool HasValue => Status == RawDateParseStatus.Value;

    /// <summary>Whether the raw text was blank (no value, no error).</summary>
    public bool IsBlank => Status == RawDateParseStatus.Blank;

    /// <summary>Why parsing failed; <see cref="DateParseFailure.None"/> unless <see cref="Status"/> is <see cref="RawDateParseStatus.Failed"/>.</summary>
    public DateParseFailure Failure { get; }

    /// <summary>The failure message, e.g. <c>"30FEB2006": day 30 is out of range for February 2006</c>; <see langword="null"/> unless failed.</summary>
    public string? Error { get; }

    /// <summary>The value.</summary>
    /// <exception cref="DateFormatException">Parsing failed.</exception>
    /// <exception cref="InvalidOperationException">The raw text was blank; check <see cref="HasValue"/> first.</exception>
    public PartialDateTime Value => HasValue ? value : throw ToException();

    /// <summary>The value, or <see langword="null"/> for a blank or failed parse.</summary>
    public PartialDateTime? ValueOrNull => HasValue ? value : null;

    /// <summary>Gets the value when there is one.</summary>
    /// <param name="result">The value, or <c>default</c>.</param>
    /// <returns>Whether there is a value.</returns>
    public bool TryGetValue(out PartialDateTime result)
    {
        result = value;
        return HasValue;
    }

    /// <summary>The value, <see langword="null"/> for a blank, or throws for a failure (for boundaries such as the CLI).</summary>
    /// <returns>The value or <see langword="null"/>.</returns>
    /// <exception cref="DateFormatException">Parsing failed.</exception>
    public PartialDateTime? GetValueOrThrow() => Status == RawDateParseStatus.Failed ? throw ToException() : ValueOrNull;

    /// <inheritdoc />
    public override string ToString() => Status switch
    {
        RawDateParseStatus.Value => value.ToString(),
        RawDateParseStatus.Failed => Error!,
        _ => "(blank)",
    };

    internal static RawDateParseResult ForValue(PartialDateTime value) =>
        new(RawDateParseStatus.Value, value, DateParseFailure.None, null, null);

    internal static RawDateParseResult ForFailure(string text, DateParseFailure failure, string error) =>
        new(RawDateParseStatus.Failed, default, failure, text, error);

    private Exception ToException() => Status == RawDateParseStatus.Failed
        ? new DateFormatException(text!, Failure, Error!)
        : new InvalidOperationException("The raw date was blank, so there is no value; check HasValue or use ValueOrNull.");
}
