namespace CdiscExport.Core.Standards;

/// <summary>One variable of a dataset (SDTM) or data structure (ADaM) as an implementation guide defines it.</summary>
/// <param name="Dataset">Dataset name (SDTM, e.g. "DM") or data structure name (ADaM, "ADSL" or "BDS").</param>
/// <param name="Name">Variable name as CDISC spells it, e.g. "SEX"; for ADaM placeholder variables the name as
/// written in the guide ("TRTxxP") or, when returned by <see cref="ImplementationGuide.FindVariable"/> for an actual
/// name, that actual name ("TRT01P").</param>
/// <param name="Label">Variable label, e.g. "Sex".</param>
/// <param name="Type">Character or numeric.</param>
/// <param name="Order">1-based position in the guide. SDTMIG gives it ("Variable Order"); for ADaMIG, which has no
/// order column, it is the row's position within its data structure.</param>
/// <param name="Role">SDTM role (e.g. "Record Qualifier"); for ADaM, which has no roles, the ADaMIG variable set
/// (e.g. "Treatment").</param>
/// <param name="Core">Required, expected, permissible or conditional.</param>
/// <param name="CodelistCodes">NCI C-codes of the codelists the guide cites, e.g. ["C66731"]; empty when none.</param>
/// <param name="CodelistNames">Codelist submission values, e.g. ["SEX"]. ADaMIG gives them; SDTMIG 3.4 gives codes
/// only, so <see cref="StandardsLibrary"/> fills them from its controlled terminology (a code absent from that
/// terminology has no name and is left out, so this list may be shorter than <paramref name="CodelistCodes"/>).</param>
public sealed record StandardVariable(
    string Dataset,
    string Name,
    string Label,
    VariableDataType Type,
    int Order,
    string Role,
    CoreCategory Core,
    IReadOnlyList<string> CodelistCodes,
    IReadOnlyList<string> CodelistNames)
{
    /// <summary>
    /// True when the guide does not list the variable for this dataset but the dataset's general observation class
    /// allows it (<see cref="ImplementationGuide.FindClassVariable"/>); it then goes right after the variable whose
    /// <see cref="Order"/> it carries, and after other added variables of a lower <see cref="ClassPosition"/>.
    /// </summary>
    public bool AddedFromClass => ClassPosition is not null;

    /// <summary>
    /// For a variable added from the dataset's class, its position in the guide's dataset it was taken from (so that
    /// VISITNUM, VISIT and VISITDY added together keep that order); null for the dataset's own variables.
    /// </summary>
    public int? ClassPosition { get; init; }
}
