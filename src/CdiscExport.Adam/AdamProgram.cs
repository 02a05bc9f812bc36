using CdiscExport.Adam.Adrs;
using CdiscExport.Adam.Adsl;
using CdiscExport.Adam.Metadata;
using CdiscExport.Adam.Reports;
using CdiscExport.Adam.Response;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Standards;
using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Specs;

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
    /// <summary>Runs ADSL, then ADRS, then the best-response table, on the mapping's SDTM datasets; null when the
    /// study's spec has no ADaM part.</summary>
    /// <exception cref="SpecException">The ADaM spec lists a variable no derivation produces, or the study's SDTM spec
    /// leaves out a dataset or variable (or gives it the other type) that the ADaM derivations read.</exception>
    public static AdamResult? Run(MappingResult sdtm)
    {
        if (sdtm.Spec.Adam is not { } spec)
        {
            return null;
        }

        if (sdtm.Datasets.FirstOrDefault(d => d.Name == "DM") is { } dm && dm.Has("USUBJID") && dm["USUBJID"] is CharacterColumn subjects &&
            Enumerable.Range(0, subjects.Count).Select(r => subjects[r]).GroupBy(u => u, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            // ADSL has one record per subject, made from DM's.
            throw new SpecException(sdtm.Spec.FileOf("DM"), 0, 0, "USUBJID",
                $"the ADaM derivations need one DM record per subject, but DM has {repeated.Count()} for USUBJID {repeated.Key}. Check the raw form this file maps for a repeated subject (or narrow it with where:).");
        }

        try
        {
            return Run(new SdtmDatasets(sdtm.Datasets), spec, sdtm.Standards.Adamig);
        }
        catch (DatasetVariableException e)
        {
            // The SDTM spec file that should produce it is the one to change (or the ADaM part, if the study has none).
            throw new SpecException(sdtm.Spec.FileOf(e.Dataset), 0, 0, e.Variable,
                $"the ADaM derivations (adam/*.yaml) read SDTM {e.Dataset}{(e.Variable is null ? string.Empty : "." + e.Variable)}, but {e.Message} Map it in this file (and list the dataset in study.yaml), or remove the adam/ folder.");
        }
    }

    /// <summary>Runs ADSL, then ADRS, then the best-response table, on any SDTM datasets.</summary>
    /// <exception cref="SpecException">The ADaM spec lists a variable no derivation produces.</exception>
    public static AdamResult Run(SdtmDatasets sdtm, AdamSpec spec, ImplementationGuide? adamig)
    {
        Derivations.Warnings.Clear();
        var criteria = ResponseCriteriaSets.Create(spec.Criteria);
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
