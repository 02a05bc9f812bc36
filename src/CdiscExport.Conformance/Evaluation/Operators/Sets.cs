using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation.Operators;

/// <summary>Uniqueness of key sets, one-to-one relationships, consistency within groups, repetition within groups.</summary>
internal static partial class OperatorRegistry
{
    private static void RegisterSets()
    {
        AddPair("is_unique_set", "is_not_unique_set", UniqueSet);
        AddPair("is_unique_relationship", "is_not_unique_relationship", (c, t) => Negate(NotUniqueRelationship(c, t)));
        Functions["is_not_unique_relationship"] = NotUniqueRelationship;
        Add("is_inconsistent_across_dataset", InconsistentAcrossDataset);
        Add("present_on_multiple_rows_within", (c, t) => PresentOnMultipleRows(c, t, present: true));
        Add("not_present_on_multiple_rows_within", (c, t) => PresentOnMultipleRows(c, t, present: false));
        AddPair("has_different_values", "has_same_values", (c, t) =>
        {
            var target = c.Target(t);
            return Filled(c.Rows, ValuesOf(target).Count() > 1);
        });
    }

    /// <summary>
    /// Group ids of the rows by the values of <paramref name="columns"/> (null, blank and empty list one value), numbered
    /// in order of first appearance; built column by column from the codes, so no key is built per row.
    /// </summary>
    internal static int[] GroupIds(IReadOnlyList<FrameColumn> columns, int rows, out int groupCount)
    {
        // RowGroups refines column by column through dense tables where they fit (Core.Datasets).
        var groups = CdiscExport.Core.Datasets.RowGroups.All(rows);
        foreach (var column in columns)
        {
            var canonical = CanonicalCodes(column);
            var ids = new int[rows];
            var codes = column.Codes;
            for (var r = 0; r < rows; r++)
            {
                ids[r] = canonical[codes[r]];
            }

            groups = groups.By(ids, canonical.DefaultIfEmpty(0).Max() + 1);
        }

        groupCount = groups.Count;
        return groups.Groups.ToArray();
    }

    /// <summary>For each code of a column, one id per distinct value (every null-like value shares id 0).</summary>
    internal static int[] CanonicalCodes(FrameColumn column)
    {
        var index = new Dictionary<Value, int>();
        var result = new int[column.Distinct.Length];
        for (var k = 0; k < result.Length; k++)
        {
            var v = column.Distinct[k];
            if (v.IsNull)
            {
                result[k] = 0;
                continue;
            }

            if (!index.TryGetValue(v, out var id))
            {
                id = index.Count + 1;
                index[v] = id;
            }

            result[k] = id;
        }

        return result;
    }

    /// <summary>
    /// CORE's <c>is_unique_set</c>: the target and the comparator's variables (those present; a variable holding a
    /// list of names contributes those names) identify at most one row. With <c>regex</c>, columns whose first value
    /// matches it are compared by the part the regex finds.
    /// </summary>
    private static bool[] UniqueSet(CheckContext c, Test t)
    {
        var names = new List<string>();
        void Flatten(object? item)
        {
            switch (item)
            {
                case string s:
                    var resolved = c.Resolve(s);
                    if (c.Frame.Column(resolved) is { } col && c.Rows > 0 && col[0].Kind == ValueKind.List)
                    {
                        names.AddRange(col[0].Items.Select(v => v.ToString()));
                    }
                    else
                    {
                        names.Add(resolved);
                    }

                    break;
                case IEnumerable<object?> list:
                    foreach (var x in list)
                    {
                        Flatten(x);
                    }

                    break;
            }
        }

        Flatten(t.Name);
        Flatten(t.Param("value"));
        var regex = t.Param("regex") as string;
        var columns = names.Distinct().Select(n => c.Frame.Column(n)).OfType<FrameColumn>().Select(col =>
        {
            if (regex is null || col.Codes.Length == 0)
            {
                return col;
            }

            var first = ValuesOf(col).FirstOrDefault(v => !v.IsNull);
            var pattern = PythonRegex(@"\A(?:" + regex + ")");
            if (first.Text is not { } s || !pattern.IsMatch(s))
            {
                return col;
            }

            var finder = PythonRegex(regex);
            return new FrameColumn(col.Name, col.Codes, col.Distinct.Select(v => v.Text is { Length: > 0 } x && FindAll(finder, x) is { } part ? Value.Of(part) : v).ToArray());
        }).ToList();
        var ids = GroupIds(columns, c.Rows, out var count);
        var sizes = new int[count];
        foreach (var id in ids)
        {
            sizes[id]++;
        }

        var result = new bool[c.Rows];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = sizes[ids[r]] <= 1;
        }

        return result;
    }

    /// <summary>
    /// CORE's <c>is_not_unique_relationship</c>: a non-null target value that goes with two comparator values (or
    /// with one and null), or a comparator value (or tuple, every part non-null) that goes with two target values,
    /// flags every row holding it.
    /// </summary>
    private static bool[] NotUniqueRelationship(CheckContext c, Test t)
    {
        var target = c.Target(t);
        var comparators = c.Names(t.Param("value")).Select(c.Column).ToList();
        var rows = c.Rows;

        // Codes, not texts: the target's values as canonical ids (0 null), the comparator's as tuple ids (-1 when a
        // part is null).
        var targetIds = CanonicalCodes(target);
        var coder = new KeyCoder(comparators.Count, nullIsValue: false);
        var tuple = coder.Encode(comparators, rows, add: true);
        var targetCodes = target.Codes;
        var maxTarget = targetIds.DefaultIfEmpty(0).Max() + 1;
        var firstTuple = new int[maxTarget];
        var targetSpread = new bool[maxTarget];
        var targetNull = new bool[maxTarget];
        Array.Fill(firstTuple, int.MinValue);
        var firstTarget = new int[coder.Count];
        var tupleSpread = new bool[coder.Count];
        var tupleNull = new bool[coder.Count];
        Array.Fill(firstTarget, int.MinValue);
        for (var r = 0; r < rows; r++)
        {
            var tv = targetIds[targetCodes[r]];
            var k = tuple[r];
            if (tv == 0 && comparators.All(col => col[r].IsNull))
            {
                continue;
            }

            if (tv != 0)
            {
                if (k < 0)
                {
                    targetNull[tv] = true;
                }
                else if (firstTuple[tv] == int.MinValue)
                {
                    firstTuple[tv] = k;
                }
                else if (firstTuple[tv] != k)
                {
                    targetSpread[tv] = true;
                }
            }

            if (k >= 0)
            {
                if (tv == 0)
                {
                    tupleNull[k] = true;
                }
                else if (firstTarget[k] == int.MinValue)
                {
                    firstTarget[k] = tv;
                }
                else if (firstTarget[k] != tv)
                {
                    tupleSpread[k] = true;
                }
            }
        }

        bool TargetViolated(int tv) => tv != 0 && (targetSpread[tv] || (targetNull[tv] && firstTuple[tv] != int.MinValue));
        bool TupleViolated(int k) => k >= 0 && (tupleSpread[k] || (tupleNull[k] && firstTarget[k] != int.MinValue));
        var result = new bool[rows];
        for (var r = 0; r < rows; r++)
        {
            result[r] = TargetViolated(targetIds[targetCodes[r]]) || TupleViolated(tuple[r]);
        }

        return result;
    }

    /// <summary>
    /// CORE's <c>is_inconsistent_across_dataset</c>: within each group of the comparator variables, rows whose
    /// target differs from the group's most common value (all rows of the group when two values tie for most common).
    /// </summary>
    private static bool[] InconsistentAcrossDataset(CheckContext c, Test t)
    {
        var target = c.Target(t);
        var groupColumns = c.Names(t.Param("value")).Select(n => c.Frame.Column(n)).OfType<FrameColumn>().ToList();
        var regex = t.Param("regex") switch
        {
            string s => s,
            IEnumerable<object?> list => list.FirstOrDefault() as string,
            _ => null,
        };
        var values = new Value[c.Rows];
        var finder = regex is null ? null : PythonRegex(regex);
        for (var r = 0; r < values.Length; r++)
        {
            var v = target[r];
            if (finder is not null && v.ToString() is { } s && finder.Match(s) is { Success: true } m)
            {
                v = Value.Of(m.Groups.Count > 1 ? m.Groups[1].Value : m.Value);
            }

            values[r] = v;
        }

        var ids = GroupIds(groupColumns, c.Rows, out var count);
        var result = new bool[c.Rows];
        var members = new List<int>[count];
        for (var r = 0; r < ids.Length; r++)
        {
            (members[ids[r]] ??= []).Add(r);
        }

        foreach (var group in members)
        {
            if (group is null)
            {
                continue;
            }

            var counts = group.GroupBy(r => values[r]).Select(g => (Value: g.Key, Count: g.Count())).ToList();
            if (counts.Count <= 1)
            {
                continue;
            }

            var max = counts.Max(x => x.Count);
            var top = counts.Where(x => x.Count == max).ToList();
            foreach (var r in group)
            {
                result[r] = top.Count > 1 || !values[r].Equals(top[0].Value);
            }
        }

        return result;
    }

    /// <summary>
    /// CORE's <c>present_on_multiple_rows_within</c>: the (within, target) pair occurs on more than
    /// <c>value</c> rows (default 1); the negated form, on at most that many. A row with a null in either is in no
    /// group (pandas drops null group keys) and is flagged by neither form.
    /// </summary>
    private static bool[] PresentOnMultipleRows(CheckContext c, Test t, bool present)
    {
        var target = c.Target(t);
        var within = c.Names(t.Param("within")).Select(c.Column).ToList();
        var min = t.Param("value") switch { long n => (int)n, double d => (int)d, _ => 1 };
        var columns = within.Append(target).ToList();
        var ids = GroupIds(columns, c.Rows, out var count);
        var sizes = new int[count];
        foreach (var id in ids)
        {
            sizes[id]++;
        }

        var result = new bool[c.Rows];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = !columns.Any(col => col[r].IsNull) && (sizes[ids[r]] > min) == present;
        }

        return result;
    }
}
