using CdiscExport.Core.Datasets;
using CdiscExport.Mapping.Engine;
using CdiscExport.Testing;

namespace CdiscExport.Adam.Tests;

/// <summary>The sample study's SDTM through ADaM: every figure of the ASH 2005 abstract (issue 4).</summary>
public class EndToEndTests
{
    internal static readonly Lazy<AdamResult> Result = new(() =>
    {
        var spec = RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1");
        return AdamProgram.Run(MappingEngine.Run(spec)).ShouldNotBeNull();
    });

    private static Dataset Adsl => Result.Value.Adsl;

    private static Dataset Adrs => Result.Value.Adrs;

    private static string[] Text(string v) => Adsl.TextOf(v);

    private static double[] Numbers(string v) => Adsl.NumbersOf(v).Select(x => x ?? double.NaN).ToArray();

    private static double Median(IEnumerable<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    [Fact]
    public void Adsl_NineteenSubjectsInCohortsOfThreeThreeFourSixThree()
    {
        Adsl.RowCount.ShouldBe(19);
        Text("USUBJID").Distinct().Count().ShouldBe(19);
        Enumerable.Range(1, 5).Select(k => Numbers("TRT01PN").Count(n => n == k)).ShouldBe([3, 3, 4, 6, 3]);
        Numbers("TRT01AN").ShouldBe(Numbers("TRT01PN"));
    }

    [Fact]
    public void Adsl_VariablesOfTheIssue_AllPresentInOrder()
    {
        Adsl.Columns.Select(c => c.Name).ShouldBe([
            "STUDYID", "USUBJID", "SUBJID", "SITEID", "AGE", "AGEU", "AGEGR1", "SEX", "RACE", "ETHNIC", "ARM", "ACTARM",
            "TRT01P", "TRT01PN", "TRT01A", "TRT01AN", "TRTSDT", "TRTEDT", "TRTDURD", "SAFFL", "EFFFL", "EOSSTT", "DCSREAS",
            "DISSTAT", "PRTHNUM", "PRSCTFL", "PRTHALFL", "PRBORFL", "PRLENFL", "NCYCLES", "DLTFL", "DOSREDFL", "DEXFL", "DEXSTDT"]);
        Adsl.Columns.ShouldAllBe(c => c.Metadata.Origin != null && c.Metadata.Label.Length <= 40);
    }

    [Fact]
    public void Adsl_BaselineDiseaseFigures()
    {
        Text("DISSTAT").Count(s => s == "RELAPSED").ShouldBe(8);
        Text("DISSTAT").Count(s => s == "RELAPSED AND REFRACTORY").ShouldBe(11);
        var lines = Numbers("PRTHNUM");
        (Median(lines), lines.Min(), lines.Max()).ShouldBe((4d, 1d, 9d));
        Text("PRSCTFL").Count(f => f == "Y").ShouldBe(12);
        Text("PRTHALFL").Count(f => f == "Y").ShouldBe(17);
        Text("PRBORFL").Count(f => f == "Y").ShouldBe(9);
        Text("PRLENFL").Count(f => f == "Y").ShouldBe(2);
    }

    [Fact]
    public void Adsl_ExposureSafetyAndEvaluability()
    {
        Text("SAFFL").ShouldAllBe(f => f == "Y");
        var efffl = Text("EFFFL");
        efffl.Count(f => f == "Y").ShouldBe(17);
        var cycles = Numbers("NCYCLES");
        var evaluable = cycles.Where((_, i) => efffl[i] == "Y").ToArray();
        (Median(evaluable), evaluable.Min(), cycles.Max()).ShouldBe((7d, 2d, 16d));
        var dlt = Text("DLTFL");
        dlt.Count(f => f == "Y").ShouldBe(1);
        Numbers("TRT01PN")[Array.IndexOf(dlt, "Y")].ShouldBe(4);
        Text("DOSREDFL").Count(f => f == "Y").ShouldBe(6);
        Text("DEXFL").Count(f => f == "Y").ShouldBe(6);
        Adsl.NumbersOf("DEXSTDT").Count(d => d is not null).ShouldBe(6);
        Text("EOSSTT").Count(s => s == "ONGOING").ShouldBe(4);
    }

    private static Dictionary<string, string> Best(string paramcd)
    {
        var p = Adrs.TextOf("PARAMCD");
        var u = Adrs.TextOf("USUBJID");
        var a = Adrs.TextOf("AVALC");
        var rows = Enumerable.Range(0, Adrs.RowCount).Where(r => p[r] == paramcd).ToList();
        rows.Select(r => u[r]).Distinct().Count().ShouldBe(rows.Count, $"{paramcd}: one record per subject");
        return rows.ToDictionary(r => u[r], r => a[r]);
    }

    public static TheoryData<string> BestParams => ["BOR", "BORLB"];

    [Theory]
    [MemberData(nameof(BestParams))]
    public void Adrs_BestResponseByCohort_EqualsTheAbstract(string paramcd)
    {
        var best = Best(paramcd);
        best.Count.ShouldBe(19);
        var cohort = Text("USUBJID").Zip(Numbers("TRT01PN")).ToDictionary(x => x.First, x => (int)x.Second);
        string Summary(int k) => CdiscExport.Adam.Reports.BestResponseByCohort.Summarise(best.Where(b => cohort[b.Key] == k).Select(b => b.Value));
        Enumerable.Range(1, 5).Select(Summary).ShouldBe(["2 PR, 1 MR", "1 CR, 2 PR", "1 nCR, 2 PR, 1 NE", "2 PR, 2 MR, 1 SD, 1 PD", "2 SD, 1 NE"]);
        var efffl = Text("USUBJID").Zip(Text("EFFFL")).Where(x => x.Second == "Y").Select(x => x.First).ToList();
        efffl.Count(u => best[u] is "CR" or "nCR" or "PR").ShouldBe(10);
    }

    [Fact]
    public void Adrs_UnconfirmedBestResponse_DiffersWhereTheSampleDesignedIt()
    {
        var bor = Best("BOR");
        var ubor = Best("UBOR");
        bor.Where(b => ubor[b.Key] != b.Value).Select(b => (b.Key, b.Value, ubor[b.Key])).OrderBy(x => x.Key).ShouldBe([
            ("BORLEN-PH1-01-002", "MR", "PR"), ("BORLEN-PH1-02-004", "SD", "MR")]);
    }

    [Fact]
    public void Adrs_OvrTracesToRsAndAgreesWithLabDerivedOvrlb()
    {
        var p = Adrs.TextOf("PARAMCD");
        var rows = Enumerable.Range(0, Adrs.RowCount).ToList();
        var ovr = rows.Where(r => p[r] == "OVR").ToList();
        ovr.Count.ShouldBe(136);
        ovr.ShouldAllBe(r => Adrs.Text("SRCDOM")[r] == "RS" && Adrs.Number("SRCSEQ")[r] != null && Adrs.Number("ADT")[r] != null);
        var lab = rows.Where(r => p[r] == "OVRLB").ToDictionary(r => (Adrs.Text("USUBJID")[r], Adrs.Number("ADT")[r]), r => Adrs.Text("AVALC")[r]);
        foreach (var r in ovr.Where(r => Adrs.Text("AVALC")[r] != "NE"))
        {
            lab[(Adrs.Text("USUBJID")[r], Adrs.Number("ADT")[r])].ShouldBe(Adrs.Text("AVALC")[r]);
        }
    }

    [Fact]
    public void Adrs_DexamethasoneCensoring_KeepsLaterNcrOutOfBor()
    {
        // 01-001: PR confirmed C3-C7, PD at C8 = dex start, nCR C11-C14 on dex: BOR PR, later records not in ANL01FL.
        var rows = Enumerable.Range(0, Adrs.RowCount).Where(r => Adrs.Text("SUBJID")[r] == "01-001").ToList();
        string Of(int r, string v) => Adrs[v].GetText(r);
        rows.Where(r => Of(r, "PARAMCD") is "BOR" or "BORLB").Select(r => Of(r, "AVALC")).ShouldBe(["PR", "PR"]);
        var dex = Adsl.Number("DEXSTDT")[Array.IndexOf(Text("SUBJID"), "01-001")];
        var ovr = rows.Where(r => Of(r, "PARAMCD") == "OVR").ToList();
        ovr.Select(r => Of(r, "ANL01FL") == "Y").ShouldBe(ovr.Select(r => Adrs.Number("ADT")[r] <= dex));
        rows.Any(r => Of(r, "PARAMCD") == "OVR" && Of(r, "AVALC") == "nCR").ShouldBeTrue();
    }

    [Fact]
    public void BestResponseByCohort_AllCohortsMatchThePublishedTable()
    {
        var table = Result.Value.BestResponseByCohort;
        table.Lines.Count.ShouldBe(5);
        table.Lines.ShouldAllBe(l => l.Matches);
        (table.Responders, table.RespondersLabs, table.Evaluable).ShouldBe((10, 10, 17));
        Result.Value.Warnings.ShouldBeEmpty();
    }
}

/// <summary>ADSL and ADRS go through the same XPT v5 path as SDTM and read back unchanged.</summary>
public class EndToEndXptTests
{
    [Theory]
    [InlineData("ADSL")]
    [InlineData("ADRS")]
    public void WriteXpt_V5_ReadsBackSameRowsLabelsAndValues(string name)
    {
        var result = EndToEndTests.Result.Value;
        var dataset = result.Datasets.Single(d => d.Name == name);
        var stream = new MemoryStream();
        dataset.WriteXpt(stream, CdiscExport.Xpt.XptWriterOptions.Default);
        using var reader = CdiscExport.Xpt.XptReader.Open(new MemoryStream(stream.ToArray()));
        reader.Dataset.Name.ShouldBe(name);
        reader.Dataset.Variables.Select(v => v.Label).ShouldBe(dataset.Columns.Select(c => c.Metadata.Label));
        var rows = 0;
        while (reader.Read())
        {
            reader.GetString(reader.GetOrdinal("USUBJID")).ShouldBe(dataset.Text("USUBJID")[rows]);
            rows++;
        }

        rows.ShouldBe(dataset.RowCount);
    }

    [Fact]
    public void BestResponseCsv_MatchesApprovedFile()
    {
        var result = EndToEndTests.Result.Value;
        var stream = new MemoryStream();
        result.BestResponseByCohort.WriteCsv(stream);
        var actual = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var approved = RepositoryPaths.Get("tests", "CdiscExport.Adam.Tests", "Reports", "best-response-by-cohort.approved.csv");
        // The writer ends lines with CRLF (RFC 4180); the approved file is stored with LF like every text file.
        actual.ReplaceLineEndings("\n").ShouldBe(File.ReadAllText(approved).ReplaceLineEndings("\n"));
    }
}
