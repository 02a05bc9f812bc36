namespace CdiscExport.Conformance.Tests.Issues;

/// <summary>Split datasets (SDTMIG 4.1.7) are judged as the domain they split.</summary>
public sealed partial class Issue15Tests
{
    /// <summary>LB split into LBCH and LBHE under split/ (DOMAIN LB), without the whole LB.</summary>
    private static MiniPackage SplitLb()
    {
        var p = MiniPackage.Create();
        var lb = p.Sdtm["LB"];
        p.Sdtm.Remove("LB");
        var ch = new Table("LBCH", "Laboratory Test Results - Chemistry", [.. lb.Columns], [lb.Rows[0], lb.Rows[2]]) { FileName = "split/lbch.xpt" };
        var he = new Table("LBHE", "Laboratory Test Results - Hematology", [.. lb.Columns], [(object?[])lb.Rows[1].Clone()]) { FileName = "split/lbhe.xpt" };
        he.Set(0, "LBTESTCD", "MACROCY").Set(0, "LBTEST", "Macrocytes");
        foreach (var t in new[] { ch, he })
        {
            t.Lengths["LBTESTCD"] = 7;
            t.Lengths["LBTEST"] = 10;
            p.Sdtm[t.Name] = t;
        }

        return p;
    }

    [Fact]
    public void LengthFit_VariableAsLongAsTheLongestValueOfAnySplit_IsNotReported_ButLongerThanAllIs()
    {
        var p = SplitLb();
        p["LBCH"].Lengths["LBORRESU"] = 40;
        p["LBHE"].Lengths["LBORRESU"] = 40;
        var findings = Findings(Validate(p, "split-length"), "SD1082");

        // LBTESTCD is 7 long: LBCH's longest is GLUC (4) but LBHE holds MACROCY (7).
        findings.ShouldNotContain(f => f.Variable == "LBTESTCD", Show(findings));
        findings.ShouldNotContain(f => f.Variable == "LBTEST", Show(findings));
        findings.Where(f => f.Variable == "LBORRESU").Select(f => f.Dataset).Order().ToList().ShouldBe(["LBCH", "LBHE"], Show(findings));
    }

    [Fact]
    public void SeqUnique_IsJudgedAcrossSplits_AndAWholeDatasetShippedBesideItsSplitsIsNotAddedToThem()
    {
        var p = SplitLb();

        // The whole LB beside its splits (as the CDISC pilot ships lb.xpt and split/lb*.xpt, here all in one folder):
        // the same records twice, two representations of one domain, not one domain with every LBSEQ used twice.
        p["LBCH"].FileName = null;
        p["LBHE"].FileName = null;
        var whole = MiniPackage.Create().Sdtm["LB"];
        whole.Set(1, "LBTESTCD", "MACROCY").Set(1, "LBTEST", "Macrocytes");
        p.Sdtm["LB"] = whole;
        Findings(Validate(p, "split-seq-whole"), "SD0005").ShouldBeEmpty();

        // S1-001 LBSEQ 2 in LBHE is used again in LBCH: a real duplicate across splits.
        p.Sdtm.Remove("LB");
        p["LBCH"].Set(0, "LBSEQ", 2);
        var findings = Findings(Validate(p, "split-seq-dup"), "SD0005");
        findings.ShouldHaveSingleItem(Show(findings)).Message.ShouldContain("LB (LBCH, LBHE)");
    }

    /// <summary>QS split into QSCG and QSCS, with SUPPQSCG and SUPPQSCS whose RDOMAIN is QS.</summary>
    private static MiniPackage SplitQs()
    {
        var p = MiniPackage.Create();
        string[] qs = ["STUDYID", "DOMAIN", "USUBJID", "QSSEQ", "QSTESTCD", "QSTEST", "QSCAT", "QSORRES", "QSSTRESC", "QSDTC", "QSDY"];
        p.Sdtm["QSCG"] = new Table("QSCG", "Questionnaires - CGI", qs, [[MiniPackage.Study, "QS", "S1-001", 1, "CGIGLOB", "Global Improvement", "CGI", "2", "2", "2023-01-12", 3]]);
        p.Sdtm["QSCS"] = new Table("QSCS", "Questionnaires - CSDD", qs, [[MiniPackage.Study, "QS", "S1-001", 2, "CSDD01", "Anxiety", "CSDD", "1", "1", "2023-01-12", 3]]);
        string[] supp = ["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QVAL", "QORIG"];
        p.Sdtm["SUPPQSCG"] = new Table("SUPPQSCG", "Supplemental Qualifiers for QSCG", supp, [[MiniPackage.Study, "QS", "S1-001", "QSSEQ", "1", "QSLANG", "Language", "ENGLISH", "CRF"]]);
        p.Sdtm["SUPPQSCS"] = new Table("SUPPQSCS", "Supplemental Qualifiers for QSCS", supp, [[MiniPackage.Study, "QS", "S1-001", "QSSEQ", "2", "QSLANG", "Language", "ENGLISH", "CRF"]]);
        return p;
    }

    [Fact]
    public void SuppParent_SplitSuppKeepsTheParentDomainAsRdomain_ButAWrongRdomainOrMissingParentIsReported()
    {
        var p = SplitQs();
        Findings(Validate(p, "supp-split"), "SD0077").ShouldBeEmpty();

        p["SUPPQSCG"].Set(0, "RDOMAIN", "QC");
        p["SUPPQSCS"].Set(0, "IDVARVAL", "7");
        var findings = Findings(Validate(p, "supp-split-bad"), "SD0077");
        findings.ShouldContain(f => f.Dataset == "SUPPQSCG" && f.Variable == "RDOMAIN", Show(findings));
        findings.ShouldContain(f => f.Dataset == "SUPPQSCS" && f.Variable == "IDVARVAL", Show(findings));
    }

    [Fact]
    public void SuppKeys_AreUniqueAcrossTheSuppDatasetsOfASplitDomain()
    {
        var p = SplitQs();
        Findings(Validate(p, "supp-keys"), "SD0086").ShouldBeEmpty();

        // The same qualifier of the same QS record in both SUPPQS splits.
        p["SUPPQSCS"].Set(0, "IDVARVAL", "1");
        Findings(Validate(p, "supp-keys-dup"), "SD0086").ShouldContain(f => f.Dataset == "SUPPQSCS" && f.Variable == "QNAM");
    }
}
