using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Specs;
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
        var subjects = new SubjectRows(adsl);
        var first = FirstRows(subjects, dm, _ => true);
        string? Get(int s, string v) => first[s] >= 0 ? dm[v].GetText(first[s]) : null;
        double? Number(int s, string v) => Get(s, v) is { } code && armNumbers.TryGetValue(code, out var n) ? n : null;
        return adsl
            .WithSubjectText(subjects, "TRT01P", "Planned Treatment for Period 01", s => Get(s, "ARM"))
            .WithSubjectNumber(subjects, "TRT01PN", "Planned Treatment for Period 01 (N)", s => Number(s, "ARMCD"))
            .WithSubjectText(subjects, "TRT01A", "Actual Treatment for Period 01", s => Get(s, "ACTARM"))
            .WithSubjectNumber(subjects, "TRT01AN", "Actual Treatment for Period 01 (N)", s => Number(s, "ACTARMCD"));
    }

    /// <summary>
    /// A date variable from the first (or last) complete date of <paramref name="dateVar"/> among the subject's
    /// <paramref name="source"/> records that pass <paramref name="filter"/> (admiral derive_vars_merged with an
    /// extreme date, e.g. TRTSDT from EXSTDTC).
    /// </summary>
    public static Dataset DeriveVarExtremeDate(this Dataset adsl, Dataset source, string newVar, string label,
        Func<int, bool> filter, string dateVar, bool first)
    {
        var subjects = new SubjectRows(adsl);
        var subjectOf = subjects.Map(source);
        var dates = source.DatesOf(dateVar);
        var extreme = new LocalDate?[subjects.Count];
        for (var r = 0; r < subjectOf.Length; r++)
        {
            var s = subjectOf[r];
            if (s >= 0 && filter(r) && dates[r] is { } date
                && (extreme[s] is not { } e || (first ? date < e : date > e)))
            {
                extreme[s] = date;
            }
        }

        return adsl.WithSubjectNumber(subjects, newVar, label, s => Derivations.SasDays(extreme[s]));
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
        var subjects = new SubjectRows(adsl);
        var count = CountRows(subjects, source, filter);
        return adsl.WithSubjectText(subjects, newVar, label, s => count[s] > 0 ? "Y" : "N");
    }

    /// <summary>The number of the subject's <paramref name="source"/> records passing <paramref name="filter"/> (0 when none).</summary>
    public static Dataset DeriveVarMergedCount(this Dataset adsl, Dataset source, string newVar, string label, Func<int, bool> filter)
    {
        var subjects = new SubjectRows(adsl);
        var count = CountRows(subjects, source, filter);
        return adsl.WithSubjectNumber(subjects, newVar, label, s => count[s]);
    }

    /// <summary>A variable from a SUPP-- qualifier of DM: QVAL where QNAM is <paramref name="qnam"/>.</summary>
    public static Dataset DeriveVarFromSuppqual(this Dataset adsl, Dataset suppdm, string qnam, string label)
    {
        var qnamCol = suppdm.Text("QNAM");
        var subjects = new SubjectRows(adsl);
        var first = FirstRows(subjects, suppdm, r => qnamCol[r] == qnam);
        var qval = suppdm.Text("QVAL");
        return adsl.WithSubjectText(subjects, qnam, label, s => first[s] >= 0 ? qval[first[s]] : null);
    }

    /// <summary>
    /// EOSSTT and DCSREAS from the end-of-study disposition record (DSSCAT <paramref name="endOfStudyCategory"/>):
    /// COMPLETED, or DISCONTINUED with DCSREAS = DSDECOD; ONGOING without such a record.
    /// </summary>
    public static Dataset DeriveVarsDisposition(this Dataset adsl, Dataset ds, string endOfStudyCategory)
    {
        var scat = ds.Text("DSSCAT");
        var decod = ds.Text("DSDECOD");
        var subjects = new SubjectRows(adsl);
        var subjectOf = subjects.Map(ds);
        var last = new string?[subjects.Count];
        for (var r = 0; r < subjectOf.Length; r++)
        {
            if (subjectOf[r] >= 0 && scat[r] == endOfStudyCategory)
            {
                last[subjectOf[r]] = decod[r];
            }
        }

        return adsl
            .WithSubjectText(subjects, "EOSSTT", "End of Study Status", s => last[s] switch
            {
                null => "ONGOING",
                "COMPLETED" => "COMPLETED",
                _ => "DISCONTINUED",
            })
            .WithSubjectText(subjects, "DCSREAS", "Reason for Discontinuation from Study", s => last[s] is { } r && r != "COMPLETED" ? r : null);
    }

    /// <summary>
    /// NCYCLES: cycles completed, counted from the cycle-marking drug's doses in EX (see
    /// <see cref="ComputeCyclesCompleted"/>).
    /// </summary>
    public static Dataset DeriveVarNcycles(this Dataset adsl, Dataset ex, CycleSpec cycle)
    {
        var trt = ex.Text("EXTRT");
        var subjects = new SubjectRows(adsl);
        var subjectOf = subjects.Map(ex);
        var dates = ex.DatesOf("EXSTDTC");
        var doses = new List<LocalDate>?[subjects.Count];
        for (var r = 0; r < subjectOf.Length; r++)
        {
            var s = subjectOf[r];
            if (s >= 0 && string.Equals(trt[r], cycle.Drug, StringComparison.OrdinalIgnoreCase))
            {
                doses[s] ??= [];
                if (dates[r] is { } date)
                {
                    doses[s]!.Add(date);
                }
            }
        }

        return adsl.WithSubjectNumber(subjects, "NCYCLES", "Number of Cycles Completed",
            s => doses[s] is { } d ? ComputeCyclesCompleted(d, cycle) : 0);
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

    /// <summary>The number of each subject's <paramref name="source"/> records passing <paramref name="filter"/>, by representative ADSL row.</summary>
    private static int[] CountRows(SubjectRows subjects, Dataset source, Func<int, bool> filter)
    {
        var subjectOf = subjects.Map(source);
        var count = new int[subjects.Count];
        for (var r = 0; r < subjectOf.Length; r++)
        {
            if (subjectOf[r] >= 0 && filter(r))
            {
                count[subjectOf[r]]++;
            }
        }

        return count;
    }

    /// <summary>Each subject's first <paramref name="source"/> record passing <paramref name="filter"/> (-1 when none), by representative ADSL row.</summary>
    private static int[] FirstRows(SubjectRows subjects, Dataset source, Func<int, bool> filter)
    {
        var subjectOf = subjects.Map(source);
        var first = new int[subjects.Count];
        Array.Fill(first, -1);
        for (var r = 0; r < subjectOf.Length; r++)
        {
            if (subjectOf[r] >= 0 && first[subjectOf[r]] < 0 && filter(r))
            {
                first[subjectOf[r]] = r;
            }
        }

        return first;
    }
}
