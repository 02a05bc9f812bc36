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

    /// <summary>
    /// SD1132's findings on this study counted without CdiscExport: a pandas script applies the rule as P21 and CDISC
    /// CORE state it to the pharmaverse SDTM and to the raw export (tests/fixtures/sd1132-pharmaverse, README.md).
    /// </summary>
    private static readonly int Sd1132Findings = int.Parse(
        File.ReadAllLines(RepositoryPaths.Get("tests", "fixtures", "sd1132-pharmaverse", "derive_sd1132.out"))
            .Last(l => l.StartsWith("SD1132 = ", StringComparison.Ordinal))["SD1132 = ".Length..],
        System.Globalization.CultureInfo.InvariantCulture);

    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-explained-").FullName;

    [Fact]
    public void Export_StudyExplainsItsOnlyErrors_Exit0_FindingsStillReported()
    {
        var outDir = Path.Combine(_work, "out");

        var run = CliRun.Of("export", Spec, "--out", outDir, "--datetime", "2026-01-01T00:00:00Z");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        Sd1132Findings.ShouldBe(36); // the derivation's result, so that a change to it is seen here too
        // SD1132 is the study's only error: the console's error count is its count.
        run.Output.ShouldContain($"error {Sd1132Findings},");
        run.Output.ShouldContain($"SD1132: {Sd1132Findings} issues explained in study.yaml (As collected:");
        // SD1132 and CORE-000022 check the same thing: each finding is listed once, under CORE's id, carrying ours.
        // (rule and alsoRule come before the free text, so a plain split reads them.)
        File.ReadAllLines(Path.Combine(outDir, "reports", "conformance.csv")).Skip(1).Select(l => l.Split(','))
            .Count(c => c[0] == "SD1132" || c[3] == "SD1132").ShouldBe(Sd1132Findings);
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
