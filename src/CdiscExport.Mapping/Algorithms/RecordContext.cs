using CdiscExport.Mapping.Raw;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>The record being built: its raw row, the rows joined to it, and the target values filled so far.</summary>
internal sealed class RecordContext
{
    private readonly Dictionary<string, string> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawRow?> _joined = new(StringComparer.Ordinal);

    public RecordContext(RawForm? form, RawRow? row)
    {
        Form = form;
        Row = row;
    }

    public RawForm? Form { get; }

    public RawRow? Row { get; }

    public string FilePath => Form?.Path ?? string.Empty;

    public int Line => Row?.Line ?? 0;

    public IReadOnlyDictionary<string, string> Targets => _targets;

    public string Raw(int ordinal) => Row is null || ordinal >= Row.Values.Length ? string.Empty : Row.Values[ordinal];

    public string Joined(string form, int ordinal) =>
        _joined.TryGetValue(form, out var row) && row is not null && ordinal < row.Values.Length ? row.Values[ordinal] : string.Empty;

    public void SetJoined(string form, RawRow? row) => _joined[form] = row;

    public string Target(string name) => _targets.GetValueOrDefault(name, string.Empty);

    public void SetTarget(string name, string value) => _targets[name] = value;
}
