using CdiscExport.Core.Standards;

namespace CdiscExport.Core.Tests.Standards;

public sealed class SdtmigTests
{
    private static ImplementationGuide Sdtmig => ShippedStandards.Library.Sdtmig;

    [Fact]
    public void Load_Sdtmig_HasNameAndVersion()
    {
        Sdtmig.Name.ShouldBe("SDTMIG");
        Sdtmig.Version.ShouldBe("3.4");
        Sdtmig.Datasets.Count.ShouldBe(63);
    }

    [Fact]
    public void FindDataset_DM_ReturnsMetadata()
    {
        var dm = Sdtmig.FindDataset("DM").ShouldNotBeNull();
        dm.Label.ShouldBe("Demographics");
        dm.Class.ShouldBe("Special-Purpose");
        dm.Structure.ShouldBe("One record per subject");
    }

    [Fact]
    public void FindDataset_Unknown_ReturnsNull() => Sdtmig.FindDataset("ZZ").ShouldBeNull();

    [Fact]
    public void FindClassVariable_AeDtc_IsTheEventsClassTimingVariable_BeforeAestdtc()
    {
        Sdtmig.FindVariable("AE", "AEDTC").ShouldBeNull();
        var aedtc = Sdtmig.FindClassVariable("AE", "AEDTC").ShouldNotBeNull();
        aedtc.Label.ShouldBe("Date/Time of Collection");
        aedtc.Type.ShouldBe(VariableDataType.Char);
        aedtc.Role.ShouldBe("Timing");
        aedtc.Core.ShouldBe(CoreCategory.Permissible);
        aedtc.AddedFromClass.ShouldBeTrue();
        aedtc.Order.ShouldBe(Sdtmig.FindVariable("AE", "EPOCH").ShouldNotBeNull().Order);
        Sdtmig.FindVariable("AE", "AESTDTC").ShouldNotBeNull().Order.ShouldBeGreaterThan(aedtc.Order);
    }

    [Fact]
    public void FindClassVariable_VisitVariablesInEx_KeepTheirOrder()
    {
        var added = new[] { "VISITNUM", "VISIT", "VISITDY" }.Select(n => Sdtmig.FindClassVariable("EX", n).ShouldNotBeNull()).ToList();
        added.ShouldAllBe(v => v.AddedFromClass && v.Role == "Timing");
        added.Select(v => v.ClassPosition!.Value).ShouldBeInOrder();
        added[0].Type.ShouldBe(VariableDataType.Num);
        added.ShouldAllBe(v => v.Order < Sdtmig.FindVariable("EX", "EXSTDTC")!.Order);
    }

    [Theory]
    [InlineData("AE", "AEORRES")] // a Findings qualifier is not an Events one
    [InlineData("AE", "AEFOO")]
    [InlineData("DM", "DMSTDTC")] // DM is special-purpose: only its own variables
    [InlineData("ZZ", "ZZDTC")]
    public void FindClassVariable_OutsideTheClass_IsNull(string dataset, string name) =>
        Sdtmig.FindClassVariable(dataset, name).ShouldBeNull();

    [Fact]
    public void FindClassVariable_OwnVariable_IsTheGuidesOwn() =>
        Sdtmig.FindClassVariable("AE", "AESTDTC").ShouldBe(Sdtmig.FindVariable("AE", "AESTDTC"));

    [Fact]
    public void FindVariable_DmSex_IsRequiredCharWithSexCodelist()
    {
        var sex = Sdtmig.FindVariable("DM", "SEX").ShouldNotBeNull();
        sex.Dataset.ShouldBe("DM");
        sex.Label.ShouldBe("Sex");
        sex.Type.ShouldBe(VariableDataType.Char);
        sex.Core.ShouldBe(CoreCategory.Required);
        sex.Role.ShouldBe("Record Qualifier");
        sex.CodelistCodes.ShouldBe(["C66731"]);
        sex.CodelistNames.ShouldBe(["SEX"]);
    }

    [Fact]
    public void FindVariable_LbLbstresn_IsNumExpected()
    {
        var v = Sdtmig.FindVariable("LB", "LBSTRESN").ShouldNotBeNull();
        v.Type.ShouldBe(VariableDataType.Num);
        v.Core.ShouldBe(CoreCategory.Expected);
        v.CodelistCodes.ShouldBeEmpty();
    }

    [Fact]
    public void FindVariable_AeAetoxgr_IsPermissibleCharWithoutCodelist()
    {
        var v = Sdtmig.FindVariable("AE", "AETOXGR").ShouldNotBeNull();
        v.Label.ShouldBe("Standard Toxicity Grade");
        v.Type.ShouldBe(VariableDataType.Char);
        v.Core.ShouldBe(CoreCategory.Permissible);
        v.CodelistCodes.ShouldBeEmpty();
    }

    [Fact]
    public void FindVariable_RsRsorres_IsExpectedResultQualifier()
    {
        var v = Sdtmig.FindVariable("RS", "RSORRES").ShouldNotBeNull();
        v.Label.ShouldBe("Result or Finding in Original Units");
        v.Role.ShouldBe("Result Qualifier");
        v.Core.ShouldBe(CoreCategory.Expected);
    }

    [Fact]
    public void FindVariable_TsTsparmcd_CitesTsparmcdCodelist()
    {
        var v = Sdtmig.FindVariable("TS", "TSPARMCD").ShouldNotBeNull();
        v.Role.ShouldBe("Topic");
        v.Core.ShouldBe(CoreCategory.Required);
        v.CodelistCodes.ShouldBe(["C66738"]);
        v.CodelistNames.ShouldBe(["TSPARMCD"]);
    }

    [Fact]
    public void FindVariable_MultiValuedCodelistCell_SplitsOnSemicolon()
    {
        var v = Sdtmig.FindVariable("DS", "DSDECOD").ShouldNotBeNull();
        v.CodelistCodes.ShouldBe(["C66727", "C114118", "C150811"]);
    }

    [Fact]
    public void FindVariable_WrongCaseOrUnknown_ReturnsNull()
    {
        Sdtmig.FindVariable("DM", "sex").ShouldBeNull();
        Sdtmig.FindVariable("DM", "NOSUCH").ShouldBeNull();
        Sdtmig.FindVariable("ZZ", "SEX").ShouldBeNull();
    }

    [Fact]
    public void VariablesOf_Dm_IsInIgOrder()
    {
        var names = Sdtmig.VariablesOf("DM").Select(v => v.Name).ToArray();
        names[..4].ShouldBe(["STUDYID", "DOMAIN", "USUBJID", "SUBJID"]);
        Sdtmig.VariablesOf("DM").Select(v => v.Order).ShouldBeInOrder();
    }

    [Fact]
    public void VariablesOf_Unknown_IsEmpty() => Sdtmig.VariablesOf("ZZ").ShouldBeEmpty();
}
