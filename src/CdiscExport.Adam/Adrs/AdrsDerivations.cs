using CdiscExport.Adam.Response;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Specs;
using NodaTime;

namespace CdiscExport.Adam.Adrs;

/// <summary>ADRS parameters, one derivation each (admiral style).</summary>
internal static class AdrsDerivations
{
    /// <summary>
    /// OVR: one record per investigator assessment in RS (RSTESTCD/RSEVAL/RSCAT as the criteria spec names them),
    /// AVALC = RSSTRESC, ADT = RSDTC, traced with SRCDOM/SRCVAR/SRCSEQ. Unreadable results are skipped with a warning.
    /// </summary>
    public static List<AdrsRecord> DeriveParamOvr(Dataset rs, ResponseCriteriaSpec spec, string paramcd = "OVR")
    {
        var result = new List<AdrsRecord>();
        var testcd = rs.Text("RSTESTCD");
        var eval = rs.Has("RSEVAL") ? rs.Text("RSEVAL") : null;
        var cat = rs.Has("RSCAT") ? rs.Text("RSCAT") : null;
        var stresc = rs.Text("RSSTRESC");
        var dates = rs.DatesOf("RSDTC");
        var usubjid = rs.Text(Derivations.Usubjid);
        for (var r = 0; r < rs.RowCount; r++)
        {
            if (testcd[r] != spec.ResponseTestCode || (eval is not null && eval[r] != spec.Evaluator)
                || (cat is not null && cat[r].Length > 0 && cat[r] != spec.Category))
            {
                continue;
            }

            if (ResponseCategories.Parse(stresc[r]) is not { } category)
            {
                Derivations.Warnings.Add($"RS row {r + 1}: RSSTRESC '{stresc[r]}' is not a response category; skipped");
                continue;
            }

            result.Add(new AdrsRecord(usubjid[r], paramcd, category, dates[r])
            {
                Visit = rs.Has("VISIT") ? rs["VISIT"].GetText(r) : "",
                Visitnum = rs.Has("VISITNUM") ? rs.Number("VISITNUM")[r] : null,
                Srcdom = "RS",
                Srcvar = "RSSTRESC",
                Srcseq = rs.Has("RSSEQ") ? rs.Number("RSSEQ")[r] : null,
            });
        }

        return result;
    }

    /// <summary>
    /// OVRLB: per-visit response derived from the M-protein labs in LB by <paramref name="criteria"/>, one record per
    /// post-first-dose date with M-protein results; traced to the serum (or urine) electrophoresis record.
    /// </summary>
    public static List<AdrsRecord> DeriveParamOvrlb(Dataset lb, IResponseCriteria criteria, LabCodingSpec coding,
        IReadOnlyDictionary<string, SubjectDates> subjects, string paramcd = "OVRLB")
    {
        var result = new List<AdrsRecord>();
        var labs = CreateMProteinMeasurements(lb, coding);
        foreach (var (usubjid, measurements) in labs)
        {
            if (!subjects.TryGetValue(usubjid, out var dates) || dates.FirstDose is not { } firstDose)
            {
                continue;
            }

            foreach (var a in criteria.ClassifyVisits(measurements, firstDose))
            {
                result.Add(new AdrsRecord(usubjid, paramcd, a.Category, a.Date)
                {
                    Visit = a.SourceRow >= 0 && lb.Has("VISIT") ? lb["VISIT"].GetText(a.SourceRow) : "",
                    Visitnum = a.SourceRow >= 0 && lb.Has("VISITNUM") ? lb.Number("VISITNUM")[a.SourceRow] : null,
                    Srcdom = a.SourceRow >= 0 ? "LB" : "",
                    Srcvar = a.SourceRow >= 0 ? "LBSTRESC" : "",
                    Srcseq = a.SourceRow >= 0 && lb.Has("LBSEQ") ? lb.Number("LBSEQ")[a.SourceRow] : null,
                });
            }
        }

        return result;
    }

    /// <summary>
    /// The M-protein results of each subject by date: serum and urine electrophoresis (not detected = 0; "&lt;x" =
    /// x/2, present below quantitation; g/L and g/day converted), serum and urine immunofixation, marrow plasma cells.
    /// </summary>
    public static Dictionary<string, List<MProteinMeasurement>> CreateMProteinMeasurements(Dataset lb, LabCodingSpec coding)
    {
        var testcd = lb.Text("LBTESTCD");
        var spec = lb.Text("LBSPEC");
        var method = lb.Has("LBMETHOD") ? lb.Text("LBMETHOD") : null;
        var stresc = lb.Text("LBSTRESC");
        var stresn = lb.Number("LBSTRESN");
        var stresu = lb.Text("LBSTRESU");
        var usubjid = lb.Text(Derivations.Usubjid);
        var dates = lb.DatesOf("LBDTC");
        var byKey = new Dictionary<(string Usubjid, LocalDate Date), MProteinMeasurement>();
        for (var r = 0; r < lb.RowCount; r++)
        {
            // Most LB records are other tests: classify first, and parse the date only of M-protein results.
            var ife = method is not null && method[r] == coding.ImmunofixationMethod;
            var result = testcd[r] == coding.MProtein && ife ? MProteinResult.Immunofixation
                : testcd[r] == coding.MProtein && spec[r] != "URINE" ? MProteinResult.Serum
                : testcd[r] == coding.UrineMProtein ? MProteinResult.Urine
                : testcd[r] == coding.MarrowPlasmaCells ? MProteinResult.MarrowPlasmaCells
                : MProteinResult.None;
            if (result == MProteinResult.None || dates[r] is not { } date)
            {
                continue;
            }

            var key = (usubjid[r], date);
            var m = byKey.GetValueOrDefault(key) ?? new MProteinMeasurement(date);
            byKey[key] = result switch
            {
                MProteinResult.Immunofixation => spec[r] == "URINE"
                    ? m with { UrineIfe = ParseImmunofixation(stresc[r]) }
                    : m with { SerumIfe = ParseImmunofixation(stresc[r]) },
                MProteinResult.Serum => m with { Serum = ParseQuantity(stresc[r], stresn[r]) * (stresu[r] == "g/L" ? 0.1 : 1), SourceRow = r },
                MProteinResult.Urine => m with
                {
                    Urine = ParseQuantity(stresc[r], stresn[r]) * (stresu[r] == "g/day" ? 1000 : 1),
                    SourceRow = m.SourceRow >= 0 ? m.SourceRow : r,
                },
                _ => m with { MarrowPlasmaCells = ParseQuantity(stresc[r], stresn[r]) },
            };
        }

        // Subjects in ordinal order of USUBJID, each subject's measurements by date.
        var bySubject = new Dictionary<string, List<MProteinMeasurement>>(StringComparer.Ordinal);
        foreach (var ((u, _), m) in byKey)
        {
            if (!bySubject.TryGetValue(u, out var list))
            {
                bySubject[u] = list = [];
            }

            list.Add(m);
        }

        var ordered = new Dictionary<string, List<MProteinMeasurement>>(bySubject.Count, StringComparer.Ordinal);
        foreach (var u in bySubject.Keys.Order(StringComparer.Ordinal))
        {
            var list = bySubject[u];
            list.Sort((x, y) => x.Date.CompareTo(y.Date));
            ordered[u] = list;
        }

        return ordered;
    }

    /// <summary>Which M-protein result an LB record holds.</summary>
    private enum MProteinResult
    {
        None,
        Immunofixation,
        Serum,
        Urine,
        MarrowPlasmaCells,
    }

    /// <summary>A quantity: the number, 0 for "NOT DETECTED", half the limit for "&lt;x"; null when unreadable.</summary>
    internal static double? ParseQuantity(string text, double? number)
    {
        if (number is not null)
        {
            return number;
        }

        var t = text.Trim();
        if (t.Equals("NOT DETECTED", StringComparison.OrdinalIgnoreCase) || t.Equals("NEGATIVE", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return t.StartsWith('<') && double.TryParse(t[1..], System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var limit)
            ? limit / 2
            : null;
    }

    private static Immunofixation? ParseImmunofixation(string text) => text.Trim().ToUpperInvariant() switch
    {
        "POSITIVE" or "POS" => Immunofixation.Positive,
        "NEGATIVE" or "NEG" => Immunofixation.Negative,
        _ => null,
    };

    /// <summary>
    /// A best-response parameter (BOR, UBOR, BORLB) from the per-visit records of <paramref name="sourceParamcd"/>:
    /// one record per subject in <paramref name="subjects"/>, by <paramref name="criteria"/>, with or without the
    /// maintenance rule. ADT is the first date of the best response; traced to the source record.
    /// </summary>
    public static List<AdrsRecord> DeriveParamBor(IReadOnlyList<AdrsRecord> perVisit, string sourceParamcd, string newParamcd,
        IResponseCriteria criteria, IReadOnlyDictionary<string, SubjectDates> subjects, bool confirm)
    {
        var bySubject = new Dictionary<string, List<AdrsRecord>>(StringComparer.Ordinal);
        foreach (var r in perVisit)
        {
            if (r.Paramcd == sourceParamcd && r.Adt is not null)
            {
                if (!bySubject.TryGetValue(r.Usubjid, out var list))
                {
                    bySubject[r.Usubjid] = list = [];
                }

                list.Add(r);
            }
        }

        var result = new List<AdrsRecord>(subjects.Count);
        foreach (var (usubjid, dates) in subjects)
        {
            var records = bySubject.GetValueOrDefault(usubjid) ?? [];
            var assessments = new List<Assessment>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                assessments.Add(new Assessment(records[i].Adt!.Value, records[i].Category, i));
            }

            var best = criteria.ComputeBestResponse(assessments, new ResponseWindow(dates.FirstDose, dates.AddOnStart), confirm);
            var from = best.From is { SourceRow: >= 0 } a ? records[a.SourceRow] : null;
            result.Add(new AdrsRecord(usubjid, newParamcd, best.Category, best.From?.Date)
            {
                Anl01fl = "Y",
                Visit = from?.Visit ?? "",
                Visitnum = from?.Visitnum,
                Srcdom = from?.Srcdom ?? "",
                Srcvar = from?.Srcvar ?? "",
                Srcseq = from?.Srcseq,
            });
        }

        return result;
    }

    /// <summary>
    /// ANL01FL on per-visit records: Y when the record counts for best response (on treatment, up to the add-on
    /// start and the first confirmed progression), otherwise blank.
    /// </summary>
    public static List<AdrsRecord> DeriveVarAnl01fl(IReadOnlyList<AdrsRecord> records, IResponseCriteria criteria,
        IReadOnlyDictionary<string, SubjectDates> subjects)
    {
        var result = new List<AdrsRecord>(records);
        foreach (var group in Enumerable.Range(0, records.Count).Where(i => records[i].Adt is not null)
                     .GroupBy(i => (records[i].Usubjid, records[i].Paramcd)))
        {
            var dates = subjects.GetValueOrDefault(group.Key.Usubjid) ?? new SubjectDates(null, null);
            var assessments = group.Select(i => new Assessment(records[i].Adt!.Value, records[i].Category, i)).ToList();
            foreach (var a in criteria.FilterWindow(assessments, new ResponseWindow(dates.FirstDose, dates.AddOnStart)))
            {
                result[a.SourceRow] = result[a.SourceRow] with { Anl01fl = "Y" };
            }
        }

        return result;
    }
}
