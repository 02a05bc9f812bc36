using CdiscExport.Core.Standards;
using CdiscExport.Core.Terminology;
using CdiscExport.Core.Tests.Standards;

namespace CdiscExport.Core.Tests.Terminology;

public sealed class ControlledTerminologyTests
{
    private static ControlledTerminology Ct => ShippedStandards.Library.SdtmTerminology;

    private static Codelist Codelist(string name) => Ct.FindBySubmissionValue(name).ShouldNotBeNull();

    [Fact]
    public void Load_Subset_HasVersionAnd61Codelists()
    {
        Ct.Version.ShouldBe("2025-03-28");
        Ct.Codelists.Count().ShouldBe(61);
    }

    [Fact]
    public void Sex_IsNonExtensibleWithFourTerms()
    {
        var sex = Codelist("SEX");
        sex.Code.ShouldBe("C66731");
        sex.Name.ShouldBe("Sex");
        sex.Extensible.ShouldBeFalse();
        sex.Terms.Select(t => t.SubmissionValue).Order(StringComparer.Ordinal).ShouldBe(["F", "INTERSEX", "M", "U"]);
        Ct.FindByCode("C66731").ShouldBeSameAs(sex);
    }

    [Fact]
    public void Sex_TermM_HasCodeSynonymAndPreferredTerm()
    {
        var m = Codelist("SEX").FindBySubmissionValue("M").ShouldNotBeNull();
        m.Code.ShouldBe("C20197");
        m.Synonyms.ShouldContain("Male");
        m.PreferredTerm.ShouldBe("Male");
        m.Definition.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Oncrsr_IsExtensibleWithMrButNotNcr()
    {
        var oncrsr = Codelist("ONCRSR");
        oncrsr.Code.ShouldBe("C96785");
        oncrsr.Extensible.ShouldBeTrue();
        oncrsr.FindBySubmissionValue("MR").ShouldNotBeNull();
        oncrsr.FindBySubmissionValue("nCR").ShouldBeNull();
    }

    [Fact]
    public void Oncrscat_HasEbmtBladeMyeloma1998() =>
        Codelist("ONCRSCAT").FindBySubmissionValue("EBMT BLADE MYELOMA 1998").ShouldNotBeNull();

    [Fact]
    public void Lbtestcd_HasMcprotAndMprotexrButNotMprotein()
    {
        var lbtestcd = Codelist("LBTESTCD");
        lbtestcd.FindBySubmissionValue("MCPROT").ShouldNotBeNull();
        lbtestcd.FindBySubmissionValue("MPROTEXR").ShouldNotBeNull();
        lbtestcd.FindBySubmissionValue("MPROTEIN").ShouldBeNull();
    }

    [Fact]
    public void Ny_KeepsNaAsATerm() => Codelist("NY").FindBySubmissionValue("NA").ShouldNotBeNull();

    [Fact]
    public void Tsparmcd_IsTheCodelistTsTsparmcdCites()
    {
        var cited = ShippedStandards.Library.Sdtmig.FindVariable("TS", "TSPARMCD").ShouldNotBeNull().CodelistCodes.Single();
        var tsparmcd = Ct.FindByCode(cited).ShouldNotBeNull();
        tsparmcd.SubmissionValue.ShouldBe("TSPARMCD");
        tsparmcd.FindBySubmissionValue("AGEMIN").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("ONCRSR")]
    [InlineData("ONCRSCAT")]
    [InlineData("ONCRTSCD")]
    [InlineData("ONCRTS")]
    [InlineData("LBTESTCD")]
    [InlineData("LBTEST")]
    [InlineData("UNIT")]
    [InlineData("SPECTYPE")]
    [InlineData("METHOD")]
    [InlineData("TSPARMCD")]
    [InlineData("TSPARM")]
    [InlineData("NY")]
    [InlineData("ROUTE")]
    [InlineData("FRM")]
    [InlineData("FREQ")]
    [InlineData("AESEV")]
    [InlineData("OUT")]
    [InlineData("ACN")]
    [InlineData("NRIND")]
    [InlineData("EPOCH")]
    [InlineData("DOMAIN")]
    [InlineData("SEX")]
    [InlineData("RACE")]
    [InlineData("ETHNIC")]
    [InlineData("AGEU")]
    [InlineData("ARMNULRS")]
    [InlineData("DSCAT")]
    [InlineData("NCOMPLT")]
    [InlineData("PROTMLST")]
    [InlineData("STYPE")]
    [InlineData("TPHASE")]
    [InlineData("TTYPE")]
    [InlineData("INTMODEL")]
    [InlineData("INTTYPE")]
    [InlineData("TBLIND")]
    [InlineData("TCNTRL")]
    [InlineData("TINDTP")]
    public void Subset_HoldsCodelistTheProductNeeds(string name) =>
        Codelist(name).Terms.ShouldNotBeEmpty();

    [Fact]
    public void FindBySubmissionValue_IsExactAndOrdinal()
    {
        var sex = Codelist("SEX");
        sex.FindBySubmissionValue("m").ShouldBeNull();
        sex.FindBySubmissionValue("Male").ShouldBeNull();
        sex.FindBySubmissionValue(" M").ShouldBeNull();
        Ct.FindBySubmissionValue("sex").ShouldBeNull();
        Ct.FindByCode("C00000").ShouldBeNull();
    }

    [Theory]
    [InlineData("SEX", "Male", "M")]
    [InlineData("SEX", "male", "M")]
    [InlineData("SEX", "m", "M")]
    [InlineData("SEX", "FEMALE", "F")]
    [InlineData("OUT", "Not Recovered/Not Resolved", "NOT RECOVERED/NOT RESOLVED")]
    [InlineData("AESEV", "Mild", "MILD")]
    public void FindBySynonym_RawDecode_FindsTerm(string codelist, string raw, string expected) =>
        Codelist(codelist).FindBySynonym(raw).ShouldNotBeNull().SubmissionValue.ShouldBe(expected);

    [Fact]
    public void FindBySynonym_Unknown_ReturnsNull() => Codelist("SEX").FindBySynonym("Robot").ShouldBeNull();

    [Fact]
    public void Load_FileNameWithoutDate_Throws()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("terminology.txt");
        File.WriteAllText(path, Header + "\n");
        Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path)).FilePath.ShouldBe(path);
    }

    [Fact]
    public void Load_TermWithoutCodelistRow_ThrowsAtTermLine()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("ct-2025-03-28.txt");
        File.WriteAllText(path,
            Header + "\n" +
            "C66731\t\tNo\tSex\tSEX\tSex\tSex of a person.\tCDISC SDTM Sex of Individual Terminology\n" +
            "C20197\tC66731\t\tSex\tM\tMale\tA male.\tMale\n" +
            "C99999\tC12345\t\tOrphan\tX\tX\t\"Quoted\" definition.\tX\n");
        var ex = Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path));
        ex.Line.ShouldBe(4);
    }

    [Fact]
    public void Load_BareQuotesInFields_AreKeptVerbatim()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("ct-2025-03-28.txt");
        File.WriteAllText(path,
            Header + "\n" +
            "C66731\t\tNo\tSex\tSEX\tSex\tSex of a person.\tCDISC SDTM Sex of Individual Terminology\n" +
            "C20197\tC66731\t\tSex\tM\tMale; Boy\tA \"male\" person.\tMale\n");
        var ct = ControlledTerminology.Load(path);
        var m = ct.FindBySubmissionValue("SEX").ShouldNotBeNull().FindBySubmissionValue("M").ShouldNotBeNull();
        m.Definition.ShouldBe("A \"male\" person.");
        m.Synonyms.ShouldBe(["Male", "Boy"]);
    }

    private const string Header =
        "Code\tCodelist Code\tCodelist Extensible (Yes/No)\tCodelist Name\tCDISC Submission Value\tCDISC Synonym(s)\tCDISC Definition\tNCI Preferred Term";
}
