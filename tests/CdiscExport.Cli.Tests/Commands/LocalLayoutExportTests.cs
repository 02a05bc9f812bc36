using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>
/// The local-layout study (German EDC export, issue 17) through the command line: umlauts written to XPT
/// transliterated only when the study file asks, each change listed; the detected delimiter said on the console.
/// </summary>
public sealed class LocalLayoutExportTests : IDisposable
{
    private static readonly string Fixture = RepositoryPaths.Get("tests", "fixtures", "local-layout-study");

    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-local-").FullName;

    [Fact]
    public void Export_LocalLayout_ListsEveryTransliterationAndSaysHowMany()
    {
        var run = CliRun.Of("export", Path.Combine(Fixture, "spec"), "--out", Path.Combine(_work, "out"), "--datetime", "2024-01-01T00:00:00Z");
        run.Error.ShouldNotContain("cdisc-export:");
        run.Output.ShouldContain("xpt: 4 texts transliterated to ASCII");
        run.Output.ShouldContain("unerwuenschte_ereignisse.csv: delimiter ';' detected from the header");
        File.ReadAllLines(Path.Combine(_work, "out", "reports", "transliteration.csv")).ShouldBe(
        [
            "DATASET,VARIABLE,ROW,ORIGINAL,WRITTEN",
            "AE,AEDECOD,2,ÜBELKEIT,UBELKEIT",
            "AE,AETERM,2,Übelkeit,Ubelkeit",
            "AE,AEDECOD,3,MÜDIGKEIT,MUDIGKEIT",
            "AE,AETERM,3,Müdigkeit,Mudigkeit",
        ]);
        File.ReadAllText(Path.Combine(_work, "out", "reports", "reconciliation.csv"))
            .ShouldBe(File.ReadAllText(Path.Combine(Fixture, "expected", "reconciliation.csv")).ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public void Export_NonAsciiWithoutTheKey_Exit2NamesTheSpecKeyNotACSharpOption()
    {
        var spec = Path.Combine(_work, "spec");
        Directory.CreateDirectory(spec);
        foreach (var file in Directory.GetFiles(Path.Combine(Fixture, "spec")))
        {
            File.Copy(file, Path.Combine(spec, Path.GetFileName(file)));
        }

        var study = Path.Combine(spec, "study.yaml");
        File.WriteAllText(study, File.ReadAllText(study)
            .Replace("folder: ../raw", "folder: " + Path.Combine(Fixture, "raw"), StringComparison.Ordinal)
            .Replace("transliterate: true", "transliterate: false", StringComparison.Ordinal));
        var run = CliRun.Of("export", spec, "--out", Path.Combine(_work, "out"), "--datetime", "2024-01-01T00:00:00Z");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("AE.AETERM row 2: the text contains non-ASCII characters");
        run.Error.ShouldContain("Add `xpt: transliterate: true` to " + study);
        run.Error.ShouldNotContain("XptWriterOptions");
        Directory.Exists(Path.Combine(_work, "out")).ShouldBeFalse();
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
