using System.Text;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// The raw forms of one study, read once on first use from <c>&lt;raw folder&gt;/&lt;name&gt;.csv</c>, and the
/// count of rows each dataset took from each, for the reconciliation report.
/// </summary>
internal sealed class FormCatalog(string rawFolder, Encoding encoding, IReadOnlyList<string>? missing = null)
{
    private readonly Dictionary<string, RawForm> _forms = new(StringComparer.Ordinal);

    public string RawFolder { get; } = rawFolder;

    public IEnumerable<RawForm> Loaded => _forms.Values;

    public bool Exists(string name) => File.Exists(PathOf(name));

    public string PathOf(string name) => Path.Combine(RawFolder, name + ".csv");

    public RawForm Get(string name)
    {
        if (!_forms.TryGetValue(name, out var form))
        {
            form = RawFormReader.Read(name, PathOf(name), encoding, missing);
            _forms[name] = form;
        }

        return form;
    }
}
