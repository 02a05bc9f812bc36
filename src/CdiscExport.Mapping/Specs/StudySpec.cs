using CdiscExport.Mapping.Algorithms;
using CdiscExport.Mapping.Raw;

namespace CdiscExport.Mapping.Specs;

/// <summary>One visit rule: a raw visit label (or a regular expression over it) to VISITNUM and VISIT.</summary>
internal sealed record VisitRule(SpecNode Node, string? Raw, System.Text.RegularExpressions.Regex? Pattern, string VisitNum, string Visit, bool Unscheduled);

/// <summary>A study's spec: the study file and one mapping file per dataset, loaded and checked before any raw row is read.</summary>
internal sealed record StudySpec(
    string FilePath,
    IReadOnlyDictionary<string, string> Attributes,
    string RawFolder,
    RawSettings RawDefaults,
    IReadOnlyDictionary<string, RawSettings> FormSettings,
    string? StandardsFolder,
    IReadOnlyList<DatasetSpec> Datasets,
    IReadOnlyDictionary<string, LookupTable> Tables,
    IReadOnlyList<VisitRule> Visits,
    bool TransliterateNonAscii,
    IReadOnlyDictionary<string, string>? ExplainedFindings = null)
{
    /// <summary>STUDYID, from the study file's <c>study:</c> section.</summary>
    public string StudyId => Attributes["STUDYID"];

    /// <summary>The study file's folder.</summary>
    public string Folder => Path.GetDirectoryName(Path.GetFullPath(FilePath))!;
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
