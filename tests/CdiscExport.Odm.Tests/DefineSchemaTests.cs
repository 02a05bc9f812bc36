using CdiscExport.Testing;

namespace CdiscExport.Odm.Tests;

public sealed class DefineSchemaTests
{
    internal static readonly Lazy<DefineSchemaValidator> Validator =
        new(() => DefineSchemaValidator.Load(RepositoryPaths.Get("specs", "standards", "define-xml-2.1", "schema")));

    [Theory]
    [InlineData("define-xml-2.1/defineV21-SDTM.xml")]
    public void Validate_CdiscExample_IsValid(string fixture)
    {
        Validator.Value.Validate(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, fixture))).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_SdtmExampleRewritten_IsValid()
    {
        var define = DefineReader.ReadFile(Path.Combine(RepositoryPaths.Fixtures, "define-xml-2.1/defineV21-SDTM.xml"));

        Validator.Value.Validate(define).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_PilotDefine_ReportsCdiscTypoOnly()
    {
        // CDISC's own pilot define.xml carries one schema error: def:Standard Name="STDTMIG".
        var errors = Validator.Value.Validate(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "cdiscpilot01-sdtm/define.xml")));

        errors.Count.ShouldBe(1);
        errors[0].ShouldContain("STDTMIG");
    }
}
