using CdiscExport.Adam.Response;
using CdiscExport.Adam.Spec;
using CdiscExport.Testing;

namespace CdiscExport.Adam.Tests.Spec;

public class AdamSpecTests
{
    [Fact]
    public void Load_SampleStudy_ModifiedEbmtWithSpecParameters()
    {
        var spec = AdamSpec.Load(RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1"));
        var criteria = spec.Criteria.CreateCriteria();
        criteria.ShouldBeOfType<ModifiedEbmtCriteria>();
        criteria.Category.ShouldBe("EBMT BLADE MYELOMA 1998");
        criteria.Parameters.ShouldBe(new ResponseCriteriaParameters
        {
            PdReference = PdReference.Nadir, ConfirmationDays = 42, NeTolerance = 0, CrRequiresMarrow = false,
            NcrRequiresMarrow = false, EarlyOffStudyNeDays = 21, CensorAtAddOn = true, PdRequiresConfirmation = true,
        });
        spec.Adsl.Treatments.ShouldBe(["BORTEZOMIB", "LENALIDOMIDE"]);
        spec.Adrs.Published[3].ShouldBe("1 nCR, 2 PR, 1 NE");
    }

    [Fact]
    public void Load_UnknownKey_ErrorNamesFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("adamspec");
        try
        {
            var adam = Directory.CreateDirectory(Path.Combine(folder.FullName, "adam"));
            File.WriteAllText(Path.Combine(adam.FullName, "adsl.yaml"), "label: x\n");
            File.WriteAllText(Path.Combine(adam.FullName, "adrs.yaml"), "label: x\n");
            File.WriteAllText(Path.Combine(adam.FullName, "response-criteria.yaml"), "ruleSet: modified-ebmt\nconfirmDays: 28\n");
            var e = Should.Throw<AdamSpecException>(() => AdamSpec.Load(folder.FullName));
            e.Message.ShouldContain("response-criteria.yaml:2:");
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Theory]
    [InlineData("imwg", null)]
    [InlineData("modified-ebmt", "lowest")]
    public void CreateCriteria_UnknownRuleSetOrReference_Throws(string ruleSet, string? pdReference) =>
        Should.Throw<AdamSpecException>(() => new ResponseCriteriaSpec { RuleSet = ruleSet, PdReference = pdReference ?? "nadir" }.CreateCriteria());
}
