using System.Text.Json;
using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary><c>validate</c>: exit codes, report folder, the pilot and the sample study's own package.</summary>
public sealed class ValidateCommandTests(SampleExportFixture sample) : IClassFixture<SampleExportFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-validate-").FullName;

    private static string Pilot => RepositoryPaths.Get("tests", "fixtures", "cdiscpilot01-sdtm");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static JsonElement Findings(string report) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "conformance.json"))).RootElement.GetProperty("findings");

    [Fact]
    public void Validate_Pilot_ExitsOneOnErrors_AndWritesTheThreeReports()
    {
        var report = Path.Combine(_work, "pilot");
        var run = CliRun.Of("validate", Pilot, "--report", report);
        run.ExitCode.ShouldBe(1, run.Error);
        foreach (var f in new[] { "conformance.json", "conformance.csv", "conformance.html" })
        {
            File.Exists(Path.Combine(report, f)).ShouldBeTrue(f);
        }

        Findings(report).EnumerateArray().ShouldContain(f => f.GetProperty("rule").GetString() == "INT-DEF-001" && f.GetProperty("message").GetString()!.Contains("STDTMIG"));
    }

    [Fact]
    public void Validate_Pilot_FailOnReject_ExitsZero()
    {
        CliRun.Of("validate", Pilot, "--report", Path.Combine(_work, "r"), "--fail-on", "reject").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Validate_MissingInput_ExitsTwo_AndWritesNothing()
    {
        var report = Path.Combine(_work, "none");
        var run = CliRun.Of("validate", Path.Combine(_work, "no-such-folder"), "--report", report);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no-such-folder");
        Directory.Exists(report).ShouldBeFalse();
    }

    [Fact]
    public void Validate_ReportInsideThePackage_ExitsTwo()
    {
        var run = CliRun.Of("validate", sample.Out, "--report", Path.Combine(sample.Out, "reports", "x"));
        run.ExitCode.ShouldBe(2);
        Directory.Exists(Path.Combine(sample.Out, "reports", "x")).ShouldBeFalse();
    }

    [Fact]
    public void Validate_SampleExport_HasNoFindingOfErrorOrWorse()
    {
        // Our own package (SDTM, ADaM, both define.xml files) passes --fail-on error.
        var report = Path.Combine(_work, "sample");
        var run = CliRun.Of("validate", sample.Out, "--report", report);
        sample.Run.ExitCode.ShouldBe(0, sample.Run.Error);
        var severe = Findings(report).EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() is "reject" or "error")
            .Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("dataset")} {f.GetProperty("variable")}: {f.GetProperty("message").GetString()}")
            .ToList();
        severe.ShouldBeEmpty();
        run.ExitCode.ShouldBe(0);
    }
}
