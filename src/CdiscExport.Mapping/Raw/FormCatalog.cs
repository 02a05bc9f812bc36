using System.Collections.Concurrent;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// The raw forms of one study, each read once on first use and only then: a delimited file
/// (<c>&lt;raw folder&gt;/&lt;name&gt;.csv</c>, or the file its settings name), or one form of a file holding
/// several (a workbook's sheets, an ODM export's item groups), which is read whole when one of its forms is first
/// asked for. Datasets are mapped side by side, so a form asked for by two of them at once is still read once (the
/// second waits for it).
/// </summary>
internal sealed class FormCatalog
{
    private readonly RawSettings _defaults;
    private readonly IReadOnlyDictionary<string, RawSettings> _formSettings;
    private readonly ConcurrentDictionary<string, Lazy<RawForm>> _forms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<RawForm>>> _multiForm = new(StringComparer.Ordinal);

    /// <param name="rawFolder">The raw folder.</param>
    /// <param name="defaults">The folder's layout.</param>
    /// <param name="formSettings">The forms whose layout or file differs, by form name.</param>
    public FormCatalog(string rawFolder, RawSettings defaults, IReadOnlyDictionary<string, RawSettings>? formSettings = null)
    {
        RawFolder = rawFolder;
        _defaults = defaults;
        _formSettings = formSettings ?? new Dictionary<string, RawSettings>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Readers of files that hold several forms, by extension: each gives all the forms of a file. None is built in;
    /// the workbook and ODM readers register here.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<string, RawSettings, IReadOnlyList<RawForm>>> MultiFormReaders { get; } =
        new Dictionary<string, Func<string, RawSettings, IReadOnlyList<RawForm>>>(StringComparer.OrdinalIgnoreCase);

    public string RawFolder { get; }

    /// <summary>The forms read so far (a form whose reading failed is not listed).</summary>
    public IEnumerable<RawForm> Loaded =>
        _forms.Values.Where(f => f.IsValueCreated).Select(f => f.Value)
            .Concat(_multiForm.Values.Where(f => f.IsValueCreated).SelectMany(f => f.Value))
            .DistinctBy(f => f.Name);

    /// <summary>Whether form <paramref name="name"/> was asked for (by a block, a join or an aggregate), not only read with its file.</summary>
    public bool Used(string name) => _forms.Values.Any(f => f.IsValueCreated && f.Value.Name == name);

    /// <summary>The settings a form is read with: its own, else the folder's.</summary>
    public RawSettings SettingsOf(string name) => _formSettings.TryGetValue(name, out var own) ? own : _defaults;

    public bool Exists(string name) => File.Exists(PathOf(name)) || FromMultiForm(name) is not null;

    /// <summary>The file form <paramref name="name"/> is read from (for a form of a multi-form file, once found there).</summary>
    public string PathOf(string name)
    {
        if (SettingsOf(name).File is { } file)
        {
            return Path.Combine(RawFolder, file);
        }

        var own = Path.Combine(RawFolder, name + ".csv");
        return File.Exists(own) ? own : FromMultiFormPath(name) ?? own;
    }

    public RawForm Get(string name) =>
        _forms.GetOrAdd(name, n => new Lazy<RawForm>(() => Read(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// Every form the raw folder holds that was not read: delimited files by name. A multi-form file none of whose
    /// forms was asked for is listed by its file name.
    /// </summary>
    public IEnumerable<string> Unread()
    {
        if (!Directory.Exists(RawFolder))
        {
            yield break;
        }

        var read = Loaded.Select(f => Path.GetFullPath(f.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(RawFolder).Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(path);
            if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                if (!read.Contains(Path.GetFullPath(path)))
                {
                    yield return Path.GetFileNameWithoutExtension(path);
                }
            }
            else if (MultiFormReaders.ContainsKey(extension))
            {
                var wasRead = _multiForm.TryGetValue(Path.GetFullPath(path), out var forms) && forms.IsValueCreated;
                if (!wasRead)
                {
                    yield return Path.GetFileName(path);
                }
            }
        }
    }

    private RawForm Read(string name)
    {
        var settings = SettingsOf(name);
        var path = PathOf(name);
        if (MultiFormReaders.TryGetValue(Path.GetExtension(path), out _))
        {
            var wanted = settings.Sheet ?? name;
            var forms = FormsOf(path);
            var form = forms.FirstOrDefault(f => f.Name == wanted)
                ?? throw new Engine.MappingException(path, 0, null, null, null,
                    $"holds no form \"{wanted}\"; it holds {string.Join(", ", forms.Select(f => f.Name))}");
            return form;
        }

        return RawFormReader.Read(name, path, settings);
    }

    private IReadOnlyList<RawForm> FormsOf(string path) =>
        _multiForm.GetOrAdd(Path.GetFullPath(path), p => new Lazy<IReadOnlyList<RawForm>>(
            () => MultiFormReaders[Path.GetExtension(p)](p, _defaults), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    // A form not given as its own file: the first multi-form file of the folder (in name order) that holds it.
    private RawForm? FromMultiForm(string name)
    {
        var path = FromMultiFormPath(name);
        return path is null ? null : FormsOf(path).FirstOrDefault(f => f.Name == name);
    }

    private string? FromMultiFormPath(string name)
    {
        if (MultiFormReaders.Count == 0 || !Directory.Exists(RawFolder))
        {
            return null;
        }

        foreach (var path in Directory.GetFiles(RawFolder).Order(StringComparer.Ordinal))
        {
            if (MultiFormReaders.ContainsKey(Path.GetExtension(path)) && FormsOf(path).Any(f => f.Name == name))
            {
                return path;
            }
        }

        return null;
    }
}
