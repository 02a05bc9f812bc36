using System.Text.RegularExpressions;
using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>
/// The sample study exported end to end: the facts of the foundation issue, read back from the XPT files
/// (and, in the interop test, by R haven).
/// </summary>
public sealed partial class ExportSampleTests(SampleExportFixture sample) : IClassFixture<SampleExportFixture>
{
    private static string Text(Dictionary<string, Xpt.XptValue> row, string name) => row[name].TextValue.TrimEnd();

    [GeneratedRegex(@"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?)?)?)?$")]
    private static partial Regex Iso8601();

    [Fact]
    public void Export_Sample_ExitsZeroAndWritesTheSdtmDatasets()
    {
        sample.Run.ExitCode.ShouldBe(0, sample.Run.Error);
        foreach (var name in new[] { "dm", "ex", "ae", "lb", "rs", "ts", "ds", "suppae", "suppdm" })
        {
            File.Exists(Path.Combine(sample.Sdtm, name + ".xpt")).ShouldBeTrue(name);
        }

        File.Exists(Path.Combine(sample.Out, "reports", "reconciliation.csv")).ShouldBeTrue();
        File.Exists(Path.Combine(sample.Out, "csv", "dm.csv")).ShouldBeTrue();
    }

    [Fact]
    public void Export_Sample_Dm_Has19SubjectsInCohortsOf33463()
    {
        var dm = sample.Read("dm");
        dm.Count.ShouldBe(19);
        dm.Select(r => Text(r, "USUBJID")).Distinct().Count().ShouldBe(19);
        dm.GroupBy(r => Text(r, "ARMCD")).Select(g => g.Count()).Order().ShouldBe([3, 3, 3, 4, 6]);
        dm.ShouldAllBe(r => Text(r, "SEX") == "M" || Text(r, "SEX") == "F");
        dm.ShouldAllBe(r => Text(r, "RFSTDTC").Length >= 10);
    }

    [Theory]
    [InlineData("ex")]
    [InlineData("ae")]
    [InlineData("lb")]
    [InlineData("rs")]
    public void Export_Sample_FindingsAndEvents_ReferToDmUniqueSeqIsoDates(string name)
    {
        var subjects = sample.Read("dm").Select(r => Text(r, "USUBJID")).ToHashSet();
        var rows = sample.Read(name);
        var domain = name.ToUpperInvariant();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => subjects.Contains(Text(r, "USUBJID")));
        rows.Select(r => (Text(r, "USUBJID"), r[domain + "SEQ"].NumberValue)).Distinct().Count().ShouldBe(rows.Count);
        foreach (var variable in rows[0].Keys.Where(k => k.EndsWith("DTC", StringComparison.Ordinal)))
        {
            rows.ShouldAllBe(r => Text(r, variable) == string.Empty || Iso8601().IsMatch(Text(r, variable)), variable);
        }

        rows[0].Keys.ShouldContain(k => k == domain + "DY" || k == domain + "STDY");
    }

    [Fact]
    public void Export_Sample_Ae_HasGrade3HyponatraemiaDltInTheCohortOfSix()
    {
        var dm = sample.Read("dm");
        var cohortOfSix = dm.GroupBy(r => Text(r, "ARMCD")).Single(g => g.Count() == 6).Select(r => Text(r, "USUBJID")).ToHashSet();
        var hypo = sample.Read("ae").Where(r => Text(r, "AEDECOD") == "Hyponatraemia" && Text(r, "AETOXGR") == "3").ToList();
        hypo.Count.ShouldBe(1);
        cohortOfSix.ShouldContain(Text(hypo[0], "USUBJID"));
        var dlt = sample.Read("suppae").Where(r => Text(r, "QNAM") == "AEDLT" && Text(r, "QVAL") == "Y").ToList();
        dlt.Count.ShouldBe(1);
        Text(dlt[0], "USUBJID").ShouldBe(Text(hypo[0], "USUBJID"));
        Text(dlt[0], "IDVARVAL").ShouldBe(hypo[0]["AESEQ"].NumberValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Export_Sample_Ex_DosesWithinTheCohortLevels_ReductionsVisible()
    {
        var ex = sample.Read("ex");
        ex.Where(r => Text(r, "EXTRT") == "BORTEZOMIB").ShouldAllBe(r => r["EXDOSE"].NumberValue > 0 && r["EXDOSE"].NumberValue <= 1.3);
        ex.Where(r => Text(r, "EXTRT") == "LENALIDOMIDE").ShouldAllBe(r => r["EXDOSE"].NumberValue > 0 && r["EXDOSE"].NumberValue <= 15);
        ex.Select(r => Text(r, "EXTRT")).Distinct().Order().ShouldBe(["BORTEZOMIB", "DEXAMETHASONE", "LENALIDOMIDE"]);
        ex.Where(r => Text(r, "EXADJ").Length > 0).Select(r => Text(r, "USUBJID")).Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public void Export_Sample_Lb_HasMyelomaAndSafetyTestsWithBaselineFlags()
    {
        var lb = sample.Read("lb");
        lb.Select(r => Text(r, "LBTESTCD")).Distinct().ShouldBeSubsetOf(["HGB", "PLAT", "NEUT", "WBC", "SODIUM", "K", "CREAT", "CA", "ALB", "MCPROT", "MPROTEXR"]);
        new[] { "HGB", "PLAT", "NEUT", "SODIUM", "MCPROT", "MPROTEXR" }.ShouldBeSubsetOf(lb.Select(r => Text(r, "LBTESTCD")).Distinct());
        lb.ShouldContain(r => Text(r, "LBTESTCD") == "MCPROT" && Text(r, "LBMETHOD") == "IMMUNOFIXATION ELECTROPHORESIS");
        // One baseline per subject, test, specimen and method: never two.
        lb.Where(r => Text(r, "LBLOBXFL") == "Y")
            .GroupBy(r => (Text(r, "USUBJID"), Text(r, "LBTESTCD"), Text(r, "LBSPEC"), Text(r, "LBMETHOD")))
            .ShouldAllBe(g => g.Count() == 1);
        // Site 02 reports haemoglobin in g/L: the standard result is in g/dL.
        lb.Where(r => Text(r, "LBTESTCD") == "HGB").ShouldAllBe(r => Text(r, "LBSTRESU") == "g/dL" && r["LBSTRESN"].NumberValue < 25);
    }

    [Fact]
    public void Export_Sample_RsAndTs_CarryTheCriteriaAndTrialSummary()
    {
        var rs = sample.Read("rs");
        rs.ShouldAllBe(r => Text(r, "RSTESTCD") == "OVRLRESP" && Text(r, "RSCAT") == "EBMT BLADE MYELOMA 1998");
        rs.ShouldContain(r => Text(r, "RSORRES") == "nCR");
        var ts = sample.Read("ts").Select(r => Text(r, "TSPARMCD")).ToList();
        new[] { "SSTDTC", "SDTIGVER", "TITLE", "TPHASE", "CRMDUR", "ACTSUB" }.ShouldBeSubsetOf(ts);
    }

    [Fact]
    public void Export_Sample_ReconciliationAccountsForEveryRawRow()
    {
        var lines = File.ReadAllLines(Path.Combine(sample.Out, "reports", "reconciliation.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var lab = lines.Single(l => l[0] == "lab");
        lab[1].ShouldBe(lab[3]); // rows read = rows mapped into LB
        lines.ShouldNotContain(l => l[5] == "no dataset reads this form");
    }

    [Fact]
    public void Export_Sample_HavenReadsEveryDatasetWithOurRowCounts()
    {
        var rscript = ExternalTool.RequireOnPath("Rscript");
        ExternalTool.RequireWorking(rscript, "R package haven", "-e", "library(haven)");
        var files = Directory.GetFiles(sample.Sdtm, "*.xpt").Order(StringComparer.Ordinal).ToArray();
        var script = "suppressMessages(library(haven)); for (f in commandArgs(TRUE)) cat(basename(f), nrow(read_xpt(f)), '\\n')";
        var (code, output, error) = ExternalTool.Run(rscript, ["--vanilla", "-e", script, .. files]);
        code.ShouldBe(0, error);
        var counts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in files)
        {
            counts[Path.GetFileName(file)].ShouldBe(sample.Read(Path.GetFileNameWithoutExtension(file)).Count, file);
        }
    }
}
