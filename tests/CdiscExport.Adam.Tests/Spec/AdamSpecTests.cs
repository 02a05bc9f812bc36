using CdiscExport.Adam.Response;
using CdiscExport.Mapping.Specs;
using CdiscExport.Testing;

namespace CdiscExport.Adam.Tests.Spec;

public class AdamSpecTests
{
    [Fact]
    public void Load_SampleStudy_ModifiedEbmtWithSpecParameters()
    {
        var spec = StudySpec.Load(RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1")).Adam.ShouldNotBeNull();
        var criteria = ResponseCriteriaSets.Create(spec.Criteria);
        criteria.ShouldBeOfType<ModifiedEbmtCriteria>();
        criteria.Category.ShouldBe("EBMT BLADE MYELOMA 1998");
        criteria.Parameters.ShouldBe(new ResponseCriteriaParameters
        {
            PdReference = PdReference.Nadir, ConfirmationDays = 42, NeTolerance = 0, CrRequiresMarrow = false,
            NcrRequiresMarrow = false, EarlyOffStudyNeDays = 21, CensorAtAddOn = true, PdRequiresConfirmation = true,
        });
        spec.Adsl.Treatments.ShouldBe(["BORTEZOMIB", "LENALIDOMIDE"]);
        spec.Adsl.Cycle.ShouldBe(new CycleSpec("BORTEZOMIB", 21, [1, 4, 8, 11]), new CycleComparer());
        spec.Adsl.PriorDrugFlags.Select(f => f.Key).ShouldBe(["PRTHALFL", "PRBORFL", "PRLENFL"]);
        spec.Adrs.Published[3].ShouldBe("1 nCR, 2 PR, 1 NE");
    }

    [Fact]
    public void Create_BaselineReference_CarriedToTheRuleSet()
    {
        var criteria = ResponseCriteriaSets.Create(new ResponseCriteriaSpec { PdReference = PdReferenceSpec.Baseline, ConfirmationDays = 28 });
        criteria.Parameters.PdReference.ShouldBe(PdReference.Baseline);
        criteria.Parameters.ConfirmationDays.ShouldBe(28);
    }

    [Fact]
    public void Create_UnknownRuleSet_Throws() =>
        Should.Throw<ArgumentException>(() => ResponseCriteriaSets.Create(new ResponseCriteriaSpec { RuleSet = "imwg" }));

    private sealed class CycleComparer : IEqualityComparer<CycleSpec>
    {
        public bool Equals(CycleSpec? x, CycleSpec? y) =>
            x is not null && y is not null && x.Drug == y.Drug && x.Length == y.Length && x.DosingDays.SequenceEqual(y.DosingDays);

        public int GetHashCode(CycleSpec obj) => obj.Drug.GetHashCode(StringComparison.Ordinal);
    }
}
