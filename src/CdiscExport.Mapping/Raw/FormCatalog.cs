using System.Collections.Concurrent;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// The raw forms of one study, each read once on first use and only then: a delimited file
/// (<c>&lt;raw folder&gt;/&lt;name&gt;.csv</c>, or the file its settings name), a sheet of a workbook (<c>.xlsx</c>,
/// <c>.xlsm</c>, <c>.xls</c>; read on its own), or an item group of a CDISC ODM export (<c>.xml</c>, whose forms are
/// all read in one pass when the first is asked for). A form that is not a file of its own is looked for in the
/// folder's workbooks and ODM exports, in file name order, once. Datasets are mapped side by side, so a form asked for
/// by two of them at once is still read once (the second waits for it).
/// </summary>
internal sealed class FormCatalog
{
    private readonly RawSettings _defaults;
    private readonly IReadOnlyDictionary<string, RawSettings> _formSettings;
    private readonly ConcurrentDictionary<string, Lazy<RawForm>> _forms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<string?>> _locations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<RawForm>>> _odmForms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<string>>> _sheetNames = new(StringComparer.Ordinal);

    /// <param name="rawFolder">The raw folder.</param>
    /// <param name="defaults">The folder's layout.</param>
    /// <param name="formSettings">The forms whose layout or file differs, by form name.</param>
    public FormCatalog(string rawFolder, RawSettings defaults, IReadOnlyDictionary<string, RawSettings>? formSettings = null)
    {
        RawFolder = rawFolder;
        _defaults = defaults;
        _formSettings = formSettings ?? new Dictionary<string, RawSettings>(StringComparer.Ordinal);
    }

    public string RawFolder { get; }

    /// <summary>The forms read so far (a form whose reading failed is not listed).</summary>
    public IEnumerable<RawForm> Loaded =>
        _forms.Values.Where(f => f.IsValueCreated).Select(f => f.Value)
            .Concat(_odmForms.Values.Where(f => f.IsValueCreated).SelectMany(f => f.Value))
            .DistinctBy(f => f.Name);

    /// <summary>Whether form <paramref name="name"/> was asked for (by a block, a join or an aggregate), not only read with its file.</summary>
    public bool Used(string name) => _forms.Values.Any(f => f.IsValueCreated && f.Value.Name == name);

    /// <summary>The settings a form is read with: its own, else the folder's.</summary>
    public RawSettings SettingsOf(string name) => _formSettings.TryGetValue(name, out var own) ? own : _defaults;

    public bool Exists(string name) => Locate(name) is { } path && File.Exists(path);

    /// <summary>The file form <paramref name="name"/> is read from; for a form found nowhere, the CSV file it would be.</summary>
    public string PathOf(string name) => Locate(name) ?? Path.Combine(RawFolder, name + ".csv");

    public RawForm Get(string name) =>
        _forms.GetOrAdd(name, n => new Lazy<RawForm>(() => Read(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// Every form the raw folder holds that was not read: delimited files by name, workbook sheets by name. An ODM
    /// export none of whose forms was asked for, or a workbook that cannot be listed, is listed by its file name.
    /// </summary>
    public IEnumerable<string> Unread()
    {
        if (!Directory.Exists(RawFolder))
        {
            yield break;
        }

        var loaded = Loaded.ToList();
        var readFiles = loaded.Select(f => Path.GetFullPath(f.Path)).ToHashSet(StringComparer.Ordinal);
        var readForms = loaded.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(RawFolder).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                if (!readFiles.Contains(Path.GetFullPath(path)))
                {
                    yield return Path.GetFileNameWithoutExtension(path);
                }
            }
            else if (IsWorkbook(path))
            {
                IReadOnlyList<string> sheets;
                try
                {
                    sheets = SheetNamesOf(path);
                }
                catch (Engine.MappingException)
                {
                    sheets = [];
                }

                foreach (var sheet in sheets.Count == 0 ? [Path.GetFileName(path)] : sheets.Where(n => !readForms.Contains(n)))
                {
                    yield return sheet;
                }
            }
            else if (IsOdm(path) && !(_odmForms.TryGetValue(Path.GetFullPath(path), out var forms) && forms.IsValueCreated))
            {
                yield return Path.GetFileName(path);
            }
        }
    }

    // Files that hold several forms: a workbook (a form per sheet, each read on its own when asked for) and an ODM
    // export (a form per item group, all read in one pass of the file).
    private static bool IsWorkbook(string path) => Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".xlsm" or ".xls";

    private static bool IsOdm(string path) => Path.GetExtension(path).Equals(".xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsMultiForm(string path) => IsWorkbook(path) || IsOdm(path);

    // Where a form is, found once: the file its settings name, else <name>.csv, else the first workbook or ODM export
    // of the folder (in file name order) that holds it; null when none does.
    private string? Locate(string name) =>
        _locations.GetOrAdd(name, n => new Lazy<string?>(() =>
        {
            if (SettingsOf(n).File is { } file)
            {
                return Path.Combine(RawFolder, file);
            }

            var own = Path.Combine(RawFolder, n + ".csv");
            if (File.Exists(own))
            {
                return own;
            }

            return !Directory.Exists(RawFolder) ? null : Directory.GetFiles(RawFolder).Order(StringComparer.Ordinal)
                .FirstOrDefault(path => IsMultiForm(path) && FormNamesOf(path).Contains(n, StringComparer.Ordinal));
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private RawForm Read(string name)
    {
        var settings = SettingsOf(name);
        var path = PathOf(name);
        if (!IsMultiForm(path))
        {
            return RawFormReader.Read(name, path, settings);
        }

        var wanted = settings.Sheet ?? name;
        var names = FormNamesOf(path);
        if (!names.Contains(wanted, StringComparer.Ordinal))
        {
            throw new Engine.MappingException(path, 0, null, null, null,
                $"holds no {(IsWorkbook(path) ? "sheet" : "item group")} \"{wanted}\"; it holds {string.Join(", ", names)}");
        }

        return IsWorkbook(path)
            ? ExcelWorkbookReader.Read(path, settings, [wanted]).Single()
            : OdmFormsOf(path).First(f => f.Name == wanted);
    }

    // An ODM export's forms, all read in one pass, once.
    private IReadOnlyList<RawForm> OdmFormsOf(string path) =>
        _odmForms.GetOrAdd(Path.GetFullPath(path), p => new Lazy<IReadOnlyList<RawForm>>(
            () => OdmClinicalDataReader.Read(p, _defaults), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private IReadOnlyList<string> SheetNamesOf(string path) =>
        _sheetNames.GetOrAdd(Path.GetFullPath(path), p => new Lazy<IReadOnlyList<string>>(
            () => ExcelWorkbookReader.SheetNames(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private IReadOnlyList<string> FormNamesOf(string path) => IsWorkbook(path) ? SheetNamesOf(path) : OdmFormsOf(path).Select(f => f.Name).ToList();
}
