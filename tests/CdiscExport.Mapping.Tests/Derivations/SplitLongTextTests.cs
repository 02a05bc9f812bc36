using CdiscExport.Mapping.Engine;

namespace CdiscExport.Mapping.Tests.Derivations;

/// <summary>Text longer than XPT v5's 200 characters: --TERM values go to SUPP-- in pieces, anything else stops.</summary>
public sealed class SplitLongTextTests
{
    private static readonly string LongTerm = string.Join(' ', Enumerable.Range(1, 90).Select(i => $"word{i}"));

    private static MappingResult Map(string column, string value)
    {
        using var study = new MiniStudy();
        study.Raw("ae", $"SUBJID,TERM,OTHER\n1,short,x\n1,\"{value}\",x\n");
        study.Dataset("ae", $$"""
            dataset: AE
            records:
              - source: ae
                variables:
                  STUDYID: { constant: MINI }
                  DOMAIN: { constant: AE }
                  USUBJID: { template: "S-{SUBJID}" }
                  AETERM: { copy: {{(column == "AETERM" ? "TERM" : "OTHER")}} }
                  AEDECOD: { copy: {{(column == "AEDECOD" ? "TERM" : "OTHER")}} }
            derive:
              - seq: { target: AESEQ, by: [USUBJID], order: [] }
            """);
        return study.Run();
    }

    [Fact]
    public void LongTerm_FirstPieceInVariable_RestInSuppBetweenWords()
    {
        LongTerm.Length.ShouldBeGreaterThan(400);
        var result = Map("AETERM", LongTerm);
        var ae = result.Datasets.Single(d => d.Name == "AE");
        var supp = result.Datasets.Single(d => d.Name == "SUPPAE");
        var first = ae.Texts("AETERM")[1];
        first.Length.ShouldBeLessThanOrEqualTo(200);
        first.ShouldEndWith(LongTerm[..first.Length].Split(' ')[^1]);
        supp.RowCount.ShouldBeGreaterThan(1);
        supp.Texts("QNAM").ShouldBe(Enumerable.Range(1, supp.RowCount).Select(i => $"AETERM{i}").ToArray());
        supp.Texts("IDVAR").ShouldAllBe(v => v == "AESEQ");
        supp.Texts("IDVARVAL").ShouldAllBe(v => v == "2");
        (first + string.Concat(supp.Texts("QVAL"))).ShouldBe(LongTerm);
    }

    [Fact]
    public void LongValueOfAnotherVariable_IsErrorNamingVariableAndLine()
    {
        var e = Should.Throw<MappingException>(() => Map("AEDECOD", LongTerm));
        e.Target.ShouldBe("AE.AEDECOD");
        e.Line.ShouldBe(3);
    }
}
