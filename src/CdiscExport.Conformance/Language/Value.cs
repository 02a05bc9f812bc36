using System.Globalization;
using System.Text;

namespace CdiscExport.Conformance.Language;

/// <summary>What a <see cref="Value"/> holds.</summary>
public enum ValueKind : byte
{
    /// <summary>No value: a blank text, a missing number, an absent cell.</summary>
    Null,

    /// <summary>A text.</summary>
    Text,

    /// <summary>A number (a SAS double, a YAML integer or float).</summary>
    Number,

    /// <summary>A boolean (YAML <c>true</c>, the result of an operation).</summary>
    Bool,

    /// <summary>A list of values (what <c>distinct</c> and the metadata operations produce).</summary>
    List,
}

/// <summary>
/// One cell of the rule language: null, text, number, boolean or list. Comparisons follow the semantics CORE's
/// rules were written against (Python values in pandas): a number never equals a text, <c>1 == 1.0</c>, an empty
/// text and an empty list count as null.
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly string? text;
    private readonly double number;
    private readonly Value[]? list;

    private Value(ValueKind kind, string? text, double number, Value[]? list, bool isInteger)
    {
        Kind = kind;
        this.text = text;
        this.number = number;
        this.list = list;
        IsInteger = isInteger;
    }

    /// <summary>The null value.</summary>
    public static Value Null => default;

    /// <summary>Boolean true.</summary>
    public static Value True { get; } = new(ValueKind.Bool, null, 1, null, false);

    /// <summary>Boolean false.</summary>
    public static Value False { get; } = new(ValueKind.Bool, null, 0, null, false);

    /// <summary>What the value holds.</summary>
    public ValueKind Kind { get; }

    /// <summary>Whether a number was written as an integer (YAML <c>1</c>, a count): it prints without ".0".</summary>
    public bool IsInteger { get; }

    /// <summary>Whether this is null (a blank text and an empty list are null too, as CORE's <c>empty</c> sees them).</summary>
    public bool IsNull => Kind == ValueKind.Null || (Kind == ValueKind.List && (list!.Length == 0 || (list.Length == 1 && list[0].Kind == ValueKind.Null)));

    /// <summary>The text, or null when this is not a text.</summary>
    public string? Text => Kind == ValueKind.Text ? text : null;

    /// <summary>The number (a boolean as 0 or 1), or null when this is neither.</summary>
    public double? Number => Kind is ValueKind.Number or ValueKind.Bool ? number : null;

    /// <summary>The items of a list, or an empty list when this is not one.</summary>
    public IReadOnlyList<Value> Items => list ?? [];

    // Membership in a long list (a study's USUBJIDs, a dataset's variables) is answered from a set built once per list.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Value[], HashSet<Value>> ItemSets = new();

    /// <summary>Whether this list holds <paramref name="item"/> (false when this is not a list).</summary>
    public bool ListContains(Value item)
    {
        if (list is null)
        {
            return false;
        }

        if (list.Length <= 8)
        {
            return Array.IndexOf(list, item) >= 0;
        }

        return ItemSets.GetValue(list, l => [.. l]).Contains(item);
    }

    /// <summary>A text; null and "" give <see cref="Null"/>.</summary>
    public static Value Of(string? s) => string.IsNullOrEmpty(s) ? Null : new Value(ValueKind.Text, s, 0, null, false);

    /// <summary>A number; NaN gives <see cref="Null"/>.</summary>
    public static Value Of(double d) => double.IsNaN(d) ? Null : new Value(ValueKind.Number, null, d, null, false);

    /// <summary>A number or null.</summary>
    public static Value Of(double? d) => d is double v ? Of(v) : Null;

    /// <summary>An integer.</summary>
    public static Value Of(long n) => new(ValueKind.Number, null, n, null, true);

    /// <summary>A boolean.</summary>
    public static Value Of(bool b) => b ? True : False;

    /// <summary>A list.</summary>
    public static Value List(IEnumerable<Value> items) => new(ValueKind.List, null, 0, items.ToArray(), false);

    /// <summary>A list of texts.</summary>
    public static Value List(IEnumerable<string> items) => List(items.Select(Of));

    /// <summary>
    /// A value read from a rule file: string, long, double, bool, null or a list of these (maps are not values).
    /// </summary>
    public static Value FromYaml(object? o) => o switch
    {
        null => Null,
        string s => new Value(ValueKind.Text, s, 0, null, false),
        long n => Of(n),
        int n => Of((long)n),
        double d => Of(d),
        bool b => Of(b),
        IEnumerable<object?> items => List(items.Select(FromYaml)),
        _ => Of(Convert.ToString(o, CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// Python's <c>==</c> on the two values: texts ordinally, numbers (and booleans) by value, lists item by item;
    /// a number never equals a text; null equals only null.
    /// </summary>
    public bool Equals(Value other)
    {
        if (Kind is ValueKind.Number or ValueKind.Bool && other.Kind is ValueKind.Number or ValueKind.Bool)
        {
            return number == other.number;
        }

        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            ValueKind.Null => true,
            ValueKind.Text => string.Equals(text, other.text, StringComparison.Ordinal),
            ValueKind.List => list!.AsSpan().SequenceEqual(other.list!),
            _ => false,
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        ValueKind.Number or ValueKind.Bool => number.GetHashCode(),
        ValueKind.Text => StringComparer.Ordinal.GetHashCode(text!),
        ValueKind.List => list!.Length,
        _ => 0,
    };

    /// <summary>Equality.</summary>
    public static bool operator ==(Value a, Value b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Value a, Value b) => !a.Equals(b);

    /// <summary>
    /// The value as CORE's reports print it (Python's <c>str</c>): "" for null, numbers in Python's shortest form
    /// (<c>1.0</c>, <c>1e-05</c>), integers without a decimal point, lists as <c>['A', 'B']</c>.
    /// </summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Null => "",
        ValueKind.Text => text!,
        ValueKind.Bool => number != 0 ? "True" : "False",
        ValueKind.Number => IsInteger ? ((long)number).ToString(CultureInfo.InvariantCulture) : PythonFloat(number),
        _ => Repr(),
    };

    /// <summary>Python's <c>repr</c>: texts quoted, null as <c>None</c>.</summary>
    public string Repr() => Kind switch
    {
        ValueKind.Null => "None",
        ValueKind.Text => "'" + text!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        ValueKind.List => "[" + string.Join(", ", list!.Select(v => v.Repr())) + "]",
        _ => ToString(),
    };

    /// <summary>Python's <c>repr(float)</c>: the shortest text that reads back, with ".0" on whole numbers and an exponent outside 1e-4..1e16.</summary>
    public static string PythonFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        // The shortest round-trip digits, laid out as Python lays them out.
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var digits = new StringBuilder();
        var negative = shortest.StartsWith('-');
        var mantissa = shortest.TrimStart('-');
        var exponent = 0;
        var e = mantissa.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(mantissa[(e + 1)..], CultureInfo.InvariantCulture);
            mantissa = mantissa[..e];
        }

        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = point < 0 ? mantissa : mantissa[..point];
        var fracPart = point < 0 ? "" : mantissa[(point + 1)..];
        var all = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - all.Length;
        // decimal exponent of the first significant digit
        var decExp = intPart.Length - 1 - leadingZeros + exponent;
        all = all.TrimEnd('0');
        if (all.Length == 0)
        {
            all = "0";
        }

        digits.Append(negative ? "-" : "");
        if (decExp < -4 || decExp >= 16)
        {
            digits.Append(all[0]);
            if (all.Length > 1)
            {
                digits.Append('.').Append(all.AsSpan(1));
            }

            digits.Append('e').Append(decExp < 0 ? '-' : '+').Append(Math.Abs(decExp).ToString("00", CultureInfo.InvariantCulture));
            return digits.ToString();
        }

        if (decExp < 0)
        {
            digits.Append("0.").Append('0', -decExp - 1).Append(all);
            return digits.ToString();
        }

        if (all.Length <= decExp + 1)
        {
            digits.Append(all).Append('0', decExp + 1 - all.Length).Append(".0");
            return digits.ToString();
        }

        digits.Append(all.AsSpan(0, decExp + 1)).Append('.').Append(all.AsSpan(decExp + 1));
        return digits.ToString();
    }
}
