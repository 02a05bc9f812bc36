using CdiscExport.Conformance.Engine;
using CdiscExport.Testing;

namespace CdiscExport.Conformance.Tests.Issues;

/// <summary>Numbers compared as numbers where the variable is numeric: a SAS double and its decimal text are equal.</summary>
public sealed partial class Issue15Tests
{
    private static readonly string Pilot = Path.Combine(RepositoryPaths.Fixtures, "cdiscpilot01-sdtm");

    [Fact]
    public void DefineCodelist_OnNumericVariable_MatchesSasWrittenDoubles_AndReportsAValueOutsideIt()
    {
        // SAS wrote LBSTRESN 8.549999999999999 where LBSTRESC says "8.55" (CDISC pilot, lb.xpt). A define.xml codelist
        // on LBSTRESN holding the LBSTRESC texts but "4.2" describes every other value.
        var dir = Path.Combine(temp, "pilot-numbers");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(Pilot, "lb.xpt"), Path.Combine(dir, "lb.xpt"));
        File.Copy(Path.Combine(Pilot, "dm.xpt"), Path.Combine(dir, "dm.xpt"));
        var lb = Package.Load([dir]).Find("LB")!;
        var texts = Enumerable.Range(0, lb.RowCount).Where(r => lb.Num(r, "LBSTRESN") is not null).Select(r => lb.Text(r, "LBSTRESC")).Distinct().ToList();
        texts.ShouldContain("8.55");
        Enumerable.Range(0, lb.RowCount).ShouldContain(r => lb.Text(r, "LBSTRESN") == "8.549999999999999");
        var items = string.Concat(texts.Where(t => t != "4.2").Select((t, i) => $"<EnumeratedItem CodedValue=\"{t}\" OrderNumber=\"{i + 1}\"/>"));
        var define = File.ReadAllText(Path.Combine(Pilot, "define.xml"))
            .Replace("Name=\"STDTMIG\"", "Name=\"SDTMIG\"", StringComparison.Ordinal)
            .Replace("<TranslatedText xml:lang=\"en\">Numeric Result/Finding in Standard Units</TranslatedText>\n        </Description>",
                "<TranslatedText xml:lang=\"en\">Numeric Result/Finding in Standard Units</TranslatedText>\n        </Description>\n        <CodeListRef CodeListOID=\"CL.TEST.LBSTRESN\"/>", StringComparison.Ordinal)
            .Replace("<CodeList OID=\"CL.ACN\"", $"<CodeList OID=\"CL.TEST.LBSTRESN\" Name=\"Test\" DataType=\"float\">{items}</CodeList>\n      <CodeList OID=\"CL.ACN\"", StringComparison.Ordinal);
        define.ShouldContain("CL.TEST.LBSTRESN\"/>");
        File.WriteAllText(Path.Combine(dir, "define.xml"), define);

        var findings = Findings(ConformanceEngine.Run([dir], new ValidationOptions { RuleIds = ["SD0037"] }), "SD0037").Where(f => f.Variable == "LBSTRESN").ToList();
        findings.ShouldNotContain(f => f.Value == "8.549999999999999", Show(findings.Take(3)));
        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(f => lb.Text((int)f.Row!.Value - 1, "LBSTRESC") == "4.2", Show(findings.Take(3)));
    }

    [Fact]
    public void WhereClause_OnNumericVariable_SelectsTheStoredDouble()
    {
        // VISITNUM 1.3 in the where clause, 1.3000000000000003 in the data: the value-level item applies to both
        // records of that visit; LBORRES '95.5' there is not an integer. The record of visit 2 is not judged.
        var p = MiniPackage.Create();
        p["LB"].AddColumn("VISITNUM", 1.3000000000000003).Set(2, "VISITNUM", 2.0).Set(1, "LBORRES", "95.5").Set(2, "LBORRES", "abc");
        var define = new MiniDefine().Add([.. p.Sdtm.Values]).ValueLevel("LB", "LBORRES", "integer", 8, "VISITNUM", "EQ", "1.3");
        var findings = Findings(Validate(p, "vlm-number", define), "SD1231");

        findings.ShouldHaveSingleItem(Show(findings)).Value.ShouldBe("95.5");
    }

    [Fact]
    public void SuppParent_IdvarvalWrittenAsDecimal_FindsTheNumericSeq()
    {
        var p = MiniPackage.Create();
        p["SUPPAE"].Set(0, "IDVARVAL", "1.0").Set(1, "IDVARVAL", "3");
        var findings = Findings(Validate(p, "idvarval"), "SD0077");

        findings.ShouldHaveSingleItem(Show(findings)).Usubjid.ShouldBe("S1-002");
    }

    [Fact]
    public void StandardResult_NumericTextAndItsDouble_AreEqual_ButAnotherNumberIsNot()
    {
        var p = MiniPackage.Create();
        p["LB"].Set(0, "LBSTRESC", "8.55").Set(0, "LBSTRESN", 8.549999999999999).Set(1, "LBSTRESC", "91").Set(1, "LBSTRESN", 91.0);
        Findings(Validate(p, "stresn"), "SD0036").ShouldBeEmpty();

        p["LB"].Set(1, "LBSTRESN", 91.5);
        Findings(Validate(p, "stresn-bad"), "SD0036").ShouldHaveSingleItem().Row.ShouldBe(2);
    }
}
