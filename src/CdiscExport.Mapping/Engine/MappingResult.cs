using CdiscExport.Core.Datasets;
using CdiscExport.Core.Standards;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Engine;

/// <summary>
/// What a study's mapping produced: SDTM datasets in spec order (SUPP-- after their parent) and the reconciliation;
/// <c>ExplainedFindings</c> are the conformance rules whose findings the study file explains (rule id -> why);
/// <c>Spec</c> is the spec it was mapped by (its ADaM part, standards folder and response criteria travel with it);
/// <c>RawNotes</c> say what the raw readers chose that the spec did not say (a detected delimiter), one per form.
/// </summary>
public sealed record MappingResult(
    string StudyId,
    IReadOnlyDictionary<string, string> StudyAttributes,
    IReadOnlyList<Dataset> Datasets,
    IReadOnlyList<ReconciliationLine> Reconciliation,
    StandardsLibrary Standards,
    bool TransliterateNonAscii,
    StudySpec Spec,
    IReadOnlyDictionary<string, string>? ExplainedFindings = null,
    IReadOnlyList<string>? RawNotes = null);
