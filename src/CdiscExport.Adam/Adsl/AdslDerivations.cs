using CdiscExport.Adam.Spec;
using CdiscExport.Core.Datasets;
using NodaTime;

namespace CdiscExport.Adam.Adsl;

/// <summary>
/// ADSL derivations, one job each (admiral style): each takes ADSL and its source domain and adds the named variables.
/// </summary>
internal static class AdslDerivations
{
    /// <summary>ADSL's first variables, copied from DM (one record per subject, DM order).</summary>
    public static Dataset CreateAdslFromDm(Dataset dm, IReadOnlyList<string> variables) =>
        new("ADSL", "Subject-Level Analysis Dataset", variables.Where(dm.Has).Select(v => dm[v]).ToList());

    /// <summary>AGEGR1: the first group whose bounds hold AGE; blank when AGE is missing or no group fits.</summary>
    public static Dataset DeriveVarAgegr1(this Dataset adsl, IReadOnlyList<AgeGroupSpec> groups)
    {
        var age = adsl.Number("AGE");
        return adsl.WithRowText("AGEGR1", "Pooled Age Group 1", r => age[r] is { } a
            ? groups.FirstOrDefault(g => (g.Min is null || a >= g.Min) && (g.Max is null || a <= g.Max))?.Label
            : null);
    }

    /// <summary>TRT01P/TRT01A from ARM/ACTARM and TRT01PN/TRT01AN from ARMCD/ACTARMCD through the spec's arm numbers.</summary>
    public static Dataset DeriveVarsTrt01(this Dataset adsl, Dataset dm, IReadOnlyDictionary<string, int> armNumbers)
    {
        var rows = Derivations.RowsBySubject(dm);
        string? Get(string usubjid, string v) => rows.TryGetValue(usubjid, out var r) ? dm[v].GetText(r[0]) : null;
        double? Number(string usubjid, string v) =>
            Get(usubjid, v) is { } code && armNumbers.TryGetValue(code, out var n) ? n : null;
        return adsl
            .WithSubjectText("TRT01P", "Planned Treatment for Period 01", u => Get(u, "ARM"))
            .WithSubjectNumber("TRT01PN", "Planned Treatment for Period 01 (N)", u => Number(u, "ARMCD"))
            .WithSubjectText("TRT01A", "Actual Treatment for Period 01", u => Get(u, "ACTARM"))
            .WithSubjectNumber("TRT01AN", "Actual Treatment for Period 01 (N)", u => Number(u, "ACTARMCD"));
    }

    /// <summary>
    /// A date variable from the first (or last) complete date of <paramref name="dateVar"/> among the subject's
    /// <paramref name="source"/> records that pass <paramref name="filter"/> (admiral derive_vars_merged with an
    /// extreme date, e.g. TRTSDT from EXSTDTC).
    /// </summary>
    public static Dataset DeriveVarExtremeDate(this Dataset adsl, Dataset source, string newVar, string label,
        Func<int, bool> filter, string dateVar, bool first)
    {
        var rows = Derivations.RowsBySubject(source, filter);
        var dates = source.Text(dateVar);
        return adsl.WithSubjectNumber(newVar, label, u =>
        {
            if (!rows.TryGetValue(u, out var r))
            {
                return null;
            }

            var values = r.Select(i => Derivations.ParseDate(dates[i])).OfType<LocalDate>().ToList();
            return values.Count == 0 ? null : Derivations.SasDays(first ? values.Min() : values.Max());
        });
    }

    /// <summary>TRTDURD = TRTEDT - TRTSDT + 1 (days), blank when either is missing.</summary>
    public static Dataset DeriveVarTrtdurd(this Dataset adsl)
    {
        var start = adsl.Number("TRTSDT");
        var end = adsl.Number("TRTEDT");
        return adsl.WithRowNumber("TRTDURD", "Total Treatment Duration (Days)",
            r => start[r] is { } s && end[r] is { } e ? e - s + 1 : null);
    }

    /// <summary>
    /// A Y/N flag: Y when the subject has a <paramref name="source"/> record passing <paramref name="filter"/>
    /// (admiral derive_var_merged_exist_flag), otherwise N.
    /// </summary>
    public static Dataset DeriveVarMergedExistFlag(this Dataset adsl, Dataset source, string newVar, string label, Func<int, bool> filter)
    {
        var rows = Derivations.RowsBySubject(source, filter);
        return adsl.WithSubjectText(newVar, label, u => rows.ContainsKey(u) ? "Y" : "N");
    }

    /// <summary>The number of the subject's <paramref name="source"/> records passing <paramref name="filter"/> (0 when none).</summary>
    public static Dataset DeriveVarMergedCount(this Dataset adsl, Dataset source, string newVar, string label, Func<int, bool> filter)
    {
        var rows = Derivations.RowsBySubject(source, filter);
        return adsl.WithSubjectNumber(newVar, label, u => rows.TryGetValue(u, out var r) ? r.Count : 0);
    }

    /// <summary>A variable from a SUPP-- qualifier of DM: QVAL where QNAM is <paramref name="qnam"/>.</summary>
    public static Dataset DeriveVarFromSuppqual(this Dataset adsl, Dataset suppdm, string qnam, string label)
    {
        var qnamCol = suppdm.Text("QNAM");
        var rows = Derivations.RowsBySubject(suppdm, r => qnamCol[r] == qnam);
        var qval = suppdm.Text("QVAL");
        return adsl.WithSubjectText(qnam, label, u => rows.TryGetValue(u, out var r) ? qval[r[0]] : null);
    }

    /// <summary>
    /// EOSSTT and DCSREAS from the end-of-study disposition record (DSSCAT <paramref name="endOfStudyCategory"/>):
    /// COMPLETED, or DISCONTINUED with DCSREAS = DSDECOD; ONGOING without such a record.
    /// </summary>
    public static Dataset DeriveVarsDisposition(this Dataset adsl, Dataset ds, string endOfStudyCategory)
    {
        var scat = ds.Text("DSSCAT");
        var decod = ds.Text("DSDECOD");
        var rows = Derivations.RowsBySubject(ds, r => scat[r] == endOfStudyCategory);
        string? Reason(string u) => rows.TryGetValue(u, out var r) ? decod[r[^1]] : null;
        return adsl
            .WithSubjectText("EOSSTT", "End of Study Status", u => Reason(u) switch
            {
                null => "ONGOING",
                "COMPLETED" => "COMPLETED",
                _ => "DISCONTINUED",
            })
            .WithSubjectText("DCSREAS", "Reason for Discontinuation from Study", u => Reason(u) is { } r && r != "COMPLETED" ? r : null);
    }

    /// <summary>
    /// NCYCLES: cycles completed, counted from the cycle-marking drug's doses in EX (see
    /// <see cref="ComputeCyclesCompleted"/>).
    /// </summary>
    public static Dataset DeriveVarNcycles(this Dataset adsl, Dataset ex, CycleSpec cycle)
    {
        var trt = ex.Text("EXTRT");
        var start = ex.Text("EXSTDTC");
        var rows = Derivations.RowsBySubject(ex, r => string.Equals(trt[r], cycle.Drug, StringComparison.OrdinalIgnoreCase));
        return adsl.WithSubjectNumber("NCYCLES", "Number of Cycles Completed", u => rows.TryGetValue(u, out var r)
            ? ComputeCyclesCompleted(r.Select(i => Derivations.ParseDate(start[i])).OfType<LocalDate>().ToList(), cycle)
            : 0);
    }

    /// <summary>
    /// Cycles completed from the dose dates of the cycle-marking drug. A dose more than the last planned dosing day
    /// after the current cycle's day 1 (plus a 3-day margin) starts a new cycle. A cycle is completed when its last
    /// planned dose was given (on the last dosing day) or the next cycle started.
    /// </summary>
    /// <example>Days 1, 4, 8, 11, 22, 25, 29 give 1 (cycle 2 lacks day 11); days 1, 4, 8 then 29 give 1.</example>
    public static int ComputeCyclesCompleted(IReadOnlyList<LocalDate> doses, CycleSpec cycle)
    {
        var lastDay = cycle.DosingDays.Count == 0 ? 1 : cycle.DosingDays.Max();
        var cycles = new List<(LocalDate DayOne, bool LastDoseGiven)>();
        foreach (var dose in doses.Distinct().Order())
        {
            if (cycles.Count == 0 || Period.DaysBetween(cycles[^1].DayOne, dose) > lastDay - 1 + 3)
            {
                cycles.Add((dose, lastDay == 1));
            }
            else if (Period.DaysBetween(cycles[^1].DayOne, dose) == lastDay - 1)
            {
                cycles[^1] = (cycles[^1].DayOne, true);
            }
        }

        return cycles.Select((c, i) => c.LastDoseGiven || i + 1 < cycles.Count).Count(x => x);
    }
}
