using CdiscExport.Cli.Tests.Fuzz;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>
/// Every way a user's input or command line can be wrong ends in exit 2 with a message that names the file (and the
/// line and variable where there is one), and writes nothing.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-bad-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Convert_MissingInput_Exit2NamingTheFile()
    {
        var input = Path.Combine(_work, "absent.xpt");
        var run = Run("convert", input, Path.Combine(_work, "out.csv"));
        ShouldBeBadInput(run, input, "no such file");
        File.Exists(Path.Combine(_work, "out.csv")).ShouldBeFalse();
    }

    [Fact]
    public void Convert_UnsupportedPair_Exit2NamingBothFiles()
    {
        var input = Write("dm.csv", "STUDYID\nX\n");
        var run = Run("convert", input, Path.Combine(_work, "copy.csv"));
        ShouldBeBadInput(run, "dm.csv", "copy.csv");
        File.Exists(Path.Combine(_work, "copy.csv")).ShouldBeFalse();
    }

    [Fact]
    public void Inspect_MissingFile_Exit2NamingTheFile()
    {
        var input = Path.Combine(_work, "absent.json");
        ShouldBeBadInput(Run("inspect", input), input, "no such file");
    }

    [Theory]
    [InlineData("yesterday", "is not an ISO 8601 instant")]
    [InlineData("2060-01-01T00:00:00Z", "1960-2059")]
    [InlineData("1959-12-31T23:59:59Z", "1960-2059")]
    public void Convert_BadDatetime_Exit2SayingWhatIsAllowed(string datetime, string message)
    {
        var input = Write("dm.csv", "STUDYID\nX\n");
        var output = Path.Combine(_work, "dm.xpt");
        ShouldBeBadInput(Run("convert", input, output, "--datetime", datetime), "--datetime", message);
        File.Exists(output).ShouldBeFalse();
    }

    [Theory]
    [InlineData("soon", "is not a whole number of seconds")]
    [InlineData("-1", "is not a whole number of seconds")]
    [InlineData("2840140800", "1960-2059")] // 2060-01-01
    [InlineData("99999999999999999999", "is not a whole number of seconds")]
    public void Export_BadSourceDateEpoch_Exit2WithoutWriting(string epoch, string message)
    {
        var output = Path.Combine(_work, "out");
        var environment = CliEnvironment.With(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = epoch });
        var run = CliRun.In(environment, "export", Study(), "--out", output, "--formats", "csv");
        ShouldBeBadInput(run, "SOURCE_DATE_EPOCH", message);
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Validate_MissingDefineFile_Exit2NamingTheFile()
    {
        var define = Path.Combine(_work, "absent-define.xml");
        var report = Path.Combine(_work, "report");
        ShouldBeBadInput(Run("validate", FuzzCorpus.Instance.XptFolder, "--define", define, "--report", report), define, "no such file");
        Directory.Exists(report).ShouldBeFalse();
    }

    [Fact]
    public void Validate_DefineNotWellFormed_IsAFindingNamingFileAndLine()
    {
        // A package's define.xml is judged, as validators judge it: an unreadable one is an error finding (exit 1),
        // located in the report, not a refusal to check the datasets.
        var define = Write("define.xml", "<?xml version=\"1.0\"?>\n<ODM>\n  <Study>\n</ODM>\n");
        var report = Path.Combine(_work, "report");
        var run = Run("validate", FuzzCorpus.Instance.XptFolder, "--define", define, "--report", report, "--rule", "INT-DEF-001");
        run.ExitCode.ShouldBe(CliApp.Findings, run.Error);
        File.ReadAllText(Path.Combine(report, "conformance.csv")).ShouldContain($"{define} line 4, col 3");
    }

    [Fact]
    public void Export_BadFormats_Exit2NamingTheAllowedOnes()
    {
        var output = Path.Combine(_work, "out");
        ShouldBeBadInput(Run("export", Study(), "--out", output, "--formats", "xpt,pdf"), "--formats \"xpt,pdf\"", "xpt, csv, json, ndjson and dsjc");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Theory]
    [InlineData("things.csv", "ID,AVERYLONGNAME\n1,2\n", "", "AVERYLONGNAME")] // longer than V5's 8 characters
    [InlineData("lb.csv", "STUDYID,USUBJID,LBSEQ,LBTESTCD,LBSTRESN\nS,S-1,1,HGB,12.5\nS,S-1,2,HGB,high\n", "", "LBSTRESN")] // numeric in SDTMIG
    [InlineData("things.csv", "ID,NAME\n1,plain\n2,Zo\u00eb\n", " line 3", "NAME")] // not ASCII, for V5
    [InlineData("things.csv", "ID,NAME\n1,plain\n2,\"open\n3,x\n", " line", "quote")] // unclosed quote
    public void Convert_CsvToXptError_Exit2NamingFileLineAndColumn(string name, string csv, string where, string says)
    {
        var input = Write(name, csv);
        var output = Path.ChangeExtension(input, ".xpt");
        ShouldBeBadInput(Run("convert", input, output), input + where, says);
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Export_SpecYamlWithUnclosedFlowMapping_Exit2NamingFileAndLine()
    {
        var study = Study();
        var dm = Path.Combine(study, "dm.yaml");
        var lines = File.ReadAllLines(dm).ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith("SUBJID:", StringComparison.Ordinal));
        lines[at] = "      SUBJID: { copy: SUBJID, case:{ upper }";
        File.WriteAllLines(dm, lines);
        var output = Path.Combine(_work, "out");
        ShouldBeBadInput(Run("export", study, "--out", output, "--formats", "csv"), dm + " line", "col");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Export_RawCsvWithUnclosedQuote_Exit2NamingFileAndLine()
    {
        var study = Study();
        var ae = Path.Combine(study, "raw", "ae.csv");
        var lines = File.ReadAllLines(ae).ToList();
        lines[2] = lines[2].Replace(",fatigue,", ",\"fatigue,", StringComparison.Ordinal) is var broken && broken != lines[2] ? broken : "\"" + lines[2];
        File.WriteAllLines(ae, lines);
        var output = Path.Combine(_work, "out");
        ShouldBeBadInput(Run("export", study, "--out", output, "--formats", "csv"), ae, "line");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Export_AdamYamlListingAVariableTwice_Exit2NamingFileAndVariable()
    {
        var study = Study();
        var adsl = Path.Combine(study, "adam", "adsl.yaml");
        var lines = File.ReadAllLines(adsl).ToList();
        var at = lines.FindIndex(l => l.Contains("{ name: AGE,", StringComparison.Ordinal));
        at.ShouldBeGreaterThan(0, "adsl.yaml lists AGE");
        lines.Insert(at + 1, lines[at]);
        File.WriteAllLines(adsl, lines);
        var output = Path.Combine(_work, "out");
        ShouldBeBadInput(Run("export", study, "--out", output, "--formats", "csv"), adsl, "AGE");
        Directory.Exists(output).ShouldBeFalse();
    }

    private static void ShouldBeBadInput(CliRun run, string names, string says)
    {
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain(names, Case.Sensitive, run.Error);
        run.Error.ShouldContain(says, Case.Sensitive, run.Error);
        run.Error.ShouldNotContain("internal error");
    }

    private CliRun Run(params string[] args) => CliRun.In(CliEnvironment.Process with { CurrentDirectory = _work }, args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    // A copy of the sample study over two subjects' raw records (quick to export), which a test may change.
    private string Study()
    {
        var study = Path.Combine(_work, "study");
        FuzzCorpus.Instance.CopyStudyTo(study);
        return study;
    }
}
