using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation.Operators;

/// <summary>Regular expressions, prefixes, suffixes, lengths and ISO 8601 durations.</summary>
internal static partial class OperatorRegistry
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    private static void RegisterText()
    {
        // matches_regex: Python's re.match (anchored at the start only); null never matches and never "not matches".
        Add("matches_regex", (c, t) => RegexTest(c, t, s => s, anchored: true, negate: false));
        Add("not_matches_regex", (c, t) => RegexTest(c, t, s => s, anchored: true, negate: true));
        Add("prefix_matches_regex", (c, t) => RegexTest(c, t, s => Prefix(s, CheckContext.IntParam(t, "prefix")), anchored: false, negate: false));
        Add("not_prefix_matches_regex", (c, t) => RegexTest(c, t, s => Prefix(s, CheckContext.IntParam(t, "prefix")), anchored: false, negate: true));
        Add("suffix_matches_regex", (c, t) => RegexTest(c, t, s => Suffix(s, CheckContext.IntParam(t, "suffix")), anchored: false, negate: false));
        Add("not_suffix_matches_regex", (c, t) => RegexTest(c, t, s => Suffix(s, CheckContext.IntParam(t, "suffix")), anchored: false, negate: true));

        Add("starts_with", (c, t) => PerRow(c.Target(t), c.Comparator(t), (v, p) => v.Text is { } s && p.ToString() is { Length: > 0 } x && s.StartsWith(x, StringComparison.Ordinal)));
        Add("ends_with", (c, t) => PerRow(c.Target(t), c.Comparator(t), (v, p) => v.Text is { } s && p.ToString() is { Length: > 0 } x && s.EndsWith(x, StringComparison.Ordinal)));

        Add("longer_than", (c, t) => LengthTest(c, t, (a, b) => a > b));
        Add("longer_than_or_equal_to", (c, t) => LengthTest(c, t, (a, b) => a >= b));
        Add("shorter_than", (c, t) => Negate(LengthTest(c, t, (a, b) => a >= b)));
        Add("shorter_than_or_equal_to", (c, t) => Negate(LengthTest(c, t, (a, b) => a > b)));
        AddPair("has_equal_length", "has_not_equal_length", (c, t) => LengthTest(c, t, (a, b) => a == b));

        AddPair("prefix_equal_to", "prefix_not_equal_to", (c, t) => PartEquals(c, t, "prefix"));
        AddPair("suffix_equal_to", "suffix_not_equal_to", (c, t) => PartEquals(c, t, "suffix"));
        AddPair("prefix_is_contained_by", "prefix_is_not_contained_by", (c, t) => PartContainedBy(c, t, "prefix"));
        AddPair("suffix_is_contained_by", "suffix_is_not_contained_by", (c, t) => PartContainedBy(c, t, "suffix"));

        AddPair("equals_string_part", "does_not_equal_string_part", (c, t) =>
        {
            // The target equals what the regex's first match finds in the comparator (a column or a literal).
            var target = c.Target(t);
            var regex = PythonRegex(t.Param("regex") as string ?? "");
            var comparand = c.Comparator(t);
            var typeInsensitive = t.Flag("type_insensitive");
            Value Part(Value v) => v.Text is { } s && FindAll(regex, s) is { } first ? Value.Of(first) : Value.Null;
            return PerRow(target, comparand, (a, b) =>
            {
                var part = Part(b);
                if (a.IsNull && part.IsNull)
                {
                    return false;
                }

                return typeInsensitive ? StrConversion(a).Equals(StrConversion(part)) : a.Equals(part);
            });
        });

        Add("invalid_duration", (c, t) =>
        {
            var negative = t.Param("negative") is not false;
            return PerValue(c.Target(t), v => !ValidDuration(v.Kind == ValueKind.Null ? "None" : v.ToString(), negative));
        });
    }

    /// <summary>
    /// A Python regular expression as .NET reads it: named groups <c>(?P&lt;n&gt;...)</c> and back-references
    /// <c>(?P=n)</c> rewritten, <c>\Z</c> as <c>\z</c>. Compiled once per pattern.
    /// </summary>
    internal static Regex PythonRegex(string pattern) => Patterns.GetOrAdd(pattern, p =>
    {
        var dotnet = p.Replace("(?P<", "(?<", StringComparison.Ordinal).Replace(@"\Z", @"\z", StringComparison.Ordinal);
        dotnet = Regex.Replace(dotnet, @"\(\?P=(\w+)\)", @"\k<$1>");
        try
        {
            return new Regex(dotnet, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException e)
        {
            throw new NotExecutableException(ConformanceMessages.InvalidRegex(p, e.Message));
        }
    });

    /// <summary>Python's <c>re.findall(regex, s)[0]</c>: the first match's first group (or whole match), or null.</summary>
    private static string? FindAll(Regex regex, string s)
    {
        var m = regex.Match(s);
        if (!m.Success)
        {
            return null;
        }

        return m.Groups.Count > 1 ? m.Groups[1].Value : m.Value;
    }

    /// <summary>CORE's <c>_regex_str_conversion</c>: whole numbers without ".0", other numbers as Python prints them.</summary>
    internal static string? RegexText(Value v) => v.Kind switch
    {
        ValueKind.Null => null,
        ValueKind.Text => v.Text,
        ValueKind.Number when v.IsInteger => v.ToString(),
        ValueKind.Number => v.Number!.Value == Math.Floor(v.Number.Value) && Math.Abs(v.Number.Value) < 1e18
            ? Math.Round(v.Number.Value).ToString("0", CultureInfo.InvariantCulture)
            : Value.PythonFloat(v.Number.Value),
        _ => v.ToString(),
    };

    private static string Prefix(string s, int n) => n >= s.Length ? s : s[..Math.Max(0, n)];

    private static string Suffix(string s, int n) => n >= s.Length ? s : n <= 0 ? s : s[^n..];

    private static bool[] RegexTest(CheckContext c, Test t, Func<string, string> part, bool anchored, bool negate)
    {
        var target = c.Target(t);
        var pattern = t.Param("value") as string ?? Convert.ToString(t.Param("value"), CultureInfo.InvariantCulture) ?? "";
        var regex = PythonRegex(anchored ? @"\A(?:" + pattern + ")" : pattern);
        return PerValue(target, v => RegexText(v) is { } s && regex.IsMatch(part(s)) != negate);
    }

    private static bool[] LengthTest(CheckContext c, Test t, Func<int, int, bool> compare)
    {
        var target = c.Target(t);
        var comparand = c.Comparator(t);
        return PerRow(target, comparand, (v, other) =>
        {
            if (v.Text is not { } s)
            {
                return false;
            }

            int? length = other.Kind switch
            {
                ValueKind.Number => (int)other.Number!.Value,
                ValueKind.Text when comparand.IsColumn => other.Text!.Length,
                ValueKind.Text when int.TryParse(other.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                _ => null,
            };
            return length is int l && compare(s.Length, l);
        });
    }

    private static Value Part(Value v, string which, int length) => v.Text is { } s
        ? Value.Of(which == "prefix" ? Prefix(s, length) : Suffix(s, length))
        : Value.Null;

    private static bool[] PartEquals(CheckContext c, Test t, string which)
    {
        var target = c.Target(t);
        var length = CheckContext.IntParam(t, which);
        var comparand = t.Param("value") as string == "DOMAIN" && !t.Flag("value_is_literal")
            ? new Comparand(null, Value.Of(c.Dataset.Wildcard))
            : c.Comparator(t);
        return PerRow(target, comparand, (v, other) => Part(v, which, length) is var p && !p.IsNull && p.Equals(other));
    }

    private static bool[] PartContainedBy(CheckContext c, Test t, string which)
    {
        var target = c.Target(t);
        var length = CheckContext.IntParam(t, which);
        var parts = new FrameColumn(target.Name, target.Codes, target.Distinct.Select(v => Part(v, which, length)).ToArray());
        return ContainedBy(c, parts, c.Comparator(t), caseInsensitive: false);
    }

    /// <summary>CORE's <c>is_valid_duration</c>: ISO 8601 durations, a decimal only in the smallest unit given.</summary>
    internal static bool ValidDuration(string duration, bool negative)
    {
        var m = DurationPattern().Match(duration);
        if (!m.Success || (!negative && duration.StartsWith('-')))
        {
            return false;
        }

        if (m.Groups["t"].Success && !m.Groups["h"].Success && !m.Groups["mi"].Success && !m.Groups["s"].Success)
        {
            return false;
        }

        var components = new[] { "y", "mo", "w", "d", "h", "mi", "s" }.Select(n => m.Groups[n]).Where(g => g.Success).Select(g => g.Value).ToList();
        for (var i = 0; i < components.Count; i++)
        {
            if ((components[i].Contains('.', StringComparison.Ordinal) || components[i].Contains(',', StringComparison.Ordinal)) && i != components.Count - 1)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^-?P(?!$)(?:(?:(?<y>\d+(?:[.,]\d*)?Y)?,?(?<mo>\d+(?:[.,]\d*)?M)?,?(?<d>\d+(?:[.,]\d*)?D)?,?(?<t>T(?=\d)(?:(?<h>\d+(?:[.,]\d*)?H)?,?(?<mi>\d+(?:[.,]\d*)?M)?,?(?<s>\d+(?:[.,]\d*)?S)?)?)?)|(?<w>\d+(?:[.,]\d*)?W))$")]
    private static partial Regex DurationPattern();
}
