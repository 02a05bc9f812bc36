using System.Text;

namespace CdiscExport.Odm.Tests;

/// <summary>How <see cref="DefineReader"/> tells Define-XML 1.0, 2.0 and 2.1 apart, on real files and on small hostile ones.</summary>
public sealed class DefineReaderVersionTests
{
    public static TheoryData<string, DefineXmlVersion, string> RealFiles => new()
    {
        { "cdiscpilot01-sdtm/define.xml", DefineXmlVersion.Define21, "2.1.0" },
        { "define-xml-2.1/defineV21-SDTM.xml", DefineXmlVersion.Define21, "2.1.10" },
        { "define-xml-2.1/defineV21-ADaM.xml", DefineXmlVersion.Define21, "2.1.10" },
        { "define-xml-2.0/cst-sdtm-3.1.2/sourcexml/define-sdtm-3.1.2.xml", DefineXmlVersion.Define20, "2.0.0" },
        { "define-xml-2.0/examples/define2-0-0-example-sdtm(2013-11-09).xml", DefineXmlVersion.Define20, "2.0.0" },
        { "define-xml-2.0/examples/phuse2018-define.phuse.test.xml", DefineXmlVersion.Define20, "2.0.0" },
        { "define-xml-2.0/define-1.0-handmade/define.xml", DefineXmlVersion.Define10, "1.0.0" },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void ReadVersion_RealFile_IsTheVersionOfItsNamespace(string fixture, DefineXmlVersion version, string defineVersion)
    {
        var path = Path.Combine(CdiscExport.Testing.RepositoryPaths.Fixtures, fixture);

        DefineReader.ReadVersion(path).ShouldBe(version);
        var define = DefineReader.ReadFile(path);
        define.DefineXmlVersion.ShouldBe(version);
        define.Study.MetaDataVersion.DefineVersion.ShouldBe(defineVersion);
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Read_RealFile_IsNeverEmpty(string fixture, DefineXmlVersion version, string defineVersion)
    {
        _ = (version, defineVersion);
        var mdv = DefineReader.ReadFile(Path.Combine(CdiscExport.Testing.RepositoryPaths.Fixtures, fixture)).Study.MetaDataVersion;

        mdv.ItemGroups.Count.ShouldBeGreaterThan(0);
        mdv.Items.Count.ShouldBeGreaterThan(0);
        mdv.ItemGroups.ShouldAllBe(g => g.ItemRefs.Count > 0 && g.Description.Count > 0 && g.Class != null);
        mdv.ItemGroups.SelectMany(g => g.ItemRefs).ShouldAllBe(r => mdv.Items.Any(i => i.Oid == r.ItemOid));
    }

    [Fact]
    public void Read_Define20_ReadsWhat20WritesDifferently()
    {
        var define = DefineReader.ReadFile(DefineFixtures.Cst20);
        var mdv = define.Study.MetaDataVersion;

        mdv.StandardName.ShouldBe("SDTM-IG");
        mdv.StandardVersion.ShouldBe("3.1.2");
        mdv.Standards.ShouldBeEmpty();
        define.Context.ShouldBeNull();
        define.Stylesheet.ShouldBe("define2-0-0.xsl");
        var dm = mdv.ItemGroups.Single(g => g.Name == "DM");
        dm.Class.ShouldBe(new ItemGroupClass("SPECIAL PURPOSE"));
        dm.Description[0].Text.ShouldBe("Demographics");
        dm.Leaf!.Href.ShouldBe("../transport/cdisc-sdtm-3.1.2/dm.xpt");
        dm.ItemRefs.Where(r => r.KeySequence != null).Select(r => r.ItemOid).ShouldBe(["IT.DM.STUDYID", "IT.DM.USUBJID"]);
        mdv.Items.Single(i => i.Oid == "IT.DM.SEX").Origins.Single().Type.ShouldBe("CRF");
        mdv.WhereClauses.ShouldContain(w => w.Oid == "WC.SUPPDM.QVAL.00077" && w.RangeChecks[0].CheckValues[0] == "RACE1");
        // SAS CST writes the ISO 3166 dictionary without a Version, which ODM 1.3.2 allows.
        mdv.CodeLists.Single(c => c.Oid == "CL.IS3166F").External.ShouldBe(new ExternalCodeList("ISO3166", null));
    }

    [Fact]
    public void Write_DocumentReadFromDefine20_IsRefused()
    {
        var define = DefineReader.ReadFile(DefineFixtures.Cst20);

        Should.Throw<ArgumentException>(() => DefineWriter.WriteToString(define)).ParamName.ShouldBe("document");
    }

    private static DefineFormatException ReadVersionOf(string xml) =>
        Should.Throw<DefineFormatException>(() => DefineReader.ReadVersion(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "version.xml"));

    [Fact]
    public void ReadVersion_OdmWithoutDefineNamespace_IsNotADefine()
    {
        // An ODM clinical-data export: the right root, but nothing of Define-XML.
        var e = ReadVersionOf("<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Snapshot\">\n<Study OID=\"S\"><MetaDataVersion OID=\"M\" Name=\"M\"/></Study></ODM>");

        e.Element.ShouldBe("ODM");
        e.FilePath.ShouldBe("version.xml");
        e.Line.ShouldBe(2);
    }

    [Fact]
    public void ReadVersion_UnknownDefineNamespace_NamesIt()
    {
        var e = ReadVersionOf("<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:def=\"http://www.cdisc.org/ns/def/v3.0\"><Study OID=\"S\"><MetaDataVersion OID=\"M\" Name=\"M\" def:DefineVersion=\"3.0.0\"/></Study></ODM>");

        e.Message.ShouldContain("http://www.cdisc.org/ns/def/v3.0");
    }

    [Fact]
    public void ReadVersion_Define21OnOdm12_IsRefused()
    {
        ReadVersionOf("<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.2\" xmlns:def=\"http://www.cdisc.org/ns/def/v2.1\"><Study OID=\"S\"><MetaDataVersion OID=\"M\" Name=\"M\" def:DefineVersion=\"2.1.0\"/></Study></ODM>")
            .Element.ShouldBe("ODM");
    }

    [Fact]
    public void ReadVersion_WrongRoot_NamesElement()
    {
        ReadVersionOf("<define xmlns:def=\"http://www.cdisc.org/ns/def/v2.1\"/>").Element.ShouldBe("define");
    }

    [Fact]
    public void ReadVersion_TwoDefineNamespaces_TakesTheOneOfDefineVersion()
    {
        // A 2.0 file that also declares the 2.1 prefix (as hand-edited files do) is 2.0: its def:DefineVersion says so.
        var xml = "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:d21=\"http://www.cdisc.org/ns/def/v2.1\" xmlns:def=\"http://www.cdisc.org/ns/def/v2.0\"><Study OID=\"S\"><MetaDataVersion OID=\"M\" Name=\"M\" def:DefineVersion=\"2.0.0\"/></Study></ODM>";

        DefineReader.ReadVersion(new MemoryStream(Encoding.UTF8.GetBytes(xml))).ShouldBe(DefineXmlVersion.Define20);
    }

    [Fact]
    public void ReadVersion_ExternalEntity_IsRefused()
    {
        var e = ReadVersionOf("<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\">&x;</ODM>");

        e.InnerException.ShouldBeOfType<System.Xml.XmlException>();
    }

    [Fact]
    public void Read_Define10WithDoctype_IsRefused()
    {
        // The version a file claims changes nothing about DTDs: a 1.0 file with an external entity is refused like any other.
        var text = File.ReadAllText(DefineFixtures.Handmade10, Encoding.Latin1)
            .Replace("<ODM ", "<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ODM ", StringComparison.Ordinal)
            .Replace("<StudyName>CDISC01</StudyName>", "<StudyName>&x;</StudyName>", StringComparison.Ordinal);

        Should.Throw<DefineFormatException>(() => DefineReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(text)), "xxe-1.0.xml"))
            .InnerException.ShouldBeOfType<System.Xml.XmlException>();
    }
}
