using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Conformance.Tests.Issues;

/// <summary>Codelists and requirements apply only where their condition holds.</summary>
public sealed partial class Issue15Tests
{
    [Fact]
    public void Codelist_OncologyTestCodes_ApplyOnlyWhereRscatIsAnOncologyCategory()
    {
        // SDTMIG 3.4: RSTESTCD/RSTEST take ONCRTSCD/ONCRTS when RSCAT is in ONCRSCAT; a clinical classification
        // (RSCAT HAMD 17) has its own codelists.
        var p = MiniPackage.Create();
        p["RS"].AddColumn("RSCAT", "RECIST 1.1").Set(2, "RSCAT", "HAMD 17").Set(2, "RSTESTCD", "HAMD101").Set(2, "RSTEST", "HAMD1-Depressed Mood");
        p["RS"].Set(1, "RSTESTCD", "TRGFOO");
        var findings = Findings(Validate(p, "rscat"), "CT2002").Where(f => f.Dataset == "RS").ToList();

        findings.ShouldHaveSingleItem(Show(findings)).Value.ShouldBe("TRGFOO");
    }

    [Fact]
    public void Codelist_SponsorTermDeclaredAsExtensionInDefine_IsNotReported_ButAnUndeclaredOneIsAWarning()
    {
        var p = MiniPackage.Create();
        p["EX"].Set(0, "EXDOSU", "mg per dose").Set(1, "EXDOSU", "MGPERDOSE");
        var define = new MiniDefine { CtVersion = "2025-03-28" }.Add([.. p.Sdtm.Values]).Codelist("EX", "EXDOSU", "text", "mg", "+mg per dose");
        var findings = Findings(Validate(p, "extension", define), "CT2002").Where(f => f.Dataset == "EX").ToList();

        var finding = findings.ShouldHaveSingleItem(Show(findings));
        finding.Value.ShouldBe("MGPERDOSE");
        finding.Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void Codelist_NoCtVersionDeclared_TermOfAnEarlierShippedRelease_IsNotReported_ButIsWhenTheLatestIsDeclared()
    {
        // LBTESTCD ANA is in the 2016-06-24 release, no longer in 2025-03-28.
        var p = MiniPackage.Create();
        p["LB"].Set(2, "LBTESTCD", "ANA").Set(2, "LBTEST", "Antinuclear Antibodies");
        Findings(Validate(p, "ct-undeclared"), "CT2002").ShouldNotContain(f => f.Value == "ANA");

        var declared = Findings(Validate(p, "ct-2025", options: new ValidationOptions { ControlledTerminology = "2025-03-28" }), "CT2002");
        declared.ShouldContain(f => f.Dataset == "LB" && f.Variable == "LBTESTCD" && f.Value == "ANA", Show(declared));
    }

    [Fact]
    public void Codelist_NoCtVersionDeclared_SynonymInsteadOfSubmissionValue_IsStillAnError()
    {
        var p = MiniPackage.Create();
        p["DM"].Set(0, "SEX", "Male");
        Findings(Validate(p, "ct-synonym"), "CT2001").ShouldContain(f => f.Value == "Male" && f.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("CURTRT", "ADDON", "N", "Y")]
    [InlineData("RANDQT", "RANDOM", "N", "Y")]
    [InlineData("TDIGRP", "HLTSUBJI", "N", "Y")]
    public void TsParameter_RequiredOnlyWhenAnotherSaysSo(string parameter, string condition, string no, string yes)
    {
        var p = MiniPackage.Create();
        p["TS"].Rows.RemoveAll(r => (string?)r[3] == parameter);
        p["TS"].Rows.First(r => (string?)r[3] == condition)[5] = no;
        Findings(Validate(p, $"ts-{parameter}-no"), "SD2201").ShouldNotContain(f => f.Value == parameter);

        p["TS"].Rows.First(r => (string?)r[3] == condition)[5] = yes;
        Findings(Validate(p, $"ts-{parameter}-yes"), "SD2201").ShouldContain(f => f.Value == parameter);
    }

    [Fact]
    public void Sstdtc_RequiredForStudiesStartedAfterTheRejectionCriterionDate()
    {
        // FDA's technical rejection criterion 1734 applies to studies that started after 2016-12-17.
        var p = MiniPackage.Create();
        p["TS"].Rows.RemoveAll(r => (string?)r[3] == "SSTDTC");
        Findings(Validate(p, "sstdtc-2023"), "SD2232").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Reject);

        p["DM"].Set(0, "RFICDTC", "2003-04-20").Set(0, "RFSTDTC", "2003-04-29");
        var old = Validate(p, "sstdtc-2003");
        Findings(old, "SD2232").ShouldBeEmpty();
        Rule(old, "SD2232").Status.ShouldBe(RuleStatus.NotApplicable);
    }

    [Fact]
    public void AgeLimits_WithTheAgeUnitAsItsOwnParameter_AreNotDurations()
    {
        // The SDTMIG 3.1.2 sample (CST CDISC01) gives AGEMIN 18 and AGEMAX 85 with AGEU YEARS.
        var p = MiniPackage.Create();
        p["TS"].Rows.First(r => (string?)r[3] == "AGEMAX")[5] = "85";
        Findings(Validate(p, "agemax"), "SD1011").ShouldContain(f => f.Value == "85");

        p["TS"].Rows.Add([MiniPackage.Study, "TS", 1, "AGEU", "Age Unit", "YEARS", null]);
        Findings(Validate(p, "agemax-ageu"), "SD1011").ShouldBeEmpty();
    }

    [Fact]
    public void IgPresenceAndCore_OfAPackageOfAnotherSdtmigVersion_AreNotExecutable_NotReportedBy34Metadata()
    {
        var p = MiniPackage.Create();
        p["AE"].Drop("AESTDTC");
        p["SUPPAE"].Set(0, "QNAM", "AESER");
        var v34 = Validate(p, "ig-34");
        Findings(v34, "SD0057").ShouldContain(f => f.Dataset == "AE" && f.Variable == "AESTDTC");
        Findings(v34, "SD1022").ShouldContain(f => f.Value == "AESER");

        var v33 = Validate(p, "ig-33", options: new ValidationOptions { SdtmigVersion = "3.3" });
        foreach (var id in new[] { "SD0056", "SD0057", "SD0058", "SD1022" })
        {
            Findings(v33, id).ShouldBeEmpty(id);
            Rule(v33, id).Status.ShouldBe(RuleStatus.NotExecutable, id);
            Rule(v33, id).Reason.ShouldNotBeNull().ShouldContain("SDTMIG 3.3");
        }

        // What does not depend on the IG version is still judged: a QNAM that is not a SAS name.
        p["SUPPAE"].Set(1, "QNAM", "1BAD");
        Findings(Validate(p, "ig-33-qnam", options: new ValidationOptions { SdtmigVersion = "3.3" }), "SD1022").ShouldHaveSingleItem().Value.ShouldBe("1BAD");
    }

    [Fact]
    public void CoreLibraryRules_OfAPackageOfAnotherSdtmigVersion_AskOnlyForRequiredVariablesTheDatasetHas()
    {
        // AE lacks AESTDTC (Expected in 3.4) and has a null AEDECOD (Required in every version).
        var p = MiniPackage.Create();
        p["AE"].Drop("AESTDTC");
        p["AE"].Set(0, "AEDECOD", null);
        var v34 = Validate(p, "lib-34");
        Findings(v34, "CORE-000334").ShouldContain(f => f.Dataset == "AE");
        Findings(v34, "CORE-000356").ShouldContain(f => f.Dataset == "AE" && f.Value == "AEDECOD");

        var v33 = Validate(p, "lib-33", options: new ValidationOptions { SdtmigVersion = "3.3" });
        // Which variables a 3.3 domain is expected to have is not known without 3.3's metadata: not executable, and why.
        Rule(v33, "CORE-000334").Status.ShouldBe(RuleStatus.NotExecutable);
        Rule(v33, "CORE-000334").Reason.ShouldNotBeNull().ShouldContain("needs SDTMIG 3.3's variable metadata");
        // A Required variable that the dataset has is Required in 3.3 too: its null is still found.
        Findings(v33, "CORE-000356").ShouldContain(f => f.Dataset == "AE" && f.Row == 1 && f.Value == "AEDECOD");
        v33.Judged.ShouldNotBeNull().Notes.ShouldContain(n => n.Contains("not executable, except that a variable the dataset has is Required, or has a role,"));
        // Domain labels do come from the nearest version: CORE-000219 still runs.
        Rule(v33, "CORE-000219").Status.ShouldNotBe(RuleStatus.NotExecutable);
    }
}
