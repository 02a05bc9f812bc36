using static CdiscExport.Review.Tests.PackageData;

namespace CdiscExport.Review.Tests;

/// <summary>
/// What the sample study's charts must show, computed here from the package's XPT files (not through the review
/// page's code): per ADSL subject its arm, days on treatment, ADRS best overall response and the serum M-protein's
/// percent change from baseline over time, and the abstract's published best responses by cohort (TRIAL.md).
/// </summary>
internal static class SampleStudy
{
    /// <summary>The abstract's best response by cohort, keyed by ADSL TRT01P (bortezomib mg/m2 + lenalidomide mg).</summary>
    public static readonly IReadOnlyDictionary<string, string> PublishedBestResponse = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Bortezomib 1.0 mg/m2 + Lenalidomide 5 mg"] = "MR PR PR",
        ["Bortezomib 1.3 mg/m2 + Lenalidomide 5 mg"] = "CR PR PR",
        ["Bortezomib 1.0 mg/m2 + Lenalidomide 10 mg"] = "NE PR PR nCR",
        ["Bortezomib 1.3 mg/m2 + Lenalidomide 10 mg"] = "MR MR PD PR PR SD",
        ["Bortezomib 1.0 mg/m2 + Lenalidomide 15 mg"] = "NE SD SD",
    };

    private static readonly Lazy<IReadOnlyList<ExpectedSubject>> All = new(Compute);

    public static IReadOnlyList<ExpectedSubject> Subjects => All.Value;

    /// <summary>Best responses of a group as the published table lists them: sorted, space-separated.</summary>
    public static string Multiset(IEnumerable<string> responses) => string.Join(' ', responses.Order(StringComparer.Ordinal));

    private static List<ExpectedSubject> Compute()
    {
        var adsl = Read(ReviewPackages.SampleAdam, "ADSL");
        var adrs = Read(ReviewPackages.SampleAdam, "ADRS");
        var lb = Read(ReviewPackages.SampleSdtm, "LB");
        var subjects = new List<ExpectedSubject>();
        foreach (var s in adsl.Records)
        {
            var usubjid = Text(s, "USUBJID");
            var start = SasDate(Number(s, "TRTSDT")!.Value);
            var end = SasDate(Number(s, "TRTEDT")!.Value);
            var bor = adrs.Records.Single(r => Text(r, "USUBJID") == usubjid && Text(r, "PARAMCD") == "BOR");
            subjects.Add(new ExpectedSubject(usubjid, Text(s, "TRT01P"), Text(bor, "AVALC"), end.DayNumber - start.DayNumber + 1, Marker(lb, usubjid, start)));
        }

        return subjects;
    }

    // Serum M-protein (LBTESTCD MCPROT, SERUM, by electrophoresis), else the 24-h urine M-protein (MPROTEXR) when the
    // serum baseline is not measurable; the baseline is the record with LBLOBXFL = Y; later dates are post-baseline.
    // NOT DETECTED is 0, "<x" is x/2. Days count from TRTSDT.
    private static List<(int Day, double PercentChange)> Marker(PackageData lb, string usubjid, DateOnly start)
    {
        foreach (var (test, specimen) in new[] { ("MCPROT", "SERUM"), ("MPROTEXR", "URINE") })
        {
            var records = lb.Records.Where(r => Text(r, "USUBJID") == usubjid && Text(r, "LBTESTCD") == test && Text(r, "LBSPEC") == specimen && Text(r, "LBMETHOD") == "ELECTROPHORESIS").ToList();
            var baseline = records.SingleOrDefault(r => Text(r, "LBLOBXFL") == "Y");
            if (baseline is null || Value(baseline) is not { } b || b == 0)
            {
                continue;
            }

            var baselineDate = IsoDate(Text(baseline, "LBDTC"));
            return records.Where(r => IsoDate(Text(r, "LBDTC")) > baselineDate && Value(r) is not null)
                .OrderBy(r => IsoDate(Text(r, "LBDTC")))
                .Select(r => (IsoDate(Text(r, "LBDTC")).DayNumber - start.DayNumber, (Value(r)!.Value - b) / b * 100))
                .ToList();
        }

        return [];
    }

    private static double? Value(Dictionary<string, object?> r)
    {
        if (Number(r, "LBSTRESN") is { } n)
        {
            return n;
        }

        var c = Text(r, "LBSTRESC");
        return c == "NOT DETECTED" ? 0
            : c.StartsWith('<') && double.TryParse(c[1..], System.Globalization.CultureInfo.InvariantCulture, out var below) ? below / 2
            : null;
    }
}

/// <summary>One subject as the charts must show it.</summary>
/// <param name="Usubjid">ADSL USUBJID.</param>
/// <param name="Arm">ADSL TRT01P.</param>
/// <param name="BestResponse">ADRS AVALC where PARAMCD = BOR.</param>
/// <param name="TreatmentDays">ADSL TRTEDT - TRTSDT + 1.</param>
/// <param name="Marker">Post-baseline (day from TRTSDT, percent change of M-protein from baseline), by date.</param>
internal sealed record ExpectedSubject(string Usubjid, string Arm, string BestResponse, int TreatmentDays, IReadOnlyList<(int Day, double PercentChange)> Marker)
{
    /// <summary>The lowest percent change, or null without a post-baseline value.</summary>
    public double? BestPercentChange => Marker.Count == 0 ? null : Marker.Min(p => p.PercentChange);
}
