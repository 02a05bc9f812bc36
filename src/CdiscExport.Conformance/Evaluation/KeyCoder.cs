using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation;

/// <summary>
/// Gives the rows of one or more frames an integer key per tuple of key values, equal across frames exactly when
/// the tuples are equal: what joins, grouped operations and counts match rows by. Each key column's distinct
/// values are looked up once (not once per row), and tuples are combined column by column, so a million-row
/// dataset is keyed without building a string per row.
/// </summary>
internal sealed class KeyCoder
{
    // Pairs of (tuple so far, value) are numbered through a dense table when it is small enough, else a hash table.
    private const long DenseLimit = 1 << 22;

    private readonly Dictionary<Value, int>[] valueIds;
    private readonly Dictionary<long, int>[] tupleIds;
    private readonly int[]?[] dense;
    private readonly int[] denseWidth;
    private readonly int[] counts;
    private readonly bool nullIsValue;
    private bool encoded;

    /// <param name="columns">How many key columns.</param>
    /// <param name="nullIsValue">Whether null is a key value of its own (pandas' merge and groupby(dropna=False));
    /// otherwise a row with a null key gets no key (-1).</param>
    public KeyCoder(int columns, bool nullIsValue)
    {
        valueIds = Enumerable.Range(0, columns).Select(_ => new Dictionary<Value, int>()).ToArray();
        tupleIds = Enumerable.Range(0, columns).Select(_ => new Dictionary<long, int>()).ToArray();
        dense = new int[]?[columns];
        denseWidth = new int[columns];
        counts = new int[columns];
        this.nullIsValue = nullIsValue;
    }

    /// <summary>How many distinct keys were given so far.</summary>
    public int Count => counts.Length == 0 ? 1 : counts[^1];

    /// <summary>
    /// The key of each row of <paramref name="columns"/> (one per key position, all of the same length); with
    /// <paramref name="add"/> false, a tuple never seen before gets -1 (it matches nothing already keyed).
    /// </summary>
    /// <remarks>Keys are added by the first call only (the frame keyed first); later calls look them up.</remarks>
    public int[] Encode(IReadOnlyList<FrameColumn> columns, int rows, bool add)
    {
        if (add && encoded)
        {
            throw new InvalidOperationException("KeyCoder adds keys in its first Encode only; look the other frames up with add: false");
        }

        encoded = true;
        var keys = new int[rows];
        for (var j = 0; j < columns.Count; j++)
        {
            var column = columns[j];
            var canonical = new int[column.Distinct.Length];
            var ids = valueIds[j];
            for (var k = 0; k < canonical.Length; k++)
            {
                var v = column.Distinct[k];
                if (v.IsNull)
                {
                    canonical[k] = nullIsValue ? 0 : -1;
                }
                else if (ids.TryGetValue(v, out var id))
                {
                    canonical[k] = id;
                }
                else if (add)
                {
                    canonical[k] = ids[v] = ids.Count + 1;
                }
                else
                {
                    canonical[k] = -1;
                }
            }

            var tuples = tupleIds[j];
            var codes = column.Codes;
            var previous = j == 0 ? 1 : counts[j - 1];
            var width = ids.Count + 1;
            if (add && dense[j] is null && tuples.Count == 0 && (long)previous * width <= DenseLimit)
            {
                dense[j] = new int[previous * width];
                Array.Fill(dense[j]!, -1);
                denseWidth[j] = width;
            }

            var table = dense[j];
            var tableWidth = denseWidth[j];
            for (var r = 0; r < rows; r++)
            {
                if (keys[r] < 0)
                {
                    continue;
                }

                var c = canonical[codes[r]];
                if (c < 0)
                {
                    keys[r] = -1;
                    continue;
                }

                int id;
                if (table is not null)
                {
                    if (c >= tableWidth || keys[r] * (long)tableWidth + c >= table.Length)
                    {
                        keys[r] = -1;
                        continue;
                    }

                    var slot = keys[r] * tableWidth + c;
                    id = table[slot];
                    if (id < 0)
                    {
                        if (!add)
                        {
                            keys[r] = -1;
                            continue;
                        }

                        id = table[slot] = counts[j]++;
                    }
                }
                else
                {
                    var pair = ((long)keys[r] << 32) | (uint)c;
                    if (!tuples.TryGetValue(pair, out id))
                    {
                        if (!add)
                        {
                            keys[r] = -1;
                            continue;
                        }

                        id = counts[j]++;
                        tuples[pair] = id;
                    }
                }

                keys[r] = id;
            }
        }

        return keys;
    }

    /// <summary>For each key, the rows holding it, in row order (keys below 0 left out).</summary>
    public static List<int>[] RowsByKey(int[] keys, int keyCount)
    {
        var lists = new List<int>[keyCount];
        for (var r = 0; r < keys.Length; r++)
        {
            if (keys[r] >= 0)
            {
                (lists[keys[r]] ??= []).Add(r);
            }
        }

        return lists;
    }
}
