using CdiscExport.Mapping.Specs;

namespace CdiscExport.Adam.Response;

/// <summary>The response rule sets a study can name, built from its <c>adam/response-criteria.yaml</c>.</summary>
public static class ResponseCriteriaSets
{
    /// <summary>The rule set <paramref name="spec"/> names, with its parameters.</summary>
    /// <exception cref="ArgumentException">The rule set is not one of <see cref="ResponseCriteriaSpec.RuleSets"/> (the loader refuses those).</exception>
    public static IResponseCriteria Create(ResponseCriteriaSpec spec)
    {
        var parameters = new ResponseCriteriaParameters
        {
            PdReference = spec.PdReference == PdReferenceSpec.Baseline ? PdReference.Baseline : PdReference.Nadir,
            ConfirmationDays = spec.ConfirmationDays,
            NeTolerance = spec.NeTolerance,
            CrRequiresMarrow = spec.CrRequiresMarrow,
            NcrRequiresMarrow = spec.NcrRequiresMarrow,
            EarlyOffStudyNeDays = spec.EarlyOffStudyNeDays,
            CensorAtAddOn = spec.CensorAtAddOn,
            PdRequiresConfirmation = spec.PdRequiresConfirmation,
        };
        return spec.RuleSet switch
        {
            ModifiedEbmtCriteria.RuleSetName => new ModifiedEbmtCriteria(parameters, spec.Category),
            _ => throw new ArgumentException($"unknown response rule set '{spec.RuleSet}' (known: {ModifiedEbmtCriteria.RuleSetName})", nameof(spec)),
        };
    }
}
