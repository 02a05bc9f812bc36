using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// A table of values declared in the study file (<c>tables:</c>), keyed on one or more of its columns: a cohort to
/// its arm, a local lab test name to its CDISC test code, specimen and standard unit.
/// </summary>
internal sealed class LookupTable
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _rows = new(StringComparer.Ordinal);

    // The rows again as arrays in the order of Columns ("" where a row has no value), for lookups by column index; each
    // kept with its key, so that remembering the row found last allocates nothing.
    private readonly Dictionary<string, FoundRow> _rowValues = new(StringComparer.Ordinal);

    // The row found last: the lookups of one record (LBTESTCD, LBCAT, LBSPEC... from one lab test name) share their
    // key, so all but the first find it here. A whole object, so that datasets mapped side by side see a consistent pair.
    private FoundRow? _last;

    public LookupTable(SpecNode node, string name)
    {
        Name = name;
        Node = node;
        var map = node.Keys("key", "rows");
        Keys = map.Required("key").Strings();
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rowNode in map.Required("rows").Items())
        {
            var row = rowNode.Entries().ToDictionary(e => e.Key, e => e.Value.Scalar(), StringComparer.Ordinal);
            foreach (var k in Keys)
            {
                if (!row.ContainsKey(k))
                {
                    throw rowNode.Error(MappingMessages.TableRowWithoutKey(name, k));
                }
            }

            columns.UnionWith(row.Keys);
            var key = string.Join('\u001f', Keys.Select(k => row[k]));
            if (!_rows.TryAdd(key, row))
            {
                throw rowNode.Error(MappingMessages.TableKeyTwice(name, Keys.Select(k => row[k])));
            }
        }

        Columns = columns.Order(StringComparer.Ordinal).ToList();
        foreach (var (key, row) in _rows)
        {
            _rowValues[key] = new FoundRow(key, Columns.Select(c => row.GetValueOrDefault(c, string.Empty)).ToArray());
        }
    }

    public string Name { get; }

    public SpecNode Node { get; }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyDictionary<string, string>? Find(IEnumerable<string> key) =>
        _rows.GetValueOrDefault(string.Join('\u001f', key));

    /// <summary>The row of a table keyed on one column (no joined key to build).</summary>
    public IReadOnlyDictionary<string, string>? Find(string key) => _rows.GetValueOrDefault(key);

    /// <summary>The values of the row of a table keyed on one column, in the order of <see cref="Columns"/>; null when no row has that key.</summary>
    public string[]? FindValues(string key)
    {
        var last = _last;
        if (last is not null && string.Equals(last.Key, key, StringComparison.Ordinal))
        {
            return last.Values;
        }

        if (!_rowValues.TryGetValue(key, out var found))
        {
            return null;
        }

        _last = found;
        return found.Values;
    }

    private sealed record FoundRow(string Key, string[] Values);
}

/// <summary>
/// <c>lookup: TABLE, key: [NAME...], field: COLUMN [, on_miss: error|blank]</c> — a value from a study table. A key
/// not in the table is an error (the table is incomplete) unless <c>on_miss: blank</c>.
/// </summary>
internal sealed class LookupAlgorithm(SpecNode node, string tableName, IReadOnlyList<ValueRef> keys, string field, bool blankOnMiss) : IAlgorithm
{
    private LookupTable? _table;
    private int _field;

    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope)
    {
        _table = scope.Study.Tables.GetValueOrDefault(tableName)
            ?? throw Node.Error(MappingMessages.NoSuchTable(tableName), scope.Study.Tables.Keys.ToList());
        if (keys.Count != _table.Keys.Count)
        {
            throw Node.Error(MappingMessages.TableKeyCount(tableName, _table.Keys));
        }

        if (!_table.Columns.Contains(field, StringComparer.Ordinal))
        {
            throw Node.Error(MappingMessages.TableWithoutColumn(tableName, field), _table.Columns);
        }

        foreach (var k in keys)
        {
            k.Bind(scope);
        }

        _field = _table.Columns.ToList().IndexOf(field);
    }

    public string Evaluate(RecordContext context)
    {
        if (keys.Count == 1)
        {
            // The usual single-column key, looked up without building a key array per record.
            var single = keys[0].Get(context);
            if (single.Length == 0)
            {
                return string.Empty;
            }

            return _table!.FindValues(single) is { } found ? found[_field] : Miss([single]);
        }

        return EvaluateJoinedKey(context);
    }

    // Apart from Evaluate, whose every call would otherwise allocate this path's closure over the record.
    private string EvaluateJoinedKey(RecordContext context)
    {
        var key = keys.Select(k => k.Get(context)).ToArray();
        if (key.All(k => k.Length == 0))
        {
            return string.Empty;
        }

        return _table!.Find(key) is { } row ? row.GetValueOrDefault(field, string.Empty) : Miss(key);
    }

    private string Miss(string[] key) =>
        blankOnMiss
            ? string.Empty
            : throw new MappingFailure(keys[0].RawColumn, MappingMessages.NotInTable(key, tableName, _table!.Node.File));
}
