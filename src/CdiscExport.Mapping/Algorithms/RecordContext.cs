using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Raw;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// The record being built: its raw row, the rows joined to it, and the target values filled so far. Targets are
/// written straight into the next slot of the dataset's columns (<see cref="WorkingRecords"/>), indexed by the
/// dataset's target layout (not a dictionary per record). One context serves a whole block, record after record
/// (<see cref="Load"/>), so a 5,000-subject LB of half a million records makes no object per record and copies none.
/// </summary>
internal sealed class RecordContext
{
    private readonly WorkingRecords _records;
    private readonly TargetLayout _layout;
    private Dictionary<string, RawRow?>? _joined;

    public RecordContext(RawForm? form, WorkingRecords records, TargetLayout layout)
    {
        Form = form;
        _records = records;
        _layout = layout;
    }

    public RawForm? Form { get; }

    public RawRow? Row { get; private set; }

    public string FilePath => Form?.Path ?? string.Empty;

    public int Line => Row?.Line ?? 0;

    public string Raw(int ordinal) => Row is { } row ? row[ordinal] : string.Empty;

    public string Joined(string form, int ordinal) =>
        _joined is not null && _joined.TryGetValue(form, out var row) && row is { } found ? found[ordinal] : string.Empty;

    public void SetJoined(string form, RawRow? row) => (_joined ??= new Dictionary<string, RawRow?>(StringComparer.Ordinal))[form] = row;

    public string Target(int ordinal) => ordinal < _records.TargetCount ? _records.GetNext(ordinal) ?? string.Empty : string.Empty;

    public string Target(string name) => _layout.TryGet(name, out var i) ? Target(i) : string.Empty;

    public void SetTarget(int ordinal, string value) => _records.SetNext(ordinal, value);

    public void SetTarget(int ordinal, IsoDateTime value) => _records.SetNext(ordinal, value);

    public void SetTarget(int ordinal, MappedNumber value) => _records.SetNext(ordinal, value);

    /// <summary>Moves to the next record (of a raw row, or of a literal row when null), forgetting the previous record's targets.</summary>
    public void Load(RawRow? row)
    {
        Row = row;
        _records.ClearNext();
    }
}

/// <summary>The target variables of one dataset (its blocks' variables, literal-row keys and SUPP-- values), each with an index.</summary>
internal sealed class TargetLayout
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    public int IndexOf(string name)
    {
        if (!_index.TryGetValue(name, out var i))
        {
            i = _names.Count;
            _index[name] = i;
            _names.Add(name);
        }

        return i;
    }

    public bool TryGet(string name, out int index) => _index.TryGetValue(name, out index);
}
