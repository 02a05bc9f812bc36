namespace CdiscExport.Adam.Response;

/// <summary>What progression is measured from.</summary>
public enum PdReference
{
    /// <summary>The lowest value since baseline up to the previous assessment (IMWG; the usual modified-EBMT reading).</summary>
    Nadir,

    /// <summary>The baseline value.</summary>
    Baseline,
}

/// <summary>
/// The named parameters of a response rule set, as the study's spec sets them (MYELOMA.md 1.1-1.3, 6).
/// </summary>
public sealed record ResponseCriteriaParameters
{
    /// <summary>PD reference: nadir or baseline.</summary>
    public PdReference PdReference { get; init; } = PdReference.Nadir;

    /// <summary>A response counts when the same or a better one is recorded at least this many days later (EBMT: 42).</summary>
    public int ConfirmationDays { get; init; } = 42;

    /// <summary>How many NE assessments may lie between a response and its confirmation.</summary>
    public int NeTolerance { get; init; }

    /// <summary>Whether CR needs a marrow result below 5% plasma cells.</summary>
    public bool CrRequiresMarrow { get; init; }

    /// <summary>Whether nCR needs a marrow result below 5% plasma cells.</summary>
    public bool NcrRequiresMarrow { get; init; }

    /// <summary>
    /// Early-off-study rule: a subject with no assessment on or after first dose + this many days is NE.
    /// Null disables the rule.
    /// </summary>
    public int? EarlyOffStudyNeDays { get; init; }

    /// <summary>Whether best response is censored at the add-on (dexamethasone) start.</summary>
    public bool CensorAtAddOn { get; init; } = true;

    /// <summary>Whether PD ends the window only when the next assessment confirms it.</summary>
    public bool PdRequiresConfirmation { get; init; } = true;
}
