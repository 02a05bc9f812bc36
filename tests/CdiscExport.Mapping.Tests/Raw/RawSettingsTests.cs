using System.Text;
using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Raw;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Tests.Raw;

/// <summary>
/// Raw layouts as EDC systems export them (issue 17): any delimiter (or detected), decimal commas, encodings by any
/// common name, quote character, header line and lines skipped, texts meaning missing; a general value map; wide
/// forms turned long; and only the forms a dataset uses are read.
/// </summary>
public sealed class RawSettingsTests
{
    private const string AeHead = """
        dataset: AE
        records:
          - source: ae
        """;

    private const string AeIds = """
                STUDYID: { template: "{study.STUDYID}" }
                DOMAIN: { constant: AE }
                USUBJID: { template: "S-{SUBJID}" }

        """;

    private static string[] Column(MappingResult result, string variable) => result.Datasets.Single(d => d.Name == "AE").Texts(variable);

    [Fact]
    public void Semicolons_DecimalCommas_NumberConvertAndRangeReadTheFormsMark()
    {
        using var study = new MiniStudy();
        study.RawKeys.Add("forms: { ae: { delimiter: \";\", decimal: \",\" } }");
        study.Raw("ae", "SUBJID;V;U;LO;HI\n1;12,5;g/L;10;20,5\n1;1,5E-3;g/L;0,001;0,002\n1;negativ;g/L;;\n");
        var result = study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + """
                    AETERM: { number: V, lenient: true }
                    _G: { constant: g/dL }
                    AEDECOD: { convert: { value: V, from: U, to: _G, factors: { "g/L > g/dL": 0.1 } } }
                    AESEV: { range_indicator: { value: V, low: LO, high: HI } }
            """).Run();
        Column(result, "AETERM").ShouldBe(["12.5", "0.0015", ""]);
        Column(result, "AEDECOD").ShouldBe(["1.25", "0.00015", "negativ"]);
        Column(result, "AESEV").ShouldBe(["NORMAL", "NORMAL", ""]);
    }

    [Fact]
    public void DecimalComma_APeriodIsRefused_NotReadAsAThousandsSeparator()
    {
        using var study = new MiniStudy();
        study.RawKeys.Add("forms: { ae: { delimiter: \";\", decimal: \",\" } }");
        study.Raw("ae", "SUBJID;V\n1;1.234\n");
        var e = Should.Throw<MappingException>(() => study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + "        AETERM: { number: V }\n").Run());
        e.Line.ShouldBe(2);
        e.RawColumn.ShouldBe("V");
        e.Message.ShouldContain("',' as the decimal mark");
    }

    [Fact]
    public void WrongDelimiter_TheErrorSaysWhichOneTheHeaderHolds()
    {
        using var study = new MiniStudy();
        study.Raw("ae", "SUBJID;T\n1;Kopfschmerz, stark\n");
        var e = Should.Throw<MappingException>(() => study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + "        AETERM: { copy: T }\n").Run());
        e.Line.ShouldBe(2);
        e.Message.ShouldContain("is the form ';'-delimited (raw delimiter: \";\", or detect)?");
    }

    [Theory]
    [InlineData("SUBJID\tT\n1\tA, B\n", "tab", "0 ',', 0 ';', 1 tab, 0 '|'")]
    [InlineData("SUBJID|T\n1|A, B\n", "'|'", "0 ',', 0 ';', 0 tab, 1 '|'")]
    [InlineData("SUBJID;T\n1;A, B\n", "';'", "0 ',', 1 ';', 0 tab, 0 '|'")]
    public void DetectedDelimiter_IsUsedAndReported(string csv, string named, string tally)
    {
        using var study = new MiniStudy();
        study.RawKeys.Add("forms: { ae: { delimiter: detect } }");
        study.Raw("ae", csv);
        var result = study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + "        AETERM: { copy: T }\n").Run();
        Column(result, "AETERM").ShouldBe(["A, B"]);
        result.RawNotes.ShouldNotBeNull().ShouldHaveSingleItem().ShouldEndWith($"ae.csv: delimiter {named} detected from the header ({tally})");
    }

    [Fact]
    public void Latin1_HeaderRowSkipAndQuote_LinesNumberedAsInTheFile()
    {
        using var study = new MiniStudy();
        study.RawKeys.Add("forms: { ae: { encoding: latin-1, header_row: 3, skip: 1, quote: \"'\" } }");
        study.RawBytes("ae.csv", Encoding.Latin1.GetBytes("Export 2024\n\nSUBJID,T,D\nsubject,term,date\n1,'Übelkeit, stark',01.02.2024\n1,Müdigkeit,31.02.2024\n"));
        var e = Should.Throw<MappingException>(() => study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + "        AETERM: { copy: T }\n        AESTDTC: { date: D, format: DD.MM.YYYY }\n").Run());
        // Line 6 of the file: the banner, the blank line, the header and the label line come first.
        e.Line.ShouldBe(6);
        e.RawColumn.ShouldBe("D");

        study.RawBytes("ae.csv", Encoding.Latin1.GetBytes("Export 2024\n\nSUBJID,T,D\nsubject,term,date\n1,'Übelkeit, stark',01.02.2024\n"));
        var result = study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + "        AETERM: { copy: T }\n        AESTDTC: { date: D, format: DD.MM.YYYY }\n").Run();
        Column(result, "AETERM").ShouldBe(["Übelkeit, stark"]);
        Column(result, "AESTDTC").ShouldBe(["2024-02-01"]);
    }

    [Theory]
    [InlineData("latin-1", 28591)]
    [InlineData("LATIN_1", 28591)]
    [InlineData("iso-8859-1", 28591)]
    [InlineData("cp1252", 1252)]
    [InlineData("windows-1252", 1252)]
    [InlineData("utf-8-sig", 65001)]
    [InlineData("utf8", 65001)]
    [InlineData("cp850", 850)]
    [InlineData("latin-9", 28605)]
    public void Encoding_ByAnyCommonName(string name, int codePage) =>
        RawEncodings.Find(name).ShouldNotBeNull().CodePage.ShouldBe(codePage);

    [Fact]
    public void Encoding_Unknown_SpecErrorListsExamples()
    {
        using var study = new MiniStudy { Encoding = "klingon-8" };
        var e = Should.Throw<SpecException>(() => study.Run());
        e.Message.ShouldContain("encoding \"klingon-8\" is not known");
        e.Message.ShouldContain("latin-1");
    }

    [Theory]
    [InlineData("delimiter: \"#\"", "delimiter \"#\" is not known")]
    [InlineData("decimal: \";\"", "decimal mark \";\" is not known")]
    [InlineData("header_row: 0", "\"0\" is not a whole number of at least 1")]
    [InlineData("skip: -1", "\"-1\" is not a whole number of at least 0")]
    [InlineData("quote: ab", "quote \"ab\" is not one ASCII punctuation character")]
    [InlineData("forms: { ae: { sheet_name: x } }", "unknown key \"sheet_name\"")]
    public void BadRawSetting_SpecErrorWithLine(string key, string message)
    {
        using var study = new MiniStudy();
        study.RawKeys.Add(key);
        var e = Should.Throw<SpecException>(() => study.Run());
        e.Message.ShouldContain(message);
        e.Message.ShouldContain("study.yaml line ");
    }

    [Fact]
    public void ValueMap_AnyAlgorithm_DefaultForTheRest_ErrorWithoutDefault()
    {
        using var study = new MiniStudy();
        study.Raw("ae", "SUBJID,SEV,D\n1,1,14MAY2006\n1,3,\n1,,\n");
        var result = study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + """
                    AESEV: { copy: SEV, map: { "1": MILD, "2": MODERATE }, default: SEVERE }
                    AESTDTC: { date: D, format: DDMONYYYY, map: { "2006-05-14": "2006-05" } }
            """).Run();
        Column(result, "AESEV").ShouldBe(["MILD", "SEVERE", ""]);
        Column(result, "AESTDTC").ShouldBe(["2006-05", "", ""]);

        var e = Should.Throw<MappingException>(() => study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + """
                    AESEV: { copy: SEV, map: { "1": MILD, "2": MODERATE } }
            """).Run());
        e.Line.ShouldBe(3);
        e.Message.ShouldContain("\"3\" is not in the map (\"1\", \"2\"); add it, or give default:");
    }

    [Fact]
    public void ValueMap_DefaultWithoutMap_AndAKeyTwice_AreSpecErrors()
    {
        using var study = new MiniStudy();
        study.Raw("ae", "SUBJID,SEV\n1,1\n");
        Should.Throw<SpecException>(() => study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + "        AESEV: { copy: SEV, default: MILD }\n").Run())
            .Message.ShouldContain("give copy a map:");
        Should.Throw<SpecException>(() => study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + "        AESEV: { copy: SEV, map: { \"1\": A, \"1\": B } }\n").Run())
            .Message.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Unpivot_ColumnsByList_KeepEmpty_ReconciledOnce()
    {
        using var study = new MiniStudy();
        study.Raw("ae", "SUBJID,VISIT,HR [beats/min],TEMP [C],NOTE\n1,V1,72,,x\n1,V2,80,37.1,y\n");
        var result = study.Dataset("ae", AeHead + """

                unpivot: { columns: ["HR [beats/min]", "TEMP [C]"], name: TEST, value: VAL, unit: UNIT, unit_from_header: '\s*\[(.*)\]', keep_empty: true }
                variables:
            """ + "\n" + AeIds + """
                    AETERM: { template: "{TEST} {UNIT} {VISIT} {NOTE}" }
                    AEDECOD: { copy: VAL }
            """).Run();
        Column(result, "AETERM").ShouldBe(["HR beats/min V1 x", "TEMP C V1 x", "HR beats/min V2 y", "TEMP C V2 y"]);
        Column(result, "AEDECOD").ShouldBe(["72", "", "80", "37.1"]);
        var line = result.Reconciliation.Single(l => l.Form == "ae");
        (line.RowsRead, line.RowsMapped).ShouldBe((2, 4));
        line.Reason.ShouldBe("unpivoted: 2 rows x 2 test columns = 4 cells, 0 empty cells made no record");
    }

    [Theory]
    [InlineData("unpivot: { pattern: 'XYZ', name: T, value: V }", "pattern XYZ matches no column of form \"ae\"")]
    [InlineData("unpivot: { columns: [NOPE], name: T, value: V }", "has no column \"NOPE\"")]
    [InlineData("unpivot: { columns: [HR], pattern: HR, name: T, value: V }", "either by list (columns:) or by a regular expression")]
    [InlineData("unpivot: { columns: [HR], name: T, value: V, unit: U }", "unit: (the column to hold the unit) and unit_from_header:")]
    [InlineData("unpivot: { columns: [HR], name: T, value: V, unit: U, unit_from_header: 'x' }", "needs a group")]
    [InlineData("unpivot: { columns: [HR], name: VISIT, value: V }", "\"VISIT\" is a column of form \"ae\" already")]
    public void Unpivot_BadStep_SpecErrorWithLine(string step, string message)
    {
        using var study = new MiniStudy();
        study.Raw("ae", "SUBJID,VISIT,HR\n1,V1,72\n");
        var e = Should.Throw<SpecException>(() => study.Dataset("ae", AeHead + "\n    " + step + "\n    variables:\n" + AeIds).Run());
        e.Message.ShouldContain(message);
        e.Message.ShouldContain("ae.yaml line ");
    }

    [Fact]
    public void UnusedForm_IsNotRead_EvenWhenUnreadable_AndIsListed()
    {
        using var study = new MiniStudy();
        study.Raw("ae", "SUBJID,T\n1,X\n");
        study.RawBytes("broken.csv", [0x41, 0x2C, 0x42, 0x0A, 0xFF, 0xFE, 0x22, 0x0A]);
        var result = study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + "        AETERM: { copy: T }\n").Run();
        result.Reconciliation.ShouldContain(l => l.Form == "broken" && l.RowsRead == 0 && l.Reason == "not used, unread");
    }

    /// <summary>The date examples of docs/spec-language.md, each as written there.</summary>
    [Theory]
    [InlineData("DDMONYYYY", "14MAY2006", "2006-05-14")]
    [InlineData("DDMONYYYY", "UNMAY2006", "2006-05")]
    [InlineData("DD.MM.YYYY", "14.05.2006", "2006-05-14")]
    [InlineData("DD.MM.YYYY", "UK.05.2006", "2006-05")]
    [InlineData("DD.MM.YYYY", "UK.UK.2006", "2006")]
    [InlineData("MM/DD/YYYY", "05/14/2006", "2006-05-14")]
    [InlineData("YYYYMMDD", "20060514", "2006-05-14")]
    [InlineData("YYYYMMDD", "200605", "2006-05")]
    [InlineData("DD.MM.YYYY HH:MM", "14.05.2006 08:30", "2006-05-14T08:30")]
    [InlineData("ISO", "2006-05-14T08:30:15", "2006-05-14T08:30:15")]
    public void DateFormats_AsDocumented(string format, string raw, string iso)
    {
        using var study = new MiniStudy();
        study.Raw("ae", $"SUBJID,D\n1,{raw}\n");
        var result = study.Dataset("ae", AeHead + "\n    variables:\n" + AeIds + $"        AESTDTC: {{ date: D, format: \"{format}\" }}\n").Run();
        Column(result, "AESTDTC").ShouldBe([iso]);
    }
}
