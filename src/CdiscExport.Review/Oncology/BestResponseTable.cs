using System.Globalization;
using CdiscExport.Review.Reports;

namespace CdiscExport.Review.Oncology;

/// <summary>One arm's line of the best-response table.</summary>
/// <param name="Arm">TRT01P (or the arm variable the study uses).</param>
/// <param name="ArmOrder">TRT01PN, or the arm's position.</param>
/// <param name="Subjects">Subjects in ADSL.</param>
/// <param name="Counts">Subjects per best overall response.</param>
/// <param name="Published">The published best responses, when the package carries them (our best-response-by-cohort report); else null.</param>
internal sealed record BestResponseRow(string Arm, double ArmOrder, int Subjects, IReadOnlyDictionary<string, int> Counts, string? Published)
{
    /// <summary>"2 PR, 1 MR": the counts, best first, as the published tables write them.</summary>
    public string Summary => string.Join(", ", Counts.Where(c => c.Value > 0 && c.Key != ResponseScale.Missing).OrderBy(c => ResponseScale.Rank(c.Key))
        .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} {c.Key}")));
}

/// <summary>
/// Best overall response by arm (dose level): ADSL subjects counted by ADRS BOR, with the published table beside
/// it when the package carries <c>reports/best-response-by-cohort.csv</c> (its PUBLISHED column, matched on COHORT =
/// TRT01PN).
/// </summary>
internal sealed class BestResponseTable
{
    private BestResponseTable(IReadOnlyList<string> categories, IReadOnlyList<BestResponseRow> rows)
    {
        Categories = categories;
        Rows = rows;
    }

    /// <summary>The categories that occur, best first (the table's columns).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>One row per arm, in arm order.</summary>
    public IReadOnlyList<BestResponseRow> Rows { get; }

    /// <summary>Whether any row has a published summary.</summary>
    public bool HasPublished => Rows.Any(r => r.Published is not null);

    /// <summary>Builds the table from the study and, when present, the published report.</summary>
    public static BestResponseTable Create(OncologyStudy study, ReportTable? published)
    {
        ArgumentNullException.ThrowIfNull(study);
        var publishedByCohort = new Dictionary<string, string>(StringComparer.Ordinal);
        if (published is not null)
        {
            foreach (var row in published.Rows)
            {
                publishedByCohort.TryAdd(published.Get(row, "COHORT"), published.Get(row, "PUBLISHED"));
            }
        }

        var categories = study.Subjects.Select(s => s.BestResponse).Distinct().OrderBy(ResponseScale.Rank).ToList();
        var rows = study.Subjects.GroupBy(s => (s.ArmOrder, s.Arm)).OrderBy(g => g.Key.ArmOrder).ThenBy(g => g.Key.Arm, StringComparer.Ordinal)
            .Select(g => new BestResponseRow(g.Key.Arm, g.Key.ArmOrder, g.Count(),
                categories.ToDictionary(c => c, c => g.Count(s => s.BestResponse == c), StringComparer.Ordinal),
                publishedByCohort.TryGetValue(g.Key.ArmOrder.ToString(CultureInfo.InvariantCulture), out var text) ? text : null))
            .ToList();
        return new BestResponseTable(categories, rows);
    }
}
