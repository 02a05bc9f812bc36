using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Tests.Algorithms;

/// <summary>
/// Raw layouts of EDC exports not designed for this product: R's NA for missing values, item names with dots
/// (IT.AETERM), identifiers that pack several parts (SITE-SUBJECT), other date layouts.
/// </summary>
public sealed class RawLayoutTests
{
    private static string[] MapAe(string raw, string variables, string target, string missing = "")
    {
        using var study = new MiniStudy { Missing = missing };
        study.Raw("ae", raw);
        study.Dataset("ae", $$"""
            dataset: AE
            records:
              - source: ae
                variables:
                  STUDYID: { template: "{study.STUDYID}" }
                  DOMAIN: { constant: AE }
                  USUBJID: { template: "S-{SUBJID}" }
            {{variables}}
            """);
        return study.Run("AE").Texts(target);
    }

    [Fact]
    public void Missing_ListedTokensAreBlank_OthersKept() =>
        MapAe("SUBJID,T\n1,NA\n1,NAUSEA\n1,n/a\n", "      AETERM: { first: [ { copy: T }, { constant: NONE } ] }", "AETERM", "[NA]")
            .ShouldBe(["NONE", "NAUSEA", "n/a"]);

    [Fact]
    public void Missing_NotDeclared_NaIsText() =>
        MapAe("SUBJID,T\n1,NA\n", "      AETERM: { copy: T }", "AETERM").ShouldBe(["NA"]);

    [Fact]
    public void Missing_NaDate_IsMissingDateNotError() =>
        MapAe("SUBJID,D\n1,NA\n1,01/16/2014\n", "      AESTDTC: { date: D, format: MM/DD/YYYY }", "AESTDTC", "[NA]").ShouldBe(["", "2014-01-16"]);

    [Fact]
    public void DottedColumnName_IsTheOwnFormsColumn() =>
        MapAe("SUBJID,IT.AETERM\n1,Headache\n", "      AETERM: { copy: IT.AETERM, case: upper }", "AETERM").ShouldBe(["HEADACHE"]);

    [Fact]
    public void DottedName_NeitherJoinedNorColumn_IsSpecError() =>
        Should.Throw<SpecException>(() => MapAe("SUBJID,T\n1,x\n", "      AETERM: { copy: IT.AETERM }", "AETERM"))
            .Message.ShouldContain("\"IT\" is not a form joined in this block");

    [Theory]
    [InlineData("701-1015", "^([0-9]+)-", "701")]
    [InlineData("701-1015", "^[0-9]+-([0-9]+)$", "1015")]
    [InlineData("", "^([0-9]+)-", "")]
    public void Extract_GivesTheFirstGroup(string raw, string pattern, string expected) =>
        MapAe($"SUBJID,P\n1,{raw}\n", $"      AETERM: {{ extract: P, pattern: \"{pattern}\" }}", "AETERM").ShouldBe([expected]);

    [Fact]
    public void Extract_NoMatch_IsErrorNamingTheValue()
    {
        var e = Should.Throw<MappingException>(() => MapAe("SUBJID,P\n1,X99\n", "      AETERM: { extract: P, pattern: \"^([0-9]+)-\" }", "AETERM"));
        e.Message.ShouldContain("\"X99\" does not match");
        e.Line.ShouldBe(2);
    }

    [Fact]
    public void Extract_NoMatchWithOnMissBlank_IsBlank() =>
        MapAe("SUBJID,P\n1,X99\n", "      AETERM: { extract: P, pattern: \"^([0-9]+)-\", on_miss: blank }", "AETERM").ShouldBe([""]);

    [Fact]
    public void Extract_PatternWithoutGroup_IsSpecError() =>
        Should.Throw<SpecException>(() => MapAe("SUBJID,P\n1,X\n", "      AETERM: { extract: P, pattern: \"^X\" }", "AETERM"))
            .Message.ShouldContain("needs a group");

    [Theory]
    [InlineData("02-Jan-2014", "DD-MON-YYYY", "2014-01-02")] // month names in any case
    [InlineData("07-02-2014", "MM-DD-YYYY", "2014-07-02")]
    [InlineData("2003", "[MM/DD/YYYY, YYYY]", "2003")] // a bare year, from the second format
    public void Date_OtherLayouts(string raw, string format, string expected) =>
        MapAe($"SUBJID,D\n1,{raw}\n", $"      AESTDTC: {{ date: D, format: {format} }}", "AESTDTC").ShouldBe([expected]);

    [Theory]
    [InlineData("2014-01-20", "2014-01-02", "Y")]
    [InlineData("2014-01-02", "2014-01-02", "Y")] // the same day is on or after
    [InlineData("2013-12-31", "2014-01-02", "N")]
    [InlineData("2014-01", "2014-01-02", "Y")] // a partial date that cannot be told to be before
    [InlineData("2013-12", "2014-01-02", "N")]
    [InlineData("", "2014-01-02", "N")] // blank on either side: the comparison does not hold
    [InlineData("2014-01-20", "", "N")]
    public void Condition_OnOrAfter_ComparesIsoDatesOnTheSharedPrecision(string start, string reference, string expected) =>
        MapAe($"SUBJID,S,R\n1,{start},{reference}\n",
            "      AETERM: { when: [ { if: { S: { on_or_after: R } }, then: { constant: Y } }, { else: { constant: N } } ] }", "AETERM")
            .ShouldBe([expected]);

    [Theory]
    [InlineData("2013-12-31", "2014-01-02", "Y")]
    [InlineData("2014-01-02", "2014-01-02", "N")]
    [InlineData("2014-01", "2014-01-02", "N")]
    public void Condition_Before_ComparesIsoDates(string start, string reference, string expected) =>
        MapAe($"SUBJID,S,R\n1,{start},{reference}\n",
            "      AETERM: { when: [ { if: { S: { before: R } }, then: { constant: Y } }, { else: { constant: N } } ] }", "AETERM")
            .ShouldBe([expected]);

    [Fact]
    public void Condition_OnOrAfter_UnknownName_IsSpecError() =>
        Should.Throw<SpecException>(() => MapAe("SUBJID,S\n1,2014\n",
            "      AETERM: { when: [ { if: { S: { on_or_after: NOPE } }, then: { constant: Y } } ] }", "AETERM"))
            .Message.ShouldContain("NOPE");

    [Fact]
    public void Aggregate_MaxDateWithTime_AcrossForms()
    {
        using var study = new MiniStudy { Missing = "[NA]" };
        study.Raw("ds", "SUBJID,DAT,TIM\n1,07-02-2014,NA\n1,07-02-2014,11:45\n1,01-02-2014,NA\n");
        study.Raw("ae", "SUBJID,T\n1,x\n");
        study.Dataset("ae", """
            dataset: AE
            records:
              - source: ae
                variables:
                  STUDYID: { template: "{study.STUDYID}" }
                  DOMAIN: { constant: AE }
                  USUBJID: { template: "S-{SUBJID}" }
                  AEENDTC: { aggregate: { form: ds, on: SUBJID, value: DAT, time: TIM, format: MM-DD-YYYY, time_format: "HH:MM", pick: max } }
            """);
        study.Run("AE").Texts("AEENDTC").ShouldBe(["2014-07-02T11:45"]);
    }
}
