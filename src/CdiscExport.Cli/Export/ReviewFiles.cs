using CdiscExport.Conformance.Engine;
using CdiscExport.Review;
using CdiscExport.Review.Findings;
using CdiscExport.Review.Reports;
using NodaTime;

namespace CdiscExport.Cli.Export;

/// <summary>Writes reports/review.html of an exported package, from the package as written and its conformance run.</summary>
internal static class ReviewFiles
{
    /// <summary>
    /// Reads the package back (XPT and define.xml as a reviewer receives them) and writes the review page into its
    /// reports folder, with the findings of the run just made and the reconciliation and best-response reports
    /// already written there.
    /// </summary>
    public static void WriteReview(PackageLayout layout, ConformanceResult conformance, Instant created)
    {
        var source = new ReviewSource
        {
            Package = Package.Load([layout.Root]),
            Findings = ReviewFindings.FromResult(conformance, "the conformance run of this export (reports/conformance.json)"),
            Created = created,
            PackageName = layout.StudyId.ToLowerInvariant(),
            Reconciliation = ReportTable.ReadIfPresent(Path.Combine(layout.Reports, ReportTable.Reconciliation)),
            PublishedBestResponse = ReportTable.ReadIfPresent(Path.Combine(layout.Reports, ReportTable.BestResponseByCohort)),
        };
        ReviewPageWriter.WriteFile(source, Path.Combine(layout.Reports, ReviewPageWriter.FileName));
    }
}
