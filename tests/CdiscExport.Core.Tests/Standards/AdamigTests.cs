using CdiscExport.Core.Standards;

namespace CdiscExport.Core.Tests.Standards;

public sealed class AdamigTests
{
    private static ImplementationGuide Adamig => ShippedStandards.Library.Adamig;

    [Fact]
    public void Load_Adamig_HasNameVersionAndStructures()
    {
        Adamig.Name.ShouldBe("ADaMIG");
        Adamig.Version.ShouldBe("1.3");
        Adamig.FindDataset("ADSL").ShouldNotBeNull().Class.ShouldBe("SUBJECT LEVEL ANALYSIS DATASET");
        Adamig.FindDataset("BDS").ShouldNotBeNull().Class.ShouldBe("BASIC DATA STRUCTURE");
    }

    [Fact]
    public void VariablesOf_AdslAndBds_StartWithIdentifiers()
    {
        Adamig.VariablesOf("ADSL")[0].Name.ShouldBe("STUDYID");
        Adamig.VariablesOf("ADSL").Select(v => v.Order).ShouldBe(Enumerable.Range(1, Adamig.VariablesOf("ADSL").Count));
        Adamig.VariablesOf("BDS").ShouldContain(v => v.Name == "PARAMCD");
    }

    [Fact]
    public void FindVariable_BdsParamcd_IsRequiredChar()
    {
        var v = Adamig.FindVariable("BDS", "PARAMCD").ShouldNotBeNull();
        v.Type.ShouldBe(VariableDataType.Char);
        v.Core.ShouldBe(CoreCategory.Required);
        v.Role.ShouldBe("Analysis Parameter");
    }

    [Fact]
    public void FindVariable_AdslSex_CarriesCodelistNameFromAdamig()
    {
        var v = Adamig.FindVariable("ADSL", "SEX").ShouldNotBeNull();
        v.CodelistCodes.ShouldBe(["C66731"]);
        v.CodelistNames.ShouldBe(["SEX"]);
    }

    public static TheoryData<string, string, string> PlaceholderMatches => new()
    {
        { "ADSL", "TRT01P", "TRTxxP" },
        { "ADSL", "TRT99PN", "TRTxxPN" },
        { "ADSL", "TR01SDT", "TRxxSDT" },
        { "ADSL", "AGEGR1", "AGEGRy" },
        { "ADSL", "P01S1SDT", "PxxSwSDT" },
        { "ADSL", "RANDyDT".Replace("y", "2", StringComparison.Ordinal), "RANDyDT" },
        { "BDS", "ANL01FL", "ANLzzFL" },
        { "BDS", "CRIT1FL", "CRITyFL" },
        { "BDS", "A1LO", "AyLO" },
    };

    [Theory]
    [MemberData(nameof(PlaceholderMatches))]
    public void FindVariable_ActualNameOfPlaceholder_ReturnsPlaceholderMetadataWithActualName(
        string structure, string actual, string placeholder)
    {
        var template = Adamig.VariablesOf(structure).Single(v => v.Name == placeholder);
        var found = Adamig.FindVariable(structure, actual).ShouldNotBeNull();
        found.Name.ShouldBe(actual);
        found.ShouldBe(template with { Name = actual });
    }

    [Fact]
    public void FindVariable_Trt01p_IsTrtxxpTreatmentVariable()
    {
        var v = Adamig.FindVariable("ADSL", "TRT01P").ShouldNotBeNull();
        v.Name.ShouldBe("TRT01P");
        v.Type.ShouldBe(VariableDataType.Char);
        v.Role.ShouldBe("Treatment");
    }

    [Theory]
    [InlineData("ADSL", "TRT00P")]   // xx is 01-99
    [InlineData("ADSL", "TRT1P")]    // xx is two digits
    [InlineData("ADSL", "TRTXXP")]   // placeholder letters are lower case only in the guide
    [InlineData("ADSL", "AGEGR0")]   // y is 1-9
    [InlineData("BDS", "TRT01P")]    // ADSL variable, not BDS
    public void FindVariable_NotAnInstanceOfAPlaceholder_ReturnsNull(string structure, string name) =>
        Adamig.FindVariable(structure, name).ShouldBeNull();

    [Fact]
    public void FindVariable_ExactNameExists_WinsOverPlaceholder()
    {
        var v = Adamig.FindVariable("BDS", "TRTP").ShouldNotBeNull();
        v.Name.ShouldBe("TRTP");
        v.Label.ShouldBe(Adamig.VariablesOf("BDS").Single(x => x.Name == "TRTP").Label);
    }

    [Theory]
    [InlineData("ADSL")]
    [InlineData("BDS")]
    public void FindVariable_EveryPlaceholderInstantiated_ReturnsThatPlaceholder(string structure)
    {
        var placeholders = Adamig.VariablesOf(structure).Where(v => v.Name.Any(char.IsLower)).ToArray();
        placeholders.ShouldNotBeEmpty();
        foreach (var template in placeholders)
        {
            var actual = template.Name.Replace("xx", "12", StringComparison.Ordinal)
                .Replace("zz", "34", StringComparison.Ordinal)
                .Replace('y', '5')
                .Replace('w', '6');
            var found = Adamig.FindVariable(structure, actual).ShouldNotBeNull(actual);
            found.ShouldBe(template with { Name = actual }, $"{actual} should resolve to {template.Name}");
        }
    }

    [Fact]
    public void Load_AdamigCondCore_MapsToConditional() =>
        Adamig.VariablesOf("ADSL").ShouldContain(v => v.Core == CoreCategory.Conditional);
}
