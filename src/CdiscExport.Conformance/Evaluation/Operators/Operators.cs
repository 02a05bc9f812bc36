using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation.Operators;

/// <summary>Evaluates one operator test over a frame: true on each row where it holds.</summary>
internal delegate bool[] OperatorFunction(CheckContext context, Test test);

/// <summary>
/// The check operators of CORE's rule language, by name. Each follows CORE's engine (cdisc-rules-engine's
/// <c>DataframeType</c>) on nulls, literals versus column names, and numbers versus texts; the files beside this
/// one hold the families (equality, containment, text, dates, sets and order) and say where CORE is surprising.
/// </summary>
internal static partial class OperatorRegistry
{
    private static readonly Dictionary<string, OperatorFunction> Functions = new(StringComparer.Ordinal);

    static OperatorRegistry()
    {
        RegisterEquality();
        RegisterContainment();
        RegisterText();
        RegisterDates();
        RegisterSets();
        RegisterOrder();
    }

    /// <summary>The operators the engine knows.</summary>
    public static IReadOnlyCollection<string> Names => Functions.Keys;

    /// <summary>The operator of that name, or null.</summary>
    public static OperatorFunction? Find(string name) => Functions.GetValueOrDefault(name);

    /// <summary>Evaluates a check tree: <c>all</c> is and, <c>any</c> is or, <c>not</c> negates.</summary>
    /// <exception cref="NotExecutableException">The tree uses an operator the engine does not know.</exception>
    public static bool[] Evaluate(CheckContext context, Condition condition)
    {
        switch (condition)
        {
            case AllOf all:
            {
                // Once no record is left, the remaining tests cannot bring one back: they are not evaluated (a variable
                // one of them reads and the data lacks would only have skipped the dataset, also without findings).
                var result = Filled(context.Rows, true);
                foreach (var item in all.Items)
                {
                    And(result, Evaluate(context, item));
                    if (Array.IndexOf(result, true) < 0)
                    {
                        break;
                    }
                }

                return result;
            }

            case AnyOf any:
            {
                // As CORE's rule engine: a branch reading a variable the data lacks is left out of an "any"; only when
                // every branch lacks one does the "any" fail (and the dataset is skipped).
                var result = new bool[context.Rows];
                var missing = new List<string>();
                foreach (var item in any.Items)
                {
                    try
                    {
                        Or(result, Evaluate(context, item));
                    }
                    catch (MissingColumnException e)
                    {
                        missing.Add(e.Column);
                    }
                }

                if (missing.Count == any.Items.Count && missing.Count > 0)
                {
                    throw new MissingColumnException(string.Join(", ", missing.Distinct()));
                }

                return result;
            }

            case NotOf not:
                return Negate(Evaluate(context, not.Item));
            case Test test:
                var f = Find(test.Operator) ?? throw new NotExecutableException(ConformanceMessages.OperatorNotImplemented(test.Operator, test.Line));
                return f(context, test);
            default:
                throw new NotExecutableException(ConformanceMessages.UnknownCheckNode(condition.GetType().Name));
        }
    }

    private static void Add(string name, OperatorFunction f) => Functions[name] = f;

    /// <summary>Registers <paramref name="name"/> and its negation <paramref name="negated"/>.</summary>
    private static void AddPair(string name, string negated, OperatorFunction f)
    {
        Functions[name] = f;
        Functions[negated] = (c, t) => Negate(f(c, t));
    }

    internal static bool[] Filled(int n, bool value)
    {
        var a = new bool[n];
        if (value)
        {
            Array.Fill(a, true);
        }

        return a;
    }

    internal static bool[] Negate(bool[] a)
    {
        var r = new bool[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            r[i] = !a[i];
        }

        return r;
    }

    private static void And(bool[] into, bool[] other)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] &= other[i];
        }
    }

    private static void Or(bool[] into, bool[] other)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] |= other[i];
        }
    }

    /// <summary>The values a column holds on some row (each once, in order of first use).</summary>
    internal static IEnumerable<Value> ValuesOf(FrameColumn column)
    {
        if (column.IsConstant)
        {
            return column.Count > 0 ? [column.Distinct[0]] : [];
        }

        var seen = new bool[column.Distinct.Length];
        var result = new List<Value>();
        var unique = new HashSet<Value>();
        foreach (var code in column.Codes)
        {
            if (!seen[code])
            {
                seen[code] = true;
                if (unique.Add(column.Distinct[code]))
                {
                    result.Add(column.Distinct[code]);
                }
            }
        }

        return result;
    }

    /// <summary>A predicate on one column, decided once per distinct value.</summary>
    internal static bool[] PerValue(FrameColumn column, Func<Value, bool> predicate)
    {
        if (column.IsConstant)
        {
            return Filled(column.Count, predicate(column.Distinct[0]));
        }

        var decided = new bool[column.Distinct.Length];
        for (var k = 0; k < decided.Length; k++)
        {
            decided[k] = predicate(column.Distinct[k]);
        }

        var result = new bool[column.Count];
        var codes = column.Codes;
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = decided[codes[r]];
        }

        return result;
    }

    /// <summary>A decision per code of <paramref name="column"/>, spread over its rows.</summary>
    internal static bool[] PerCode(FrameColumn column, bool[] decided)
    {
        var result = new bool[column.Count];
        var codes = column.Codes;
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = decided[codes[r]];
        }

        return result;
    }

    /// <summary>A predicate on a column and a comparand: per distinct value when the comparand is a literal, per row otherwise.</summary>
    internal static bool[] PerRow(FrameColumn column, Comparand comparand, Func<Value, Value, bool> predicate)
    {
        // A literal, or a column with one value on every row (an operation's result): decided per distinct value.
        if (!comparand.IsColumn || comparand.Column!.IsConstant)
        {
            var literal = comparand.IsColumn ? comparand.Column!.Distinct[0] : comparand.Literal;
            return PerValue(column, v => predicate(v, literal));
        }

        // Two columns: decided once per pair of codes seen.
        if (column.Distinct.Length * (long)comparand.Column.Distinct.Length <= 1 << 20)
        {
            var second = comparand.Column;
            var seen = new sbyte[column.Distinct.Length * second.Distinct.Length];
            var width = second.Distinct.Length;
            var a = column.Codes;
            var b = second.Codes;
            var decided = new bool[column.Count];
            for (var r = 0; r < decided.Length; r++)
            {
                var pair = a[r] * width + b[r];
                if (seen[pair] == 0)
                {
                    seen[pair] = predicate(column.Distinct[a[r]], second.Distinct[b[r]]) ? (sbyte)1 : (sbyte)-1;
                }

                decided[r] = seen[pair] > 0;
            }

            return decided;
        }

        var other = comparand.Column!;
        var result = new bool[column.Count];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = predicate(column[r], other[r]);
        }

        return result;
    }
}
