using CdiscExport.Conformance.Engine;
using CdiscExport.Review.Charts;
using CdiscExport.Review.Oncology;
using NodaTime.Text;

namespace CdiscExport.Review.Page;

/// <summary>One dataset of the page: the loaded data, its labels and counts.</summary>
/// <param name="Id">The page's id for it (d0, d1, ...), in package order.</param>
/// <param name="Data">The dataset.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Subjects">Distinct non-blank USUBJID values, or null when it has no USUBJID.</param>
internal sealed record PageDataset(string Id, DatasetData Data, DatasetLabels Labels, int? Subjects);

/// <summary>What the page shows, worked out once from a <see cref="ReviewSource"/> before any markup is written.</summary>
internal sealed class PageModel
{
    public PageModel(ReviewSource source)
    {
        Source = source;
        Datasets = source.Package.Datasets.Select((d, i) => new PageDataset($"d{i}", d, DatasetLabels.Of(d), d.Column("USUBJID") is { } c ? c.DistinctCount - 1 : null)).ToList();
        StudyId = StudyIdOf(source.Package);
        CreatedText = InstantPattern.ExtendedIso.Format(source.Created);
        Oncology = OncologyStudy.Read(source.Package);
        if (Oncology is not null)
        {
            BestResponse = BestResponseTable.Create(Oncology, source.PublishedBestResponse);
            Waterfall = WaterfallChart.Create(Oncology);
            Swimmer = SwimmerChart.Create(Oncology);
            Spider = SpiderChart.Create(Oncology);
        }

        var sections = new List<(string, string)> { ("overview", "Overview"), ("datasets", "Datasets"), ("findings", "Conformance findings"), ("reconciliation", "Reconciliation") };
        if (Oncology is not null)
        {
            sections.Add(("response", "Response"));
        }

        Sections = sections;
    }

    public ReviewSource Source { get; }

    public IReadOnlyList<PageDataset> Datasets { get; }

    public string StudyId { get; }

    public string CreatedText { get; }

    public IReadOnlyList<(string Id, string Title)> Sections { get; }

    public OncologyStudy? Oncology { get; }

    public BestResponseTable? BestResponse { get; }

    public WaterfallChart? Waterfall { get; }

    public SwimmerChart? Swimmer { get; }

    public SpiderChart? Spider { get; }

    /// <summary>The page's dataset named <paramref name="name"/>, or null.</summary>
    public PageDataset? Find(string? name) => name is null ? null : Datasets.FirstOrDefault(d => string.Equals(d.Data.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The study's id: the define.xml's StudyName, else the first STUDYID value found (DM, TS, then any dataset).</summary>
    private static string StudyIdOf(Package package)
    {
        foreach (var folder in package.Folders)
        {
            if (folder.Define?.Model.Study.StudyName is { Length: > 0 } name)
            {
                return name;
            }
        }

        var candidates = new[] { package.Find("DM"), package.Find("TS") }.OfType<DatasetData>().Concat(package.Datasets);
        return candidates.Where(d => d.Has("STUDYID") && d.RowCount > 0).Select(d => d.Text(0, "STUDYID")).FirstOrDefault(s => s.Length > 0) ?? "Package";
    }
}
