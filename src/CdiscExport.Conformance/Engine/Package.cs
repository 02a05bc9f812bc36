using System.Collections.Concurrent;
using CdiscExport.Conformance.Define;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.DatasetJson;
using CdiscExport.DatasetJson;
using CdiscExport.Xpt;
using CdiscExport.Core.Packages;

namespace CdiscExport.Conformance.Engine;

/// <summary>Which standard a folder of datasets follows.</summary>
public enum PackageKind
{
    /// <summary>SDTM tabulations.</summary>
    Sdtm,

    /// <summary>ADaM analysis datasets.</summary>
    Adam,
}

/// <summary>One dataset read fully into memory: metadata, dictionary-encoded columns and where it came from.</summary>
public sealed class DatasetData
{
    private readonly Dictionary<string, int> ordinals;
    private readonly EncodedColumn[] columns;
    private readonly ConcurrentDictionary<string, Lazy<RowGroups>> groupings = new(StringComparer.Ordinal);
    private readonly Lazy<EncodedColumn> allNull;

    internal DatasetData(string filePath, PackageFolder folder, XptDataset meta, int xptVersion, long fileSize, int rowCount, EncodedColumn[] columns)
    {
        FilePath = filePath;
        Folder = folder;
        Name = meta.Name.Trim().ToUpperInvariant();
        Label = meta.Label;
        Variables = meta.Variables;
        XptVersion = xptVersion;
        FileSize = fileSize;
        RowCount = rowCount;
        this.columns = columns;
        ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < meta.Variables.Count; i++)
        {
            ordinals.TryAdd(meta.Variables[i].Name, i);
        }

        allNull = new Lazy<EncodedColumn>(() => new EncodedColumn(new XptVariable("", "", XptVariableType.Character, 1), new int[RowCount], [""], [null]));
        Domain = Name;
        if (Has("DOMAIN") && rowCount > 0)
        {
            var d = Text(0, "DOMAIN");
            if (d.Length == 2 && Name.StartsWith(d, StringComparison.OrdinalIgnoreCase) && !Name.StartsWith("SUPP", StringComparison.Ordinal))
            {
                Domain = d.ToUpperInvariant();
            }
        }
        else if (Name.StartsWith("SUPP", StringComparison.Ordinal))
        {
            Domain = Name;
        }
    }

    /// <summary>Full path of the file.</summary>
    public string FilePath { get; }

    /// <summary>File name, e.g. <c>ae.xpt</c> or <c>ae.json</c>.</summary>
    public string FileName => Path.GetFileName(FilePath);

    /// <summary>The folder (SDTM or ADaM) the file was found in.</summary>
    public PackageFolder Folder { get; }

    /// <summary>XPT member name in upper case, e.g. <c>LBCH</c>.</summary>
    public string Name { get; }

    /// <summary>The domain: the DOMAIN value when the member name starts with it (split datasets), else the name.</summary>
    public string Domain { get; }

    /// <summary>Dataset label.</summary>
    public string Label { get; }

    /// <summary>Variables in file order.</summary>
    public IReadOnlyList<XptVariable> Variables { get; }

    /// <summary>XPT version (5 or 8); 0 for a Dataset-JSON file, which has none.</summary>
    public int XptVersion { get; }

    /// <summary>File size in bytes.</summary>
    public long FileSize { get; }

    /// <summary>Number of records; row 0 is record 1.</summary>
    public int RowCount { get; }

    /// <summary>Whether this is an SDTM SUPP-- dataset.</summary>
    public bool IsSupp => Name.StartsWith("SUPP", StringComparison.Ordinal);

    /// <summary>Whether this dataset is ADaM.</summary>
    public bool IsAdam => Folder.Kind == PackageKind.Adam;

    /// <summary>Whether the variable exists.</summary>
    public bool Has(string variable) => ordinals.ContainsKey(variable);

    /// <summary>Ordinal of a variable or -1.</summary>
    public int Ordinal(string variable) => ordinals.TryGetValue(variable, out var i) ? i : -1;

    /// <summary>Resolves <c>--X</c> to the domain prefix plus X.</summary>
    public string Var(string pattern) => pattern.StartsWith("--", StringComparison.Ordinal) ? Domain[..Math.Min(2, Domain.Length)] + pattern[2..] : pattern;

    /// <summary>The column of a variable (by ordinal).</summary>
    public EncodedColumn Column(int ordinal) => columns[ordinal];

    /// <summary>The column of a variable, or null when the dataset lacks it.</summary>
    public EncodedColumn? Column(string variable) => ordinals.TryGetValue(variable, out var i) ? columns[i] : null;

    /// <summary>
    /// The column of a variable, or, when the dataset lacks it, a column that is null on every row (what
    /// <see cref="Text"/> and <see cref="Num"/> read there), so checks need no second path for absent variables.
    /// </summary>
    public EncodedColumn ColumnOrNull(string variable) => ordinals.TryGetValue(variable, out var i) ? columns[i] : allNull.Value;

    /// <summary>Text of a cell, trailing blanks removed; numbers formatted invariantly; missing is "".</summary>
    public string Text(int row, string variable) => ordinals.TryGetValue(variable, out var i) ? columns[i].Text(row) : "";

    /// <summary>Number in a cell, or null when missing, text that is not a number, or absent.</summary>
    public double? Num(int row, string variable) => ordinals.TryGetValue(variable, out var i) ? columns[i].Num(row) : null;

    /// <summary>
    /// The rows grouped by the values of <paramref name="variables"/> (absent ones count as null everywhere, as
    /// <see cref="Text"/> reads them). Built once per list of variables and shared by every rule that asks.
    /// </summary>
    public RowGroups GroupsOf(IReadOnlyList<string> variables)
    {
        var key = string.Join('|', variables).ToUpperInvariant();
        return groupings.GetOrAdd(key, _ => new Lazy<RowGroups>(() =>
        {
            var groups = RowGroups.All(RowCount);
            foreach (var v in variables)
            {
                if (Column(v) is { } column)
                {
                    groups = groups.By(column.Codes, column.DistinctCount);
                }
            }

            return groups;
        })).Value;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({FileName})";
}

/// <summary>A folder of one standard's datasets and its define.xml.</summary>
public sealed record PackageFolder(string Path, PackageKind Kind)
{
    /// <summary>The define.xml used for this folder, or null when none.</summary>
    public string? DefinePath { get; set; }

    /// <summary>The parsed define.xml, or null when absent or unreadable.</summary>
    public IDefineDocument? Define { get; set; }

    /// <summary>Why the define.xml could not be read, when it could not.</summary>
    public string? DefineError { get; set; }
}

/// <summary>A file that could not be read as XPT or Dataset-JSON.</summary>
public sealed record LoadProblem(string FilePath, string Message);

/// <summary>Everything the rules look at: folders, datasets, define.xml, problems reading files.</summary>
public sealed class Package
{
    internal Package(IReadOnlyList<PackageFolder> folders, IReadOnlyList<DatasetData> datasets, IReadOnlyList<LoadProblem> problems)
    {
        Folders = folders;
        Datasets = datasets;
        Problems = problems;
    }

    /// <summary>Folders checked.</summary>
    public IReadOnlyList<PackageFolder> Folders { get; }

    /// <summary>Datasets read.</summary>
    public IReadOnlyList<DatasetData> Datasets { get; }

    /// <summary>Files that could not be read.</summary>
    public IReadOnlyList<LoadProblem> Problems { get; }

    /// <summary>Datasets of one kind.</summary>
    public IEnumerable<DatasetData> OfKind(PackageKind kind) => Datasets.Where(d => d.Folder.Kind == kind);

    /// <summary>All datasets of a domain (split datasets together), or the dataset of that name.</summary>
    public IReadOnlyList<DatasetData> Domain(string name) =>
        Datasets.Where(d => string.Equals(d.Domain, name, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The first dataset named <paramref name="name"/>, or null.</summary>
    public DatasetData? Find(string name) => Datasets.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Loads a package root (every <c>m5/datasets/*/tabulations/sdtm</c> and <c>analysis/adam/datasets</c> folder), a
    /// datasets folder (XPT or Dataset-JSON files, subfolders such as <c>split/</c> included), or a list of such files.
    /// </summary>
    /// <remarks>
    /// Dataset-JSON files (<c>.json</c>, <c>.ndjson</c>, <c>.dsjc</c>) are read into the same columns as XPT files, so
    /// every rule sees the same data. When one dataset is there in several formats (<c>dm.xpt</c> and <c>dm.json</c>),
    /// the one define.xml's def:leaf names is read, else XPT, JSON, NDJSON, DSJC in that order.
    /// </remarks>
    /// <param name="inputs">Folders or files.</param>
    /// <param name="definePath">A define.xml to use instead of the one in the folder.</param>
    /// <exception cref="ArgumentException">An input does not exist or holds no XPT file.</exception>
    public static Package Load(IReadOnlyList<string> inputs, string? definePath = null)
    {
        var folders = new List<(PackageFolder Folder, List<string> Files)>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var full = System.IO.Path.GetFullPath(input);
                var roots = FindStandardFolders(full);
                if (roots.Count == 0)
                {
                    roots.Add((full, GuessKind(full)));
                }

                foreach (var (path, kind) in roots)
                {
                    var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Where(IsDatasetFile)
                        .Order(StringComparer.Ordinal).ToList();
                    folders.Add((new PackageFolder(path, kind), files));
                }
            }
            else if (File.Exists(input))
            {
                var full = System.IO.Path.GetFullPath(input);
                var dir = System.IO.Path.GetDirectoryName(full)!;
                var existing = folders.FirstOrDefault(f => f.Folder.Path == dir);
                if (existing.Folder is null)
                {
                    existing = (new PackageFolder(dir, GuessKind(dir, full)), []);
                    folders.Add(existing);
                }

                existing.Files.Add(full);
            }
            else
            {
                throw new ArgumentException(ConformanceMessages.NoSuchInput(input));
            }
        }

        if (folders.Sum(f => f.Files.Count) == 0)
        {
            throw new ArgumentException(ConformanceMessages.NoDatasetFiles(inputs));
        }

        for (var f = 0; f < folders.Count; f++)
        {
            LoadDefine(folders[f].Folder, definePath);
            folders[f] = (folders[f].Folder, OneFormatPerDataset(folders[f].Files, folders[f].Folder.Define));
        }

        // Files are independent: read them in parallel, biggest first so the longest read does not start last, then
        // list them in the order found.
        var work = folders.SelectMany(f => f.Files.Select(file => (f.Folder, File: file))).ToList();
        var bySize = Enumerable.Range(0, work.Count).OrderByDescending(i => SizeOf(work[i].File)).ToArray();
        var loaded = new (DatasetData? Data, LoadProblem? Problem)[work.Count];
        Parallel.ForEach(Partitioner.Create(bySize, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (folder, file) = work[i];
            try
            {
                var contents = ReadContents(file);
                loaded[i] = (new DatasetData(file, folder, contents.Meta, contents.Version, contents.FileSize, contents.RowCount, contents.Columns), null);
            }
            catch (Exception e) when (e is XptFormatException or XptLimitException or DatasetJsonException or IOException or InvalidDataException)
            {
                loaded[i] = (null, new LoadProblem(file, e.Message));
            }
        });

        var datasets = loaded.Where(x => x.Data is not null).Select(x => x.Data!).ToList();
        var problems = loaded.Where(x => x.Problem is not null).Select(x => x.Problem!).ToList();
        return new Package(folders.Select(f => f.Folder).ToList(), datasets, problems);
    }

    private static long SizeOf(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static void LoadDefine(PackageFolder folder, string? definePath)
    {
        var define = definePath ?? System.IO.Path.Combine(folder.Path, PackageLayout.DefineXml);
        if (File.Exists(define) && (definePath is not null || Directory.EnumerateFiles(folder.Path, PackageLayout.DefineXml).Any(f => System.IO.Path.GetFileName(f) == PackageLayout.DefineXml)))
        {
            folder.DefinePath = System.IO.Path.GetFullPath(define);
            try
            {
                folder.Define = OdmDefineDocument.Load(folder.DefinePath);
            }
            catch (Exception e) when (e is Odm.DefineFormatException or IOException or UnauthorizedAccessException)
            {
                folder.DefineError = e.Message;
            }
        }
    }

    /// <summary>The dataset file extensions read: XPT first, then the Dataset-JSON forms, in order of preference.</summary>
    private static readonly string[] DatasetExtensions = [".xpt", .. Enum.GetValues<DatasetJsonForm>().Select(DatasetJsonForms.Extension)];

    private static bool IsDatasetFile(string path) => DatasetExtensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    // One file per dataset and folder: the format define.xml's leaves name, else the first of DatasetExtensions.
    private static List<string> OneFormatPerDataset(List<string> files, IDefineDocument? define)
    {
        var leaves = define?.ItemGroups.Select(g => System.IO.Path.GetExtension(g.Leaf ?? string.Empty).ToLowerInvariant()).ToHashSet() ?? [];
        int Rank(string file)
        {
            var extension = System.IO.Path.GetExtension(file).ToLowerInvariant();
            return (leaves.Contains(extension) ? 0 : 10) + Array.IndexOf(DatasetExtensions, extension);
        }

        var keep = files.GroupBy(f => System.IO.Path.ChangeExtension(f, null), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(Rank).First()).ToHashSet(StringComparer.Ordinal);
        return files.Where(keep.Contains).ToList();
    }

    /// <summary>Reads an XPT or Dataset-JSON file into dictionary-encoded columns.</summary>
    internal static FileContents ReadContents(string file)
    {
        if (DatasetJsonForms.TryFromPath(file, out _))
        {
            return ReadDatasetJsonContents(file);
        }

        using var stream = File.OpenRead(file);
        using var reader = XptReader.Open(stream, XptReaderOptions.Default with { FilePath = file });
        var variables = reader.Dataset.Variables;
        var rowLength = variables.Sum(v => v.Length);
        var capacity = rowLength == 0 ? 0 : (int)Math.Min(int.MaxValue, stream.Length / rowLength + 1);
        var builders = variables.Select((v, i) => EncodedColumnBuilder.For(v, reader.GetFieldOffset(i), capacity)).ToArray();
        var rows = 0;
        while (reader.Read())
        {
            var row = reader.GetRowBytes();
            foreach (var builder in builders)
            {
                builder.Add(row);
            }

            rows++;
        }

        return new FileContents(reader.Dataset, reader.Version, stream.Length, rows, builders.Select(b => b.Build()).ToArray());
    }

    /// <summary>
    /// Reads a Dataset-JSON file (any form) into the columns an XPT file of the same data gives: the same variables
    /// (<see cref="DatasetJsonXpt"/>) and values, so every rule finds the same.
    /// </summary>
    private static FileContents ReadDatasetJsonContents(string file)
    {
        using var reader = DatasetJsonXptReader.Open(file);
        var variables = reader.Dataset.Variables;
        var capacity = (int)Math.Min(reader.Metadata.Records, int.MaxValue - 1);
        var builders = variables.Select(v => EncodedColumnBuilder.For(v, 0, capacity)).ToArray();
        var rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < builders.Length; i++)
            {
                builders[i].Add(reader.GetValue(i));
            }

            rows++;
        }

        return new FileContents(reader.Dataset, 0, new FileInfo(file).Length, rows, builders.Select(b => b.Build()).ToArray());
    }

    /// <summary>What one dataset file holds, before it is placed in a folder of the package.</summary>
    internal sealed record FileContents(XptDataset Meta, int Version, long FileSize, int RowCount, EncodedColumn[] Columns);

    private static List<(string, PackageKind)> FindStandardFolders(string root) =>
        PackageLayout.SubmissionFolders(root).Select(f => (f.Folder, f.IsAdam ? PackageKind.Adam : PackageKind.Sdtm)).ToList();

    private static PackageKind GuessKind(string folder, string? file = null)
    {
        if (file is not null)
        {
            return System.IO.Path.GetFileName(file).StartsWith("ad", StringComparison.OrdinalIgnoreCase) ? PackageKind.Adam : PackageKind.Sdtm;
        }

        var names = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(IsDatasetFile).Select(System.IO.Path.GetFileName).ToList();
        return names.Count > 0 && names.All(n => n!.StartsWith("ad", StringComparison.OrdinalIgnoreCase)) ? PackageKind.Adam : PackageKind.Sdtm;
    }
}
