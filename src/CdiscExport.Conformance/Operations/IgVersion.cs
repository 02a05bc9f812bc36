namespace CdiscExport.Conformance.Operations;

/// <summary>
/// Whether findings about the IG's variables (which ones a domain has, which are Required or Expected) can be made
/// for the SDTMIG version the package is judged by.
/// </summary>
/// <remarks>
/// Only SDTMIG 3.4 metadata is shipped. Variables were added and their Core status changed between versions (SV gained
/// SVPRESP and SVOCCUR, --REASOC became a standard variable), and no shipped or reference file lists those changes
/// variable by variable, so the differences cannot be left out one by one: for a package of another version these
/// findings are not made at all, and the rule says why (docs/validation-judgement.md).
/// </remarks>
internal static class IgVersion
{
    /// <summary>
    /// Null when the package is judged by the SDTMIG version whose metadata is shipped; otherwise why IG-presence and
    /// Core findings cannot be made for it.
    /// </summary>
    public static string? MetadataMissingReason(Engine.RuleContext c)
    {
        var shipped = c.Env.Standards.Sdtmig.Version;
        var judged = c.Env.Judged?.Version ?? shipped;
        return judged == shipped
            ? null
            : $"the package is judged by SDTMIG {judged}, whose variable metadata is not shipped; which variables a domain has and their Core status differ between SDTMIG versions, so SDTMIG {shipped} metadata cannot stand in for it";
    }
}
