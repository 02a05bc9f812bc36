using NodaTime.Text;

namespace CdiscExport.Core.Dates;

public readonly partial record struct PartialDateTime
{
    /// <summary>
    /// Parses an ISO 8601 <c>--DTC</c> text in extended format, right-truncated at any component:
    /// <c>YYYY[-MM[-DD[Thh[:mm[:ss[.f…]]]]]]</c> (1–9 fraction digits).
    /// </summary>
    /// <param name="iso">The text, e.g. <c>2006-05-14T09:30</c>.</param>
    /// <returns>
    /// NodaTime's <see cref="ParseResult{T}"/>: <c>Success</c> and <c>Value</c>, or a failure whose <c>Exception</c>
    /// is a <see cref="DateFormatException"/> naming the text and the <see cref="DateParseFailure"/>. Nothing throws
    /// until <c>Value</c> is read on a failure. Hot loops that only need a yes/no can use
    /// <see cref="TryParse(ReadOnlySpan{char}, out PartialDateTime)"/>, which does not allocate.
    /// </returns>
    /// <remarks>
    /// Rejected: empty text, 2-digit years, out-of-range components (<c>2006-02-30</c>: day 30 is out of range for
    /// February 2006), the SDTM unknown-middle form (<c>2006---14</c>, see <see cref="DateParseFailure.UnknownMiddleComponent"/>),
    /// time zone designators, basic format (<c>20060514</c>), week and ordinal dates, and a space instead of <c>T</c>.
    /// </remarks>
    public static ParseResult<PartialDateTime> Parse(string iso)
    {
        ArgumentNullException.ThrowIfNull(iso);
        var failure = ParseIso(iso, allowSpaceSeparator: false, out var value, out var parts);
        if (failure == DateParseFailure.None)
        {
            return ParseResult<PartialDateTime>.ForValue(value);
        }

        var message = IsoFailureMessage(iso, failure, parts);
        return ParseResult<PartialDateTime>.ForException(() => new DateFormatException(iso, failure, message));
    }

    /// <summary>
    /// Parses ISO 8601 text as <see cref="Parse(string)"/> does, without allocating; use it where only success matters.
    /// </summary>
    /// <param name="iso">The text.</param>
    /// <param name="value">The parsed value, or <c>default</c> on failure.</param>
    /// <returns>Whether the text parsed.</returns>
    public static bool TryParse(ReadOnlySpan<char> iso, out PartialDateTime value) =>
        ParseIso(iso, allowSpaceSeparator: false, out value, out _) == DateParseFailure.None;

    /// <summary>The message for an ISO parse failure, naming the text.</summary>
    internal static string IsoFailureMessage(string text, DateParseFailure failure, in DateComponents parts) =>
        DateErrorMessages.ForText(text, failure switch
        {
            DateParseFailure.Empty => DateErrorMessages.Empty,
            DateParseFailure.ExpectedFourDigitYear => DateErrorMessages.ExpectedFourDigitYear,
            DateParseFailure.UnknownMiddleComponent => DateErrorMessages.UnknownMiddleComponent,
            DateParseFailure.TimeZoneOffset => DateErrorMessages.TimeZoneOffset,
            DateParseFailure.InvalidFormat => DateErrorMessages.IsoFormat,
            _ => DateErrorMessages.RangeDetail(failure, parts.Year, parts.Month, parts.Day, parts.Hour, parts.Minute, parts.Second),
        });

    /// <summary>
    /// The ISO 8601 scanner shared with <see cref="RawDatePattern.Iso"/> (which also accepts a space before the time).
    /// Span-based and allocation-free.
    /// </summary>
    internal static DateParseFailure ParseIso(ReadOnlySpan<char> s, bool allowSpaceSeparator, out PartialDateTime value, out DateComponents parts)
    {
        value = default;
        parts = default;
        if (s.IsEmpty)
        {
            return DateParseFailure.Empty;
        }

        if (s[0] == '-')
        {
            return DateParseFailure.UnknownMiddleComponent;
        }

        var digits = CountDigits(s, 0);
        if (digits != 4)
        {
            // "06" or "06-05-14" is a short year; "20060514" or "14MAY2006" is another format altogether.
            return digits is > 0 and < 4 && (digits == s.Length || s[digits] == '-')
                ? DateParseFailure.ExpectedFourDigitYear
                : DateParseFailure.InvalidFormat;
        }

        parts.Year = Read(s, 0, 4);
        var precision = DtcPrecision.Year;
        var pos = 4;
        var failure = DateParseFailure.None;

        // Each step: end of text stops at the current precision; otherwise a separator and two digits must follow.
        if (pos < s.Length)
        {
            failure = Step(s, ref pos, '-', ref parts.Month);
            if (failure != DateParseFailure.None)
            {
                return failure;
            }

            precision = DtcPrecision.Month;
        }

        if (failure == DateParseFailure.None && pos < s.Length)
        {
            failure = Step(s, ref pos, '-', ref parts.Day);
            if (failure != DateParseFailure.None)
            {
                return failure;
            }

            precision = DtcPrecision.Day;
        }

        if (pos < s.Length)
        {
            var separator = s[pos];
            if (separator is 'T' || (allowSpaceSeparator && separator == ' '))
            {
                failure = Step(s, ref pos, separator, ref parts.Hour);
            }
            else
            {
                failure = DateParseFailure.InvalidFormat;
            }

            if (failure != DateParseFailure.None)
            {
                return failure;
            }

            precision = DtcPrecision.Hour;
        }

        if (pos < s.Length)
        {
            failure = Step(s, ref pos, ':', ref parts.Minute);
            if (failure != DateParseFailure.None)
            {
                return failure;
            }

            precision = DtcPrecision.Minute;
        }

        if (pos < s.Length)
        {
            failure = Step(s, ref pos, ':', ref parts.Second);
            if (failure != DateParseFailure.None)
            {
                return failure;
            }

            precision = DtcPrecision.Second;
            if (pos < s.Length && s[pos] == '.')
            {
                var fraction = CountDigits(s, pos + 1);
                if (fraction is 0 or > 9)
                {
                    return DateParseFailure.InvalidFormat;
                }

                parts.FractionDigits = fraction;
                parts.Nanosecond = ReadFraction(s, pos + 1, fraction);
                pos += 1 + fraction;
            }
        }

        if (pos < s.Length)
        {
            return s[pos] is 'Z' or '+' or '-' && precision >= DtcPrecision.Hour
                ? DateParseFailure.TimeZoneOffset
                : DateParseFailure.InvalidFormat;
        }

        failure = Validate(parts.Year, parts.Month, parts.Day, parts.Hour, parts.Minute, parts.Second, precision);
        if (failure != DateParseFailure.None)
        {
            return failure;
        }

        value = new PartialDateTime(parts.Year, parts.Month, parts.Day, parts.Hour, parts.Minute, parts.Second, parts.Nanosecond, parts.FractionDigits, precision);
        return DateParseFailure.None;
    }

    /// <summary>Reads <c>separator</c> then exactly two digits at <paramref name="pos"/>.</summary>
    private static DateParseFailure Step(ReadOnlySpan<char> s, ref int pos, char separator, ref int component)
    {
        if (s[pos] != separator)
        {
            return s[pos] is 'Z' or '+' || (s[pos] == '-' && separator == ':')
                ? DateParseFailure.TimeZoneOffset
                : DateParseFailure.InvalidFormat;
        }

        pos++;
        if (pos < s.Length && s[pos] == '-')
        {
            // "2006---14", "2006-05-14T-:30": a hyphen standing for an unknown component.
            return DateParseFailure.UnknownMiddleComponent;
        }

        if (CountDigits(s, pos) != 2)
        {
            return DateParseFailure.InvalidFormat;
        }

        component = Read(s, pos, 2);
        pos += 2;
        return DateParseFailure.None;
    }

    internal static int CountDigits(ReadOnlySpan<char> s, int start)
    {
        var i = start;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }

    internal static int Read(ReadOnlySpan<char> s, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (s[i] - '0');
        }

        return value;
    }

    internal static int ReadFraction(ReadOnlySpan<char> s, int start, int digits)
    {
        var value = Read(s, start, digits);
        for (var i = digits; i < 9; i++)
        {
            value *= 10;
        }

        return value;
    }
}

/// <summary>Mutable scratch components filled while parsing, before validation.</summary>
internal struct DateComponents
{
    internal int Year;
    internal int Month;
    internal int Day;
    internal int Hour;
    internal int Minute;
    internal int Second;
    internal int Nanosecond;
    internal int FractionDigits;
}
