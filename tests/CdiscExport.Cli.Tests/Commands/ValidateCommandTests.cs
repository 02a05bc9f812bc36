using System.Text.Json;
using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>
/// <c>validate</c>: exit codes, report folder, the pilot and the sample study's own package, CORE's test-data folders,
/// rule selection by any of a rule's ids, the version a package is judged by, and report caps with true totals.
/// </summary>
public sealed class ValidateCommandTests(SampleExportFixture sample) : IClassFixture<SampleExportFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-validate-").FullName;

    private static string Pilot => RepositoryPaths.Get("tests", "fixtures", "cdiscpilot01-sdtm");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>CORE-000001 (CG0176, P21 SD1046) negative case 01: three IE records whose IEORRES is not N for an inclusion criterion.</summary>
    private static string CoreCase => RepositoryPaths.Get("tests", "fixtures", "core-rules-sdtmig34", "rules", "CORE-000001", "negative", "01", "data");

    private static string Cst => RepositoryPaths.Get("tests", "fixtures", "define-xml-2.0", "cst-sdtm-3.1.2");

    private static JsonElement Report(string report) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "conformance.json"))).RootElement;

    private static JsonElement Findings(string report) => Report(report).GetProperty("findings");

    private static List<JsonElement> RulesOf(string report, string origin) =>
        Report(report).GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("origin").GetString() == origin).ToList();

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

    [Theory]
    [InlineData("CORE-000001")]
    [InlineData("CG0176")]
    [InlineData("SD1046")]
    public void Validate_CoreTestData_RuleChosenByAnyOfItsIds_FindsWhatCoreExpects(string id)
    {
        // CORE's results.csv for this case: IE rows 1, 2 and 3, each with IECAT and IEORRES.
        var report = Path.Combine(_work, id);
        var run = CliRun.Of("validate", CoreCase, "--rule", id, "--report", report);
        run.ExitCode.ShouldBe(1, run.Error);
        run.Output.ShouldContain("judged by SDTMIG 3.3 (the test data's .env)");
        run.Output.ShouldContain("1 rules: 0 passed, 1 with issues");
        var rows = Findings(report).EnumerateArray()
            .Select(f => $"{f.GetProperty("coreId").GetString()} {f.GetProperty("dataset").GetString()} {f.GetProperty("row").GetInt32()} {f.GetProperty("variable").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToList();
        rows.ShouldBe([
            "CORE-000001 IE 1 IECAT", "CORE-000001 IE 1 IEORRES", "CORE-000001 IE 2 IECAT", "CORE-000001 IE 2 IEORRES",
            "CORE-000001 IE 3 IECAT", "CORE-000001 IE 3 IEORRES",
        ]);
    }

    [Fact]
    public void Validate_UnknownRule_ExitsTwo_AndWritesNothing()
    {
        var report = Path.Combine(_work, "unknown");
        var run = CliRun.Of("validate", CoreCase, "--rule", "CORE-999999", "--report", report);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--rule CORE-999999: no rule has that id");
        Directory.Exists(report).ShouldBeFalse();
    }

    [Fact]
    public void Validate_MaxFindings_ListsFewer_ButCountsEveryIssue()
    {
        var report = Path.Combine(_work, "capped");
        var run = CliRun.Of("validate", CoreCase, "--rule", "CORE-000001", "--max-findings", "2", "--report", report);
        run.ExitCode.ShouldBe(1, run.Error);
        run.Output.ShouldContain("issues: reject 0, error 3,");

        var rule = Report(report).GetProperty("rules").EnumerateArray().Single();
        rule.GetProperty("issues").GetInt32().ShouldBe(3);
        rule.GetProperty("findings").GetInt32().ShouldBe(6);
        rule.GetProperty("listed").GetInt32().ShouldBe(4);
        rule.GetProperty("capped").GetProperty("IE").GetInt32().ShouldBe(1);
        Findings(report).GetArrayLength().ShouldBe(4);
        Report(report).GetProperty("summary").GetProperty("error").GetInt32().ShouldBe(3);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("many")]
    public void Validate_BadMaxFindings_ExitsTwo(string value)
    {
        CliRun.Of("validate", CoreCase, "--max-findings", value, "--report", Path.Combine(_work, "bad")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Validate_BadStandard_ExitsTwo_NamingTheForm()
    {
        var run = CliRun.Of("validate", CoreCase, "--standard", "sendig", "--report", Path.Combine(_work, "bad"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("give the SDTMIG version as sdtmig/3.4");
    }

    [Fact]
    public void Validate_Pilot_IsJudgedByTheVersionsItsDefineDeclares()
    {
        var report = Path.Combine(_work, "pilot-version");
        var run = CliRun.Of("validate", Pilot, "--report", report, "--fail-on", "reject");
        run.ExitCode.ShouldBeLessThan(2, run.Error); // findings decide 0 or 1; neither is the point here
        run.Output.ShouldContain("judged by SDTMIG 3.3 (declared in define.xml");
        run.Output.ShouldContain("define.xml 2.1");
        var header = Report(report).GetProperty("header");
        header.GetProperty("version").GetString().ShouldBe("3.3");
        header.GetProperty("defineXml").GetString().ShouldBe("2.1");
        // The pilot declares CT 2020-12-18, which is not shipped: the nearest release is used and named.
        header.GetProperty("controlledTerminology").GetString()!.ShouldStartWith("2019-12-20");
    }

    [Fact]
    public void Validate_Sdtmig312Package_RunsNoCoreRule_AndSaysWhy()
    {
        // CORE's published rules cite SDTMIG 3.2 to 3.4; none may judge a 3.1.2 package.
        var report = Path.Combine(_work, "cst");
        var run = CliRun.Of("validate", Path.Combine(Cst, "transport"), "--define", Path.Combine(Cst, "sourcexml", "define-sdtm-3.1.2.xml"), "--report", report, "--fail-on", "reject");
        run.ExitCode.ShouldBeLessThan(2, run.Error); // findings decide 0 or 1; neither is the point here
        run.Output.ShouldContain("judged by SDTMIG 3.1.2 (declared in define-sdtm-3.1.2.xml (Define-XML 2.0))");
        var core = RulesOf(report, "core");
        core.Count.ShouldBe(330);
        core.ShouldAllBe(r => r.GetProperty("status").GetString() == "not_applicable");
        Findings(report).EnumerateArray().ShouldNotContain(f => f.GetProperty("rule").GetString()!.StartsWith("CORE-", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_StandardAndCtOptions_OverrideWhatTheDefineDeclares()
    {
        var report = Path.Combine(_work, "cst-34");
        var run = CliRun.Of("validate", Path.Combine(Cst, "transport"), "--define", Path.Combine(Cst, "sourcexml", "define-sdtm-3.1.2.xml"),
            "--standard", "sdtmig/3.4", "--ct", "2019-12-20", "--report", report, "--fail-on", "reject");
        run.ExitCode.ShouldBeLessThan(2, run.Error); // findings decide 0 or 1; neither is the point here
        run.Output.ShouldContain("judged by SDTMIG 3.4 (--standard); CT 2019-12-20 (--ct)");
        RulesOf(report, "core").ShouldContain(r => r.GetProperty("status").GetString() != "not_applicable");
    }

    [Fact]
    public void Validate_IncludeDeprecated_AddsTheRulesCoreMovedToDeprecated()
    {
        var plain = Path.Combine(_work, "plain");
        var all = Path.Combine(_work, "deprecated");
        CliRun.Of("validate", CoreCase, "--report", plain, "--fail-on", "reject").ExitCode.ShouldBeLessThan(2);
        CliRun.Of("validate", CoreCase, "--report", all, "--fail-on", "reject", "--include-deprecated").ExitCode.ShouldBeLessThan(2);
        RulesOf(plain, "core_deprecated").Count.ShouldBe(0);
        RulesOf(all, "core_deprecated").Count.ShouldBe(104);
        RulesOf(all, "core").Count.ShouldBe(RulesOf(plain, "core").Count);
    }
}
