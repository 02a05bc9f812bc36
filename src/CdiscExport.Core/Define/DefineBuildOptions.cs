using CdiscExport.Core.Standards;
using NodaTime;

namespace CdiscExport.Core.Define;

/// <summary>Which submission folder a define.xml describes.</summary>
public enum DefineKind
{
    /// <summary>SDTM tabulations (SDTMIG 3.4), Purpose "Tabulation".</summary>
    Sdtm,

    /// <summary>ADaM analysis datasets (ADaMIG 1.3), Purpose "Analysis".</summary>
    Adam,
}

/// <summary>What <see cref="DefineBuilder"/> needs besides the datasets.</summary>
/// <param name="Kind">SDTM or ADaM.</param>
/// <param name="StudyId">STUDYID; names the Study and the file OIDs.</param>
/// <param name="Standards">The standards library (implementation guides and controlled terminology).</param>
/// <param name="Created">The instant written as ODM/@CreationDateTime (the export's pinned clock, never "now").</param>
public sealed record DefineBuildOptions(DefineKind Kind, string StudyId, StandardsLibrary Standards, Instant Created)
{
    /// <summary>GlobalVariables/StudyDescription; defaults to the study id.</summary>
    public string? StudyDescription { get; init; }

    /// <summary>GlobalVariables/ProtocolName; defaults to the study id.</summary>
    public string? ProtocolName { get; init; }

    /// <summary>ODM/@Originator.</summary>
    public string? Originator { get; init; }

    /// <summary>
    /// The extension of the dataset files the define describes (its def:leaf hrefs and titles): <c>.xpt</c> (default),
    /// or <c>.json</c>, <c>.ndjson</c>, <c>.dsjc</c> for a Dataset-JSON package.
    /// </summary>
    public string DatasetFileExtension { get; init; } = ".xpt";

    /// <summary>ODM/@SourceSystem; "CdiscExport".</summary>
    public string SourceSystem { get; init; } = "CdiscExport";
}
