using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// A test on the current record, written as a mapping of names to what they must be: a value, a list of values,
/// <c>{blank: true}</c>, <c>{blank: false}</c> or <c>{not: value-or-list}</c>. All entries must hold.
/// </summary>
internal sealed class Condition
{
    private readonly List<(ValueRef Ref, Func<string, bool> Test)> _tests = [];

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
    }

    public bool Holds(RecordContext context)
    {
        foreach (var (r, test) in _tests)
        {
            if (!test(r.Get(context)))
            {
                return false;
            }
        }

        return true;
    }

    private static Func<string, bool> Parse(SpecNode value)
    {
        if (value.IsMapping)
        {
            var map = value.Keys("blank", "not");
            if (map.Optional("blank") is { } blank)
            {
                var wantBlank = blank.Scalar() is "true" or "yes";
                return v => (v.Length == 0) == wantBlank;
            }

            var not = map.Required("not").Strings();
            return v => !not.Contains(v, StringComparer.Ordinal);
        }

        var values = value.Strings();
        return v => values.Contains(v, StringComparer.Ordinal);
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
        foreach (var (when, then) in branches)
        {
            if (when is null || when.Holds(context))
            {
                return then.Evaluate(context);
            }
        }

        return string.Empty;
    }
}
