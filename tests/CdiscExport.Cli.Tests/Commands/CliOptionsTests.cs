using CdiscExport.Cli.Tests.Fuzz;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>
/// Options whose effect is only visible in the files written: validate --define, export --xpt-version 8,
/// reproducibility through SOURCE_DATE_EPOCH, and the IBM maximum through convert and export. Each runs on the sample
/// study cut down to two subjects, with the environment given to the run (the process's is never changed).
/// </summary>
public sealed class CliOptionsTests : IDisposable
{
    private const string Epoch = "1767225600"; // 2026-01-01T00:00:00Z
    private static readonly CliEnvironment Pinned = CliEnvironment.With(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = Epoch });
    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-options-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Validate_DefineOption_JudgesByThatDefine()
    {
        var report = Path.Combine(_work, "report");
        var withDefine = Run("validate", FuzzCorpus.Instance.XptFolder, "--define", FuzzCorpus.Instance.Define, "--report", report, "--rule", "SD0056");
        withDefine.ExitCode.ShouldBe(CliApp.Success, withDefine.Error);
        withDefine.Output.ShouldContain("declared in define.xml (Define-XML 2.1)");
        withDefine.Output.ShouldContain("define.xml 2.1");

        var without = Run("validate", FuzzCorpus.Instance.XptFolder, "--report", Path.Combine(_work, "report2"), "--rule", "SD0056");
        without.Output.ShouldContain("define.xml none");
    }

    [Fact]
    public void Export_XptVersion8_WritesLibv8Headers()
    {
        var output = Path.Combine(_work, "v8");
        var run = CliRun.In(Pinned, "export", Study(), "--out", output, "--xpt-version", "8");
        run.ExitCode.ShouldBeOneOf(CliApp.Success, CliApp.Findings);
        var dm = File.ReadAllBytes(Path.Combine(output, "m5", "datasets", "borlen-ph1", "tabulations", "sdtm", "dm.xpt"));
        System.Text.Encoding.ASCII.GetString(dm, 0, 80).ShouldStartWith("HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!");
        using var reader = XptReader.Open(new MemoryStream(dm));
        reader.Version.ShouldBe(8);
    }

    [Fact]
    public void Export_TwiceWithSourceDateEpoch_ByteIdenticalAndStamped()
    {
        var first = Path.Combine(_work, "a");
        var second = Path.Combine(_work, "b");
        CliRun.In(Pinned, "export", Study("one"), "--out", first, "--formats", "xpt,csv").ExitCode.ShouldBeOneOf(CliApp.Success, CliApp.Findings);
        CliRun.In(Pinned, "export", Study("two"), "--out", second, "--formats", "xpt,csv").ExitCode.ShouldBeOneOf(CliApp.Success, CliApp.Findings);

        var files = Files(first);
        files.Count.ShouldBeGreaterThan(10);
        Files(second).ShouldBe(files);
        foreach (var file in files)
        {
            File.ReadAllBytes(Path.Combine(second, file)).ShouldBe(File.ReadAllBytes(Path.Combine(first, file)), file);
        }

        var header = File.ReadAllBytes(Path.Combine(first, "m5", "datasets", "borlen-ph1", "tabulations", "sdtm", "dm.xpt")).AsSpan(80, 160);
        System.Text.Encoding.ASCII.GetString(header).ShouldContain("01JAN26:00:00:00");
    }

    [Fact]
    public void Convert_XptHoldingIbmMaximum_ByteExactWithNoticeNamingDatasetVariableRow()
    {
        var input = Path.Combine(_work, "big.xpt");
        var dataset = new XptDataset("BIG", "Largest numbers", [XptVariable.Character("ID", "", 2), XptVariable.Numeric("AVAL", "")]);
        using (var stream = File.Create(input))
        using (var writer = XptWriter.Create(stream, dataset, XptWriterOptions.Default with { Created = new DateTime(2026, 1, 1) }))
        {
            writer.WriteRow([XptValue.Text("1"), XptValue.Number(1)]);
            writer.WriteRow([XptValue.Text("2"), XptValue.Number(1e76)]); // written as the IBM maximum
            writer.WriteRow([XptValue.Text("3"), XptValue.Number(-1e76)]);
            writer.Complete();
        }

        var output = Path.Combine(_work, "copy.xpt");
        var run = Run("convert", input, output);

        run.ExitCode.ShouldBe(CliApp.Success, run.Error);
        File.ReadAllBytes(output).ShouldBe(File.ReadAllBytes(input));
        run.Error.ShouldContain("xpt: BIG.AVAL row 2:");
        run.Error.ShouldContain("xpt: BIG.AVAL row 3:");
        run.Error.ShouldContain("IBM maximum");
    }

    [Fact]
    public void Convert_CsvNumberBeyondIbmRange_WritesTheMaximumWithNotice()
    {
        var input = Path.Combine(_work, "big.csv");
        File.WriteAllText(input, "ID,AVAL\n1,2\n2,1e300\n");
        var output = Path.Combine(_work, "big.xpt");

        var run = Run("convert", input, output);

        run.ExitCode.ShouldBe(CliApp.Success, run.Error);
        run.Error.ShouldContain("xpt: BIG.AVAL row 2: 1E+300");
        using var reader = XptReader.Open(File.OpenRead(output));
        reader.Read().ShouldBeTrue();
        reader.Read().ShouldBeTrue();
        reader.GetValue(1).NumberValue.ShouldBe(Math.ScaleB(1.0, 252)); // the IBM maximum, read back
    }

    [Fact]
    public void Export_RawNumberBeyondIbmRange_WritesTheMaximumAndSaysWhere()
    {
        var study = Study();
        var dm = Path.Combine(study, "raw", "dm.csv");
        var lines = File.ReadAllLines(dm);
        lines[1] = lines[1].Replace(",58,", ",1e80,", StringComparison.Ordinal);
        File.WriteAllLines(dm, lines);
        var output = Path.Combine(_work, "out");

        var run = CliRun.In(Pinned, "export", study, "--out", output, "--formats", "xpt");

        run.ExitCode.ShouldBeOneOf(CliApp.Success, CliApp.Findings);
        run.Output.ShouldContain("xpt: DM.AGE row 1: 1E+80");
    }

    private static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    private CliRun Run(params string[] args) => CliRun.In(CliEnvironment.Process with { CurrentDirectory = _work }, args);

    private string Study(string name = "study")
    {
        var study = Path.Combine(_work, name);
        FuzzCorpus.Instance.CopyStudyTo(study);
        return study;
    }
}
