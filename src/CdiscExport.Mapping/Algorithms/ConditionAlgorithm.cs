using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// A test on the current record, written as a mapping of names to what they must be: a value, a list of values,
/// <c>{blank: true}</c>, <c>{blank: false}</c>, <c>{not: value-or-list}</c>, or a comparison of ISO 8601 dates with
/// another name: <c>{on_or_after: NAME}</c>, <c>{before: NAME}</c>. All entries must hold.
/// Dates compare on the precision both have (<c>2014-01</c> is on or after <c>2014-01-15</c>: it cannot be told
/// to be before it); a blank date on either side makes the comparison false.
/// </summary>
internal sealed class Condition
{
    private readonly List<(ValueRef Ref, Func<string, RecordContext, bool> Test)> _tests = [];
    private readonly List<ValueRef> _others = [];

    public Condition(SpecNode node)
    {
        Node = node;
        foreach (var (name, value) in node.Entries())
        {
            _tests.Add((new ValueRef(name, value), Parse(value)));
        }
    }

    public SpecNode Node { get; }

    public void Bind(BindScope scope)
    {
        foreach (var (r, _) in _tests)
        {
            r.Bind(scope);
        }

        foreach (var other in _others)
        {
            other.Bind(scope);
        }
    }

    public bool Holds(RecordContext context)
    {
        foreach (var (r, test) in _tests)
        {
            if (!test(r.Get(context), context))
            {
                return false;
            }
        }

        return true;
    }

    private Func<string, RecordContext, bool> Parse(SpecNode value)
    {
        if (value.IsMapping)
        {
            var map = value.Keys("blank", "not", "on_or_after", "before");
            if (map.Optional("blank") is { } blank)
            {
                var wantBlank = blank.Scalar() is "true" or "yes";
                return (v, _) => (v.Length == 0) == wantBlank;
            }

            foreach (var op in new[] { "on_or_after", "before" })
            {
                if (map.Optional(op) is { } otherNode)
                {
                    var other = new ValueRef(otherNode.Scalar(), otherNode);
                    _others.Add(other);
                    var after = op == "on_or_after";
                    return (v, context) => CompareDates(v, other.Get(context)) is { } c && (after ? c >= 0 : c < 0);
                }
            }

            var not = map.Required("not").Strings();
            return (v, _) => !not.Contains(v, StringComparer.Ordinal);
        }

        var values = value.Strings();
        return (v, _) => values.Contains(v, StringComparer.Ordinal);
    }

    /// <summary>ISO 8601 dates compared on the precision both have; null when either is blank.</summary>
    private static int? CompareDates(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return null;
        }

        var length = Math.Min(left.Length, right.Length);
        return string.CompareOrdinal(left[..length], right[..length]);
    }
}

/// <summary>
/// <c>when: [{if: {...}, then: algorithm}, ..., {else: algorithm}]</c> — the first branch whose condition holds.
/// Without an <c>else</c>, no matching branch gives a missing value.
/// </summary>
internal sealed class ConditionAlgorithm(SpecNode node, IReadOnlyList<(Condition? When, IAlgorithm Then)> branches) : IAlgorithm
{
    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope)
    {
        foreach (var (when, then) in branches)
        {
            when?.Bind(scope);
            then.Bind(scope);
        }
    }

    public string Evaluate(RecordContext context)
    {
        // Indexed: a foreach over the interface would box an enumerator for every record.
        for (var i = 0; i < branches.Count; i++)
        {
            var (when, then) = branches[i];
            if (when is null || when.Holds(context))
            {
                return then.Evaluate(context);
            }
        }

        return string.Empty;
    }
}
