using System.Text;

namespace CdiscExport.Odm.Tests;

public sealed class DefineReaderHostileInputTests
{
    private static DefineFormatException ReadText(string xml) =>
        Should.Throw<DefineFormatException>(() => DefineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "hostile.xml"));

    [Fact]
    public void Read_ExternalEntity_IsRefused()
    {
        var e = ReadText("<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ODM>&x;</ODM>");

        e.FilePath.ShouldBe("hostile.xml");
        e.InnerException.ShouldBeOfType<System.Xml.XmlException>();
    }

    [Fact]
    public void Read_InternalDtd_IsRefused()
    {
        ReadText("<!DOCTYPE ODM [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><ODM>&b;</ODM>").InnerException.ShouldBeOfType<System.Xml.XmlException>();
    }

    [Fact]
    public void Read_WrongRoot_NamesElement()
    {
        ReadText("<root/>").Element.ShouldBe("root");
    }

    [Fact]
    public void Read_MissingRequiredElement_NamesElementAndLine()
    {
        var e = ReadText("<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:def=\"http://www.cdisc.org/ns/def/v2.1\" FileType=\"Snapshot\" CreationDateTime=\"2026-01-01T00:00:00\">\n<Study/></ODM>");

        e.Element.ShouldBe("Study");
        e.Line.ShouldBe(2);
    }

    [Fact]
    public void Read_MissingRequiredAttribute_NamesElement()
    {
        var xml = File.ReadAllText(Path.Combine(CdiscExport.Testing.RepositoryPaths.Fixtures, "define-xml-2.1/defineV21-SDTM.xml"))
            .Replace("<ItemGroupDef OID=\"IG.DM\"", "<ItemGroupDef", StringComparison.Ordinal);

        ReadText(xml).Element.ShouldBe("ItemGroupDef");
    }

    [Fact]
    public void Read_NotXml_IsTypedError()
    {
        ReadText("not xml at all").Line.ShouldBe(1);
    }
}
