namespace CdiscExport.Core.Standards;

/// <summary>
/// The "Core" designation of a standard variable: whether it must be present and populated.
/// </summary>
/// <remarks>
/// SDTMIG 3.4 uses "Req", "Exp" and "Perm". ADaMIG 1.3 uses "Req", "Cond" and "Perm"; its "Cond"
/// (conditionally required: required when the condition in the CDISC Notes holds) maps to
/// <see cref="Conditional"/>. Any other value is a load error.
/// </remarks>
public enum CoreCategory
{
    /// <summary>"Req": the variable must be present and, in SDTM, never null.</summary>
    Required,

    /// <summary>"Exp" (SDTM only): the variable must be present; it may be null when not collected.</summary>
    Expected,

    /// <summary>"Perm": the variable may be included.</summary>
    Permissible,

    /// <summary>"Cond" (ADaM only): required when the condition stated in the ADaMIG notes applies.</summary>
    Conditional,
}
