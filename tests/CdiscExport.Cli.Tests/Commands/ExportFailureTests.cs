using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>Bad input: exit 2, a message that names the file and line, and nothing half-written.</summary>
public sealed class ExportFailureTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-fail-").FullName;

    private string CopyOfSampleSpec()
    {
        var spec = Path.Combine(_work, "spec");
        Directory.CreateDirectory(spec);
        foreach (var file in Directory.GetFiles(SampleExportFixture.Spec))
        {
            File.Copy(file, Path.Combine(spec, Path.GetFileName(file)));
        }

        // The copy's raw folder is relative to it: point it back at the sample's.
        var study = Path.Combine(spec, "study.yaml");
        File.WriteAllText(study, File.ReadAllText(study).Replace("../../samples", RepositoryPaths.Get("samples"), StringComparison.Ordinal));
        return spec;
    }

    private string CopyOfSampleRaw()
    {
        var raw = Path.Combine(_work, "raw");
        Directory.CreateDirectory(raw);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Get("samples", "bortezomib-lenalidomide-ph1", "raw")))
        {
            File.Copy(file, Path.Combine(raw, Path.GetFileName(file)));
        }

        return raw;
    }

    [Fact]
    public void Export_MisspeltVariableInSpec_Exit2NamesFileAndLine_KeepsEarlierPackage()
    {
        var spec = CopyOfSampleSpec();
        var outDir = Path.Combine(_work, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "earlier.txt"), "an earlier package");
        var ae = Path.Combine(spec, "ae.yaml");
        File.WriteAllText(ae, File.ReadAllText(ae).Replace("{ copy: AETERM }", "{ copy: AETREM }", StringComparison.Ordinal));

        var run = CliRun.Of("export", spec, "--out", outDir);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("ae.yaml line ");
        run.Error.ShouldContain("AETREM");
        run.Error.ShouldNotContain("   at ");
        Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).ShouldBe(["earlier.txt"]);
        Directory.GetDirectories(_work).Select(Path.GetFileName).ShouldNotContain(d => d!.Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_AdamSpecListsUnderivedVariable_Exit2NamesVariable_KeepsEarlierPackage()
    {
        // ADaM is derived while the SDTM datasets are written: its error must still reach the user as the sequential
        // export reported it, and nothing of either lane may be left behind.
        var spec = CopyOfSampleSpec();
        var adam = Path.Combine(spec, "adam");
        Directory.CreateDirectory(adam);
        foreach (var file in Directory.GetFiles(Path.Combine(SampleExportFixture.Spec, "adam")))
        {
            File.Copy(file, Path.Combine(adam, Path.GetFileName(file)));
        }

        var adsl = Path.Combine(adam, "adsl.yaml");
        File.WriteAllText(adsl, File.ReadAllText(adsl).Replace("  - { name: SITEID, source: DM.SITEID }",
            "  - { name: SITEID, source: DM.SITEID }\n  - { name: NOSUCHVR, source: DM.NOSUCHVR }", StringComparison.Ordinal));
        var outDir = Path.Combine(_work, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "earlier.txt"), "an earlier package");

        var run = CliRun.Of("export", spec, "--out", outDir);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("NOSUCHVR");
        run.Error.ShouldNotContain("   at ");
        Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).ShouldBe(["earlier.txt"]);
        Directory.GetDirectories(_work).Select(Path.GetFileName).ShouldNotContain(d => d!.Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_ImpossibleDateInRaw_Exit2NamesFileLineAndVariable()
    {
        var raw = CopyOfSampleRaw();
        var ae = Path.Combine(raw, "ae.csv");
        var lines = File.ReadAllLines(ae);
        lines[3] = lines[3].Replace(lines[3].Split(',')[5], "30FEB2005", StringComparison.Ordinal);
        File.WriteAllLines(ae, lines);

        var run = CliRun.Of("export", SampleExportFixture.Spec, "--raw", raw, "--out", Path.Combine(_work, "out"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("ae.csv line 4");
        run.Error.ShouldContain("AE.AESTDTC");
        run.Error.ShouldContain("30FEB2005");
        Directory.Exists(Path.Combine(_work, "out")).ShouldBeFalse();
    }

    [Fact]
    public void Export_UnknownOption_Exit2()
    {
        var run = CliRun.Of("export", SampleExportFixture.Spec, "--out", Path.Combine(_work, "o"), "--xpt-version", "7");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("'7'");
    }

    [Fact]
    public void Export_MissingSpecFolder_Exit2()
    {
        var run = CliRun.Of("export", Path.Combine(_work, "nope"), "--out", Path.Combine(_work, "o"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("study.yaml");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
