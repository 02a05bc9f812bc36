using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation.Operators;

/// <summary>Operators about the order of records within groups.</summary>
internal static partial class OperatorRegistry
{
    private static void RegisterOrder()
    {
        AddPair("has_next_corresponding_record", "does_not_have_next_corresponding_record", HasNextCorrespondingRecord);
        Add("empty_within_except_last_row", (c, t) => WithinExceptLastRow(c, t, empty: true));
        Add("non_empty_within_except_last_row", (c, t) => WithinExceptLastRow(c, t, empty: false));
        AddPair("target_is_sorted_by", "target_is_not_sorted_by", TargetIsSortedBy);
    }

    /// <summary>pandas' sort order on one column: numbers by value, texts ordinally, nulls last; ties keep row order.</summary>
    internal static int CompareForSort(Value a, Value b)
    {
        if (a.IsNull || b.IsNull)
        {
            return a.IsNull == b.IsNull ? 0 : a.IsNull ? 1 : -1;
        }

        if (a.Number is double x && b.Number is double y)
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(a.ToString(), b.ToString());
    }

    private static int[] SortedRows(int rows, params FrameColumn[] keys)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        var sorted = order.OrderBy(r => r, Comparer<int>.Create((p, q) =>
        {
            foreach (var k in keys)
            {
                var c = CompareForSort(k[p], k[q]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        })).ToArray();
        return sorted;
    }

    /// <summary>
    /// CORE's <c>has_next_corresponding_record</c>: records sorted by <c>ordering</c>, grouped by <c>within</c> (groups in
    /// key order); each record's target equals the next record's comparator, the last of a group passes. CORE lays the
    /// answers out in that sorted, grouped order and aligns them with the records by position, as done here.
    /// </summary>
    private static bool[] HasNextCorrespondingRecord(CheckContext c, Test t)
    {
        var target = c.Target(t);
        var comparator = c.Column(t.Param("value") as string ?? "");
        var within = c.Column(c.Names(t.Param("within")).FirstOrDefault() ?? "");
        var ordering = c.Column(t.Param("ordering") as string ?? "");
        var sorted = SortedRows(c.Rows, ordering);
        var groups = sorted.Where(r => !within[r].IsNull).GroupBy(r => within[r]).OrderBy(g => g.Key, Comparer<Value>.Create(CompareForSort));
        var answers = new List<bool>();
        foreach (var g in groups)
        {
            var members = g.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                answers.Add(i == members.Count - 1 || target[members[i]].Equals(comparator[members[i + 1]]) || (target[members[i]].IsNull && comparator[members[i + 1]].IsNull));
            }
        }

        var result = new bool[c.Rows];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = r < answers.Count && answers[r];
        }

        return result;
    }

    /// <summary>
    /// CORE's <c>empty_within_except_last_row</c>: within each group of <c>value</c>, sorted by <c>ordering</c>, every
    /// record but the last has the target empty (non-empty for the negated form); the last record is never flagged.
    /// </summary>
    private static bool[] WithinExceptLastRow(CheckContext c, Test t, bool empty)
    {
        var target = c.Target(t);
        var group = c.Column(t.Param("value") as string ?? "");
        var keys = t.Param("ordering") is string o ? new[] { group, c.Column(o) } : new[] { group };
        var sorted = SortedRows(c.Rows, keys);
        var result = new bool[c.Rows];
        foreach (var g in sorted.Where(r => !group[r].IsNull).GroupBy(r => group[r]))
        {
            var members = g.ToList();
            for (var i = 0; i < members.Count - 1; i++)
            {
                result[members[i]] = target[members[i]].IsNull == empty;
            }
        }

        return result;
    }

    /// <summary>
    /// CORE's <c>target_is_sorted_by</c>: within each <c>within</c> group, the target (e.g. --SEQ) follows the order of
    /// each listed comparator (e.g. --STDTC ascending, nulls last). A record is out of order when its target is not
    /// where the comparator's order puts it, when it breaks the order with its neighbours, when a null comes before
    /// a value (nulls last), or when its date overlaps another of a different precision (2020-01 and 2020-01-05).
    /// </summary>
    private static bool[] TargetIsSortedBy(CheckContext c, Test t)
    {
        var target = c.Target(t);
        var within = c.Names(t.Param("within")).Select(c.Column).ToList();
        var result = Filled(c.Rows, true);
        if (t.Param("value") is not IEnumerable<object?> specs)
        {
            return result;
        }

        var ids = GroupIds(within, c.Rows, out _);
        foreach (var spec in specs.OfType<IReadOnlyDictionary<string, object?>>())
        {
            var comparator = c.Column(spec.GetValueOrDefault("name") as string ?? "");
            var ascending = !string.Equals(spec.GetValueOrDefault("sort_order") as string, "desc", StringComparison.OrdinalIgnoreCase);
            var nullsLast = !string.Equals(spec.GetValueOrDefault("null_position") as string, "first", StringComparison.OrdinalIgnoreCase);
            foreach (var group in SortedRows(c.Rows, target).GroupBy(r => ids[r]))
            {
                var members = group.ToList();
                var valid = members.ToDictionary(r => r, _ => true);
                var nulls = members.Where(r => comparator[r].IsNull || comparator[r].ToString().Trim().Length == 0).ToList();
                var values = members.Except(nulls).ToList();
                if (nulls.Count > 0 && values.Count > 0)
                {
                    var misplaced = nullsLast
                        ? members.IndexOf(nulls[0]) < members.IndexOf(values[^1])
                        : members.IndexOf(nulls[^1]) > members.IndexOf(values[0]);
                    if (misplaced)
                    {
                        nulls.ForEach(r => valid[r] = false);
                    }
                }

                // Dates of different precision that overlap cannot be ordered: both are flagged.
                var overlapping = new HashSet<int>();
                for (var i = 0; i < values.Count; i++)
                {
                    for (var j = 0; j < values.Count; j++)
                    {
                        var a = comparator[values[i]].Text;
                        var b = comparator[values[j]].Text;
                        if (i != j && a is not null && b is not null && IsoDates.IsValid(a) && IsoDates.IsValid(b))
                        {
                            var (da, pa) = DateAndPrecision(a);
                            var (db, pb) = DateAndPrecision(b);
                            if (pa != pb && (pa < pb ? db.StartsWith(da, StringComparison.Ordinal) : da.StartsWith(db, StringComparison.Ordinal)))
                            {
                                overlapping.Add(values[i]);
                                overlapping.Add(values[j]);
                            }
                        }
                    }
                }

                var ordered = values.Where(r => !overlapping.Contains(r)).ToList();
                var expected = ordered.OrderBy(r => comparator[r], Comparer<Value>.Create((p, q) => ascending ? CompareForSort(p, q) : CompareForSort(q, p))).ToList();
                for (var i = 0; i < ordered.Count; i++)
                {
                    if (!SameSortKey(target[ordered[i]], target[expected[i]]))
                    {
                        valid[ordered[i]] = false;
                    }
                }

                // Each value against its nearest non-null neighbours in target order.
                for (var i = 0; i < values.Count; i++)
                {
                    var r = values[i];
                    if (!valid[r])
                    {
                        continue;
                    }

                    var cur = comparator[r];
                    var prev = i > 0 ? comparator[values[i - 1]] : Value.Null;
                    var next = i < values.Count - 1 ? comparator[values[i + 1]] : Value.Null;
                    var lt = !prev.IsNull && CompareForSort(cur, prev) < 0;
                    var gt = !next.IsNull && CompareForSort(cur, next) > 0;
                    if (ascending ? lt || gt : (!prev.IsNull && CompareForSort(cur, prev) > 0) || (!next.IsNull && CompareForSort(cur, next) < 0))
                    {
                        valid[r] = false;
                    }
                }

                foreach (var r in members)
                {
                    result[r] &= valid[r] && !overlapping.Contains(r);
                }
            }
        }

        return result;
    }

    private static bool SameSortKey(Value a, Value b)
    {
        if (a.Text is { } x && b.Text is { } y && IsoDates.IsValid(x) && IsoDates.IsValid(y))
        {
            return DateAndPrecision(x) == DateAndPrecision(y);
        }

        return a.Equals(b);
    }

    /// <summary>CORE's <c>parse_date</c>: the text up to an unknown part and the number of parts given.</summary>
    private static (string Date, int Precision) DateAndPrecision(string s)
    {
        var cut = s.IndexOf("--", StringComparison.Ordinal);
        if (cut >= 0)
        {
            s = s[..cut];
        }

        return (s, s.Split('-', 'T', ':').Count(p => p.Length > 0));
    }
}
