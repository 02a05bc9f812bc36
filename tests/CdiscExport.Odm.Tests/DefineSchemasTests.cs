using System.Text;
using System.Xml.Schema;
using CdiscExport.Testing;

namespace CdiscExport.Odm.Tests;

/// <summary>Each define.xml is checked against the CDISC schemas of its own Define-XML version.</summary>
public sealed class DefineSchemasTests
{
    private static readonly Lazy<DefineSchemas> Schemas = new(() => DefineSchemas.Load(RepositoryPaths.Get("specs", "standards")));

    [Theory]
    [MemberData(nameof(DefineFixtures.Examples20), MemberType = typeof(DefineFixtures))]
    public void Check_CdiscAndPhuseExample20_IsValidAgainst20(string file)
    {
        var result = Schemas.Value.Check(DefineFixtures.Example20(file));

        result.Version.ShouldBe(DefineXmlVersion.Define20);
        result.Schema.ShouldEndWith(Path.Combine("define-xml-2.0", "schema", "cdisc-arm-1.0", "arm1-0-0.xsd"));
        result.Issues.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DefineFixtures.Examples20), MemberType = typeof(DefineFixtures))]
    public void Xmllint_CdiscAndPhuseExample20_AgreesWithTheShipped20Set(string file)
    {
        // An independent validator on the same files and schemas: libxml2 handles the nested redefines without help.
        var xmllint = ExternalTool.RequireOnPath("xmllint", "libxml2-utils");

        var (exit, output, error) = ExternalTool.Run(xmllint, "--nonet", "--noout", "--schema",
            RepositoryPaths.Get("specs", "standards", "define-xml-2.0", "schema", "cdisc-arm-1.0", "arm1-0-0.xsd"), DefineFixtures.Example20(file));

        exit.ShouldBe(0, output + error);
    }

    [Fact]
    public void Check_CstDefine20_IsValid()
    {
        var result = Schemas.Value.Check(DefineFixtures.Cst20);

        result.IsChecked.ShouldBeTrue();
        result.Version.ShouldBe(DefineXmlVersion.Define20);
        result.Issues.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("define-xml-2.1/defineV21-SDTM.xml")]
    [InlineData("define-xml-2.1/defineV21-ADaM.xml")]
    public void Check_CdiscExample21_IsValidAgainst21(string fixture)
    {
        // The ADaM example carries Analysis Results Metadata; the ARM entry validates it.
        var result = Schemas.Value.Check(Path.Combine(RepositoryPaths.Fixtures, fixture));

        result.Version.ShouldBe(DefineXmlVersion.Define21);
        result.Schema.ShouldEndWith(Path.Combine("define-xml-2.1", "schema", "cdisc-arm-1.0", "arm1-0-0.xsd"));
        result.Issues.ShouldBeEmpty();
    }

    [Fact]
    public void Check_PilotDefine21_HasExactlyCdiscsTypo()
    {
        var error = Schemas.Value.Check(DefineFixtures.Pilot21).Issues.ShouldHaveSingleItem();

        (error.Line, error.Severity).ShouldBe((63, XmlSeverityType.Error));
        error.Message.ShouldContain("STDTMIG");
    }

    [Fact]
    public void Check_Define10_IsNotCheckedAndSaysWhy()
    {
        var result = Schemas.Value.Check(DefineFixtures.Handmade10);

        result.Version.ShouldBe(DefineXmlVersion.Define10);
        result.IsChecked.ShouldBeFalse();
        result.Issues.ShouldBeEmpty();
        result.NotCheckedReason.ShouldBe(DefineMessages.NotSchemaChecked(DefineXmlVersion.Define10));
    }

    [Fact]
    public void Check_Define20MissingStructure_Reports20Error()
    {
        // Without def:Structure on DM: one error, in the 2.0 namespace, not a flood of "not a 2.1 element".
        var text = File.ReadAllText(DefineFixtures.Cst20).Replace("def:Structure=\"One record per subject\" ", "", StringComparison.Ordinal);

        var result = Schemas.Value.Check(new MemoryStream(Encoding.UTF8.GetBytes(text)), "cst.xml");

        var error = result.Issues.ShouldHaveSingleItem();
        error.Message.ShouldContain("http://www.cdisc.org/ns/def/v2.0:Structure");
    }

    [Fact]
    public void Check_Define20WithSchemaError_IsNotMistakenFor21()
    {
        // The 2.1 schemas would reject every def v2.0 attribute of this file; the 2.0 ones find only the real problem.
        var text = File.ReadAllText(DefineFixtures.Cst20).Replace("<ItemGroupDef OID=\"IG.DM\"", "<ItemGroupDef Bogus=\"1\" OID=\"IG.DM\"", StringComparison.Ordinal);

        var result = Schemas.Value.Check(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        result.Version.ShouldBe(DefineXmlVersion.Define20);
        result.Issues.ShouldHaveSingleItem().Message.ShouldContain("Bogus");
    }

    [Fact]
    public void Check_StreamThatCannotSeek_IsBuffered()
    {
        using var stream = new ForwardOnlyStream(File.ReadAllBytes(DefineFixtures.Cst20));

        Schemas.Value.Check(stream).Issues.ShouldBeEmpty();
    }

    [Fact]
    public void Check_ExternalEntity_IsRefusedNotResolved()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:def=\"http://www.cdisc.org/ns/def/v2.0\">&x;</ODM>";

        Should.Throw<DefineFormatException>(() => Schemas.Value.Check(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "xxe.xml")).FilePath.ShouldBe("xxe.xml");
    }

    [Fact]
    public void ValidatorCheck_ExternalEntity_IsRefusedNotResolved()
    {
        var validator = DefineSchemaValidator.Load(RepositoryPaths.Get("specs", "standards", "define-xml-2.0", "schema"), DefineSchemaValidator.ArmSchema);
        var xml = "<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\">&x;</ODM>";

        Should.Throw<DefineFormatException>(() => validator.Check(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "xxe.xml"))
            .InnerException.ShouldBeOfType<System.Xml.XmlException>();
    }

    [Theory]
    [InlineData("define-xml-2.0", DefineSchemaValidator.Define20Schema)]
    [InlineData("define-xml-2.1", DefineSchemaValidator.Define21Schema)]
    public void Load_DefineAndArmEntries_AgreeOnFilesWithoutArm(string folder, string defineEntry)
    {
        var schemaFolder = RepositoryPaths.Get("specs", "standards", folder, "schema");
        var define = DefineSchemaValidator.Load(schemaFolder, defineEntry);
        var arm = DefineSchemaValidator.Load(schemaFolder, DefineSchemaValidator.ArmSchema);
        var file = folder == "define-xml-2.0" ? DefineFixtures.CdiscSdtm20 : DefineFixtures.Pilot21;

        using var first = File.OpenRead(file);
        using var second = File.OpenRead(file);
        define.Check(first).ShouldBe(arm.Check(second));
    }

    [Fact]
    public void Load_SetWithoutTheOdmElement_IsRefused()
    {
        // xlink.xsd compiles, but validating against it would pass any define.xml with warnings only.
        Should.Throw<InvalidOperationException>(() =>
            DefineSchemaValidator.Load(RepositoryPaths.Get("specs", "standards", "define-xml-2.0", "schema"), "core/xlink.xsd"));
    }

    /// <summary>A stream that reads forward only, as a network or pipe stream does.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
