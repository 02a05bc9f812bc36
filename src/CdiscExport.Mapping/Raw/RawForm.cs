using System.Collections.Concurrent;

namespace CdiscExport.Mapping.Raw;

/// <summary>One raw record of a form: its position among the form's records. Holds no values of its own.</summary>
internal readonly record struct RawRow(RawForm Form, int Index)
{
    /// <summary>The line the record starts on in its file (the header is line 1).</summary>
    public int Line => Form.LineOf(Index);

    /// <summary>The value in column <paramref name="ordinal"/> ("" past the last column).</summary>
    public string this[int ordinal] => Form.Get(Index, ordinal);
}

/// <summary>
/// One case-report form as exported by the EDC: a header of column names and its records, held in memory
/// (forms are small next to the datasets made from them, and several datasets read the same form).
/// </summary>
/// <remarks>
/// Values are held column by column, one array per column, not one array per record: a lab form of half a million
/// records would otherwise be a million small objects, each copied by the garbage collector as it ages.
/// </remarks>
internal sealed class RawForm
{
    private readonly Dictionary<string, int> _columns;
    private readonly string[][] _values;
    private readonly int[] _lines;
    private readonly ConcurrentDictionary<int, Lazy<IReadOnlyDictionary<string, List<RawRow>>>> _indexes = new();

    /// <param name="name">The form's name (its file name without .csv).</param>
    /// <param name="path">The file it was read from.</param>
    /// <param name="headers">The column names.</param>
    /// <param name="values">One array per column, each at least <paramref name="rowCount"/> long.</param>
    /// <param name="lines">The line each record starts on, at least <paramref name="rowCount"/> long.</param>
    /// <param name="rowCount">The number of records.</param>
    public RawForm(string name, string path, IReadOnlyList<string> headers, string[][] values, int[] lines, int rowCount)
    {
        Name = name;
        Path = path;
        Headers = headers;
        _values = values;
        _lines = lines;
        RowCount = rowCount;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            _columns.TryAdd(headers[i], i);
        }
    }

    public string Name { get; }

    public string Path { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The decimal mark the form's numbers are written with (<c>.</c> or <c>,</c>).</summary>
    public char DecimalMark { get; init; } = '.';

    /// <summary>What the reader chose about the layout that the spec did not say (a detected delimiter), or null.</summary>
    public string? LayoutNote { get; init; }

    /// <summary>The number of records.</summary>
    public int RowCount { get; }

    /// <summary>The record at <paramref name="index"/>.</summary>
    public RawRow Row(int index) => new(this, index);

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    public int Ordinal(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    public string Get(RawRow row, int ordinal) => Get(row.Index, ordinal);

    /// <summary>The value of record <paramref name="index"/> in column <paramref name="ordinal"/> ("" past the last column).</summary>
    public string Get(int index, int ordinal) => ordinal < _values.Length ? _values[ordinal][index] : string.Empty;

    /// <summary>The line record <paramref name="index"/> starts on.</summary>
    public int LineOf(int index) => _lines[index];

    /// <summary>
    /// The records by their value in column <paramref name="ordinal"/>, in file order: what joins and aggregates look
    /// records up by. Built once per column and shared (DM's RFXSTDTC and RFXENDTC both read exposure by SUBJID).
    /// </summary>
    public IReadOnlyDictionary<string, List<RawRow>> IndexBy(int ordinal) =>
        _indexes.GetOrAdd(ordinal, o => new Lazy<IReadOnlyDictionary<string, List<RawRow>>>(() => BuildIndex(o))).Value;

    private Dictionary<string, List<RawRow>> BuildIndex(int ordinal)
    {
        var index = new Dictionary<string, List<RawRow>>(StringComparer.Ordinal);
        for (var i = 0; i < RowCount; i++)
        {
            var value = Get(i, ordinal);
            if (!index.TryGetValue(value, out var rows))
            {
                index[value] = rows = [];
            }

            rows.Add(Row(i));
        }

        return index;
    }
}
