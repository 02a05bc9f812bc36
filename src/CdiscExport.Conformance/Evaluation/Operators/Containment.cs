using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation.Operators;

/// <summary>Membership: a value in a list, a column or another row's list; lists within lists.</summary>
internal static partial class OperatorRegistry
{
    private static void RegisterContainment()
    {
        AddPair("is_contained_by", "is_not_contained_by", (c, t) => ContainedBy(c, c.Target(t), c.Comparator(t), caseInsensitive: false));
        AddPair("is_contained_by_case_insensitive", "is_not_contained_by_case_insensitive", (c, t) => ContainedBy(c, c.Target(t), c.Comparator(t), caseInsensitive: true));
        AddPair("contains", "does_not_contain", (c, t) => Contains(c, t, caseInsensitive: false));
        AddPair("contains_case_insensitive", "does_not_contain_case_insensitive", (c, t) => Contains(c, t, caseInsensitive: true));
        Add("contains_all", (c, t) => ContainsAll(c, t, negate: false));
        Add("not_contains_all", (c, t) => ContainsAll(c, t, negate: true));
        AddPair("shares_no_elements_with", "shares_at_least_one_element_with", (c, t) =>
        {
            var target = c.Target(t);
            var other = c.Column(t.Param("value") as string ?? "");
            var result = new bool[c.Rows];
            for (var r = 0; r < result.Length; r++)
            {
                var a = ElementsOf(target[r]);
                result[r] = !ElementsOf(other[r]).Any(a.Contains);
            }

            return result;
        });
        Add("shares_exactly_one_element_with", (c, t) =>
        {
            var target = c.Target(t);
            var other = c.Column(t.Param("value") as string ?? "");
            var result = new bool[c.Rows];
            for (var r = 0; r < result.Length; r++)
            {
                var a = ElementsOf(target[r]);
                result[r] = ElementsOf(other[r]).Distinct().Count(a.Contains) == 1;
            }

            return result;
        });
        AddPair("is_ordered_subset_of", "is_not_ordered_subset_of", (c, t) =>
        {
            var target = c.Target(t);
            var other = c.Column(t.Param("value") as string ?? "");
            var result = new bool[c.Rows];
            for (var r = 0; r < result.Length; r++)
            {
                var positions = new Dictionary<Value, int>();
                var items = other[r].Items;
                for (var i = 0; i < items.Count; i++)
                {
                    positions.TryAdd(items[i], i);
                }

                var last = -1;
                var ok = true;
                foreach (var v in target[r].Items)
                {
                    if (!positions.TryGetValue(v, out var p) || p < last)
                    {
                        ok = false;
                        break;
                    }

                    last = p;
                }

                result[r] = ok;
            }

            return result;
        });
    }

    /// <summary>A set's elements: a list's items, or the single value.</summary>
    private static HashSet<Value> ElementsOf(Value v) => v.Kind == ValueKind.List ? [.. v.Items] : [v];

    /// <summary>Whether a column's non-null values are all lists (and there is at least one): CORE then works row by row.</summary>
    internal static bool IsListColumn(FrameColumn column)
    {
        // Most columns hold no list at all, and a constant column holds one value: neither needs a pass over the rows.
        if (!column.Distinct.Any(v => v.Kind == ValueKind.List))
        {
            return false;
        }

        if (column.IsConstant)
        {
            return !column.Distinct[0].IsNull || column.Distinct[0].Kind == ValueKind.List && column.Distinct[0].Items.Count > 0;
        }

        var any = false;
        var counted = new bool[column.Distinct.Length];
        foreach (var code in column.Codes)
        {
            if (counted[code])
            {
                continue;
            }

            counted[code] = true;
            var v = column.Distinct[code];
            if (v.Kind == ValueKind.Null)
            {
                continue;
            }

            if (v.Kind != ValueKind.List)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>CORE's <c>is_in</c>: null is in nothing; a value is in a list by equality and in a text as a substring.</summary>
    internal static bool IsIn(Value value, Value values)
    {
        if (value.Kind == ValueKind.Null || values.Kind == ValueKind.Null)
        {
            return false;
        }

        return values.Kind switch
        {
            ValueKind.List => values.ListContains(value),
            ValueKind.Text => value.Text is { } s && values.Text!.Contains(s, StringComparison.Ordinal),
            _ => false,
        };
    }

    private static bool[] ContainedBy(CheckContext c, FrameColumn target, Comparand comparand, bool caseInsensitive)
    {
        static Value Lower(Value v) => v.Kind switch
        {
            ValueKind.Text => Value.Of(v.Text!.ToLowerInvariant()),
            ValueKind.List => Value.List(v.Items.Select(Lower)),
            _ => v,
        };

        if (caseInsensitive)
        {
            target = new FrameColumn(target.Name, target.Codes, target.Distinct.Select(Lower).ToArray());
            comparand = comparand.IsColumn
                ? new Comparand(new FrameColumn(comparand.Column!.Name, comparand.Column.Codes, comparand.Column.Distinct.Select(Lower).ToArray()), default)
                : new Comparand(null, Lower(comparand.Literal));
        }

        if (IsListColumn(target))
        {
            // A list in the target is contained when any of its items is.
            return PerRow(target, comparand, (v, comp) => v.Kind == ValueKind.List ? v.Items.Any(i => IsIn(i, comp)) : IsIn(v, comp));
        }

        if (comparand.IsColumn && IsListColumn(comparand.Column!))
        {
            return PerRow(target, comparand, IsIn);
        }

        // pandas isin: membership in the whole comparator column, or in the literal list.
        HashSet<Value> set;
        if (comparand.IsColumn)
        {
            set = [.. ValuesOf(comparand.Column!)];
        }
        else
        {
            set = comparand.Literal.Kind switch
            {
                ValueKind.List => [.. comparand.Literal.Items],
                ValueKind.Null => [],
                _ => [comparand.Literal],
            };
        }

        var setHasNull = set.Any(v => v.IsNull);
        return PerValue(target, v => v.IsNull ? setHasNull : set.Contains(v));
    }

    private static bool[] Contains(CheckContext c, Test t, bool caseInsensitive)
    {
        var target = c.Target(t);
        var comparand = c.Comparator(t);
        Func<Value, Value, bool> isIn = caseInsensitive
            ? (needle, hay) => needle.ToString().ToLowerInvariant() is var n && (hay.Kind == ValueKind.List
                ? hay.Items.Any(i => i.ToString().ToLowerInvariant() == n)
                : hay.ToString().ToLowerInvariant().Contains(n, StringComparison.Ordinal))
            : IsIn;
        if (IsListColumn(target) || comparand.Literal.Kind == ValueKind.Text)
        {
            return PerRow(target, comparand, (v, comp) => isIn(comp, v));
        }

        if (comparand.IsColumn)
        {
            // The comparator's value appears anywhere in the target column.
            var values = new HashSet<Value>(ValuesOf(target));
            var result = new bool[c.Rows];
            for (var r = 0; r < result.Length; r++)
            {
                result[r] = values.Contains(comparand.Column![r]);
            }

            return result;
        }

        return PerValue(target, v => v.Equals(comparand.Literal));
    }

    /// <summary>
    /// CORE's <c>contains_all</c>: per row when target and comparator both hold lists; otherwise one answer for the
    /// whole frame, which CORE's engine turns into a one-row result: it stands on the first record only.
    /// </summary>
    private static bool[] ContainsAll(CheckContext c, Test t, bool negate)
    {
        var target = c.Target(t);
        var raw = t.Param("value");
        if (raw is string name && c.Frame.Column(c.Resolve(name)) is { } comparator && IsListColumn(target) && IsListColumn(comparator))
        {
            var result = new bool[c.Rows];
            for (var r = 0; r < result.Length; r++)
            {
                var have = target[r].Items;
                result[r] = comparator[r].Items.All(have.Contains) != negate;
            }

            return result;
        }

        // Otherwise one answer for the whole frame: every listed value (a list column contributes its first list)
        // is among the target column's values.
        var wanted = new List<Value>();
        if (raw is not string && raw is IEnumerable<object?> items)
        {
            foreach (var item in items)
            {
                if (item is string s && c.Frame.Column(c.Resolve(s)) is { } col && c.Rows > 0 && col[0].Kind == ValueKind.List)
                {
                    wanted.AddRange(col[0].Items);
                }
                else
                {
                    wanted.Add(c.ResolveLiteral(item));
                }
            }
        }
        else if (raw is string s)
        {
            var col = c.Column(s);
            wanted.AddRange(ValuesOf(col));
        }

        var present = new HashSet<Value>(ValuesOf(target));
        var first = new bool[c.Rows];
        if (first.Length > 0)
        {
            first[0] = wanted.All(present.Contains) != negate;
        }

        return first;
    }
}
