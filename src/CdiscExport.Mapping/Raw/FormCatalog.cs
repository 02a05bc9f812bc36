using System.Collections.Concurrent;
using System.Text;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// The raw forms of one study, read once on first use from <c>&lt;raw folder&gt;/&lt;name&gt;.csv</c>, and the
/// count of rows each dataset took from each, for the reconciliation report. Datasets are mapped side by side, so a
/// form asked for by two of them at once is still read once (the second waits for it).
/// </summary>
internal sealed class FormCatalog(string rawFolder, Encoding encoding, IReadOnlyList<string>? missing = null)
{
    private readonly ConcurrentDictionary<string, Lazy<RawForm>> _forms = new(StringComparer.Ordinal);

    public string RawFolder { get; } = rawFolder;

    /// <summary>The forms read so far (a form whose reading failed is not listed).</summary>
    public IEnumerable<RawForm> Loaded => _forms.Values.Where(f => f.IsValueCreated).Select(f => f.Value);

    public bool Exists(string name) => File.Exists(PathOf(name));

    public string PathOf(string name) => Path.Combine(RawFolder, name + ".csv");

    public RawForm Get(string name) =>
        _forms.GetOrAdd(name, n => new Lazy<RawForm>(() => RawFormReader.Read(n, PathOf(n), encoding, missing), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
