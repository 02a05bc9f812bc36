using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// A table of values declared in the study file (<c>tables:</c>), keyed on one or more of its columns: a cohort to
/// its arm, a local lab test name to its CDISC test code, specimen and standard unit.
/// </summary>
internal sealed class LookupTable
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _rows = new(StringComparer.Ordinal);

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
                    throw rowNode.Error($"table \"{name}\": this row has no key column \"{k}\"");
                }
            }

            columns.UnionWith(row.Keys);
            var key = string.Join('\u001f', Keys.Select(k => row[k]));
            if (!_rows.TryAdd(key, row))
            {
                throw rowNode.Error($"table \"{name}\": the key {string.Join("/", Keys.Select(k => row[k]))} appears twice");
            }
        }

        Columns = columns.Order(StringComparer.Ordinal).ToList();
    }

    public string Name { get; }

    public SpecNode Node { get; }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyDictionary<string, string>? Find(IEnumerable<string> key) =>
        _rows.GetValueOrDefault(string.Join('\u001f', key));

    /// <summary>The row of a table keyed on one column (no joined key to build).</summary>
    public IReadOnlyDictionary<string, string>? Find(string key) => _rows.GetValueOrDefault(key);
}

/// <summary>
/// <c>lookup: TABLE, key: [NAME...], field: COLUMN [, on_miss: error|blank]</c> — a value from a study table. A key
/// not in the table is an error (the table is incomplete) unless <c>on_miss: blank</c>.
/// </summary>
internal sealed class LookupAlgorithm(SpecNode node, string tableName, IReadOnlyList<ValueRef> keys, string field, bool blankOnMiss) : IAlgorithm
{
    private readonly Memo<string, string> _values = new();
    private LookupTable? _table;

    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope)
    {
        _table = scope.Study.Tables.GetValueOrDefault(tableName)
            ?? throw Node.Error($"the study file has no table \"{tableName}\"", scope.Study.Tables.Keys.ToList());
        if (keys.Count != _table.Keys.Count)
        {
            throw Node.Error($"table \"{tableName}\" is keyed on {string.Join(", ", _table.Keys)}: give {_table.Keys.Count} key value(s)");
        }

        if (!_table.Columns.Contains(field, StringComparer.Ordinal))
        {
            throw Node.Error($"table \"{tableName}\" has no column \"{field}\"", _table.Columns);
        }

        foreach (var k in keys)
        {
            k.Bind(scope);
        }

        _values.Clear();
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

            // Each distinct key is looked up once (a miss that is an error ends the run, so it is never remembered).
            return _values.TryGet(single, out var value) ? value
                : _values.Add(single, _table!.Find(single) is { } found ? found.GetValueOrDefault(field, string.Empty) : Miss([single]));
        }

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
            : throw new MappingFailure(keys[0].RawColumn,
                $"\"{string.Join("/", key)}\" is not in table \"{tableName}\" ({_table!.Node.File}); add a row for it");
}
