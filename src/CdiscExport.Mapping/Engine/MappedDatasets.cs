using CdiscExport.Core.Datasets;

namespace CdiscExport.Mapping.Engine;

/// <summary>
/// One spec dataset as soon as its mapping is final: the dataset and, after it, its SUPP--. Given to the
/// <c>mapped</c> callback of <see cref="MappingEngine.Run(string, string?, CdiscExport.Core.Standards.StandardsLibrary?, Action{string}?, Action{MappedDatasets}?)"/> so that a caller can write it while the other datasets are
/// still being mapped.
/// </summary>
/// <param name="StudyId">STUDYID of the study file.</param>
/// <param name="TransliterateNonAscii">Whether the study file asks for non-ASCII text to be transliterated in XPT v5.</param>
/// <param name="Datasets">The dataset and its SUPP-- (when it has one), as they will appear in the result.</param>
public sealed record MappedDatasets(string StudyId, bool TransliterateNonAscii, IReadOnlyList<Dataset> Datasets);
