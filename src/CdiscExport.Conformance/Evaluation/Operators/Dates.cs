using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation.Operators;

/// <summary>
/// ISO 8601 dates as CORE's date operators read them. Two dates of different precision are compared at the
/// coarser one: <c>2020-01</c> is neither before nor after <c>2020-01-15</c>, and <c>date_equal_to</c> is false
/// (<c>date_not_equal_to</c> true) whenever the precisions differ. A value that is not a valid date makes every
/// comparison false.
/// </summary>
internal static partial class OperatorRegistry
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Value[], IsoDates.Parsed?[]> ParsedDates = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Value[], bool[]> Complete = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Value[], bool[]> Invalid = new();

    private static void RegisterDates()
    {
        Add("date_equal_to", (c, t) => DateComparison(c, t, 0, (a, b) => a == b));
        Add("date_not_equal_to", (c, t) => DateComparison(c, t, 1, (a, b) => a != b));
        Add("date_less_than", (c, t) => DateComparison(c, t, 2, (a, b) => a < b));
        Add("date_less_than_or_equal_to", (c, t) => DateComparison(c, t, 2, (a, b) => a <= b));
        Add("date_greater_than", (c, t) => DateComparison(c, t, 2, (a, b) => a > b));
        Add("date_greater_than_or_equal_to", (c, t) => DateComparison(c, t, 2, (a, b) => a >= b));
        // Decided once per distinct value of a column, whichever rules ask.
        AddPair("is_complete_date", "is_incomplete_date", (c, t) =>
        {
            var target = c.Target(t);
            return PerCode(target, Complete.GetValue(target.Distinct, d => d.Select(v => v.Text is { } s && IsoDates.IsComplete(s)).ToArray()));
        });
        Add("invalid_date", (c, t) =>
        {
            var target = c.Target(t);
            return PerCode(target, Invalid.GetValue(target.Distinct, d => d.Select(v => !(v.Text is { } s && IsoDates.IsValid(s))).ToArray()));
        });
    }

    /// <summary>Compares the target's dates with the test's comparator, one result per record.</summary>
    /// <param name="c">The check being evaluated.</param>
    /// <param name="t">The test: target and comparator.</param>
    /// <param name="compare">The comparison of two complete dates.</param>
    /// <param name="kind">0 equality, 1 inequality, 2 ordering: equality is false and inequality true when the precisions differ.</param>
    private static bool[] DateComparison(CheckContext c, Test t, int kind, Func<DateTime, DateTime, bool> compare)
    {
        var target = c.Target(t);
        var comparand = c.Comparator(t);
        var component = t.Param("date_component") as string;

        // Each distinct text is validated and parsed once (per column, whichever rules ask); rows then compare dates.
        static IsoDates.Parsed?[] ParseAll(Value[] values) => ParsedDates.GetValue(values, v =>
            v.Select(x => x.Text is { } s && IsoDates.IsValid(s) ? IsoDates.Parse(s) : null).ToArray());

        bool Decide(IsoDates.Parsed? a, IsoDates.Parsed? b)
        {
            if (a is not { } dx || b is not { } dy)
            {
                return false;
            }

            if (component is { Length: > 0 } and not "auto")
            {
                return compare(IsoDates.Component(dx.Date, component), IsoDates.Component(dy.Date, component));
            }

            var precision = Math.Min(dx.Precision, dy.Precision);
            if (precision < 0)
            {
                return false;
            }

            if (component != "auto" && dx.Precision != dy.Precision)
            {
                if (kind == 0)
                {
                    return false;
                }

                if (kind == 1)
                {
                    return true;
                }
            }

            return compare(IsoDates.Truncate(dx.Date, precision), IsoDates.Truncate(dy.Date, precision));
        }

        var left = ParseAll(target.Distinct);
        if (!comparand.IsColumn || comparand.Column!.IsConstant)
        {
            var literal = comparand.IsColumn ? comparand.Column!.Distinct[0] : comparand.Literal;
            var right = literal.Text is { } s && IsoDates.IsValid(s) ? IsoDates.Parse(s) : null;
            return PerCode(target, left.Select(a => Decide(a, right)).ToArray());
        }

        var other = comparand.Column;
        var rightDates = ParseAll(other.Distinct);
        var codes = target.Codes;
        var otherCodes = other.Codes;
        var result = new bool[target.Count];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = Decide(left[codes[r]], rightDates[otherCodes[r]]);
        }

        return result;
    }
}

/// <summary>ISO 8601 date-times as CORE parses them: validity, precision, completeness, truncation.</summary>
internal static partial class IsoDates
{
    /// <summary>Precision levels: 0 year, 1 month, 2 day, 3 hour, 4 minute, 5 second, 6 fraction; -1 none.</summary>
    internal readonly record struct Parsed(DateTime Date, int Precision);

    /// <summary>
    /// CORE's <c>is_valid_date</c>: the text matches its ISO 8601 pattern (extended format, right truncation,
    /// "-" for unknown components, intervals with "/") and, unless it has unknown components or is an interval,
    /// is a real calendar date and time.
    /// </summary>
    public static bool IsValid(string s)
    {
        if (!DatePattern().IsMatch(s))
        {
            return false;
        }

        if (s.Contains('/', StringComparison.Ordinal) || s.Contains("--", StringComparison.Ordinal) || s.Contains("-:", StringComparison.Ordinal))
        {
            return true;
        }

        return CalendarValid(s);
    }

    // Rules run side by side ask about the same texts again and again (every --DTC, rule after rule): each distinct
    // text is matched once per process.
    private static readonly ConcurrentDictionary<string, bool> Completeness = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Parsed?> Parses = new(StringComparer.Ordinal);

    /// <summary>Python's <c>datetime.fromisoformat</c> accepts it: a full date (extended or basic), optionally a time.</summary>
    public static bool IsComplete(string s) => Completeness.TryGetValue(s, out var complete) ? complete : Completeness.GetOrAdd(s, IsCompleteUncached(s));

    /// <summary>The date-time a valid text stands for (unknown parts at their defaults, 1970-01-01T00:00) and its precision.</summary>
    public static Parsed? Parse(string s) => Parses.TryGetValue(s, out var parsed) ? parsed : Parses.GetOrAdd(s, ParseUncached(s));

    private static bool IsCompleteUncached(string s)
    {
        var m = CompletePattern().Match(s);
        if (!m.Success)
        {
            return false;
        }

        if (!int.TryParse(m.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ||
            !int.TryParse(m.Groups["mo"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var mo) ||
            !int.TryParse(m.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ||
            y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return false;
        }

        if (m.Groups["h"].Success && int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) > 23)
        {
            return false;
        }

        if (m.Groups["mi"].Success && int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture) > 59)
        {
            return false;
        }

        return !m.Groups["s"].Success || int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) <= 59;
    }

    private static Parsed? ParseUncached(string s)
    {
        var m = DatePattern().Match(s);
        if (!m.Success)
        {
            return null;
        }

        string? G(string a, string b, string? c = null)
        {
            var v = m.Groups[a].Success ? m.Groups[a].Value : m.Groups[b].Success ? m.Groups[b].Value : c is not null && m.Groups[c].Success ? m.Groups[c].Value : null;
            return v is null or "" or "-" ? null : v;
        }

        var parts = new[]
        {
            G("year", "interval_year"), G("month", "interval_month"), G("day", "interval_day"),
            G("hour", "interval_hour", "timeonly_hour"), G("minute", "interval_minute", "timeonly_minute"),
            G("second", "interval_second", "timeonly_second"), G("fraction", "interval_fraction", "timeonly_fraction"),
        };
        var precision = -1;
        for (var i = 0; i < parts.Length && parts[i] is not null; i++)
        {
            precision = i;
        }

        if (parts.All(p => p is null))
        {
            return null;
        }

        int P(int i, int fallback) => parts[i] is { } v && int.TryParse(v.TrimStart('-'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        try
        {
            var date = new DateTime(Math.Max(1, P(0, 1970)), P(1, 1), P(2, 1), P(3, 0), P(4, 0), P(5, 0), DateTimeKind.Unspecified);
            if (parts[6] is { } f)
            {
                date = date.AddTicks((long)(double.Parse("0." + f, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
            }

            var zone = m.Groups["timezone"].Success ? m.Groups["timezone"].Value : null;
            if (zone is { Length: > 1 } z && !s.Contains('/', StringComparison.Ordinal))
            {
                var sign = z[0] == '-' ? -1 : 1;
                var offset = new TimeSpan(int.Parse(z[1..3], CultureInfo.InvariantCulture), int.Parse(z[4..6], CultureInfo.InvariantCulture), 0);
                date -= sign * offset;
            }

            return new Parsed(date, precision);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The date with every component finer than <paramref name="precision"/> set to its default.</summary>
    public static DateTime Truncate(DateTime d, int precision) => precision switch
    {
        0 => new DateTime(d.Year, 1, 1),
        1 => new DateTime(d.Year, d.Month, 1),
        2 => d.Date,
        3 => new DateTime(d.Year, d.Month, d.Day, d.Hour, 0, 0),
        4 => new DateTime(d.Year, d.Month, d.Day, d.Hour, d.Minute, 0),
        5 => new DateTime(d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second),
        _ => d,
    };

    /// <summary>One component of a date as a comparable date (CORE's <c>date_component</c>).</summary>
    public static DateTime Component(DateTime d, string component) => component switch
    {
        "year" => new DateTime(d.Year, 1, 1),
        "month" => new DateTime(2000, d.Month, 1),
        "day" => new DateTime(2000, 1, d.Day),
        "hour" => new DateTime(2000, 1, 1, d.Hour, 0, 0),
        "minute" => new DateTime(2000, 1, 1, 0, d.Minute, 0),
        "second" => new DateTime(2000, 1, 1, 0, 0, d.Second),
        _ => d,
    };

    // dateutil's isoparse on an extended-format date-time: calendar days, hours 0-23 (24:00 allowed), minutes and
    // seconds 0-59.
    private static bool CalendarValid(string s)
    {
        var m = ExtendedPattern().Match(s);
        if (!m.Success)
        {
            return false;
        }

        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["mo"].Success)
        {
            var mo = int.Parse(m.Groups["mo"].Value, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12 || y < 1)
            {
                return false;
            }

            if (m.Groups["d"].Success)
            {
                var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                if (d < 1 || d > DateTime.DaysInMonth(y, mo))
                {
                    return false;
                }
            }
        }

        var h = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var mi = m.Groups["mi"].Success ? int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
        var sec = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        return (h < 24 || (h == 24 && mi == 0 && sec == 0)) && mi < 60 && sec < 60;
    }

    // CORE's date_regex (check_operators/helpers.py), with Python's (?P<name>) as .NET's (?<name>).
    [GeneratedRegex(@"^((?<year>-?[0-9]{4}|-)(-{1,2}(?<month>1[0-2]|0[1-9]|-))?(-{1,2}(?<day>3[01]|0[1-9]|[12][0-9]|-))?(T(?<hour>2[0-3]|[01][0-9]|-)(:((?<minute>[0-5][0-9]|-))(:((?<second>[0-5][0-9]|-))?(\.(?<fraction>[0-9]+))?)?)?(?<timezone>Z|[+-](2[0-3]|[01][0-9]):[0-5][0-9])?)?(\/(?<interval_year>-?[0-9]{4}|-)(-{1,2}(?<interval_month>1[0-2]|0[1-9]|-))?(-{1,2}(?<interval_day>3[01]|0[1-9]|[12][0-9]|-))?(T(?<interval_hour>2[0-3]|[01][0-9]|-)(:((?<interval_minute>[0-5][0-9]|-))(:((?<interval_second>[0-5][0-9]|-))?(\.(?<interval_fraction>[0-9]+))?)?)?(?<interval_timezone>Z|[+-](2[0-3]|[01][0-9]):[0-5][0-9])?)?)?|-{4,8}T(?<timeonly_hour>2[0-3]|[01][0-9]|-)(:((?<timeonly_minute>[0-5][0-9]|-))(:((?<timeonly_second>[0-5][0-9]|-))?(\.(?<timeonly_fraction>[0-9]+))?)?)?(?<timeonly_timezone>Z|[+-](2[0-3]|[01][0-9]):[0-5][0-9])?)$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<y>-?\d{4})(-(?<mo>\d{2})(-(?<d>\d{2}))?)?(T(?<h>\d{2})(:(?<mi>\d{2})(:(?<s>\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$")]
    private static partial Regex ExtendedPattern();

    [GeneratedRegex(@"^(?<y>\d{4})(-(?<mo>\d{2})-(?<d>\d{2})|(?<mo>\d{2})(?<d>\d{2}))(.(?<h>\d{2})(:?(?<mi>\d{2})(:?(?<s>\d{2})([.,]\d+)?)?)?(Z|[+-]\d{2}(:?\d{2}(:?\d{2})?)?)?)?$")]
    private static partial Regex CompletePattern();
}
