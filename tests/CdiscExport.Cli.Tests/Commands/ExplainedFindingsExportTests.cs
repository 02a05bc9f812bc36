using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>
/// A study file that explains a rule's findings (the pharmaverse pilot: AESER "No" with a seriousness criterion, as
/// collected): those findings stay in the reports and are counted on the console, but do not fail the export;
/// without the explanation the same package exits 1.
/// </summary>
public sealed class ExplainedFindingsExportTests : IDisposable
{
    private static readonly string Spec = RepositoryPaths.Get("specs", "cdiscpilot01-pharmaverse");

    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-explained-").FullName;

    [Fact]
    public void Export_StudyExplainsItsOnlyErrors_Exit0_FindingsStillReported()
    {
        var outDir = Path.Combine(_work, "out");

        var run = CliRun.Of("export", Spec, "--out", outDir, "--datetime", "2026-01-01T00:00:00Z");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        run.Output.ShouldContain("error 36,");
        run.Output.ShouldContain("SD1132: 36 findings explained in study.yaml (As collected:");
        File.ReadAllLines(Path.Combine(outDir, "reports", "conformance.csv")).Count(l => l.StartsWith("SD1132,", StringComparison.Ordinal)).ShouldBe(36);
    }

    [Fact]
    public void Export_SameStudyWithoutTheExplanation_Exit1()
    {
        var spec = Path.Combine(_work, "spec");
        Directory.CreateDirectory(spec);
        foreach (var file in Directory.GetFiles(Spec))
        {
            File.Copy(file, Path.Combine(spec, Path.GetFileName(file)));
        }

        var study = Path.Combine(spec, "study.yaml");
        var text = File.ReadAllText(study).Replace("../../samples", RepositoryPaths.Get("samples"), StringComparison.Ordinal);
        File.WriteAllText(study, text.Replace("    SD1132:", "    SD9999:", StringComparison.Ordinal));

        var run = CliRun.Of("export", spec, "--out", Path.Combine(_work, "out"), "--datetime", "2026-01-01T00:00:00Z");

        run.ExitCode.ShouldBe(1, run.Output + run.Error);
        run.Output.ShouldContain("SD9999: explained in study.yaml, but there is no such conformance rule");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
