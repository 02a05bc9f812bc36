using CdiscExport.Adam.Adrs;
using CdiscExport.Adam.Adsl;
using CdiscExport.Adam.Metadata;
using CdiscExport.Adam.Reports;
using CdiscExport.Adam.Spec;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Standards;
using CdiscExport.Mapping.Engine;

namespace CdiscExport.Adam;

/// <summary>What the ADaM step produced: ADSL, ADRS, the best-response-by-cohort table and any warnings.</summary>
/// <param name="Adsl">ADSL, one record per subject.</param>
/// <param name="Adrs">ADRS (BDS): OVR, BOR, UBOR, OVRLB, BORLB.</param>
/// <param name="BestResponseByCohort">The abstract's table computed from ADRS beside the published one.</param>
/// <param name="Warnings">Derivation warnings (e.g. an unreadable RS result that was skipped).</param>
public sealed record AdamResult(Dataset Adsl, Dataset Adrs, BestResponseByCohort BestResponseByCohort, IReadOnlyList<string> Warnings)
{
    /// <summary>ADSL and ADRS, in that order.</summary>
    public IReadOnlyList<Dataset> Datasets => [Adsl, Adrs];
}

/// <summary>The ADaM step: ADSL and ADRS from a study's SDTM and its ADaM spec (<c>&lt;spec folder&gt;/adam/*.yaml</c>).</summary>
public static class AdamProgram
{
    /// <summary>True when the spec folder has an ADaM spec (<c>adam/adsl.yaml</c>).</summary>
    public static bool HasAdamSpec(string specFolder) => File.Exists(Path.Combine(specFolder, "adam", "adsl.yaml"));

    /// <summary>Runs ADSL, then ADRS, then the best-response table, on the mapping's SDTM datasets.</summary>
    /// <exception cref="AdamSpecException">The ADaM spec is missing or invalid.</exception>
    public static AdamResult Run(MappingResult sdtm, string specFolder) =>
        Run(new SdtmDatasets(sdtm.Datasets), specFolder, sdtm.Standards.Adamig);

    /// <summary>Runs ADSL, then ADRS, then the best-response table, on any SDTM datasets.</summary>
    /// <exception cref="AdamSpecException">The ADaM spec is missing or invalid.</exception>
    public static AdamResult Run(SdtmDatasets sdtm, string specFolder, ImplementationGuide? adamig)
    {
        var spec = AdamSpec.Load(specFolder);
        Derivations.Warnings.Clear();
        var criteria = spec.Criteria.CreateCriteria();
        var adslDerived = AdslProgram.Run(sdtm, spec.Adsl);
        var adsl = AdamMetadata.Apply(new Dataset("ADSL", spec.Adsl.Label, adslDerived.Columns), "ADSL", spec.Adsl.Variables, adamig);
        var adrsDerived = AdrsProgram.Run(sdtm, adslDerived, spec.Adrs, spec.Criteria, criteria);
        var adrs = AdamMetadata.Apply(adrsDerived, "BDS", spec.Adrs.Variables, adamig);
        var table = BestResponseByCohort.Compute(adsl, adrs, spec.Adrs.Published, spec.Adrs.PublishedSource, spec.Adrs.PublishedResponseRate);
        var warnings = Derivations.Warnings.ToList();
        Derivations.Warnings.Clear();
        return new AdamResult(adsl, adrs, table, warnings);
    }
}
