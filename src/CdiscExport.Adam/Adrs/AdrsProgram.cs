using CdiscExport.Adam.Response;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Specs;
using NodaTime;

namespace CdiscExport.Adam.Adrs;

/// <summary>ADRS for a study: the parameters OVR, BOR, UBOR (investigator) and OVRLB, BORLB (M-protein labs).</summary>
internal static class AdrsProgram
{
    /// <summary>The parameter codes in output order.</summary>
    public static readonly string[] ParameterOrder = ["OVR", "BOR", "UBOR", "OVRLB", "BORLB"];

    public static Dataset Run(SdtmDatasets sdtm, Dataset adsl, AdrsSpec spec, ResponseCriteriaSpec criteriaSpec, IResponseCriteria criteria)
    {
        var subjects = SubjectDatesOf(adsl);
        var ovr = sdtm.Find("RS") is { } rs ? AdrsDerivations.DeriveParamOvr(rs, criteriaSpec) : [];
        var ovrlb = sdtm.Find("LB") is { } lb
            ? AdrsDerivations.DeriveParamOvrlb(lb, criteria, criteriaSpec.Labs, subjects)
            : [];
        var perVisit = AdrsDerivations.DeriveVarAnl01fl([.. ovr, .. ovrlb], criteria, subjects);
        var records = SortRecords([
            .. perVisit,
            .. AdrsDerivations.DeriveParamBor(perVisit, "OVR", "BOR", criteria, subjects, confirm: true),
            .. AdrsDerivations.DeriveParamBor(perVisit, "OVR", "UBOR", criteria, subjects, confirm: false),
            .. AdrsDerivations.DeriveParamBor(perVisit, "OVRLB", "BORLB", criteria, subjects, confirm: true),
        ]);
        return CreateDataset(records, adsl, spec, criteria);
    }

    /// <summary>
    /// ADRS order: by USUBJID (ordinal), parameter (<see cref="ParameterOrder"/>), then ADT (missing first); records
    /// that tie keep their order.
    /// </summary>
    internal static List<AdrsRecord> SortRecords(List<AdrsRecord> records)
    {
        // Sorting on integer keys (the subject's rank, the parameter's position, the date's day number, and the
        // record's position to keep ties in order) instead of comparing strings and nullable dates record by record.
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            rank.TryAdd(r.Usubjid, 0);
        }

        var subjects = rank.Keys.ToArray();
        Array.Sort(subjects, StringComparer.Ordinal);
        for (var i = 0; i < subjects.Length; i++)
        {
            rank[subjects[i]] = i;
        }

        var keys = new (int Subject, int Parameter, int Day, int Position)[records.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var r = records[i];
            keys[i] = (rank[r.Usubjid], Array.IndexOf(ParameterOrder, r.Paramcd), r.Adt is { } d ? SasDate.ToSasDays(d) : int.MinValue, i);
        }

        Array.Sort(keys);
        var sorted = new List<AdrsRecord>(keys.Length);
        foreach (var k in keys)
        {
            sorted.Add(records[k.Position]);
        }

        return sorted;
    }

    /// <summary>First dose (TRTSDT) and add-on start (DEXSTDT) of every ADSL subject.</summary>
    public static Dictionary<string, SubjectDates> SubjectDatesOf(Dataset adsl)
    {
        var usubjid = adsl.Text(Derivations.Usubjid);
        var trtsdt = adsl.Number("TRTSDT");
        var dex = adsl.Has("DEXSTDT") ? adsl.Number("DEXSTDT") : null;
        return Enumerable.Range(0, adsl.RowCount).ToDictionary(r => usubjid[r],
            r => new SubjectDates(Derivations.FromSasDays(trtsdt[r]), Derivations.FromSasDays(dex?[r])), StringComparer.Ordinal);
    }

    /// <summary>The ADRS dataset: ADSL keys and treatment variables, then the parameter and analysis variables.</summary>
    internal static Dataset CreateDataset(IReadOnlyList<AdrsRecord> records, Dataset adsl, AdrsSpec spec, IResponseCriteria criteria)
    {
        var adslRow = Enumerable.Range(0, adsl.RowCount).ToDictionary(r => adsl.Text(Derivations.Usubjid)[r], StringComparer.Ordinal);
        var param = spec.Parameters.ToDictionary(p => p.Paramcd, p => p.Param, StringComparer.Ordinal);
        var rows = Enumerable.Range(0, records.Count).Select(i => adslRow.GetValueOrDefault(records[i].Usubjid, -1)).ToList();
        var columns = new List<DatasetColumn>();
        foreach (var v in new[] { "STUDYID", "USUBJID", "SUBJID", "SITEID", "TRT01P", "TRT01PN", "TRT01A", "TRT01AN", "TRTSDT", "TRTEDT", "DEXSTDT" })
        {
            if (!adsl.Has(v))
            {
                continue;
            }

            var c = adsl[v];
            columns.Add(c is NumericColumn n
                ? new NumericColumn(c.Metadata, rows.Select(r => r < 0 ? null : n[r]))
                : new CharacterColumn(c.Metadata, rows.Select(r => r < 0 ? null : c.GetText(r))));
        }

        var dataset = new Dataset("ADRS", spec.Label, columns);
        var trtsdt = dataset.Has("TRTSDT") ? dataset.Number("TRTSDT") : null;
        dataset = dataset
            .WithRowText("PARAMCD", "Parameter Code", i => records[i].Paramcd)
            .WithRowText("PARAM", "Parameter", i => param.GetValueOrDefault(records[i].Paramcd, records[i].Paramcd))
            .WithRowText("PARCAT1", "Parameter Category 1", _ => criteria.Category)
            .WithRowText("AVALC", "Analysis Value (C)", i => records[i].Category.Code())
            .WithRowNumber("AVAL", "Analysis Value", i => records[i].Category.Aval())
            .WithRowNumber("ADT", "Analysis Date", i => Derivations.SasDays(records[i].Adt))
            .WithRowNumber("ADY", "Analysis Relative Day", i => ComputeAnalysisDay(Derivations.FromSasDays(trtsdt?[i]), records[i].Adt))
            .WithRowText("VISIT", "Visit Name", i => records[i].Visit)
            .WithRowNumber("VISITNUM", "Visit Number", i => records[i].Visitnum)
            .WithRowText("ANL01FL", "Analysis Flag 01", i => records[i].Anl01fl)
            .WithRowText("SRCDOM", "Source Data", i => records[i].Srcdom)
            .WithRowText("SRCVAR", "Source Variable", i => records[i].Srcvar)
            .WithRowNumber("SRCSEQ", "Source Sequence Number", i => records[i].Srcseq);
        var usubjid = dataset.Text(Derivations.Usubjid);
        var seq = new double?[records.Count];
        for (int i = 0, n = 0; i < records.Count; i++)
        {
            n = i > 0 && usubjid[i] == usubjid[i - 1] ? n + 1 : 1;
            seq[i] = n;
        }

        return dataset.WithRowNumber("ASEQ", "Analysis Sequence Number", i => seq[i]);
    }

    /// <summary>ADY: the study day of <paramref name="date"/> from TRTSDT, as SDTM's --DY counts it (no day 0).</summary>
    internal static double? ComputeAnalysisDay(LocalDate? reference, LocalDate? date) =>
        reference is { } r && date is { } d ? StudyDay.ComputeStudyDay(r, d) : null;
}
