namespace CdiscExport.Conformance.Tests.Issues;

/// <summary>One metadata problem that shows on every record is reported once, with the count of records.</summary>
public sealed partial class Issue15Tests
{
    [Fact]
    public void DefineKeys_ThatDoNotIdentifyRecords_AreOneFinding()
    {
        var p = MiniPackage.Create();
        var define = new MiniDefine().Add([.. p.Sdtm.Values]).Key("LB", "STUDYID", "USUBJID", "LBTESTCD");
        var findings = Findings(Validate(p, "keys", define), "SD1152");

        var finding = findings.ShouldHaveSingleItem(Show(findings));
        finding.Dataset.ShouldBe("LB");
        finding.Row.ShouldBeNull();
        finding.Message.ShouldContain("1 records");
    }

    [Fact]
    public void TreatmentEmergentFlag_AbsentFromEveryRecord_IsOneFinding_MissingFromOneRecordIsThatRecord()
    {
        var p = MiniPackage.Create();
        p.Sdtm.Remove("SUPPAE");
        var findings = Findings(Validate(p, "no-suppae"), "SD1097");
        findings.ShouldHaveSingleItem(Show(findings)).Message.ShouldContain("2 records");

        var one = MiniPackage.Create();
        one["SUPPAE"].Rows.RemoveAt(1);
        Findings(Validate(one, "one-missing"), "SD1097").ShouldHaveSingleItem().Row.ShouldBe(2);
    }

    [Fact]
    public void ValueLevelItem_ThatNoSelectedRecordMeets_IsOneFinding()
    {
        // The define says LBSTRESC of GLUC has Length 1: none of the three values fits; one metadata problem.
        var p = MiniPackage.Create();
        var define = new MiniDefine().Add([.. p.Sdtm.Values]).ValueLevel("LB", "LBSTRESC", "text", 1, "LBTESTCD", "EQ", "GLUC");
        var findings = Findings(Validate(p, "vlm-all", define), "SD1231");

        var finding = findings.ShouldHaveSingleItem(Show(findings));
        finding.Row.ShouldBeNull();
        finding.Message.ShouldContain("all 3 records");
    }

    [Fact]
    public void RequiredVariable_NullOnEveryRecord_IsOneFinding()
    {
        var p = MiniPackage.Create();
        p["AE"].Set(0, "AEDECOD", null).Set(1, "AEDECOD", null);
        var findings = Findings(Validate(p, "aedecod"), "SD0056").Where(f => f.Variable == "AEDECOD").ToList();

        findings.ShouldHaveSingleItem(Show(findings)).Message.ShouldContain("all 2 records");
    }
}
