using CdiscExport.Mapping.Algorithms;
using CdiscExport.Mapping.Raw;

namespace CdiscExport.Mapping.Specs;

/// <summary>One visit rule: a raw visit label (or a regular expression over it) to VISITNUM and VISIT.</summary>
internal sealed record VisitRule(SpecNode Node, string? Raw, System.Text.RegularExpressions.Regex? Pattern, string VisitNum, string Visit, bool Unscheduled);

/// <summary>
/// A study's spec, loaded and checked before any raw row is read: the study file, one mapping file per dataset and the
/// ADaM files under <c>adam/</c>, through one loader (<see cref="Load"/>), with one key style and one kind of error
/// (<see cref="SpecException"/>, with file, line and column). It is immutable, and it is what mapping, ADaM and the
/// conformance checks of an export are given: the standards folder and the response criteria reach each of them from
/// here.
/// </summary>
public sealed class StudySpec
{
    internal StudySpec(
        string filePath,
        IReadOnlyDictionary<string, string> attributes,
        string rawFolder,
        RawSettings rawDefaults,
        IReadOnlyDictionary<string, RawSettings> formSettings,
        string? standardsFolder,
        IReadOnlyList<DatasetSpec> datasets,
        IReadOnlyDictionary<string, LookupTable> tables,
        IReadOnlyList<VisitRule> visits,
        bool transliterateNonAscii,
        IReadOnlyDictionary<string, string> explainedFindings,
        AdamSpec? adam)
    {
        FilePath = filePath;
        Attributes = attributes;
        RawFolder = rawFolder;
        RawDefaults = rawDefaults;
        FormSettings = formSettings;
        StandardsFolder = standardsFolder;
        Datasets = datasets;
        Tables = tables;
        Visits = visits;
        TransliterateNonAscii = transliterateNonAscii;
        ExplainedFindings = explainedFindings;
        Adam = adam;
    }

    /// <summary>Loads the spec in <paramref name="specFolder"/>: <c>study.yaml</c>, the dataset files it lists and <c>adam/*.yaml</c>.</summary>
    /// <param name="specFolder">The folder holding study.yaml.</param>
    /// <param name="rawFolder">A folder that replaces the raw folder the study file names, or null.</param>
    /// <exception cref="SpecException">A spec file is missing or wrong; the message names file, line and column.</exception>
    public static StudySpec Load(string specFolder, string? rawFolder = null) => SpecLoader.Load(specFolder, rawFolder);

    /// <summary>The study file (<c>study.yaml</c>).</summary>
    public string FilePath { get; }

    /// <summary>The study file's folder.</summary>
    public string Folder => Path.GetDirectoryName(Path.GetFullPath(FilePath))!;

    /// <summary>The study file's <c>study:</c> section (STUDYID and the trial attributes).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>STUDYID, from the study file's <c>study:</c> section.</summary>
    public string StudyId => Attributes["STUDYID"];

    /// <summary>The raw folder (the study file's, or the one that replaced it).</summary>
    public string RawFolder { get; }

    /// <summary>The <c>standards:</c> folder the study names (full path), or null for the product's own.</summary>
    public string? StandardsFolder { get; }

    /// <summary>Whether non-ASCII text is transliterated for XPT (<c>xpt: transliterate:</c>).</summary>
    public bool TransliterateNonAscii { get; }

    /// <summary>Conformance rules whose findings the study file explains (rule id to why).</summary>
    public IReadOnlyDictionary<string, string> ExplainedFindings { get; }

    /// <summary>The ADaM spec (<c>adam/*.yaml</c>), or null when the study has none.</summary>
    public AdamSpec? Adam { get; }

    /// <summary>The SDTM datasets' names, in the study file's order.</summary>
    public IReadOnlyList<string> DatasetNames => Datasets.Select(d => d.Name).ToList();

    /// <summary>
    /// The spec file that maps <paramref name="dataset"/>; for a dataset the study does not map, the file that would
    /// (<c>dm.yaml</c> beside the study file, for DM). Errors about what a dataset lacks point there.
    /// </summary>
    /// <param name="dataset">The dataset's name (DM).</param>
    /// <returns>The file's path.</returns>
    public string FileOf(string dataset) =>
        Datasets.FirstOrDefault(d => d.Name == dataset)?.FilePath ?? Path.Combine(Folder, dataset.ToLowerInvariant() + ".yaml");

    internal RawSettings RawDefaults { get; }

    internal IReadOnlyDictionary<string, RawSettings> FormSettings { get; }

    internal IReadOnlyList<DatasetSpec> Datasets { get; }

    internal IReadOnlyDictionary<string, LookupTable> Tables { get; }

    internal IReadOnlyList<VisitRule> Visits { get; }
}

/// <summary>How one dataset is made: record blocks (each from one raw form, or literal rows), then derivations.</summary>
internal sealed record DatasetSpec(
    string FilePath,
    string Name,
    string? Label,
    IReadOnlyList<BlockSpec> Blocks,
    IReadOnlyList<DerivationSpec> Derivations,
    IReadOnlyList<string> Sort);

/// <summary>A join of a block's form to another form, many-to-one.</summary>
internal sealed record JoinSpec(SpecNode Node, string Form, string On, string Key, bool Required);

/// <summary>A non-standard variable that goes to SUPP--: QNAM, QLABEL, how to fill QVAL, QORIG, QEVAL.</summary>
internal sealed record SuppSpec(SpecNode Node, string Qnam, string Qlabel, IAlgorithm Value, string Qorig, string Qeval);

/// <summary>One block of records: a raw form (or literal rows), joins, a filter, the variables and SUPP-- variables.</summary>
internal sealed record BlockSpec(
    SpecNode Node,
    string? Source,
    IReadOnlyList<JoinSpec> Joins,
    Condition? Where,
    string? WhereReason,
    IReadOnlyList<(string Target, IAlgorithm Algorithm)> Variables,
    IReadOnlyList<SuppSpec> Supp,
    IReadOnlyList<IReadOnlyDictionary<string, string>>? Rows,
    UnpivotSpec? Unpivot = null);

/// <summary>A standard derivation named in a dataset file, with its options.</summary>
internal sealed record DerivationSpec(SpecNode Node, string Name, SpecMap Options);
