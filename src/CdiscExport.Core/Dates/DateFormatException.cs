namespace CdiscExport.Core.Dates;

/// <summary>
/// Thrown at a boundary when a date text that failed to parse is used as a value, e.g. by
/// <see cref="RawDateParseResult.GetValueOrThrow"/> or by NodaTime's <c>ParseResult&lt;T&gt;.Value</c>
/// on a failed <see cref="PartialDateTime.Parse(string)"/>. Bulk code reads the failure from the result instead.
/// </summary>
public sealed class DateFormatException : FormatException
{
    /// <summary>Creates an exception for <paramref name="text"/> failing with <paramref name="failure"/>.</summary>
    /// <param name="text">The text that failed to parse.</param>
    /// <param name="failure">Why it failed.</param>
    /// <param name="message">The complete message, naming the text and what is wrong.</param>
    public DateFormatException(string text, DateParseFailure failure, string message)
        : base(message)
    {
        Text = text;
        Failure = failure;
    }

    /// <summary>The text that failed to parse, exactly as given.</summary>
    public string Text { get; }

    /// <summary>Why the text failed to parse.</summary>
    public DateParseFailure Failure { get; }
}
