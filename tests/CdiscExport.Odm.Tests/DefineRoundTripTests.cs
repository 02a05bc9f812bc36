using CdiscExport.Testing;

namespace CdiscExport.Odm.Tests;

public sealed class DefineRoundTripTests
{
    public static TheoryData<string> CdiscDefines => new()
    {
        "define-xml-2.1/defineV21-SDTM.xml",
        "define-xml-2.1/defineV21-ADaM.xml",
        "cdiscpilot01-sdtm/define.xml",
    };

    [Theory]
    [MemberData(nameof(CdiscDefines))]
    public void ReadWriteRead_CdiscDefine_GivesSameModel(string fixture)
    {
        var first = DefineReader.ReadFile(Path.Combine(RepositoryPaths.Fixtures, fixture));
        using var stream = new MemoryStream();
        DefineWriter.Write(first, stream);
        stream.Position = 0;
        var second = DefineReader.Read(stream);

        second.ShouldBe(first);
        first.Study.MetaDataVersion.ItemGroups.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Read_SdtmExample_KeepsWhatReviewersNeed()
    {
        var define = DefineReader.ReadFile(Path.Combine(RepositoryPaths.Fixtures, "define-xml-2.1/defineV21-SDTM.xml"));
        var mdv = define.Study.MetaDataVersion;

        mdv.Standards.ShouldContain(s => s.Name == "SDTMIG");
        mdv.ItemGroups.ShouldContain(g => g.Name == "DM" && g.Leaf != null && g.Leaf.Href == "dm.xpt");
        mdv.ValueLists.Count.ShouldBe(8);
        mdv.WhereClauses.Count.ShouldBe(32);
        mdv.CodeLists.Count.ShouldBe(40);
        mdv.Items.ShouldContain(i => i.Origins.Any(o => o.Type == "Collected"));
    }

    [Fact]
    public void Write_Twice_GivesSameBytesWithLfOnly()
    {
        var define = DefineReader.ReadFile(Path.Combine(RepositoryPaths.Fixtures, "define-xml-2.1/defineV21-SDTM.xml"));

        var text = DefineWriter.WriteToString(define);

        text.ShouldBe(DefineWriter.WriteToString(define));
        text.ShouldNotContain("\r");
        // The example names its stylesheet; the writer keeps that instruction between the declaration and the root.
        text.ShouldStartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"../../stylesheets/define2-1.xsl\"?>\n<ODM ", Case.Sensitive);
    }
}
