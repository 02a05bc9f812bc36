using System.Buffers;

namespace CdiscExport.Core.Datasets;

/// <summary>
/// The records of a dataset partitioned by the values of some columns, each column given as an id per record (the ids
/// of <see cref="ColumnValues"/>, or any dictionary encoding): records share a group exactly when they hold the same
/// value in every column. Key, duplicate and "one value per group" questions then index arrays by group instead of
/// hashing a joined text per record. Groups are numbered 0, 1, 2... in order of their first record.
/// </summary>
/// <example>
/// <c>RowGroups.Of(n, [ColumnValues.Of(lb["LBTESTCD"]), ColumnValues.Of(lb["LBMETHOD"])])</c>: the value-level
/// groups of LB.
/// </example>
/// <remarks>Immutable: <see cref="By(ReadOnlySpan{int}, int)"/> returns a new partition.</remarks>
public sealed class RowGroups
{
    // Refining through a dense (group, value) table beats a hash table until the table outgrows the cache; a table the
    // size of the records themselves is always affordable.
    private const long TableLimit = 1 << 22;

    private readonly int[] _groups;

    private RowGroups(int[] groups, int count)
    {
        _groups = groups;
        Count = count;
    }

    /// <summary>The number of groups.</summary>
    public int Count { get; }

    /// <summary>The number of records.</summary>
    public int RowCount => _groups.Length;

    /// <summary>True when every record is alone in its group, i.e. the columns so far identify each record.</summary>
    public bool IsUnique => Count == _groups.Length;

    /// <summary>The group of each record, by record.</summary>
    public ReadOnlySpan<int> Groups => _groups;

    /// <summary>One group holding all <paramref name="rowCount"/> records (none when there are no records).</summary>
    public static RowGroups All(int rowCount) => new(new int[rowCount], rowCount == 0 ? 0 : 1);

    /// <summary>
    /// The <paramref name="rowCount"/> records grouped by their values in every one of <paramref name="columns"/>
    /// (one group holding them all when there is no column).
    /// </summary>
    public static RowGroups Of(int rowCount, IEnumerable<ColumnValues> columns) =>
        columns.Aggregate(All(rowCount), (groups, values) => groups.By(values));

    /// <summary>The group of <paramref name="row"/>.</summary>
    public int GroupOf(int row) => _groups[row];

    /// <summary>These groups split further by the value each record holds in <paramref name="values"/>.</summary>
    public RowGroups By(ColumnValues values) => By(values.Ids, values.Count);

    /// <summary>
    /// These groups split further by <paramref name="ids"/>, one value id per record, each below
    /// <paramref name="distinctCount"/>.
    /// </summary>
    public RowGroups By(ReadOnlySpan<int> ids, int distinctCount)
    {
        var refined = new int[_groups.Length];
        var count = (long)Count * distinctCount <= Math.Max(TableLimit, 2L * _groups.Length)
            ? RefineThroughTable(ids, distinctCount, refined)
            : RefineGroupByGroup(ids, distinctCount, refined);
        return new RowGroups(refined, count);
    }

    // One pass through a dense (group, value) table, borrowed from the shared pool: a fresh table of millions of slots
    // per refinement would cost the allocation, and the kernel's zeroing of its pages, every time.
    private int RefineThroughTable(ReadOnlySpan<int> ids, int distinctCount, int[] refined)
    {
        var size = Count * distinctCount;
        var table = ArrayPool<int>.Shared.Rent(Math.Max(size, 1));
        try
        {
            Array.Clear(table, 0, size);
            var count = 0;
            for (var row = 0; row < refined.Length; row++)
            {
                ref var slot = ref table[(_groups[row] * distinctCount) + ids[row]];
                if (slot == 0)
                {
                    slot = ++count; // 0 marks an unused slot, so slots hold group + 1
                }

                refined[row] = slot - 1;
            }

            return count;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
        }
    }

    // Too many (group, value) pairs for a table: the records are bucketed by group (a stable counting sort), each group
    // is split by value through one array indexed by value, and the new groups are then renumbered in order of their
    // first record. Linear in the records and values, with no hashing.
    private int RefineGroupByGroup(ReadOnlySpan<int> ids, int distinctCount, int[] refined)
    {
        var pool = ArrayPool<int>.Shared;
        var starts = pool.Rent(Count + 1);
        var rows = pool.Rent(refined.Length);
        var owner = pool.Rent(distinctCount);
        var local = pool.Rent(distinctCount);
        var renumbered = pool.Rent(refined.Length);
        try
        {
            Array.Clear(starts, 0, Count + 1);
            foreach (var group in _groups)
            {
                starts[group + 1]++;
            }

            for (var g = 0; g < Count; g++)
            {
                starts[g + 1] += starts[g];
            }

            for (var row = 0; row < refined.Length; row++)
            {
                rows[starts[_groups[row]]++] = row;
            }

            // starts[g] now ends group g, i.e. begins group g + 1.
            Array.Fill(owner, -1, 0, distinctCount);
            var provisional = 0;
            for (int g = 0, at = 0; g < Count; g++)
            {
                for (; at < starts[g]; at++)
                {
                    var row = rows[at];
                    var id = ids[row];
                    if (owner[id] != g)
                    {
                        owner[id] = g;
                        local[id] = provisional++;
                    }

                    refined[row] = local[id];
                }
            }

            Array.Fill(renumbered, -1, 0, provisional);
            var count = 0;
            for (var row = 0; row < refined.Length; row++)
            {
                ref var number = ref renumbered[refined[row]];
                if (number < 0)
                {
                    number = count++;
                }

                refined[row] = number;
            }

            return count;
        }
        finally
        {
            pool.Return(starts);
            pool.Return(rows);
            pool.Return(owner);
            pool.Return(local);
            pool.Return(renumbered);
        }
    }

    /// <summary>The first record of each group, by group.</summary>
    public int[] FirstRows()
    {
        var first = new int[Count];
        for (int row = 0, seen = 0; row < _groups.Length && seen < Count; row++)
        {
            // Groups are numbered in order of their first record, so the next new group is always number 'seen'.
            if (_groups[row] == seen)
            {
                first[seen++] = row;
            }
        }

        return first;
    }

    /// <summary>The distinct value ids of <paramref name="values"/> that each group's records hold, by group.</summary>
    public List<int>[] ValuesPerGroup(ColumnValues values)
    {
        var result = new List<int>[Count];
        for (var g = 0; g < result.Length; g++)
        {
            result[g] = [];
        }

        var width = values.Count;
        var table = (long)Count * width <= TableLimit ? new bool[Count * width] : null;
        var seen = table is null ? new HashSet<long>() : null;
        var last = -1L;
        for (var row = 0; row < _groups.Length; row++)
        {
            var id = values.IdOf(row);
            var pair = ((long)_groups[row] * width) + id;
            if (pair == last)
            {
                continue;
            }

            last = pair;
            if (table is not null ? !table[pair] : seen!.Add(pair))
            {
                if (table is not null)
                {
                    table[pair] = true;
                }

                result[_groups[row]].Add(id);
            }
        }

        return result;
    }
}
