using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Standards;

namespace CdiscExport.Conformance.Evaluation;

/// <summary>
/// The package as CORE's rules see it: its datasets with CORE's metadata (domain, splits, class), the standard
/// and version it is judged by, and the implementation guide's metadata. Built once per validation and shared
/// (read only) by every rule.
/// </summary>
internal sealed class Study
{
    private readonly Dictionary<string, List<StudyDataset>> byUnsplitName;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Frame>> joins = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Frame> contents = new(StringComparer.Ordinal);

    /// <summary>Builds the study view of <paramref name="package"/>.</summary>
    /// <param name="package">The loaded package.</param>
    /// <param name="guide">The SDTMIG metadata used for classes and library operations, or null.</param>
    /// <param name="standard">The standard judged by, e.g. <c>SDTMIG</c>.</param>
    /// <param name="version">Its version, e.g. <c>3.4</c>.</param>
    /// <param name="classes">Where datasets' classes are found (SDTMIG 3.4 serves SEND packages too: the classes of the
    /// domains they share are the SDTM model's); null takes <paramref name="guide"/>.</param>
    /// <param name="include">Which of the package's datasets the study holds (CORE's SDTMIG rules see the SDTM
    /// datasets, not ADaM's); null takes all.</param>
    public Study(Package package, ImplementationGuide? guide, string standard, string version, ImplementationGuide? classes = null, Func<DatasetData, bool>? include = null)
    {
        Package = package;
        Guide = guide;
        Standard = standard;
        Version = version;
        classes ??= guide;
        Datasets = package.Datasets.Where(include ?? (_ => true)).Select(d => new StudyDataset(d, d.Name, d.FileName, ClassOf(classes, d))).ToList();
        byUnsplitName = Datasets.GroupBy(d => d.UnsplitName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>The package.</summary>
    public Package Package { get; }

    /// <summary>SDTMIG metadata, or null when none is shipped for the version.</summary>
    public ImplementationGuide? Guide { get; }

    /// <summary>
    /// Whether <see cref="Guide"/> is another version's metadata, the nearest shipped (a 3.3 package judged with
    /// SDTMIG 3.4's): it answers for domain labels, custom domains and classes, but not for which variables a domain
    /// has or their Core status, which differ between versions.
    /// </summary>
    public bool GuideIsNearest { get; init; }

    /// <summary>
    /// The study CORE's rules see for a package of <paramref name="product"/> (sdtmig, tig, sendig, ...) version
    /// <paramref name="version"/>: SDTMIG's metadata as its guide for SDTMIG (marked as the nearest when the versions
    /// differ), none for other standards, whose classes still come from SDTMIG (the SDTM model's domains they share).
    /// </summary>
    public static Study ForStandard(Package package, ImplementationGuide sdtmig, string product, string standard, string version, Func<DatasetData, bool>? include = null)
    {
        var isSdtmig = product is "sdtmig" or "tig";
        return new Study(package, isSdtmig ? sdtmig : null, standard, version, sdtmig, include)
        {
            GuideIsNearest = isSdtmig && version != sdtmig.Version,
        };
    }

    /// <summary>The standard, e.g. SDTMIG.</summary>
    public string Standard { get; }

    /// <summary>Its version, e.g. 3.4.</summary>
    public string Version { get; }

    /// <summary>Datasets in the order found.</summary>
    public IReadOnlyList<StudyDataset> Datasets { get; }

    /// <summary>The datasets of a domain (its splits together), or none.</summary>
    public IReadOnlyList<StudyDataset> SplitsOf(string unsplitName) =>
        byUnsplitName.TryGetValue(unsplitName, out var list) ? list : [];

    /// <summary>
    /// The records of a domain, its splits one after another, each row remembering its dataset and record
    /// (CORE's <c>concat_split_datasets</c>).
    /// </summary>
    public Frame ContentsOf(StudyDataset dataset)
    {
        var splits = SplitsOf(dataset.UnsplitName);
        return splits.Count <= 1 ? dataset.Contents : contents.GetOrAdd(dataset.UnsplitName, _ => Frame.Concat(splits.Select(s => s.Contents).ToList()));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(int[], int[])>> pairings = new(StringComparer.Ordinal);

    /// <summary>Which records of two datasets a join pairs, worked out once per study for every rule making that join.</summary>
    internal (int[] Left, int[] Right) Pairing(string key, Func<(int[], int[])> build) => pairings.GetOrAdd(key, _ => new Lazy<(int[], int[])>(build)).Value;

    /// <summary>A join of a dataset's records made once per study and shared by the rules that make the same one.</summary>
    internal Frame Joined(string key, Func<Frame> build) => joins.GetOrAdd(key, _ => new Lazy<Frame>(build)).Value;

    /// <summary>The first dataset whose domain, name or unsplit name is <paramref name="name"/>.</summary>
    public StudyDataset? Find(string name) =>
        Datasets.FirstOrDefault(d => d.Domain == name || d.Name == name || d.UnsplitName == name);

    private static string? ClassOf(ImplementationGuide? guide, DatasetData data)
    {
        var name = data.Name;
        var domain = data.RowCount > 0 && data.Has("DOMAIN") ? data.Text(0, "DOMAIN").Trim() : "";
        var unsplit = domain.Length > 0 ? domain : name;
        if (guide?.FindDataset(unsplit) is { } standard)
        {
            return ClassName(standard.Class);
        }

        if (ModelOnlyDatasets.TryGetValue(unsplit, out var modelClass))
        {
            return modelClass;
        }

        // Associated persons (APSU, APCM) take the class of the domain they are about.
        if (domain.Length == 4 && domain.StartsWith("AP", StringComparison.Ordinal))
        {
            var about = domain[2..];
            if (guide?.FindDataset(about) is { } aboutStandard)
            {
                return ClassName(aboutStandard.Class);
            }

            domain = about;
        }

        // Custom domains: CORE recognises the class by the topic variable (--TERM, --TRT, QNAM, --TESTCD/--OBJ).
        bool Has(string suffix) => domain.Length > 0 ? data.Has(domain + suffix) : data.Has("RDOMAIN") && data.Has(suffix);
        if (!data.Has("DOMAIN") && !data.Has("RDOMAIN"))
        {
            return null;
        }

        if (Has("TERM"))
        {
            return "EVENTS";
        }

        if (Has("TRT"))
        {
            return "INTERVENTIONS";
        }

        if (Has("QNAM"))
        {
            return "RELATIONSHIP";
        }

        if (Has("TESTCD"))
        {
            return Has("OBJ") ? "FINDINGS ABOUT" : "FINDINGS";
        }

        return null;
    }

    /// <summary>
    /// Datasets the SDTM model defines that SDTMIG does not (they come from SEND): CORE finds their class in the
    /// model when the implementation guide lacks them.
    /// </summary>
    private static readonly Dictionary<string, string> ModelOnlyDatasets = new(StringComparer.Ordinal)
    {
        ["TX"] = "TRIAL DESIGN",
        ["POOLDEF"] = "SPECIAL PURPOSE",
        ["BW"] = "FINDINGS",
        ["BG"] = "FINDINGS",
        ["CL"] = "FINDINGS",
        ["FW"] = "FINDINGS",
        ["MA"] = "FINDINGS",
        ["OM"] = "FINDINGS",
        ["PM"] = "FINDINGS",
        ["TF"] = "FINDINGS",
    };

    /// <summary>A class as CDISC Library names it ("Special-Purpose") in CORE's spelling ("SPECIAL PURPOSE").</summary>
    internal static string ClassName(string libraryClass) =>
        libraryClass.Equals("Special-Purpose", StringComparison.OrdinalIgnoreCase) ? "SPECIAL PURPOSE" : libraryClass.ToUpperInvariant();
}
