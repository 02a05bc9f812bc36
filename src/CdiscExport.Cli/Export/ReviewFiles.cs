using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Packages;
using CdiscExport.Review.Findings;
using CdiscExport.Review.Reports;
using CdiscExport.Review;
using NodaTime;

namespace CdiscExport.Cli.Export;

/// <summary>Writes reports/review.html of an exported package, from the package as written and its conformance run.</summary>
internal static class ReviewFiles
{
    /// <summary>
    /// Writes the review page into the package's reports folder: the package as the conformance run read it back
    /// (XPT and define.xml as a reviewer receives them; not read a second time), the findings of that run, and the
    /// reconciliation and best-response reports already written there.
    /// </summary>
    public static void WriteReview(PackageLayout layout, Package package, ConformanceResult conformance, Instant created)
    {
        var source = new ReviewSource
        {
            Package = package,
            Findings = ReviewFindings.FromResult(conformance, "the conformance run of this export (reports/conformance.json)"),
            Created = created,
            PackageName = layout.StudyId.ToLowerInvariant(),
            Reconciliation = ReportTable.ReadIfPresent(layout.Report(PackageLayout.Reconciliation)),
            PublishedBestResponse = ReportTable.ReadIfPresent(layout.Report(PackageLayout.BestResponseCsv)),
        };
        ReviewPageWriter.WriteFile(source, layout.Report(PackageLayout.ReviewPage));
    }
}
