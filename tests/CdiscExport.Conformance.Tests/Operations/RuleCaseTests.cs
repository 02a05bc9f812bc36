using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Conformance.Tests.Operations;

/// <summary>
/// Each rule with a built operation gets a failing fixture (a defect planted in the clean <see cref="MiniPackage"/>)
/// and a passing one (the clean package itself): the rule passes on the clean package and reports the defect,
/// naming dataset and variable, on the planted one.
/// </summary>
public sealed class RuleCaseTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("conf-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    public sealed record Case(string Rule, string Defect, Action<MiniPackage> Plant, string? Dataset, string? Variable)
    {
        /// <summary>When set, the clean package only has to be free of findings on this dataset and variable (rules that also
        /// judge metadata the mini package leaves out on purpose, such as the many Expected variables of AE).</summary>
        public bool CleanOnVariableOnly { get; init; }

        public override string ToString() => $"{Rule}: {Defect}";
    }

    private static Case C(string rule, string defect, Action<MiniPackage> plant, string? dataset = null, string? variable = null) => new(rule, defect, plant, dataset, variable);

    public static TheoryData<Case> Cases => new()
    {
        C("SD1115", "no ts.xpt", p => p.Sdtm.Remove("TS")),
        C("SD1115", "TS in TS_X.xpt", p => p.Sdtm["TS"].FileName = "trial_summary.xpt", "TS"),
        C("SD1020", "no dm.xpt", p => p.Sdtm.Remove("DM")),
        C("AD0001", "adrs without adsl", p => p.Adam.Remove("ADSL")),
        C("INT-STR-001", "member DEMOG in dm.xpt", p => { p.Sdtm["DM"].Name = "DEMOG"; p.Sdtm["DM"].FileName = "dm.xpt"; }, "DEMOG"),
        C("SD0062", "XPT v8", p => p["AE"].Version = 8, "AE"),
        C("INT-STR-003", "variable name of 10 characters", p => { p["AE"].Version = 8; p["AE"].AddColumn("AETESTCODE", "X"); }, "AE", "AETESTCODE"),
        C("INT-STR-002", "declared length 300 (XPT v8)", p => { p["AE"].Version = 8; p["AE"].Lengths["AETERM"] = 300; }, "AE", "AETERM"),
        C("INT-STR-002", "value of 250 characters (XPT v8)", p => { p["AE"].Version = 8; p["AE"].Set(0, "AETERM", new string('A', 250)); }, "AE", "AETERM"),
        C("SD1029", "leading space", p => p["AE"].Set(0, "AETERM", " HEADACHE"), "AE", "AETERM"),
        C("SD0001", "empty dataset", p => p["EX"].Rows.Clear(), "EX"),
        C("SD0056", "AESEQ dropped", p => p["AE"].Drop("AESEQ"), "AE", "AESEQ"),
        C("SD0056", "USUBJID blank", p => p["AE"].Set(1, "USUBJID", null), "AE", "USUBJID"),
        C("SD0057", "AESTDTC dropped", p => p["AE"].Drop("AESTDTC"), "AE", "AESTDTC") with { CleanOnVariableOnly = true },
        C("SD1149", "expected variable all null", p => { p["LB"].Set(0, "LBORRESU", null).Set(1, "LBORRESU", null).Set(2, "LBORRESU", null); }, "LB", "LBORRESU") with { CleanOnVariableOnly = true },
        C("SD0058", "AEFOO", p => p["AE"].AddColumn("AEFOO", "X"), "AE", "AEFOO"),
        C("SD0055", "AGE as Char", p => p["DM"].ForceChar.Add("AGE"), "DM", "AGE"),
        C("SD1082", "AETERM length 200", p => p["AE"].Lengths["AETERM"] = 200, "AE", "AETERM"),
        C("SD0018", "LBTESTCD 1GLUC", p => p["LB"].Set(0, "LBTESTCD", "1GLUC"), "LB", "LBTESTCD"),
        C("SD2201", "no TPHASE", p => p["TS"].Rows.RemoveAll(r => (string?)r[3] == "TPHASE"), "TS", "TSPARMCD"),
        C("SD2017", "TSVAL UNK", p => p["TS"].Set(0, "TSVAL", "UNK"), "TS", "TSVAL"),
        C("CT2001", "SEX Male", p => p["DM"].Set(0, "SEX", "Male"), "DM", "SEX"),
        C("CT2002", "EXDOSU milligram", p => p["EX"].Set(0, "EXDOSU", "milligram"), "EX", "EXDOSU") with { CleanOnVariableOnly = true },
        C("CT2003", "GLUC with two names", p => p["LB"].Set(1, "LBTEST", "Blood Sugar"), "LB", "LBTEST"),
        C("SD1322", "COUNTRY US", p => p["DM"].Set(0, "COUNTRY", "US"), "DM", "COUNTRY"),
        C("SD2232", "no SSTDTC", p => p["TS"].Rows.RemoveAll(r => (string?)r[3] == "SSTDTC"), "TS", "TSVAL"),
        C("SD2247", "SSTDTC 2023-01", p => p["TS"].Rows.First(r => (string?)r[3] == "SSTDTC")[5] = "2023-01", "TS", "TSVAL"),
        C("SD0003", "impossible date", p => p["AE"].Set(0, "AESTDTC", "2023-02-30"), "AE", "AESTDTC"),
        C("SD1011", "AGEMAX 65", p => p["TS"].Rows.First(r => (string?)r[3] == "AGEMAX")[5] = "65", "TS", "TSVAL"),
        C("SD0013", "end before start", p => p["AE"].Set(0, "AEENDTC", "2023-01-11"), "AE", "AEENDTC"),
        C("SD0013", "collection interval ends before it starts", p => p["LB"].AddColumn("LBENDTC", "2023-01-02"), "LB", "LBENDTC"),
        C("SD1002", "RFENDTC before RFSTDTC", p => p["DM"].Set(0, "RFENDTC", "2022-12-01"), "DM", "RFENDTC"),
        C("SD1334", "consent after start", p => p["DM"].Set(0, "RFICDTC", "2023-01-11"), "DM", "RFSTDTC"),
        C("SD1086", "wrong study day", p => p["AE"].Set(0, "AESTDY", 2), "AE", "AESTDY"),
        C("SD1086", "study day 0", p => p["LB"].Set(0, "LBDY", 0), "LB", "LBDY"),
        C("SD1085", "LBDY missing", p => p["LB"].Drop("LBDY"), "LB", "LBDY"),
        C("SD1205", "dose before RFXSTDTC", p => p["EX"].Set(0, "EXSTDTC", "2023-01-08"), "EX", "EXSTDTC"),
        C("SD1213", "RFSTDTC not first dose", p => p["DM"].Set(0, "RFSTDTC", "2023-01-05"), "DM", "RFSTDTC"),
        C("SD0021", "EPOCH blank", p => p["LB"].Set(0, "EPOCH", null), "LB", "EPOCH"),
        C("SD0083", "two DM records", p => p["DM"].CopyRow(0), "DM", "USUBJID"),
        C("SD0005", "duplicated LBSEQ", p => p["LB"].Set(1, "LBSEQ", 1), "LB", "LBSEQ"),
        C("SD1005", "STUDYID differs", p => p["AE"].Set(0, "STUDYID", "S2"), "AE", "STUDYID"),
        C("SD1300", "DOMAIN lb", p => p["LB"].Set(0, "DOMAIN", "lb"), "LB", "DOMAIN"),
        C("SD1117", "duplicate EX record", p => p["EX"].CopyRow(0, ("EXSEQ", 2)), "EX"),
        C("SD1038", "TSSEQ repeated", p => p["TS"].CopyRow(0), "TS", "TSSEQ"),
        C("SD0086", "duplicate qualifier", p => p["SUPPAE"].CopyRow(0), "SUPPAE", "QNAM"),
        C("SD1022", "QNAM AESER", p => p["SUPPAE"].Set(0, "QNAM", "AESER"), "SUPPAE", "QNAM"),
        C("INT-SUPP-001", "QVAL blank", p => p["SUPPAE"].Set(0, "QVAL", null), "SUPPAE", "QVAL"),
        C("INT-RS-001", "two overall responses same day", p => p["RS"].CopyRow(0, ("RSSEQ", 9), ("RSORRES", "SD")), "RS", "RSDTC"),
        C("SD0064", "subject missing from DM", p => p["AE"].Set(0, "USUBJID", "S1-999"), "AE", "USUBJID"),
        C("SD0077", "no parent AE record", p => p["SUPPAE"].Set(0, "IDVARVAL", "99"), "SUPPAE", "IDVARVAL"),
        C("SD0070", "treated subject without EX", p => p["EX"].Rows.RemoveAt(1), "DM", "ACTARMCD"),
        C("SD2004", "DTHDTC without DTHFL", p => p["DM"].Set(0, "DTHDTC", "2023-03-01"), "DM", "DTHFL"),
        C("SD1132", "hospitalised but not serious", p => p["AE"].Set(0, "AESHOSP", "Y"), "AE", "AESER"),
        C("SD1097", "no AETRTEM", p => p["SUPPAE"].Rows.RemoveAt(0), "AE", "AESEQ"),
        C("SD0026", "numeric result without unit", p => p["LB"].Set(0, "LBORRESU", null), "LB", "LBORRESU"),
        C("SD0036", "STRESN differs", p => p["LB"].Set(0, "LBSTRESN", 91), "LB", "LBSTRESN"),
        C("SD1123", "NOT DONE with result", p => p["LB"].Set(0, "LBSTAT", "NOT DONE").Set(0, "LBREASND", "HEMOLYZED"), "LB", "LBORRES"),
        C("SD1439", "two baseline flags", p => p["LB"].Set(1, "LBLOBXFL", "Y"), "LB", "LBLOBXFL"),
        C("SD0035", "negative dose", p => p["EX"].Set(0, "EXDOSE", -5), "EX", "EXDOSE"),
        C("SD0084", "AGE 0", p => p["DM"].Set(0, "AGE", 0), "DM", "AGE"),
        C("SD1361", "ARM without ARMCD", p => p["DM"].Set(0, "ARMCD", null), "DM", "ARMCD"),
        C("AD0054", "two ADSL records", p => p["ADSL"].CopyRow(0), "ADSL", "USUBJID"),
        C("AD0053", "ADSL subject not in DM", p => p["ADSL"].Set(0, "USUBJID", "S1-999"), "ADSL", "USUBJID"),
        C("AD0256", "ADRS subject not in ADSL", p => p["ADRS"].Set(0, "USUBJID", "S1-999"), "ADRS", "USUBJID"),
        C("AD0204", "ADSL SEX differs", p => p["ADSL"].Set(0, "SEX", "F"), "ADSL", "SEX"),
        C("AD0047", "ADSL without SITEID", p => p["ADSL"].Drop("SITEID"), "ADSL", "SITEID"),
        C("AD0048", "SAFFL Yes", p => p["ADSL"].Set(0, "SAFFL", "Yes"), "ADSL", "SAFFL"),
        C("AD0061", "TRTSDT after TRTEDT", p => p["ADSL"].Set(0, "TRTEDT", 23000), "ADSL", "TRTEDT"),
        C("AD0058", "ADT as text", p => p["ADRS"].ForceChar.Add("ADT"), "ADRS", "ADT"),
        C("AD0046", "ADY 0", p => p["ADRS"].Set(0, "ADY", 0), "ADRS", "ADY"),
        C("AD0320", "ADSL label", p => p["ADSL"].Label = "ADSL", "ADSL"),
        C("AD0141", "PARAMCD of 9 characters", p => p["ADRS"].Set(3, "PARAMCD", "BESTRESP1"), "ADRS", "PARAMCD"),
        C("AD0149B", "PR coded twice", p => p["ADRS"].Set(1, "AVAL", 2), "ADRS", "AVAL"),
        C("AD0090", "no treatment variable", p => p["ADRS"].Drop("TRT01P"), "ADRS"),
        C("INT-ADRS-001", "two BOR records", p => p["ADRS"].CopyRow(3), "ADRS", "PARAMCD"),
        C("INT-ADRS-001", "ITT subject without BOR", p => p["ADRS"].Rows.RemoveAt(4), "ADSL", "ITTFL"),
        C("INT-ADRS-002", "BOR outside EBMT", p => p["ADRS"].Set(3, "AVALC", "VGPR"), "ADRS", "AVALC"),
        C("INT-ADRS-002", "BOR better than any visit", p => p["ADRS"].Set(4, "AVALC", "CR"), "ADRS", "AVALC"),
        C("INT-ADRS-003", "unconfirmed PR", p => p["ADRS"].Set(1, "AVALC", "PD"), "ADRS", "AVALC"),
        C("INT-ADRS-004", "SRCSEQ to no RS record", p => p["ADRS"].Set(0, "SRCSEQ", 12), "ADRS", "SRCSEQ"),
        C("INT-ADRS-004", "BOR before TRTSDT", p => p["ADRS"].Set(3, "ADT", 23000), "ADRS", "ADT"),
    };

    private ConformanceResult Validate(MiniPackage p, string name, ValidationOptions? options = null) =>
        ConformanceEngine.Run([p.Write(Path.Combine(temp, name))], options);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_PlantedDefect_IsReported_AndCleanPackagePasses(Case c)
    {
        // A finding of ours that a CORE rule also raises is listed once, under CORE's rule, carrying our id.
        static List<Finding> Of(ConformanceResult r, string id) => r.Findings.Where(f => f.Rule == id || f.AlsoRule == id).ToList();
        var cleanResult = Validate(MiniPackage.Create(), "clean");
        var clean = cleanResult.Rules.Single(r => r.Rule.Id == c.Rule);
        var cleanFindings = Of(cleanResult, c.Rule);
        if (c.CleanOnVariableOnly)
        {
            cleanFindings.ShouldNotContain(f => f.Dataset == c.Dataset && (f.Variable == c.Variable || (f.Variable == "variable_name" && f.Value == c.Variable)));
        }
        else
        {
            cleanFindings.ShouldBeEmpty($"clean package: {string.Join("; ", cleanFindings.Select(f => f.Message))}");
            clean.Status.ShouldBe(RuleStatus.Passed);
        }

        var planted = MiniPackage.Create();
        c.Plant(planted);
        var plantedResult = Validate(planted, "planted");
        plantedResult.Rules.Single(r => r.Rule.Id == c.Rule).Status.ShouldBe(RuleStatus.Issues);
        var findings = Of(plantedResult, c.Rule);
        if (c.Dataset is not null)
        {
            // A CORE rule of type Value Check with Dataset Metadata names the variable in its variable_name output.
            findings.ShouldContain(f => f.Dataset == c.Dataset && (c.Variable == null || f.Variable == c.Variable || (f.Variable == "variable_name" && f.Value == c.Variable)),
                string.Join("; ", findings.Select(f => $"{f.Dataset}.{f.Variable}: {f.Message}")));
        }
    }

    [Fact]
    public void EventCollectedAfterItEnded_IsNotEndBeforeStart()
    {
        // In Events, --DTC is when the record was collected (the next visit), not the start of a collection interval.
        var p = MiniPackage.Create();
        p["AE"].AddColumn("AEDTC", "2023-03-01");
        Validate(p, "aedtc").Rules.Single(r => r.Rule.Id == "SD0013").Findings.ShouldBeEmpty();
    }

    [Fact]
    public void CleanPackage_HasNoErrorOrWorse_ExceptTheMissingDefine()
    {
        var result = Validate(MiniPackage.Create(), "clean");
        result.Rules.ShouldNotContain(r => r.Status == RuleStatus.ExecutionError);
        result.Findings.Where(f => f.Severity <= Severity.Error && f.Rule != "DD0101")
            .Select(f => $"{f.Rule} {f.Dataset}.{f.Variable} row {f.Row}: {f.Message}").ShouldBeEmpty();
        result.Rules.Single(r => r.Rule.Id == "DD0101").Findings.Count.ShouldBe(2);
    }

    [Fact]
    public void PlantedDefects_AreErrorOrWorse_NamingDatasetAndVariable()
    {
        var p = MiniPackage.Create();
        p["LB"].Set(1, "LBSEQ", 1);
        p["AE"].Set(0, "USUBJID", "S1-999");
        p["AE"].Set(1, "AESTDTC", "2023-02-30");
        p["DM"].Set(0, "SEX", "Male");
        p["EX"].Drop("EXTRT");
        p["EX"].Set(0, "EXENDTC", "2023-01-09");
        p["LB"].Set(2, "LBDY", 5);
        p["TS"].Rows.RemoveAll(r => (string?)r[3] == "SSTDTC");
        var findings = Validate(p, "planted").Findings.Where(f => f.Severity <= Severity.Error).ToList();
        foreach (var (rule, ds, v) in new[]
                 {
                     ("SD0005", "LB", "LBSEQ"), ("SD0064", "AE", "USUBJID"), ("SD0003", "AE", "AESTDTC"), ("CT2001", "DM", "SEX"),
                     ("SD0056", "EX", "EXTRT"), ("SD0013", "EX", "EXENDTC"), ("SD1086", "LB", "LBDY"), ("SD2232", "TS", "TSVAL"),
                 })
        {
            findings.ShouldContain(f => (f.Rule == rule || f.AlsoRule == rule) && f.Dataset == ds && f.Variable == v, $"{rule} {ds}.{v}");
        }

        findings.ShouldContain(f => f.Rule == "DD0101" && f.Severity == Severity.Reject);
    }

    [Fact]
    public void ResponseRules_TakeTheStudyCriteria()
    {
        var p = MiniPackage.Create();
        p["ADRS"].Set(3, "AVALC", "VGPR");
        p["ADRS"].Set(0, "AVALC", "VGPR");
        p["ADRS"].Set(1, "AVALC", "VGPR");
        var imwg = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["INT-ADRS-002"] = new Dictionary<string, string> { ["responses"] = "sCR|CR|VGPR|PR|MR|SD|PD|NE" },
        };
        Validate(p, "ebmt").Rules.Single(r => r.Rule.Id == "INT-ADRS-002").Status.ShouldBe(RuleStatus.Issues);
        Validate(p, "imwg", ValidationOptions.Default with { RuleParameters = imwg }).Rules.Single(r => r.Rule.Id == "INT-ADRS-002").Status.ShouldBe(RuleStatus.Passed);
    }

    [Fact]
    public void FileSize_OverTheLimit_IsReported()
    {
        Validate(MiniPackage.Create(), "size").Rules.Single(r => r.Rule.Id == "SD1071").Status.ShouldBe(RuleStatus.Passed);
        var tiny = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["SD1071"] = new Dictionary<string, string> { ["max"] = "1000" } };
        Validate(MiniPackage.Create(), "size-small", ValidationOptions.Default with { RuleParameters = tiny })
            .Rules.Single(r => r.Rule.Id == "SD1071").Findings.ShouldContain(f => f.Dataset == "AE");
    }

    [Fact]
    public void LinkToTr_NotExecutableWithoutTr_CheckedWithTr()
    {
        var p = MiniPackage.Create();
        p["RS"].AddColumn("RSLNKID", "T01");
        Validate(p, "no-tr").Rules.Single(r => r.Rule.Id == "SD1337").Status.ShouldBe(RuleStatus.NotExecutable);
        p.Sdtm["TR"] = new Table("TR", "Tumor/Lesion Results", ["STUDYID", "DOMAIN", "USUBJID", "TRSEQ", "TRLNKID"],
            [[MiniPackage.Study, "TR", "S1-001", 1, "T01"], [MiniPackage.Study, "TR", "S1-002", 1, "T01"]]);
        Validate(p, "tr").Rules.Single(r => r.Rule.Id == "SD1337").Status.ShouldBe(RuleStatus.Passed);
        p["TR"].Rows.RemoveAt(1);
        Validate(p, "tr-missing").Rules.Single(r => r.Rule.Id == "SD1337").Findings.ShouldContain(f => f.Dataset == "RS" && f.Variable == "RSLNKID" && f.Usubjid == "S1-002");
    }

    [Fact]
    public void MedDraRule_IsNotExecutable_WithoutDictionary()
    {
        var r = Validate(MiniPackage.Create(), "clean").Rules.Single(r => r.Rule.Id == "SD0008");
        r.Status.ShouldBe(RuleStatus.NotExecutable);
        r.Reason!.ShouldContain("MedDRA");
    }
}
