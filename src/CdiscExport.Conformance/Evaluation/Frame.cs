using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation;

/// <summary>
/// One column of a <see cref="Frame"/>: a code per row into a table of distinct values. A test that reads one
/// column and a constant is decided once per distinct value; a constant column is one value and a zero per row.
/// </summary>
internal sealed class FrameColumn
{
    private readonly FrameColumn? source;
    private readonly int[]? rows;
    private int[]? codes;

    /// <summary>A column of codes into <paramref name="distinct"/>.</summary>
    public FrameColumn(string name, int[] codes, Value[] distinct)
    {
        Name = name;
        this.codes = codes;
        Distinct = distinct;
        Count = codes.Length;
    }

    // Some rows of another column (a join, a filter): the codes are gathered only when a test reads them, so a
    // frame of many columns joined to a large dataset costs nothing for the columns no test reads.
    private FrameColumn(string name, FrameColumn source, int[] rows, Value[] distinct)
    {
        Name = name;
        this.source = source;
        this.rows = rows;
        Distinct = distinct;
        Count = rows.Length;
    }

    /// <summary>The column's name (case-sensitive, as pandas holds it).</summary>
    public string Name { get; }

    /// <summary>The code of each row (gathered on first use for a column taken from another).</summary>
    public int[] Codes => codes ??= Gather();

    /// <summary>The distinct values; a value may appear under two codes (codes need not be unique, only valid).</summary>
    public Value[] Distinct { get; }

    /// <summary>Rows.</summary>
    public int Count { get; }

    /// <summary>The value of a row.</summary>
    public Value this[int row] => Distinct[Codes[row]];

    /// <summary>Whether every row holds the same code (a constant, or a column of one distinct value).</summary>
    public bool IsConstant => Distinct.Length == 1;

    /// <summary>The same value on every row.</summary>
    public static FrameColumn Constant(string name, Value value, int rows) => new(name, ZeroCodes(rows), [value]);

    /// <summary>One value per row.</summary>
    public static FrameColumn Of(string name, Value[] values)
    {
        var codes = new int[values.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = i;
        }

        return new FrameColumn(name, codes, values);
    }

    /// <summary>One value per row, equal values sharing a code (for columns that repeat, such as joined ones).</summary>
    public static FrameColumn Encode(string name, IReadOnlyList<Value> values)
    {
        var index = new Dictionary<Value, int>();
        var distinct = new List<Value>();
        var codes = new int[values.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var v = values[i];
            if (!index.TryGetValue(v, out var code))
            {
                code = distinct.Count;
                distinct.Add(v);
                index[v] = code;
            }

            codes[i] = code;
        }

        return new FrameColumn(name, codes, distinct.ToArray());
    }

    /// <summary>The rows <paramref name="rows"/> of this column, in that order (a row index of -1 gives null); gathered lazily.</summary>
    public FrameColumn Take(int[] rows, string? name = null)
    {
        var distinct = Distinct;
        if (Array.IndexOf(rows, -1) >= 0)
        {
            distinct = [.. distinct, Value.Null];
        }

        return new FrameColumn(name ?? Name, this, rows, distinct);
    }

    /// <summary>The rows <paramref name="rows"/> of this column (list form of <see cref="Take(int[], string?)"/>).</summary>
    public FrameColumn Take(IReadOnlyList<int> rows, string? name = null) => Take(rows as int[] ?? rows.ToArray(), name);

    /// <summary>This column under another name.</summary>
    public FrameColumn Renamed(string name) => source is null ? new(name, Codes, Distinct) : new(name, source, rows!, Distinct);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Count} rows, {Distinct.Length} distinct)";

    private int[] Gather()
    {
        var from = source!.Codes;
        var nullCode = Distinct.Length - 1;
        var result = new int[rows!.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var r = rows[i];
            result[i] = r < 0 ? nullCode : from[r];
        }

        return result;
    }

    // Constant columns of the same length share one array of zeros (read only).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, int[]> Zeros = new();

    private static int[] ZeroCodes(int rows) => rows < 64 ? new int[rows] : Zeros.GetOrAdd(rows, n => new int[n]);
}

/// <summary>
/// The table a rule's check is evaluated on: the dataset's records (or its metadata, as the rule type says) with
/// the columns joined from other datasets and those computed by operations. Each row remembers the dataset and
/// record it came from, which is what findings report.
/// </summary>
internal sealed class Frame
{
    // The source arrays of a one-dataset frame of n rows (all zeros; 1..n), which frames only read: shared by every
    // frame of that size, as rules build one per dataset and variable.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, (int[] Names, int[] Records)> DatasetSources = new();

    private readonly List<FrameColumn> columns = [];
    private readonly Dictionary<string, int> byName = new(StringComparer.Ordinal);

    /// <summary>An empty frame of <paramref name="rows"/> rows coming from <paramref name="sourceNames"/>/<paramref name="sourceRows"/>.</summary>
    public Frame(int rows, string[] sourceNames, int[] sourceNameOfRow, int[] sourceRows)
    {
        RowCount = rows;
        SourceNames = sourceNames;
        SourceNameOfRow = sourceNameOfRow;
        SourceRows = sourceRows;
    }

    /// <summary>A frame of <paramref name="rows"/> rows of one dataset, row i being record i + 1.</summary>
    public static Frame ForDataset(string datasetName, int rows)
    {
        var (names, recs) = DatasetSources.GetOrAdd(rows, n =>
        {
            var records = new int[n];
            for (var i = 0; i < n; i++)
            {
                records[i] = i + 1;
            }

            return (new int[n], records);
        });
        return new Frame(rows, [datasetName], names, recs);
    }

    /// <summary>Rows.</summary>
    public int RowCount { get; }

    /// <summary>The datasets rows come from.</summary>
    public string[] SourceNames { get; }

    /// <summary>Per row, an index into <see cref="SourceNames"/>.</summary>
    public int[] SourceNameOfRow { get; }

    /// <summary>Per row, its record number (1-based) in its dataset; 0 when the row stands for no record.</summary>
    public int[] SourceRows { get; }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<FrameColumn> Columns => columns;

    /// <summary>The column names in order.</summary>
    public IEnumerable<string> Names => columns.Select(c => c.Name);

    /// <summary>Whether a column of that name exists.</summary>
    public bool Has(string name) => byName.ContainsKey(name);

    /// <summary>The column of that name, or null.</summary>
    public FrameColumn? Column(string name) => byName.TryGetValue(name, out var i) ? columns[i] : null;

    /// <summary>The dataset a row came from.</summary>
    public string SourceOf(int row) => SourceNames[SourceNameOfRow[row]];

    /// <summary>Adds a column, or replaces the one of the same name where it stands.</summary>
    public void Set(FrameColumn column)
    {
        if (column.Count != RowCount)
        {
            throw new InvalidOperationException($"column {column.Name} has {column.Count} rows; the frame has {RowCount}");
        }

        if (byName.TryGetValue(column.Name, out var i))
        {
            columns[i] = column;
        }
        else
        {
            byName[column.Name] = columns.Count;
            columns.Add(column);
        }
    }

    /// <summary>Removes a column if present.</summary>
    public void Remove(string name)
    {
        if (byName.Remove(name, out var i))
        {
            columns.RemoveAt(i);
            byName.Clear();
            for (var k = 0; k < columns.Count; k++)
            {
                byName[columns[k].Name] = k;
            }
        }
    }

    /// <summary>The rows <paramref name="rows"/>, in that order, with every column (each gathered when first read).</summary>
    public Frame Take(IReadOnlyList<int> rows)
    {
        var at = rows as int[] ?? rows.ToArray();
        var names = new int[at.Length];
        var recs = new int[at.Length];
        for (var i = 0; i < at.Length; i++)
        {
            names[i] = SourceNameOfRow[at[i]];
            recs[i] = SourceRows[at[i]];
        }

        var result = new Frame(at.Length, SourceNames, names, recs);
        foreach (var c in columns)
        {
            result.Set(c.Take(at));
        }

        return result;
    }

    /// <summary>
    /// The frames one after another (split datasets read as one): columns by name, a column one frame lacks being
    /// null there, in the order they first appear.
    /// </summary>
    public static Frame Concat(IReadOnlyList<Frame> frames)
    {
        if (frames.Count == 1)
        {
            return frames[0];
        }

        var total = frames.Sum(f => f.RowCount);
        var sourceNames = new List<string>();
        var nameOfRow = new int[total];
        var recs = new int[total];
        var offset = 0;
        foreach (var f in frames)
        {
            for (var r = 0; r < f.RowCount; r++)
            {
                var n = f.SourceOf(r);
                var k = sourceNames.IndexOf(n);
                if (k < 0)
                {
                    k = sourceNames.Count;
                    sourceNames.Add(n);
                }

                nameOfRow[offset + r] = k;
                recs[offset + r] = f.SourceRows[r];
            }

            offset += f.RowCount;
        }

        var result = new Frame(total, sourceNames.ToArray(), nameOfRow, recs);
        var order = new List<string>();
        foreach (var f in frames)
        {
            foreach (var name in f.Names)
            {
                if (!order.Contains(name))
                {
                    order.Add(name);
                }
            }
        }

        foreach (var name in order)
        {
            var codes = new int[total];
            var distinct = new List<Value>();
            offset = 0;
            foreach (var f in frames)
            {
                var c = f.Column(name);
                if (c is null)
                {
                    var nullCode = distinct.Count;
                    distinct.Add(Value.Null);
                    Array.Fill(codes, nullCode, offset, f.RowCount);
                }
                else
                {
                    var shift = distinct.Count;
                    distinct.AddRange(c.Distinct);
                    for (var r = 0; r < f.RowCount; r++)
                    {
                        codes[offset + r] = c.Codes[r] + shift;
                    }
                }

                offset += f.RowCount;
            }

            result.Set(new FrameColumn(name, codes, distinct.ToArray()));
        }

        return result;
    }
}
