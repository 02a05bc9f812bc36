using CdiscExport.Adam.Adsl;
using CdiscExport.Mapping.Specs;
using CdiscExport.Core.Dates;
using NodaTime;
using static CdiscExport.Adam.Tests.TestData;

namespace CdiscExport.Adam.Tests.Adsl;

public class AdslDerivationsTests
{
    private static readonly Core.Datasets.Dataset Adsl3 = Make("ADSL",
        ("USUBJID", new string?[] { "S1", "S2", "S3" }),
        ("AGE", new double?[] { 64, 65, null }));

    [Fact]
    public void DeriveVarAgegr1_BoundsInclusive_MissingAgeBlank()
    {
        var groups = new List<AgeGroupSpec> { new("<65", null, 64), new(">=65", 65, null) };
        Adsl3.DeriveVarAgegr1(groups).TextOf("AGEGR1").ShouldBe(["<65", ">=65", ""]);
    }

    [Fact]
    public void DeriveVarsTrt01_ArmCodesToNumbers()
    {
        var dm = Make("DM", ("USUBJID", new string?[] { "S2", "S1", "S3" }), ("ARM", new string?[] { "B", "A", "A" }),
            ("ARMCD", new string?[] { "B1", "A1", "A1" }), ("ACTARM", new string?[] { "B", "A", "B" }),
            ("ACTARMCD", new string?[] { "B1", "A1", "B1" }));
        var adsl = Adsl3.DeriveVarsTrt01(dm, new Dictionary<string, int> { ["A1"] = 1, ["B1"] = 2 });
        adsl.TextOf("TRT01P").ShouldBe(["A", "B", "A"]);
        adsl.NumbersOf("TRT01PN").ShouldBe([1, 2, 1]);
        adsl.TextOf("TRT01A").ShouldBe(["A", "B", "B"]);
        adsl.NumbersOf("TRT01AN").ShouldBe([1, 2, 2]);
    }

    [Fact]
    public void DeriveVarExtremeDate_FirstAndLastCompleteDate_PartialIgnored()
    {
        var ex = Make("EX", ("USUBJID", new string?[] { "S1", "S1", "S1", "S2" }),
            ("EXTRT", new string?[] { "A", "A", "DEX", "A" }),
            ("EXSTDTC", new string?[] { "2005-01-10", "2005-01-03T10:00", "2004-12-01", "2005-02" }));
        bool NotDex(int r) => ex.Text("EXTRT")[r] != "DEX";
        var adsl = Adsl3
            .DeriveVarExtremeDate(ex, "TRTSDT", "first", NotDex, "EXSTDTC", first: true)
            .DeriveVarExtremeDate(ex, "LAST", "last", NotDex, "EXSTDTC", first: false);
        adsl.NumbersOf("TRTSDT").ShouldBe([SasDate.ToSasDays(new LocalDate(2005, 1, 3)), null, null]);
        adsl.NumbersOf("LAST").ShouldBe([SasDate.ToSasDays(new LocalDate(2005, 1, 10)), null, null]);
    }

    [Fact]
    public void DeriveVarTrtdurd_EndMinusStartPlusOne()
    {
        var adsl = Make("ADSL", ("USUBJID", new string?[] { "S1", "S2" }), ("TRTSDT", new double?[] { 100, 100 }),
            ("TRTEDT", new double?[] { 100, null }));
        adsl.DeriveVarTrtdurd().NumbersOf("TRTDURD").ShouldBe([1, null]);
    }

    [Fact]
    public void DeriveVarMergedExistFlag_YWhenAnyRecordPasses_ElseN()
    {
        var pr = Make("PR", ("USUBJID", new string?[] { "S1", "S3", "S3" }), ("PRCAT", new string?[] { "SCT", "OTHER", "SCT" }));
        Adsl3.DeriveVarMergedExistFlag(pr, "PRSCTFL", "x", r => pr.Text("PRCAT")[r] == "SCT").TextOf("PRSCTFL").ShouldBe(["Y", "N", "Y"]);
    }

    [Fact]
    public void DeriveVarMergedCount_ZeroWhenNone()
    {
        var cm = Make("CM", ("USUBJID", new string?[] { "S1", "S1", "S3", "S1" }), ("CMCAT", new string?[] { "PRIOR", "PRIOR", "PRIOR", "CONMED" }));
        Adsl3.DeriveVarMergedCount(cm, "PRTHNUM", "x", r => cm.Text("CMCAT")[r] == "PRIOR").NumbersOf("PRTHNUM").ShouldBe([2, 0, 1]);
    }

    [Fact]
    public void DeriveVarFromSuppqual_QvalOfQnam()
    {
        var supp = Make("SUPPDM", ("USUBJID", new string?[] { "S1", "S1", "S2" }), ("QNAM", new string?[] { "COHORT", "DISSTAT", "DISSTAT" }),
            ("QVAL", new string?[] { "1", "RELAPSED", "RELAPSED AND REFRACTORY" }));
        Adsl3.DeriveVarFromSuppqual(supp, "DISSTAT", "x").TextOf("DISSTAT").ShouldBe(["RELAPSED", "RELAPSED AND REFRACTORY", ""]);
    }

    [Fact]
    public void DeriveVarsDisposition_DiscontinuedCompletedOngoing()
    {
        var ds = Make("DS", ("USUBJID", new string?[] { "S1", "S1", "S2" }), ("DSSCAT", new string?[] { "END OF TREATMENT", "END OF STUDY", "END OF STUDY" }),
            ("DSDECOD", new string?[] { "ADVERSE EVENT", "PROGRESSIVE DISEASE", "COMPLETED" }));
        var adsl = Adsl3.DeriveVarsDisposition(ds, "END OF STUDY");
        adsl.TextOf("EOSSTT").ShouldBe(["DISCONTINUED", "COMPLETED", "ONGOING"]);
        adsl.TextOf("DCSREAS").ShouldBe(["PROGRESSIVE DISEASE", "", ""]);
    }

    [Fact]
    public void DeriveVarEfffl_YWhenAnAssessmentIsNotNe()
    {
        var rs = Make("RS", ("USUBJID", new string?[] { "S1", "S2", "S2" }), ("RSSTRESC", new string?[] { "NE", "PD", "NE" }));
        Adsl3.DeriveVarEfffl(rs).TextOf("EFFFL").ShouldBe(["N", "Y", "N"]);
    }

    private static readonly CycleSpec Cycle = new("BORTEZOMIB", 21, [1, 4, 8, 11]);

    public static TheoryData<int[], int> CycleCases => new()
    {
        { [1, 4, 8, 11], 1 },
        { [1, 4, 8], 0 },                                  // off study in cycle 1 (the NE patients)
        { [1, 4, 8, 11, 22, 25, 29, 32], 2 },
        { [1, 4, 8, 11, 22, 25, 29], 1 },                  // cycle 2 still running: not completed
        { [1, 4, 8, 29, 32, 36, 39], 2 },                  // day 11 held, next cycle started after a delay: completed
        { [1, 4, 8, 11, 29, 32, 36, 39], 2 },              // 7-day delay before cycle 2
        { [], 0 },
    };

    [Theory]
    [MemberData(nameof(CycleCases))]
    public void ComputeCyclesCompleted_DayElevenOrNextCycle(int[] days, int expected) =>
        AdslDerivations.ComputeCyclesCompleted(days.Select(Day).ToList(), Cycle).ShouldBe(expected);

    [Fact]
    public void DeriveVarNcycles_OnlyTheCycleDrugCounts()
    {
        var ex = Make("EX", ("USUBJID", new string?[] { "S1", "S1", "S1", "S1", "S1" }),
            ("EXTRT", new string?[] { "BORTEZOMIB", "BORTEZOMIB", "BORTEZOMIB", "LENALIDOMIDE", "BORTEZOMIB" }),
            ("EXSTDTC", new string?[] { "2005-01-01", "2005-01-04", "2005-01-08", "2005-01-11", "2005-01-11" }));
        Adsl3.DeriveVarNcycles(ex, Cycle).NumbersOf("NCYCLES").ShouldBe([1, 0, 0]);
    }
}
