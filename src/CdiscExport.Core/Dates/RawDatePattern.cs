namespace CdiscExport.Core.Dates;

/// <summary>
/// Parses raw EDC date (and time) texts such as <c>14MAY2006</c>, <c>UN-MAY-2006</c> or <c>05/14/2006</c> into
/// <see cref="PartialDateTime"/> values, keeping partial dates partial (SDTM right truncation).
/// </summary>
/// <remarks>
/// <para>Pattern tokens (case-insensitive):</para>
/// <list type="table">
/// <listheader><term>token</term><description>meaning</description></listheader>
/// <item><term><c>YYYY</c></term><description>4-digit year. <c>YY</c> is refused: 2-digit years are never guessed.</description></item>
/// <item><term><c>MM</c></term><description>month, 1–2 digits; but minutes when it comes after <c>HH</c> (so <c>HH:MM</c> reads as a time).</description></item>
/// <item><term><c>MON</c></term><description>English month abbreviation JAN … DEC, any case.</description></item>
/// <item><term><c>DD</c></term><description>day, 1–2 digits.</description></item>
/// <item><term><c>HH</c></term><description>hour 0–23.</description></item>
/// <item><term><c>NN</c>, <c>MI</c></term><description>minutes.</description></item>
/// <item><term><c>SS</c></term><description>seconds, optionally with a fraction (<c>15.250</c>).</description></item>
/// <item><term>separators</term><description>space, <c>-</c>, <c>/</c>, <c>:</c>, <c>T</c>, <c>.</c>, <c>,</c> match themselves.</description></item>
/// </list>
/// <para>
/// A component written as <c>UN</c>, <c>UK</c>, <c>UNK</c>, <c>UNKN</c>, <c>XX</c>, <c>XXX</c>, <c>XXXX</c>, <c>--</c>
/// (any case), or left empty before its separator, is unknown. The value is truncated at the first unknown component
/// in date order, whatever the order in the pattern: <c>UN MAY 2006</c> gives <c>2006-05</c>, <c>UN UNK 2006</c> and
/// <c>14 UNK 2006</c> give <c>2006</c>. A raw text that stops at a token boundary (<c>14-MAY-2006</c> for
/// <c>DD-MON-YYYY HH:MM</c>) leaves the remaining components unknown. Known components that are dropped are still
/// range-checked.
/// </para>
/// <para>
/// A blank raw text (empty, whitespace, <c>UNK</c>/<c>UNKN</c>/<c>UNKNOWN</c> as the whole value, or every component
/// unknown) is <see cref="RawDateParseStatus.Blank"/>: no value,
/// not an error. An unknown year with known later components (<c>14 MAY UNKN</c>) fails with
/// <see cref="DateParseFailure.UnknownYear"/>. Trailing whitespace is ignored.
/// </para>
/// <para>
/// Instances are immutable and thread-safe; create each pattern once and reuse it. Parsing a valid text allocates nothing.
/// </para>
/// </remarks>
public sealed class RawDatePattern
{
    private const int YearBit = 1;
    private const int MonthBit = 2;
    private const int DayBit = 4;
    private const int HourBit = 8;
    private const int MinuteBit = 16;
    private const int SecondBit = 32;
    private const int DateBits = YearBit | MonthBit | DayBit;
    private const string DefaultTimePattern = "HH:MM:SS";

    // Longest first, so "UNK" wins over "UN" when both fit; see MatchUnknown for the separator check.
    private static readonly string[] UnknownMarkers = ["UNKN", "XXXX", "----", "UNK", "XXX", "---", "UN", "UK", "XX", "--"];

    private static readonly Token[] DefaultTimeTokens = Tokenize(DefaultTimePattern, timeOnly: true);

    private readonly Token[] tokens;
    private readonly Token[] timeTokens;
    private readonly bool isIso;
    private readonly bool hasTimeTokens;

    private RawDatePattern(string pattern, Token[] tokens, bool isIso, string timePattern, Token[] timeTokens)
    {
        Pattern = pattern;
        this.tokens = tokens;
        this.isIso = isIso;
        TimePattern = timePattern;
        this.timeTokens = timeTokens;
        hasTimeTokens = isIso || Array.Exists(tokens, t => t.Kind >= TokenKind.Hour);
    }

    private enum TokenKind : byte
    {
        Literal,
        Year,
        Month,
        MonthName,
        Day,
        Hour,
        Minute,
        Second,
    }

    /// <summary><c>DDMONYYYY</c>, e.g. <c>14MAY2006</c>, <c>UNMAY2006</c>, <c>UNKUNK2006</c>.</summary>
    public static RawDatePattern DdMonYyyy { get; } = Create("DDMONYYYY");

    /// <summary><c>DD-MON-YYYY</c>, e.g. <c>14-MAY-2006</c>, <c>UNK-MAY-2006</c>.</summary>
    public static RawDatePattern DdMonYyyyDash { get; } = Create("DD-MON-YYYY");

    /// <summary><c>MM/DD/YYYY</c>, e.g. <c>05/14/2006</c>, <c>05/UN/2006</c>.</summary>
    public static RawDatePattern MmDdYyyySlash { get; } = Create("MM/DD/YYYY");

    /// <summary>
    /// ISO 8601 extended format, right-truncated: <c>YYYY[-MM[-DD[Thh[:mm[:ss[.f]]]]]]</c>, also with a space
    /// instead of <c>T</c>. Unknown markers are not recognised; leading and trailing whitespace is ignored.
    /// </summary>
    public static RawDatePattern Iso { get; } = new("ISO 8601", [], isIso: true, DefaultTimePattern, DefaultTimeTokens);

    /// <summary>The pattern text this instance was created from (<c>ISO 8601</c> for <see cref="Iso"/>).</summary>
    public string Pattern { get; }

    /// <summary>
    /// The pattern for the separate time text of <see cref="Parse(string?, string?)"/>; defaults to <c>HH:MM:SS</c>,
    /// which also reads <c>09:30</c> and <c>09</c> (the raw may stop at a token boundary).
    /// </summary>
    public string TimePattern { get; }

    /// <summary>Creates a pattern from tokens and separators, e.g. <c>DD-MON-YYYY</c> or <c>YYYY/MM/DD HH:NN</c>.</summary>
    /// <param name="pattern">The pattern text; see the type remarks for tokens.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentException">
    /// The pattern has an unknown token, a 2-digit year, a repeated token, no <c>YYYY</c>, or a component without
    /// the one before it (a day without a month, minutes without an hour, a time without a day).
    /// </exception>
    public static RawDatePattern Create(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new RawDatePattern(pattern, Tokenize(pattern, timeOnly: false), isIso: false, DefaultTimePattern, DefaultTimeTokens);
    }

    /// <summary>A copy that reads the separate time text of <see cref="Parse(string?, string?)"/> with <paramref name="timePattern"/>.</summary>
    /// <param name="timePattern">A pattern of time tokens only, e.g. <c>HH:MM</c> or <c>HHNN</c>.</param>
    /// <returns>The new pattern.</returns>
    /// <exception cref="ArgumentException">The time pattern is invalid or contains date tokens.</exception>
    public RawDatePattern WithTimePattern(string timePattern)
    {
        ArgumentNullException.ThrowIfNull(timePattern);
        return new RawDatePattern(Pattern, tokens, isIso, timePattern, Tokenize(timePattern, timeOnly: true));
    }

    /// <summary>Parses one raw date (or date/time) text.</summary>
    /// <param name="raw">The raw text; <see langword="null"/> or blank gives <see cref="RawDateParseStatus.Blank"/>.</param>
    /// <returns>A value, a blank, or a failure whose message names <paramref name="raw"/> and what is wrong.</returns>
    public RawDateParseResult Parse(string? raw)
    {
        var text = raw.AsSpan().TrimEnd();
        if (IsBlankOrUnknown(text))
        {
            return RawDateParseResult.Blank;
        }

        var parts = default(DateComponents);
        var known = 0;
        var failure = default(FailureInfo);
        if (!ParseDate(text, ref parts, ref known, ref failure))
        {
            return Fail(raw!, Pattern, failure);
        }

        return Assemble(raw!, raw!, parts, known);
    }

    /// <summary>
    /// Parses a raw date and a separate raw time (e.g. <c>AESTDAT</c> and <c>AESTTIM</c>). The time is read with
    /// <see cref="TimePattern"/> and kept only when the date is complete (right truncation); it is still range-checked.
    /// </summary>
    /// <param name="date">The raw date text.</param>
    /// <param name="time">The raw time text; <see langword="null"/> or blank for none.</param>
    /// <returns>A value, a blank (both blank), or a failure naming the offending text.</returns>
    /// <exception cref="InvalidOperationException">This pattern already reads a time within the date text.</exception>
    public RawDateParseResult Parse(string? date, string? time)
    {
        var timeText = time.AsSpan().TrimEnd();
        if (IsBlankOrUnknown(timeText))
        {
            return Parse(date);
        }

        if (hasTimeTokens && !isIso)
        {
            throw new InvalidOperationException($"The pattern \"{Pattern}\" already reads a time; use Parse(raw) or a date-only pattern with WithTimePattern.");
        }

        var parts = default(DateComponents);
        var known = 0;
        var failure = default(FailureInfo);
        var dateText = date.AsSpan().TrimEnd();
        if (!IsBlankOrUnknown(dateText))
        {
            if (!ParseDate(dateText, ref parts, ref known, ref failure))
            {
                return Fail(date!, Pattern, failure);
            }

            if ((known & ~DateBits) != 0)
            {
                return RawDateParseResult.ForFailure(date!, DateParseFailure.InvalidFormat, DateErrorMessages.ForText(date!, DateErrorMessages.DateAlreadyHasTime));
            }
        }

        if (!Match(timeText, timeTokens, ref parts, ref known, ref failure))
        {
            return Fail(time!, TimePattern, failure);
        }

        if ((known & DateBits) == 0 && (known & ~DateBits) != 0)
        {
            return RawDateParseResult.ForFailure(time!, DateParseFailure.TimeWithoutDate, DateErrorMessages.ForText(time!, DateErrorMessages.TimeWithoutDate));
        }

        return Assemble(date ?? string.Empty, time!, parts, known);
    }

    /// <summary>Whitespace, or the whole value written as UNK, UNKN or UNKNOWN.</summary>
    private static bool IsBlankOrUnknown(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.IsEmpty
            || trimmed.Equals("UNK", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("UNKN", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase);
    }

    private bool ParseDate(ReadOnlySpan<char> text, ref DateComponents parts, ref int known, ref FailureInfo failure)
    {
        if (!isIso)
        {
            return Match(text, tokens, ref parts, ref known, ref failure);
        }

        var isoFailure = PartialDateTime.ParseIso(text.Trim(), allowSpaceSeparator: true, out var value, out parts);
        if (isoFailure != DateParseFailure.None)
        {
            failure.Failure = isoFailure;
            failure.IsIso = true;
            failure.Parts = parts;
            return false;
        }

        known = (2 << (int)value.Precision) - 1;
        return true;
    }

    /// <summary>Applies right truncation and range checks to matched components.</summary>
    private static RawDateParseResult Assemble(string dateText, string timeText, in DateComponents p, int known)
    {
        if (known == 0)
        {
            return RawDateParseResult.Blank;
        }

        if ((known & YearBit) == 0)
        {
            return RawDateParseResult.ForFailure(dateText, DateParseFailure.UnknownYear, DateErrorMessages.ForText(dateText, DateErrorMessages.UnknownYear));
        }

        var failure = DateParseFailure.None;
        if ((known & MonthBit) != 0 && p.Month is < 1 or > 12)
        {
            failure = DateParseFailure.MonthOutOfRange;
        }
        else if ((known & DayBit) != 0 && (p.Day < 1 || p.Day > ((known & MonthBit) != 0 ? PartialDateTime.DaysInMonth(p.Year, p.Month) : 31)))
        {
            failure = DateParseFailure.DayOutOfRange;
        }
        else if ((known & HourBit) != 0 && p.Hour > 23)
        {
            failure = DateParseFailure.HourOutOfRange;
        }
        else if ((known & MinuteBit) != 0 && p.Minute > 59)
        {
            failure = DateParseFailure.MinuteOutOfRange;
        }
        else if ((known & SecondBit) != 0 && p.Second > 59)
        {
            failure = DateParseFailure.SecondOutOfRange;
        }

        if (failure != DateParseFailure.None)
        {
            var text = failure >= DateParseFailure.HourOutOfRange ? timeText : dateText;
            var month = (known & MonthBit) != 0 ? p.Month : 0;
            return RawDateParseResult.ForFailure(text, failure, DateErrorMessages.ForText(text, DateErrorMessages.RangeDetail(failure, p.Year, month, p.Day, p.Hour, p.Minute, p.Second)));
        }

        var precision = DtcPrecision.Year;
        while (precision < DtcPrecision.Second && (known & (2 << (int)precision)) != 0)
        {
            precision++;
        }

        return RawDateParseResult.ForValue(PartialDateTime.FromValidated(p.Year, p.Month, p.Day, p.Hour, p.Minute, p.Second, p.Nanosecond, p.FractionDigits, precision));
    }

    /// <summary>Matches <paramref name="s"/> against <paramref name="pattern"/>, filling known components. Allocation-free.</summary>
    private static bool Match(ReadOnlySpan<char> s, Token[] pattern, ref DateComponents parts, ref int known, ref FailureInfo failure)
    {
        var pos = 0;
        for (var i = 0; i < pattern.Length && pos < s.Length; i++)
        {
            var token = pattern[i];
            var next = i + 1 < pattern.Length ? pattern[i + 1] : default;
            var hasNext = i + 1 < pattern.Length;
            if (token.Kind == TokenKind.Literal)
            {
                if (!SameChar(s[pos], token.Literal))
                {
                    return Failed(ref failure, DateParseFailure.InvalidFormat, pos, token);
                }

                pos++;
                continue;
            }

            if (token.Kind == TokenKind.MonthName)
            {
                if (pos + 3 <= s.Length && TryMonthName(s.Slice(pos, 3), out var month))
                {
                    parts.Month = month;
                    known |= MonthBit;
                    pos += 3;
                    continue;
                }
            }
            else
            {
                var digits = PartialDateTime.CountDigits(s, pos);
                if (token.Kind == TokenKind.Year)
                {
                    if (digits >= 4)
                    {
                        parts.Year = PartialDateTime.Read(s, pos, 4);
                        known |= YearBit;
                        pos += 4;
                        continue;
                    }

                    if (digits > 0)
                    {
                        return Failed(ref failure, DateParseFailure.ExpectedFourDigitYear, pos, token);
                    }
                }
                else if (digits > 0)
                {
                    var take = Math.Min(digits, 2);
                    if (take == 1 && hasNext && next.Kind is not TokenKind.Literal and not TokenKind.MonthName)
                    {
                        // Two number fields with no separator (MMDDYYYY) need fixed widths.
                        return Failed(ref failure, DateParseFailure.InvalidFormat, pos, token);
                    }

                    var value = PartialDateTime.Read(s, pos, take);
                    pos += take;
                    Set(ref parts, ref known, token.Kind, value);
                    if (token.Kind == TokenKind.Second && pos < s.Length && s[pos] == '.' && !(hasNext && next.Kind == TokenKind.Literal && next.Literal == '.'))
                    {
                        var fraction = PartialDateTime.CountDigits(s, pos + 1);
                        if (fraction is 0 or > 9)
                        {
                            return Failed(ref failure, DateParseFailure.InvalidFormat, pos, token);
                        }

                        parts.FractionDigits = fraction;
                        parts.Nanosecond = PartialDateTime.ReadFraction(s, pos + 1, fraction);
                        pos += 1 + fraction;
                    }

                    continue;
                }
            }

            var unknownLength = MatchUnknown(s, pos, token.Kind == TokenKind.Year ? 4 : 3, hasNext, next);
            if (unknownLength >= 0)
            {
                pos += unknownLength;
                continue;
            }

            var reason = token.Kind switch
            {
                TokenKind.Year => DateParseFailure.ExpectedFourDigitYear,
                TokenKind.MonthName when pos + 3 <= s.Length && char.IsAsciiLetter(s[pos]) => DateParseFailure.UnknownMonthName,
                _ => DateParseFailure.InvalidFormat,
            };
            return Failed(ref failure, reason, pos, token);
        }

        if (pos < s.Length)
        {
            failure.Failure = DateParseFailure.TrailingText;
            failure.Position = pos;
            return false;
        }

        return true;
    }

    /// <summary>
    /// The length of an unknown marker at <paramref name="pos"/> (0 for an empty field before its separator), or −1.
    /// A marker only counts when the separator that the pattern expects next follows it, so "---MAY" reads as "--" then "-";
    /// markers are at most 3 characters (4 for the year), so "XXXXX2006" reads as "XXX", "XX", "2006".
    /// </summary>
    private static int MatchUnknown(ReadOnlySpan<char> s, int pos, int maxLength, bool hasNext, Token next)
    {
        var rest = s[pos..];
        foreach (var marker in UnknownMarkers)
        {
            if (marker.Length <= maxLength && rest.StartsWith(marker, StringComparison.OrdinalIgnoreCase) && FitsBefore(s, pos + marker.Length, hasNext, next))
            {
                return marker.Length;
            }
        }

        return hasNext && next.Kind == TokenKind.Literal && SameChar(s[pos], next.Literal) ? 0 : -1;
    }

    private static bool FitsBefore(ReadOnlySpan<char> s, int pos, bool hasNext, Token next) =>
        pos >= s.Length || !hasNext || next.Kind != TokenKind.Literal || SameChar(s[pos], next.Literal);

    private static bool SameChar(char raw, char literal) =>
        raw == literal || (char.IsAsciiLetter(raw) && (raw & ~0x20) == (literal & ~0x20));

    private static bool TryMonthName(ReadOnlySpan<char> s, out int month)
    {
        // Upper-case ASCII letters without allocating; anything else cannot match.
        var a = s[0] & ~0x20;
        var b = s[1] & ~0x20;
        var c = s[2] & ~0x20;
        month = (a, b, c) switch
        {
            ('J', 'A', 'N') => 1,
            ('F', 'E', 'B') => 2,
            ('M', 'A', 'R') => 3,
            ('A', 'P', 'R') => 4,
            ('M', 'A', 'Y') => 5,
            ('J', 'U', 'N') => 6,
            ('J', 'U', 'L') => 7,
            ('A', 'U', 'G') => 8,
            ('S', 'E', 'P') => 9,
            ('O', 'C', 'T') => 10,
            ('N', 'O', 'V') => 11,
            ('D', 'E', 'C') => 12,
            _ => 0,
        };
        return month != 0 && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[1]) && char.IsAsciiLetter(s[2]);
    }

    private static void Set(ref DateComponents parts, ref int known, TokenKind kind, int value)
    {
        switch (kind)
        {
            case TokenKind.Month:
                parts.Month = value;
                known |= MonthBit;
                break;
            case TokenKind.Day:
                parts.Day = value;
                known |= DayBit;
                break;
            case TokenKind.Hour:
                parts.Hour = value;
                known |= HourBit;
                break;
            case TokenKind.Minute:
                parts.Minute = value;
                known |= MinuteBit;
                break;
            default:
                parts.Second = value;
                known |= SecondBit;
                break;
        }
    }

    private static bool Failed(ref FailureInfo failure, DateParseFailure reason, int pos, Token token)
    {
        failure.Failure = reason;
        failure.Position = pos;
        failure.Token = token;
        return false;
    }

    private static RawDateParseResult Fail(string raw, string pattern, in FailureInfo f)
    {
        if (f.IsIso)
        {
            return RawDateParseResult.ForFailure(raw, f.Failure, PartialDateTime.IsoFailureMessage(raw, f.Failure, f.Parts));
        }

        var position = f.Position + 1;
        var detail = f.Failure switch
        {
            DateParseFailure.ExpectedFourDigitYear => DateErrorMessages.ExpectedFourDigitYear,
            DateParseFailure.UnknownMonthName => DateErrorMessages.Format(DateErrorMessages.UnknownMonthName, raw.Substring(f.Position, 3)),
            DateParseFailure.TrailingText => DateErrorMessages.Format(DateErrorMessages.TrailingText, raw[f.Position..].TrimEnd(), position, pattern),
            _ when f.Token.Kind == TokenKind.Literal => DateErrorMessages.Format(DateErrorMessages.ExpectedLiteral, f.Token.Literal, position, pattern),
            _ => DateErrorMessages.Format(DateErrorMessages.ExpectedField, Describe(f.Token.Kind), position, pattern),
        };
        return RawDateParseResult.ForFailure(raw, f.Failure, DateErrorMessages.ForText(raw, detail));
    }

    private static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.Year => "a 4-digit year",
        TokenKind.Month => "a month number (MM)",
        TokenKind.MonthName => "a month abbreviation (MON)",
        TokenKind.Day => "a day (DD)",
        TokenKind.Hour => "an hour (HH)",
        TokenKind.Minute => "minutes",
        _ => "seconds (SS)",
    };

    private static Token[] Tokenize(string pattern, bool timeOnly)
    {
        var list = new List<Token>();
        var seen = new HashSet<TokenKind>();
        var i = 0;
        while (i < pattern.Length)
        {
            var rest = pattern.AsSpan(i);
            TokenKind kind;
            int length;
            if (rest.StartsWith("YYYY", StringComparison.OrdinalIgnoreCase))
            {
                (kind, length) = (TokenKind.Year, 4);
            }
            else if (rest.StartsWith("YY", StringComparison.OrdinalIgnoreCase))
            {
                throw PatternError(pattern, i, "2-digit years (YY) are not supported because the century would be a guess; use YYYY");
            }
            else if (rest.StartsWith("MON", StringComparison.OrdinalIgnoreCase))
            {
                (kind, length) = (TokenKind.MonthName, 3);
            }
            else if (rest.StartsWith("MM", StringComparison.OrdinalIgnoreCase))
            {
                (kind, length) = (seen.Contains(TokenKind.Hour) ? TokenKind.Minute : TokenKind.Month, 2);
            }
            else if (rest.StartsWith("MI", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("NN", StringComparison.OrdinalIgnoreCase))
            {
                (kind, length) = (TokenKind.Minute, 2);
            }
            else if (rest.StartsWith("DD", StringComparison.OrdinalIgnoreCase))
            {
                (kind, length) = (TokenKind.Day, 2);
            }
            else if (rest.StartsWith("HH", StringComparison.OrdinalIgnoreCase))
            {
                (kind, length) = (TokenKind.Hour, 2);
            }
            else if (rest.StartsWith("SS", StringComparison.OrdinalIgnoreCase))
            {
                (kind, length) = (TokenKind.Second, 2);
            }
            else if (pattern[i] is ' ' or '-' or '/' or ':' or 'T' or 't' or '.' or ',')
            {
                list.Add(new Token(TokenKind.Literal, char.ToUpperInvariant(pattern[i])));
                i++;
                continue;
            }
            else
            {
                throw PatternError(pattern, i, "unknown token; use YYYY, MM, MON, DD, HH, MM or NN or MI (minutes), SS and the separators space - / : T . ,");
            }

            // MM and MON are both "the month": either may appear, not both.
            if (!seen.Add(kind == TokenKind.MonthName ? TokenKind.Month : kind))
            {
                throw PatternError(pattern, i, $"the {Describe(kind)} token appears twice");
            }

            list.Add(new Token(kind, '\0'));
            i += length;
        }

        if (timeOnly)
        {
            if (seen.Contains(TokenKind.Year) || seen.Contains(TokenKind.Month) || seen.Contains(TokenKind.Day))
            {
                throw PatternError(pattern, 0, "a time pattern may only contain HH, MM/NN/MI and SS");
            }

            if (!seen.Contains(TokenKind.Hour))
            {
                throw PatternError(pattern, 0, "a time pattern needs HH");
            }
        }
        else
        {
            if (!seen.Contains(TokenKind.Year))
            {
                throw PatternError(pattern, 0, "a date pattern needs YYYY");
            }

            if (seen.Contains(TokenKind.Day) && !seen.Contains(TokenKind.Month))
            {
                throw PatternError(pattern, 0, "a day (DD) needs a month (MM or MON)");
            }

            if (seen.Contains(TokenKind.Hour) && !seen.Contains(TokenKind.Day))
            {
                throw PatternError(pattern, 0, "a time needs a full date (DD)");
            }
        }

        if (seen.Contains(TokenKind.Minute) && !seen.Contains(TokenKind.Hour))
        {
            throw PatternError(pattern, 0, "minutes need an hour (HH)");
        }

        if (seen.Contains(TokenKind.Second) && !seen.Contains(TokenKind.Minute))
        {
            throw PatternError(pattern, 0, "seconds (SS) need minutes");
        }

        return [.. list];
    }

    private static ArgumentException PatternError(string pattern, int index, string detail) =>
        new($"Date pattern \"{pattern}\" at position {index + 1}: {detail}.", nameof(pattern));

    private readonly record struct Token(TokenKind Kind, char Literal);

    private struct FailureInfo
    {
        internal DateParseFailure Failure;
        internal int Position;
        internal Token Token;
        internal bool IsIso;
        internal DateComponents Parts;
    }
}
