namespace CdiscExport.Conformance.Engine;

/// <summary>
/// The rows of one dataset grouped by the codes of some of its columns: rows share a group exactly when every
/// column holds the same text in them. Key, duplicate and "one value per group" checks index arrays by group
/// instead of hashing a joined string per row.
/// </summary>
/// <remarks>Group numbers are arbitrary (not in row order); a number may belong to no row. Immutable once built.</remarks>
public sealed class RowGroups
{
    // Combining two code columns through a dense array beats a hash table until the array outgrows the cache.
    private const long DenseLimit = 1 << 22;

    private readonly int[] groups;

    private RowGroups(int[] groups, int count)
    {
        this.groups = groups;
        Count = count;
    }

    /// <summary>How many group numbers exist (every group number is below this).</summary>
    public int Count { get; }

    /// <summary>The group of each row.</summary>
    public ReadOnlySpan<int> Groups => groups;

    /// <summary>Groups <paramref name="rowCount"/> rows by <paramref name="columns"/>; no columns makes one group.</summary>
    public static RowGroups Of(IReadOnlyList<EncodedColumn> columns, int rowCount)
    {
        var groups = new int[rowCount];
        var count = 1;
        foreach (var column in columns)
        {
            var codes = column.Codes;
            var distinct = column.DistinctCount;
            if (count == 1)
            {
                codes.CopyTo(groups);
                count = distinct;
            }
            else if ((long)count * distinct <= Math.Max(DenseLimit, 2L * rowCount))
            {
                count = CombineDense(groups, codes, count, distinct);
            }
            else
            {
                count = CombineHashed(groups, codes, distinct);
            }
        }

        return new RowGroups(groups, count);
    }

    /// <summary>The first row of each group, or -1 for a number no row has.</summary>
    public int[] FirstRows()
    {
        var first = new int[Count];
        Array.Fill(first, -1);
        for (var r = 0; r < groups.Length; r++)
        {
            if (first[groups[r]] < 0)
            {
                first[groups[r]] = r;
            }
        }

        return first;
    }

    private static int CombineDense(int[] groups, ReadOnlySpan<int> codes, int count, int distinct)
    {
        var map = new int[count * distinct];
        Array.Fill(map, -1);
        var next = 0;
        for (var r = 0; r < groups.Length; r++)
        {
            ref var id = ref map[(groups[r] * distinct) + codes[r]];
            if (id < 0)
            {
                id = next++;
            }

            groups[r] = id;
        }

        return next;
    }

    private static int CombineHashed(int[] groups, ReadOnlySpan<int> codes, int distinct)
    {
        var map = new Dictionary<long, int>();
        for (var r = 0; r < groups.Length; r++)
        {
            var key = ((long)groups[r] * distinct) + codes[r];
            if (!map.TryGetValue(key, out var id))
            {
                id = map.Count;
                map.Add(key, id);
            }

            groups[r] = id;
        }

        return map.Count;
    }
}
