using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Packages;
using CdiscExport.Review.Findings;
using CdiscExport.Review.Reports;
using NodaTime;

namespace CdiscExport.Review;

/// <summary>
/// What a review page is built from: the package as loaded for the conformance rules, its findings, and the reports
/// a package of ours carries beside it (reconciliation, best response by cohort).
/// </summary>
public sealed class ReviewSource
{
    /// <summary>The package's datasets and define.xml files.</summary>
    public required Package Package { get; init; }

    /// <summary>The conformance findings.</summary>
    public required ReviewFindings Findings { get; init; }

    /// <summary>The time stamped on the page (the export's <c>--datetime</c>, else SOURCE_DATE_EPOCH, else now).</summary>
    public required Instant Created { get; init; }

    /// <summary>The package as the page names it (a folder name, never a full path: pages of reruns are identical).</summary>
    public string PackageName { get; init; } = "";

    /// <summary>The reconciliation of raw records (a package of ours), or null.</summary>
    public ReportTable? Reconciliation { get; init; }

    /// <summary>The best-response-by-cohort report with the published table (a package of ours), or null.</summary>
    public ReportTable? PublishedBestResponse { get; init; }

    /// <summary>
    /// Loads the package at <paramref name="packageFolder"/> (a package root with <c>m5/datasets</c>, or a folder of XPT
    /// files) and its findings: <c>reports/conformance.json</c> when the package has one that is newer than every
    /// dataset and define.xml in it (a package written by <c>export</c>), else the conformance rules run now with their
    /// defaults (as <c>validate</c> runs them).
    /// </summary>
    /// <param name="packageFolder">The package.</param>
    /// <param name="created">The time stamped on the page.</param>
    /// <exception cref="ArgumentException">The folder does not exist or holds no XPT file (the message says which).</exception>
    public static ReviewSource Load(string packageFolder, Instant created)
    {
        var root = Path.GetFullPath(packageFolder);
        var package = Package.Load([root]);
        var reports = Path.Combine(root, PackageLayout.ReportsFolder);
        var json = Path.Combine(reports, PackageLayout.ConformanceJson);
        ReviewFindings findings;
        if (File.Exists(json) && IsNewerThanDatasets(json, package))
        {
            findings = ReviewFindings.ReadJson(json, $"{PackageLayout.ReportsFolder}/{PackageLayout.ConformanceJson} of the package (newer than every dataset in it)");
        }
        else
        {
            var why = File.Exists(json) ? $"{PackageLayout.ReportsFolder}/{PackageLayout.ConformanceJson} is older than the datasets, so " : "";
            findings = ReviewFindings.FromResult(ConformanceEngine.Run(package), why + "the conformance rules were run for this page, with their defaults (as validate runs them)");
        }

        return new ReviewSource
        {
            Package = package,
            Findings = findings,
            Created = created,
            PackageName = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)),
            Reconciliation = ReportTable.ReadIfPresent(Path.Combine(reports, PackageLayout.Reconciliation)),
            PublishedBestResponse = ReportTable.ReadIfPresent(Path.Combine(reports, PackageLayout.BestResponseCsv)),
        };
    }

    private static bool IsNewerThanDatasets(string json, Package package)
    {
        var written = File.GetLastWriteTimeUtc(json);
        var files = package.Datasets.Select(d => d.FilePath).Concat(package.Folders.Select(f => f.DefinePath).OfType<string>());
        return files.All(f => File.GetLastWriteTimeUtc(f) <= written);
    }
}
