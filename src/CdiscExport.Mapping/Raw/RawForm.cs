namespace CdiscExport.Mapping.Raw;

/// <summary>One raw record and the line it starts on in its file (the header is line 1).</summary>
internal sealed record RawRow(int Line, string[] Values);

/// <summary>
/// One case-report form as exported by the EDC: a header of column names and its records, held in memory
/// (forms are small next to the datasets made from them, and several datasets read the same form).
/// </summary>
internal sealed class RawForm
{
    private readonly Dictionary<string, int> _columns;

    public RawForm(string name, string path, IReadOnlyList<string> headers, IReadOnlyList<RawRow> rows)
    {
        Name = name;
        Path = path;
        Headers = headers;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            _columns.TryAdd(headers[i], i);
        }
    }

    public string Name { get; }

    public string Path { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<RawRow> Rows { get; }

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    public int Ordinal(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    public string Get(RawRow row, int ordinal) => ordinal < row.Values.Length ? row.Values[ordinal] : string.Empty;
}
