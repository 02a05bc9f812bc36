namespace CdiscExport.Cli.Tests.Commands;

/// <summary>With the creation time pinned, two exports of the same input are byte-identical, file by file.</summary>
public sealed class ReproducibleExportTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-repro-").FullName;

    [Fact]
    public void Export_TwiceWithPinnedDatetime_IsByteIdentical()
    {
        var first = Path.Combine(_work, "a");
        var second = Path.Combine(_work, "b");
        CliRun.Of("export", SampleExportFixture.Spec, "--out", first, "--datetime", "2026-01-02T03:04:05Z", "--formats", "xpt,csv").ExitCode.ShouldBe(0);
        CliRun.Of("export", SampleExportFixture.Spec, "--out", second, "--datetime", "2026-01-02T03:04:05Z", "--formats", "xpt,csv").ExitCode.ShouldBe(0);

        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        files.ShouldNotBeEmpty();
        Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal).ShouldBe(files);
        foreach (var file in files)
        {
            File.ReadAllBytes(Path.Combine(second, file)).ShouldBe(File.ReadAllBytes(Path.Combine(first, file)), file);
        }
    }

    [Fact]
    public void Export_PinnedDatetime_IsStampedInTheXptHeader()
    {
        var outDir = Path.Combine(_work, "c");
        CliRun.Of("export", SampleExportFixture.Spec, "--out", outDir, "--datetime", "2026-01-02T03:04:05Z").ExitCode.ShouldBe(0);
        var header = File.ReadAllBytes(Path.Combine(outDir, "m5", "datasets", "borlen-ph1", "tabulations", "sdtm", "dm.xpt")).AsSpan(80, 160);
        System.Text.Encoding.ASCII.GetString(header).ShouldContain("02JAN26:03:04:05");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
