namespace CdiscExport.Conformance.Tests.Issues;

/// <summary>Datasets found by what they are (their define.xml entry, their ADaM class), not by their file names.</summary>
public sealed partial class Issue15Tests
{
    /// <summary>ADSL and an ADaM dataset in <c>adcibc.xpt</c> holding member ADQSCIBC, described in define.xml as ADCIBC.</summary>
    private static (MiniPackage Package, MiniDefine Define) MemberNamedOtherThanFile()
    {
        var p = MiniPackage.Create();
        var cibc = new Table("ADQSCIBC", "CIBIC+ Analysis Dataset", ["STUDYID", "USUBJID", "PARAMCD", "PARAM", "AVAL", "TRT01P"],
            [[MiniPackage.Study, "S1-001", "CIBICVAL", "CIBIC Score", 4, "Arm A"], [MiniPackage.Study, "S1-002", "CIBICVAL", "CIBIC Score", 3, "Arm A"]])
        {
            FileName = "adcibc.xpt",
        };
        p.Adam["ADQSCIBC"] = cibc;
        p.Adam.Remove("ADRS");
        var define = new MiniDefine().Add(p.Adam["ADSL"], cibc).Name("ADQSCIBC", "ADCIBC")
            .Class("ADSL", "SUBJECT LEVEL ANALYSIS DATASET").Class("ADQSCIBC", "BASIC DATA STRUCTURE");
        return (p, define);
    }

    private Conformance.Engine.ConformanceResult ValidateAdam(MiniPackage p, MiniDefine define, string name)
    {
        var root = p.Write(Path.Combine(temp, name));
        define.Write(Path.Combine(root, "m5", "datasets", "s1", "analysis", "adam", "datasets", "define.xml"));
        return Conformance.Engine.ConformanceEngine.Run([root]);
    }

    [Fact]
    public void Dataset_WhoseMemberNameDiffersFromItsFile_IsMatchedToItsDefineEntry_AndTheNamingIsReportedUnderBothNames()
    {
        var (p, define) = MemberNamedOtherThanFile();
        var result = ValidateAdam(p, define, "member-name");

        Findings(result, "SD1063").ShouldBeEmpty(Show(Findings(result, "SD1063")));
        Findings(result, "SD0060").ShouldNotContain(f => f.Dataset == "ADQSCIBC", Show(Findings(result, "SD0060")));
        var naming = Findings(result, "INT-STR-001").ShouldHaveSingleItem(Show(Findings(result, "INT-STR-001")));
        naming.Dataset.ShouldBe("ADQSCIBC");
        naming.Message.ShouldContain("adcibc.xpt");
    }

    [Fact]
    public void AdamRules_ApplyByClass_NotToEveryAdDataset()
    {
        // ADAE is OCCDS (AETERM, AEDECOD, no PARAMCD): BDS rules (PARAMCD, a treatment variable, AVAL) do not apply.
        var p = MiniPackage.Create();
        p.Adam["ADAE"] = new Table("ADAE", "Adverse Events Analysis Dataset", ["STUDYID", "USUBJID", "AETERM", "AEDECOD", "ASTDT", "TRTEMFL"],
            [[MiniPackage.Study, "S1-001", "HEADACHE", "Headache", 23022, "Y"]]);
        var result = Validate(p, "adae");
        foreach (var id in new[] { "AD0090", "AD0141", "AD0149B", "AD0047" })
        {
            Findings(result, id).ShouldNotContain(f => f.Dataset == "ADAE", id + ": " + Show(Findings(result, id)));
        }

        // ADXX is BDS by its variables (PARAMCD, AVAL) whatever its name: it needs a treatment variable.
        p.Adam["ADXX"] = new Table("ADXX", "Some Analysis Dataset", ["STUDYID", "USUBJID", "PARAMCD", "PARAM", "AVAL"],
            [[MiniPackage.Study, "S1-001", "X", "X", 1]]);
        Findings(Validate(p, "adxx"), "AD0090").ShouldHaveSingleItem().Dataset.ShouldBe("ADXX");
    }
}
