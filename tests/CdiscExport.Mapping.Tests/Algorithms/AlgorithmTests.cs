using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Engine;

namespace CdiscExport.Mapping.Tests.Algorithms;

/// <summary>Each algorithm on a few raw rows, through the real loader and engine (an AE dataset as the carrier).</summary>
public sealed class AlgorithmTests
{
    private static string[] MapAe(string raw, string variables, string target, string extra = "") =>
        MapAeDataset(raw, variables, extra).Texts(target);

    private static Dataset MapAeDataset(string raw, string variables, string extra = "")
    {
        using var study = new MiniStudy { StudyExtra = extra };
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
        return study.Run("AE");
    }

    private static MappingException MapAeFails(string raw, string variables)
    {
        return Should.Throw<MappingException>(() => MapAe(raw, variables, "AETERM"));
    }

    [Fact]
    public void Copy_TrimsAndUpperCases() =>
        MapAe("SUBJID,T\n1,\"  low sodium \"\n", "      AETERM: { copy: T, case: upper }", "AETERM").ShouldBe(["LOW SODIUM"]);

    [Fact]
    public void Template_MissingPiece_GivesMissingNotFragment() =>
        MapAe("SUBJID,A,B\n1,x,\n1,x,y\n", "      AETERM: { template: \"{A}-{B}\" }", "AETERM").ShouldBe(["", "x-y"]);

    [Theory]
    [InlineData("Recovered/resolved", "RECOVERED/RESOLVED")] // preferred text, matched without case
    [InlineData("RECOVERING/RESOLVING", "RECOVERING/RESOLVING")] // a submission value as is
    [InlineData("", "")] // missing stays missing
    public void Ct_FindsSubmissionValueOrSynonym(string raw, string expected) =>
        MapAe($"SUBJID,O\n1,{raw}\n", "      AEOUT: { ct: OUT, source: O }", "AEOUT").ShouldBe([expected]);

    [Fact]
    public void Ct_NonExtensibleMiss_IsErrorNamingFileLineColumnAndTarget()
    {
        var e = MapAeFails("SUBJID,O\n1,Recovered\n1,Better\n", "      AETERM: { constant: X }\n      AEOUT: { ct: OUT, source: O, map: { Recovered: RECOVERED/RESOLVED } }");
        e.Line.ShouldBe(3);
        e.RawColumn.ShouldBe("O");
        e.Target.ShouldBe("AE.AEOUT");
        e.Usubjid.ShouldBe("S-1");
        e.RawFile.ShouldEndWith("ae.csv");
    }

    [Theory]
    [InlineData("14MAY2006", "", "2006-05-14")]
    [InlineData("UN MAY 2006", "", "2006-05")]
    [InlineData("UN UNK 2006", "", "2006")]
    [InlineData("14MAY2006", "09:30", "2006-05-14T09:30")]
    [InlineData("", "09:30", "")]
    public void Date_KeepsPartialDatesPartial(string date, string time, string expected) =>
        MapAe($"SUBJID,D,T\n1,{date},{time}\n", "      AESTDTC: { date: D, format: [DDMONYYYY, \"DD MON YYYY\"], time: T, time_format: \"HH:MM\" }", "AESTDTC").ShouldBe([expected]);

    [Fact]
    public void Date_ColumnHoldsTheDateTimesTyped_AsTheAlgorithmMadeThem()
    {
        var ae = MapAeDataset("SUBJID,D,T\n1,14MAY2006,09:30\n1,UN MAY 2006,\n1,,\n", """
                  AESTDTC: { date: D, format: [DDMONYYYY, "DD MON YYYY"], time: T, time_format: "HH:MM" }
                  AEENDTC: { first: [ { date: D, format: [DDMONYYYY, "DD MON YYYY"] }, { constant: "" } ] }
            """);

        var typed = ae["AESTDTC"].ShouldBeOfType<CharacterColumn>().DateTimes.ShouldNotBeNull();
        typed.Select(t => t?.ToString()).ShouldBe(["2006-05-14T09:30", "2006-05", null]);
        typed[1]!.Value.Precision.ShouldBe(DtcPrecision.Month);
        ae.Texts("AESTDTC").ShouldBe(["2006-05-14T09:30", "2006-05", ""]);

        // A target some algorithm other than date: fills (here first:) holds text only; its dates are read from it.
        ae["AEENDTC"].ShouldBeOfType<CharacterColumn>().DateTimes.ShouldBeNull();
    }

    [Fact]
    public void Date_NoCalendarHasIt_IsError()
    {
        var e = MapAeFails("SUBJID,D\n1,30FEB2006\n", "      AESTDTC: { date: D, format: DDMONYYYY }");
        e.Target.ShouldBe("AE.AESTDTC");
        e.Line.ShouldBe(2);
        e.Message.ShouldContain("30FEB2006");
    }

    [Fact]
    public void When_FirstMatchingBranchWins_ElseOtherwise() =>
        MapAe("SUBJID,S\n1,1\n1,0\n1,\n", "      AESER: { when: [ { if: { S: \"1\" }, then: { constant: Y } }, { if: { S: { blank: true } }, then: { constant: \"\" } }, { else: { constant: N } } ] }", "AESER")
            .ShouldBe(["Y", "N", ""]);

    [Fact]
    public void First_TakesTheFirstNonMissing() =>
        MapAe("SUBJID,A,B\n1,,b\n1,a,b\n", "      AETERM: { first: [ { copy: A }, { copy: B } ] }", "AETERM").ShouldBe(["b", "a"]);

    [Fact]
    public void Lookup_FindsRowAndMissIsError()
    {
        const string table = "tables:\n  t:\n    key: K\n    rows:\n      - { K: a, V: Alpha }";
        MapAe("SUBJID,K\n1,a\n", "      AETERM: { lookup: t, key: K, field: V }", "AETERM", table).ShouldBe(["Alpha"]);
        var e = Should.Throw<MappingException>(() => MapAe("SUBJID,K\n1,b\n", "      AETERM: { lookup: t, key: K, field: V }", "AETERM", table));
        e.Message.ShouldContain("\"b\" is not in table \"t\"");
    }

    [Fact]
    public void Number_NumericVariable_HoldsTheNumbersRead_AndATargetReadingItSeesTheirText()
    {
        var ae = MapAeDataset("SUBJID,N\n1,0.10\n1,<0.1\n1,1e2\n", """
                  AEENDY: { number: N, lenient: true }
                  AETERM: { copy: AEENDY }
            """);

        ae["AEENDY"].ShouldBeOfType<NumericColumn>();
        Enumerable.Range(0, 3).Select(r => ((NumericColumn)ae["AEENDY"])[r]).ShouldBe([0.1, null, 100]);
        ae.Texts("AETERM").ShouldBe(["0.1", "", "100"]);
    }

    [Fact]
    public void Number_NotANumber_IsErrorUnlessLenient()
    {
        Should.Throw<MappingException>(() => MapAe("SUBJID,N\n1,\"1,2\"\n", "      AETERM: { number: N }", "AETERM"))
            .Message.ShouldContain("'.' as the decimal mark");
        MapAe("SUBJID,N\n1,<0.1\n1,0.10\n", "      AETERM: { number: N, lenient: true }", "AETERM").ShouldBe(["", "0.1"]);
    }

    [Fact]
    public void Copy_OfTextIntoANumericVariable_IsErrorNamingFileLineAndVariable()
    {
        // Typed when the dataset is finished (after sorting): the error still names the raw line the record came from.
        var e = Should.Throw<MappingException>(() => MapAe("SUBJID,N\n2,1\n1,x\n", "      AESEQ: { copy: N }", "AESEQ"));
        e.RawFile.ShouldEndWith("ae.csv");
        e.Line.ShouldBe(3);
        e.Target.ShouldBe("AE.AESEQ");
        e.Reason.ShouldBe("\"x\" is not a number, but AESEQ is numeric");
    }

    [Fact]
    public void Aggregate_PicksEarliestDateOfJoinedRows()
    {
        using var study = new MiniStudy();
        study.Raw("ex", "SUBJID,D,DRUG\n1,20MAY2006,A\n1,14MAY2006,B\n1,10MAY2006,C\n");
        study.Raw("ae", "SUBJID\n1\n");
        study.Dataset("ae", """
            dataset: AE
            records:
              - source: ae
                variables:
                  STUDYID: { constant: MINI }
                  USUBJID: { template: "S-{SUBJID}" }
                  AESTDTC: { aggregate: { form: ex, on: SUBJID, value: D, format: DDMONYYYY, pick: min, where: { DRUG: [A, B] } } }
                  AEENDTC: { aggregate: { form: ex, on: SUBJID, value: D, format: DDMONYYYY, pick: max } }
            """);
        var ae = study.Run("AE");
        ae.Texts("AESTDTC").ShouldBe(["2006-05-14"]);
        ae.Texts("AEENDTC").ShouldBe(["2006-05-20"]);
    }

    [Theory]
    [InlineData("120", "g/L", "g/dL", "12")]
    [InlineData("250", "/mm3", "10^9/L", "0.25")]
    [InlineData("7.5", "g/dL", "g/dL", "7.5")]
    [InlineData("Positive", "", "", "Positive")]
    public void Convert_AppliesFactorOrPassesText(string value, string from, string to, string expected) =>
        MapAe($"SUBJID,V,F,T\n1,{value},{from},{to}\n", "      AETERM: { convert: { value: V, from: F, to: T, factors: { \"g/L > g/dL\": 0.1, \"/mm3 > 10^9/L\": 0.001 } } }", "AETERM")
            .ShouldBe([expected]);

    [Theory]
    [InlineData("125", "135", "145", "LOW")]
    [InlineData("135", "135", "145", "NORMAL")]
    [InlineData("146", "135", "145", "HIGH")]
    [InlineData("146", "", "", "")]
    public void RangeIndicator_ComparesWithLimits(string value, string low, string high, string expected) =>
        MapAe($"SUBJID,V,L,H\n1,{value},{low},{high}\n", "      AETERM: { range_indicator: { value: V, low: L, high: H } }", "AETERM").ShouldBe([expected]);
}
