using CdiscExport.Core.Terminology;

namespace CdiscExport.Core.Tests.Terminology;

public sealed class TerminologyVersionTests
{
    public static readonly TheoryData<string, string?, string> Accepted = new()
    {
        // define.xml def:Standard Version, --ct on the command line
        { "2019-12-20", null, "2019-12-20" },
        { " 2019-12-20 ", null, "2019-12-20" },
        // CDISC Library / CDISC CORE package names
        { "sdtmct-2019-12-20", "SDTM", "2019-12-20" },
        { "SDTMCT-2019-12-20", "SDTM", "2019-12-20" },
        { "adamct-2024-03-29", "ADaM", "2024-03-29" },
        { "sendct-2023-12-15", "SEND", "2023-12-15" },
        { "define-xmlct-2025-09-26", "DEFINE-XML", "2025-09-26" },
        // names people write
        { "SDTM CT 2019-12-20", "SDTM", "2019-12-20" },
        { "sdtm ct 2019-12-20", "SDTM", "2019-12-20" },
        { "CDISC SDTM CT 2019-12-20", "SDTM", "2019-12-20" },
        { "SDTM Controlled Terminology 2019-12-20", "SDTM", "2019-12-20" },
        { "sdtm-terminology-2025-03-28", "SDTM", "2025-03-28" },
        { "SDTM_CT_2019-12-20", "SDTM", "2019-12-20" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Parse_VersionName_GivesPublishingSetAndDate(string text, string? publishingSet, string date)
    {
        var version = TerminologyVersion.Parse(text).Value;
        version.PublishingSet.ShouldBe(publishingSet);
        version.Version.ShouldBe(date);
        TerminologyVersion.TryParse(text, out var again).ShouldBeTrue();
        again.ShouldBe(version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SDTM CT")]
    [InlineData("2019-12")]
    [InlineData("20191220")]
    [InlineData("2019-12-20T00:00")]
    [InlineData("sdtmct 2019-12-20 final")]
    [InlineData("2019-02-30")]
    [InlineData("sdtmct-2019-13-01")]
    [InlineData("\u0661\u0669\u0661\u0669-12-20")]
    public void Parse_NotAVersionName_FailsWithFormatException(string text)
    {
        var result = TerminologyVersion.Parse(text);
        result.Success.ShouldBeFalse();
        result.Exception.ShouldBeOfType<FormatException>();
        TerminologyVersion.TryParse(text, out var version).ShouldBeFalse();
        version.ShouldBeNull();
    }

    [Fact]
    public void TryParse_Null_IsFalse() => TerminologyVersion.TryParse(null, out _).ShouldBeFalse();

    [Fact]
    public void ToString_NamesSetAndDate()
    {
        TerminologyVersion.Parse("sdtmct-2019-12-20").Value.ToString().ShouldBe("SDTM CT 2019-12-20");
        TerminologyVersion.Parse("2019-12-20").Value.ToString().ShouldBe("2019-12-20");
    }

    [Theory]
    [InlineData("SDTM", "2019-12-20", "SDTM")]
    [InlineData("ADaM", "2019-12-20", "ADaM")]
    [InlineData("adam", "2019-12-20", "ADaM")]
    [InlineData(null, "2019-12-20", null)]
    [InlineData("", "2019-12-20", null)]
    [InlineData("SDTM", "sdtmct-2019-12-20", "SDTM")]
    public void FromDefineStandard_TakesPublishingSetAttribute(string? publishingSet, string version, string? expected)
    {
        var parsed = TerminologyVersion.FromDefineStandard(publishingSet, version).Value;
        parsed.PublishingSet.ShouldBe(expected);
        parsed.Version.ShouldBe("2019-12-20");
    }

    [Theory]
    [InlineData("SDTM", "adamct-2019-12-20")]
    [InlineData("SDTM", "2019-12")]
    public void FromDefineStandard_ConflictOrBadVersion_Fails(string publishingSet, string version) =>
        TerminologyVersion.FromDefineStandard(publishingSet, version).Success.ShouldBeFalse();
}
