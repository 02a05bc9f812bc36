using System.CommandLine;
using System.Globalization;
using CdiscExport.Core.Packages;
using CdiscExport.Review;
using NodaTime;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// <c>review &lt;package-dir&gt; [--out &lt;file.html&gt;]</c>: writes one self-contained HTML page to review any
/// package (ours or another tool's): overview, datasets, conformance findings, reconciliation (ours), and for an
/// oncology study the best-response table and the waterfall, swimmer and spider plots. The findings come from the
/// package's reports/conformance.json when it is newer than every dataset (a package written by export), else the
/// rules are run for the page.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var package = new Argument<string>("package-dir") { Description = "A package root (with m5/datasets) or a folder of .xpt files, written by any tool." };
        var outFile = new Option<FileInfo?>("--out") { HelpName = "file.html", Description = "The page to write (default ./review.html)." };
        var command = new Command("review", "Write one self-contained HTML page to review a package: overview, datasets, conformance findings, reconciliation, response charts.")
        {
            package, outFile,
        };
        command.SetAction(parse => CommandErrors.Guard(error, environment, () => parse.GetValue(outFile)?.FullName, () =>
        {
            var folder = Path.GetFullPath(parse.GetRequiredValue(package));
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"{folder}: no such folder; name a package root (with m5/datasets) or a folder of .xpt files");
            }

            var target = Path.GetFullPath(parse.GetValue(outFile)?.FullName ?? Path.Combine(environment.Folder, PackageLayout.ReviewPage));
            if (Path.GetDirectoryName(target) is { } parent && !Directory.Exists(parent))
            {
                throw new UsageException($"--out {target}: the folder {parent} does not exist");
            }

            if (Directory.Exists(target))
            {
                throw new UsageException($"--out {target} is a folder; name the page's file, e.g. {Path.Combine(target, PackageLayout.ReviewPage)}");
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            ReviewSource source;
            try
            {
                source = ReviewSource.Load(folder, CreationTime.Resolve(null, environment, SystemClock.Instance));
                Timing(error, environment, clock, "review: package and findings read");
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException)
            {
                throw new UsageException(e.Message);
            }

            var summary = ReviewPageWriter.WriteFile(source, target);
            Timing(error, environment, clock, "review: page written");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.StudyId}: review page written to {target} ({summary.Datasets} datasets, {summary.Findings} findings listed; charts: {(summary.Charts.Count == 0 ? "none" : string.Join(", ", summary.Charts))})"));
            if (summary.ChartsNote is { } note)
            {
                output.WriteLine("  " + note);
            }

            output.WriteLine("  findings: " + source.Findings.Source);
            return CliApp.Success;
        }, () => parse.GetValue(package)));
        return command;
    }

    // With CDISC_EXPORT_TIMINGS=1, each step's elapsed time (as export and validate print theirs).
    private static void Timing(TextWriter error, CliEnvironment environment, System.Diagnostics.Stopwatch clock, string what)
    {
        if (environment.Timings)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,8:F2} s  {what}"));
        }
    }
}
