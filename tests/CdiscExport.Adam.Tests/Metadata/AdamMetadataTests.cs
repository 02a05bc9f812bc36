using CdiscExport.Adam.Metadata;
using CdiscExport.Mapping.Specs;
using CdiscExport.Core.Standards;
using static CdiscExport.Adam.Tests.TestData;

namespace CdiscExport.Adam.Tests.Metadata;

public class AdamMetadataTests
{
    private static readonly Lazy<ImplementationGuide> Adamig = new(() => StandardsLibrary.Load(StandardsLibrary.FindDefaultFolder()).Adamig);

    [Theory]
    [InlineData("Pooled Age Group y", "AGEGR1", "Pooled Age Group 1")]
    [InlineData("Analysis Flag zz", "ANL01FL", "Analysis Flag 01")]
    [InlineData("Planned Treatment for Period xx", "TRT01P", "Planned Treatment for Period 01")]
    [InlineData("Age", "AGE", "Age")]
    public void ResolvePlaceholderLabel_FillsDigitsFromName(string label, string name, string expected) =>
        AdamMetadata.ResolvePlaceholderLabel(label, name).ShouldBe(expected);

    [Fact]
    public void Apply_SpecOrderIgLabelsOriginsAndMethods()
    {
        var d = Make("ADSL", ("USUBJID", new string?[] { "S1" }), ("AGEGR1", new string?[] { "<65" }), ("TMP", new string?[] { "x" }),
            ("PRTHNUM", new double?[] { 3 }));
        var spec = new List<VariableSpec>
        {
            new("AGEGR1", Method: "AGE < 65"),
            new("USUBJID", Source: "DM.USUBJID"),
            new("PRTHNUM", Label: "Number of Prior Therapies", Origin: "Derived"),
        };
        var result = AdamMetadata.Apply(d, "ADSL", spec, Adamig.Value);
        result.Columns.Select(c => c.Name).ShouldBe(["AGEGR1", "USUBJID", "PRTHNUM"]);
        var agegr1 = result["AGEGR1"].Metadata;
        (agegr1.Label, agegr1.Origin, agegr1.Method).ShouldBe(("Pooled Age Group 1", "Derived", "AGE < 65"));
        var usubjid = result["USUBJID"].Metadata;
        (usubjid.Label, usubjid.Origin, usubjid.Source).ShouldBe(("Unique Subject Identifier", "Predecessor", "DM.USUBJID"));
        result["PRTHNUM"].Metadata.Label.ShouldBe("Number of Prior Therapies");
    }

    [Fact]
    public void Apply_SpecVariableNotDerived_IsSpecErrorAtItsLine()
    {
        var d = Make("ADSL", ("USUBJID", new string?[] { "S1" }));
        var e = Should.Throw<SpecException>(() => AdamMetadata.Apply(d, "ADSL", [new VariableSpec("NOPE", Location: new SpecLocation("adam/adsl.yaml", 31, 5))], null));
        (e.FilePath, e.Line, e.Column, e.Key).ShouldBe(("adam/adsl.yaml", 31, 5, "name"));
        e.Message.ShouldContain("the spec lists NOPE, which no derivation produces");
    }
}
