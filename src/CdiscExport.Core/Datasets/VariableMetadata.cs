namespace CdiscExport.Core.Datasets;

/// <summary>Whether a variable holds text or numbers, as SAS and Define-XML see it.</summary>
public enum VariableKind
{
    /// <summary>Character (SAS $ type; Define-XML text, date, datetime...).</summary>
    Character,

    /// <summary>Numeric (8-byte double in SAS; Define-XML integer or float).</summary>
    Numeric,
}

/// <summary>
/// What every stage (mapping, XPT and CSV writers, Define-XML, checks) knows about one variable.
/// One instance feeds them all, so they cannot disagree.
/// </summary>
/// <param name="Name">The variable name as CDISC spells it, e.g. <c>LBSTRESN</c>.</param>
/// <param name="Label">The variable label (at most 40 characters for XPT v5).</param>
/// <param name="Kind">Character or numeric.</param>
public sealed record VariableMetadata(string Name, string Label, VariableKind Kind)
{
    /// <summary>The declared length; null means "the longest value present" (character) or 8 (numeric).</summary>
    public int? Length { get; init; }

    /// <summary>The NCI C-code of the codelist that constrains the values, if any.</summary>
    public string? CodelistCode { get; init; }

    /// <summary>The submission name of that codelist, e.g. <c>SEX</c>.</summary>
    public string? CodelistName { get; init; }

    /// <summary>The SDTM/ADaM role (Identifier, Topic, Timing, ...).</summary>
    public string? Role { get; init; }

    /// <summary>Req, Exp or Perm as the implementation guide states it.</summary>
    public string? Core { get; init; }

    /// <summary>Define-XML origin type: Collected, Derived, Assigned, Protocol or Predecessor.</summary>
    public string? Origin { get; init; }

    /// <summary>A short description of how the value is obtained (becomes a Define-XML method or comment).</summary>
    public string? Method { get; init; }

    /// <summary>For Collected values, the raw source (form and column) they were read from.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The SAS display format, e.g. <c>DATE9.</c> for a numeric date (ADaM *DT), written into the XPT header so that
    /// SAS and validators show the value as a date; null for none.
    /// </summary>
    public string? DisplayFormat { get; init; }

    /// <summary>Sponsor values allowed beyond the codelist (declared <c>def:ExtendedValue="Yes"</c> in define.xml).</summary>
    public IReadOnlyList<string> ExtendedValues { get; init; } = [];
}
