using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary><c>convert</c> and <c>inspect</c> on the SAS-written pilot files and on CSVs of our own.</summary>
public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-convert-").FullName;

    private static string Pilot(string name) => RepositoryPaths.Get("tests", "fixtures", "cdiscpilot01-sdtm", name);

    private string Work(string name) => Path.Combine(_work, name);

    [Theory]
    [InlineData("dm.xpt")]
    [InlineData("lb.xpt")]
    [InlineData("ts.xpt")]
    public void Convert_XptToXpt_IsByteIdenticalToSas(string file)
    {
        CliRun.Of("convert", Pilot(file), Work(file)).ExitCode.ShouldBe(0);
        File.ReadAllBytes(Work(file)).ShouldBe(File.ReadAllBytes(Pilot(file)));
    }

    [Fact]
    public void Convert_XptToCsvToXpt_KeepsEveryValueAndTheStandardMetadata()
    {
        CliRun.Of("convert", Pilot("dm.xpt"), Work("dm.csv")).ExitCode.ShouldBe(0);
        CliRun.Of("convert", Work("dm.csv"), Work("dm.xpt"), "--datetime", "2026-01-01T00:00:00Z").ExitCode.ShouldBe(0);
        CliRun.Of("convert", Work("dm.xpt"), Work("dm2.csv")).ExitCode.ShouldBe(0);
        File.ReadAllText(Work("dm2.csv")).ShouldBe(File.ReadAllText(Work("dm.csv")));
        var inspect = CliRun.Of("inspect", Work("dm.xpt"), "--rows", "1");
        inspect.Output.ShouldContain("AGE                              num");
        inspect.Output.ShouldContain("Subject Reference Start Date/Time");
    }

    [Fact]
    public void Convert_CsvWithQuotesCommasAndSpecialMissing_RoundTrips()
    {
        File.WriteAllText(Work("x.csv"), "ID,TEXT,N\r\n1,\"a, \"\"quoted\"\" value\",1.5\r\n2,\" leading\",.A\r\n3,,\r\n");
        CliRun.Of("convert", Work("x.csv"), Work("x.xpt"), "--datetime", "2026-01-01T00:00:00Z").ExitCode.ShouldBe(0);
        CliRun.Of("convert", Work("x.xpt"), Work("y.csv")).ExitCode.ShouldBe(0);
        File.ReadAllText(Work("y.csv")).ShouldBe(File.ReadAllText(Work("x.csv")));
    }

    [Fact]
    public void Convert_TruncatedXpt_Exit2WithoutOutput()
    {
        var bytes = File.ReadAllBytes(Pilot("dm.xpt"));
        File.WriteAllBytes(Work("cut.xpt"), bytes[..500]);
        var run = CliRun.Of("convert", Work("cut.xpt"), Work("cut.csv"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("cut.xpt");
        File.Exists(Work("cut.csv")).ShouldBeFalse();
        File.Exists(Work("cut.csv.partial")).ShouldBeFalse();
    }

    [Fact]
    public void Inspect_RandomBytes_Exit2()
    {
        File.WriteAllBytes(Work("junk.xpt"), [.. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251))]);
        CliRun.Of("inspect", Work("junk.xpt")).ExitCode.ShouldBe(2);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
