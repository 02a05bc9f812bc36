using System.Collections.Concurrent;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// The raw forms of one study, each read once on first use and only then: a delimited file
/// (<c>&lt;raw folder&gt;/&lt;name&gt;.csv</c>, or the file its settings name), a sheet of a workbook (<c>.xlsx</c>,
/// <c>.xlsm</c>, <c>.xls</c>; read on its own), or an item group of a CDISC ODM export (<c>.xml</c>, whose forms are all read in one pass when the
/// first is asked for). A form that is not a file of its own is looked for in the folder's workbooks and ODM exports,
/// in file name order. Datasets are mapped side by side, so a form asked for by two of them at once is still read once (the
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

    // Files that hold several forms: a workbook (a form per sheet, each read on its own when asked for) and an ODM
    // export (a form per item group, all read in one pass of the file).
    private static bool IsWorkbook(string path) => Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".xlsm" or ".xls";

    private static bool IsOdm(string path) => Path.GetExtension(path).Equals(".xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsMultiForm(string path) => IsWorkbook(path) || IsOdm(path);

    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<string>>> _sheetNames = new(StringComparer.Ordinal);

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

    public bool Exists(string name) => File.Exists(PathOf(name)) || FromMultiForm(name);

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
            else if (IsWorkbook(path))
            {
                // Each sheet no dataset asked for, by name; a workbook that cannot even be listed, by file name.
                var loaded = Loaded.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
                IReadOnlyList<string> sheets;
                try
                {
                    sheets = SheetNamesOf(path);
                }
                catch (Engine.MappingException)
                {
                    sheets = [];
                }

                foreach (var sheet in sheets.Count == 0 ? [Path.GetFileName(path)] : sheets.Where(n => !loaded.Contains(n)))
                {
                    yield return sheet;
                }
            }
            else if (IsOdm(path))
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
        if (IsMultiForm(path))
        {
            var wanted = settings.Sheet ?? name;
            var names = IsWorkbook(path) ? SheetNamesOf(path) : FormsOf(path).Select(f => f.Name).ToList();
            if (!names.Contains(wanted, StringComparer.Ordinal))
            {
                throw new Engine.MappingException(path, 0, null, null, null,
                    $"holds no {(IsWorkbook(path) ? "sheet" : "item group")} \"{wanted}\"; it holds {string.Join(", ", names)}");
            }

            return IsWorkbook(path)
                ? ExcelWorkbookReader.Read(path, settings, [wanted]).Single()
                : FormsOf(path).First(f => f.Name == wanted);
        }

        return RawFormReader.Read(name, path, settings);
    }

    // An ODM export's forms, all read in one pass, once.
    private IReadOnlyList<RawForm> FormsOf(string path) =>
        _multiForm.GetOrAdd(Path.GetFullPath(path), p => new Lazy<IReadOnlyList<RawForm>>(
            () => OdmClinicalDataReader.Read(p, _defaults), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private IReadOnlyList<string> SheetNamesOf(string path) =>
        _sheetNames.GetOrAdd(Path.GetFullPath(path), p => new Lazy<IReadOnlyList<string>>(
            () => ExcelWorkbookReader.SheetNames(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private IReadOnlyList<string> FormNamesOf(string path) => IsWorkbook(path) ? SheetNamesOf(path) : FormsOf(path).Select(f => f.Name).ToList();

    // A form not given as its own file: the first workbook or ODM export of the folder (in name order) that holds it.
    private bool FromMultiForm(string name) => FromMultiFormPath(name) is not null;

    private string? FromMultiFormPath(string name)
    {
        if (!Directory.Exists(RawFolder))
        {
            return null;
        }

        foreach (var path in Directory.GetFiles(RawFolder).Order(StringComparer.Ordinal))
        {
            if (IsMultiForm(path) && FormNamesOf(path).Contains(name, StringComparer.Ordinal))
            {
                return path;
            }
        }

        return null;
    }
}
