using CdiscExport.Cli;
using CdiscExport.Core.Packages;
using CdiscExport.Testing;

[assembly: AssemblyFixture(typeof(CdiscExport.Review.Tests.ReviewPackagesCleanup))]

namespace CdiscExport.Review.Tests;

/// <summary>
/// The pages under test, made once per test run by the command a user runs: the sample study exported (its
/// <c>reports/review.html</c>) and <c>review</c> of the CDISC pilot package (SDTM only, no ADRS), in a temporary folder.
/// </summary>
internal static class ReviewPackages
{
    public const string DateTime = "2026-01-01T00:00:00Z";

    private static readonly Lazy<string> Root = new(() => Directory.CreateTempSubdirectory("cdisc-review-").FullName);

    private static readonly Lazy<string> SampleFolder = new(() =>
    {
        var folder = Path.Combine(Root.Value, "sample");
        Run("export", RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1"), "--out", folder, "--datetime", DateTime);
        return folder;
    });

    private static readonly Lazy<string> PilotFile = new(() =>
    {
        var page = Path.Combine(Root.Value, "pilot-review.html");
        Run("review", Pilot, "--out", page);
        return page;
    });

    /// <summary>The sample study's package (export with a pinned clock).</summary>
    public static string Sample => SampleFolder.Value;

    /// <summary>The sample's review page, written by export.</summary>
    public static string SamplePage => Path.Combine(Sample, "reports", PackageLayout.ReviewPage);

    public static string SampleSdtm => Directory.GetDirectories(Sample, "sdtm", SearchOption.AllDirectories).Single();

    public static string SampleAdam => Path.Combine(Directory.GetDirectories(Sample, "adam", SearchOption.AllDirectories).Single(), "datasets");

    /// <summary>The CDISC pilot's SDTM package (SAS-written XPTs and define.xml; no ADaM).</summary>
    public static string Pilot => Path.Combine(RepositoryPaths.Fixtures, "cdiscpilot01-sdtm");

    /// <summary>The pilot's review page, written by <c>review</c>.</summary>
    public static string PilotPage => PilotFile.Value;

    /// <summary>A fresh folder for one test's files, removed with the rest after the run.</summary>
    public static string NewFolder() => Directory.CreateDirectory(Path.Combine(Root.Value, Guid.NewGuid().ToString("N"))).FullName;

    public static void DeleteIfCreated()
    {
        if (Root.IsValueCreated && Directory.Exists(Root.Value))
        {
            Directory.Delete(Root.Value, recursive: true);
        }
    }

    private static void Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        if (exit != CliApp.Success)
        {
            throw new InvalidOperationException($"cdisc-export {string.Join(' ', args)} exited with {exit}: {error}{output}");
        }
    }
}

/// <summary>Removes the packages and pages when the test assembly finishes.</summary>
public sealed class ReviewPackagesCleanup : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => ReviewPackages.DeleteIfCreated();
}
