using System.Globalization;
using System.Numerics;
using CdiscExport.Core.Datasets;

namespace CdiscExport.Mapping.Derivations;

/// <summary>
/// The order of records on sort keys held as text: a key whose every value is a number sorts by value (so VISITNUM 10
/// follows 9), any other key ordinally (ISO 8601 dates sort correctly as text); missing values last. Each key column
/// is examined once, up front, and turned into a rank per row (the position of the row's value among the column's
/// distinct values), so that sorting half a million records compares integers, never text.
/// </summary>
internal sealed class ValueOrder : IComparer<int>
{
    private readonly int[][] _ranks;
    private readonly int[] _rankCounts;

    public ValueOrder(Dataset dataset, IReadOnlyList<string> variables)
    {
        _ranks = new int[variables.Count][];
        _rankCounts = new int[variables.Count];
        for (var k = 0; k < variables.Count; k++)
        {
            (_ranks[k], _rankCounts[k]) = Ranks(dataset[variables[k]]);
        }
    }

    /// <summary>Compares two rows on the keys in turn; 0 when they tie on all of them.</summary>
    public int Compare(int left, int right)
    {
        foreach (var ranks in _ranks)
        {
            var c = ranks[left].CompareTo(ranks[right]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>The rows' indexes in key order; ties keep their original order (a stable sort).</summary>
    public int[] SortedRows(int count)
    {
        // The usual case: every key's rank and the row index fit in one 64-bit number, which sorts as a whole.
        var bits = BitsFor(count);
        foreach (var rankCount in _rankCounts)
        {
            bits += BitsFor(rankCount);
        }

        return bits <= 64 ? SortedByPackedKeys(count) : SortedByComparison(count);
    }

    private int[] SortedByPackedKeys(int count)
    {
        var rowBits = BitsFor(count);
        var keys = new ulong[count];
        for (var k = 0; k < _ranks.Length; k++)
        {
            var ranks = _ranks[k];
            var width = BitsFor(_rankCounts[k]);
            for (var row = 0; row < count; row++)
            {
                keys[row] = (keys[row] << width) | (uint)ranks[row];
            }
        }

        for (var row = 0; row < count; row++)
        {
            keys[row] = (keys[row] << rowBits) | (uint)row;
        }

        Array.Sort(keys);
        var rows = new int[count];
        var mask = rowBits == 64 ? ulong.MaxValue : (1UL << rowBits) - 1;
        for (var i = 0; i < count; i++)
        {
            rows[i] = (int)(keys[i] & mask);
        }

        return rows;
    }

    private int[] SortedByComparison(int count)
    {
        var rows = Enumerable.Range(0, count).ToArray();
        // Array.Sort is not stable, so the row index is the last key.
        Array.Sort(rows, (l, r) =>
        {
            var c = Compare(l, r);
            return c != 0 ? c : l.CompareTo(r);
        });
        return rows;
    }

    // Bits that hold every value from 0 to count - 1 (0 when there is at most one).
    private static int BitsFor(int count) => count <= 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(count - 1));

    // Ranks 0..n-1 in value order, missing values after every value; returns the ranks and the number of ranks used.
    private static (int[] Ranks, int Count) Ranks(DatasetColumn column)
    {
        if (column is NumericColumn numbers)
        {
            var values = new double?[numbers.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = numbers[i];
            }

            return NumberRanks(values);
        }

        // Each distinct text once: a column of half a million values holds a few thousand of them.
        var distinct = ColumnValues.Of(column);
        var texts = distinct.Texts;
        var codes = distinct.Ids.ToArray();
        var parsed = new double?[texts.Count];
        var allNumbers = true;
        for (var i = 0; i < texts.Count && allNumbers; i++)
        {
            if (texts[i].Length == 0)
            {
                continue;
            }

            allNumbers = double.TryParse(texts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
            parsed[i] = d;
        }

        int[] codeRanks;
        int rankCount;
        if (allNumbers)
        {
            (codeRanks, rankCount) = NumberRanks(parsed);
        }
        else
        {
            var order = Enumerable.Range(0, texts.Count).ToArray();
            Array.Sort(order, (a, b) =>
            {
                string x = texts[a], y = texts[b];
                return x.Length == 0 || y.Length == 0 ? (x.Length == 0).CompareTo(y.Length == 0) : string.CompareOrdinal(x, y);
            });
            codeRanks = new int[texts.Count];
            for (var i = 0; i < order.Length; i++)
            {
                codeRanks[order[i]] = i;
            }

            rankCount = texts.Count;
        }

        for (var row = 0; row < codes.Length; row++)
        {
            codes[row] = codeRanks[codes[row]];
        }

        return (codes, rankCount);
    }

    // Values that compare equal share a rank; missing values share the last one.
    private static (int[] Ranks, int Count) NumberRanks(double?[] values)
    {
        var distinct = values.Where(v => v is not null).Select(v => v!.Value).Distinct().ToArray();
        Array.Sort(distinct, (a, b) => a.CompareTo(b));
        var rankOf = new Dictionary<double, int>(distinct.Length);
        var rank = -1;
        for (var i = 0; i < distinct.Length; i++)
        {
            if (i == 0 || distinct[i].CompareTo(distinct[i - 1]) != 0)
            {
                rank++;
            }

            rankOf[distinct[i]] = rank;
        }

        var missing = rank + 1;
        var ranks = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            ranks[i] = values[i] is { } v ? rankOf[v] : missing;
        }

        return (ranks, missing + 1);
    }
}
