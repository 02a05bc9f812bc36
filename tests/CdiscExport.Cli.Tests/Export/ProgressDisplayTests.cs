using System.Diagnostics;
using CdiscExport.Cli.Export;
using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Export;

/// <summary>
/// A long export says what it is doing on one rewritten line of stderr in a terminal, and nothing when stderr is not a
/// terminal (a log file, CI).
/// </summary>
public sealed class ProgressDisplayTests
{
    [Fact]
    public void Report_InATerminal_RewritesOneLine_AndDoneClearsIt()
    {
        var error = new StringWriter();
        var progress = new ProgressDisplay(error, enabled: true);
        progress.Report("mapping LB");
        progress.Report("writing LB (574,978 records)");
        progress.Report("ADaM");
        progress.Done();

        // Each step returns to the start of the line and blanks what the longer step before it left.
        error.ToString().ShouldBe(
            "\rmapping LB" +
            "\rwriting LB (574,978 records)" +
            "\rADaM" + new string(' ', "writing LB (574,978 records)".Length - "ADaM".Length) +
            "\r    \r");
    }

    [Fact]
    public void Report_OfAVeryLongStep_StaysOnOneLine()
    {
        var error = new StringWriter();
        new ProgressDisplay(error, enabled: true).Report(new string('x', 300));
        error.ToString().ShouldBe("\r" + new string('x', 100));
    }

    [Fact]
    public void ForConsole_OfAnythingButTheConsole_WritesNothing()
    {
        var error = new StringWriter();
        var progress = ProgressDisplay.ForConsole(error, timings: false);
        progress.Report("mapping LB");
        progress.Done();
        error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Export_InAPseudoTerminal_ShowsItsSteps_AndRedirected_StaysQuiet()
    {
        var script = ExternalTool.RequireOnPath("script", "bsdutils");
        var cli = typeof(CliApp).Assembly.Location;
        var spec = RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1");
        var work = Directory.CreateTempSubdirectory("cdisc-progress-").FullName;
        try
        {
            // script(1) runs the export with a terminal for stdin, stdout and stderr, and records what it shows.
            var command = $"dotnet '{cli}' export '{spec}' --out '{Path.Combine(work, "tty")}' --datetime 2026-01-01T00:00:00Z";
            var (ttyExit, shown, _) = Run(script, "-qec", command, Path.Combine(work, "typescript"));
            ttyExit.ShouldBe(0, shown);
            shown.ShouldContain("\rmapping DM");
            shown.ShouldContain("\rwriting LB (");
            shown.ShouldContain("\rchecking conformance");
            shown.ShouldContain("conformance: issues: reject 0"); // the summary still follows, on a clean line

            var (exit, output, error) = Run("dotnet", cli, "export", spec, "--out", Path.Combine(work, "redirected"), "--datetime", "2026-01-01T00:00:00Z");
            exit.ShouldBe(0, error);
            error.ShouldBeEmpty();
            output.ShouldNotContain("\r");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The profiling switch would turn the progress line into one line per step.
        start.Environment.Remove("CDISC_EXPORT_TIMINGS");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within 120 s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
