using CdiscExport.Adam.Response;
using NodaTime;
using static CdiscExport.Adam.Response.ResponseCategory;
using static CdiscExport.Adam.Tests.TestData;

namespace CdiscExport.Adam.Tests.Response;

public class ModifiedEbmtCriteriaTests
{
    private static readonly ModifiedEbmtCriteria Default = new(new ResponseCriteriaParameters());

    private static MProteinMeasurement Lab(int day, double? serum, double? urine = 0,
        Immunofixation? sife = Immunofixation.Positive, Immunofixation? uife = Immunofixation.Negative, double? marrow = null) =>
        new(Day(day)) { Serum = serum, Urine = urine, SerumIfe = sife, UrineIfe = uife, MarrowPlasmaCells = marrow };

    private static ResponseCategory[] Classify(ModifiedEbmtCriteria criteria, params MProteinMeasurement[] labs) =>
        criteria.ClassifyVisits(labs, Day(1)).Select(a => a.Category).ToArray();

    // --- per-visit classification from labs (MYELOMA.md 1.3) ---------------------------------------------------

    public static TheoryData<double, ResponseCategory> SerumOnly => new()
    {
        { 2.0, PR },   // 50% of 4.0: PR at the boundary
        { 2.1, MR },
        { 3.0, MR },   // 75%: MR at the boundary
        { 3.1, SD },
        { 4.4, SD },   // +10%, not PD
    };

    [Theory]
    [MemberData(nameof(SerumOnly))]
    public void ClassifyVisits_SerumMeasurable_CategoryByReduction(double serum, ResponseCategory expected) =>
        Classify(Default, Lab(-7, 4.0), Lab(22, serum)).ShouldBe([expected]);

    [Fact]
    public void ClassifyVisits_RiseFromNadir_IsPdThoughBelowBaseline()
    {
        // baseline 4.0, nadir 1.0 at day 22; 1.6 is > 25% and >= 0.5 g/dL above the nadir, still 40% of baseline.
        Classify(Default, Lab(-7, 4.0), Lab(22, 1.0), Lab(43, 1.6)).ShouldBe([PR, PD]);
    }

    [Fact]
    public void ClassifyVisits_RiseFromNadirWithBaselineReference_IsNotPd()
    {
        var baseline = new ModifiedEbmtCriteria(new ResponseCriteriaParameters { PdReference = PdReference.Baseline });
        Classify(baseline, Lab(-7, 4.0), Lab(22, 1.0), Lab(43, 1.6)).ShouldBe([PR, PR]);   // 40% of baseline
    }

    [Fact]
    public void ClassifyVisits_RiseUnderHalfGramFromNadir_IsNotPd()
    {
        // 0.4 -> 0.8 doubles but rises only 0.4 g/dL: not PD.
        Classify(Default, Lab(-7, 4.0), Lab(22, 0.4), Lab(43, 0.8)).ShouldBe([PR, PR]);
    }

    [Fact]
    public void ClassifyVisits_ElectrophoresisNegativeImmunofixationPositive_IsNcr() =>
        Classify(Default, Lab(-7, 4.0), Lab(22, 0, 0, Immunofixation.Positive, Immunofixation.Negative)).ShouldBe([NCR]);

    [Fact]
    public void ClassifyVisits_BothImmunofixationsNegative_IsCrWithoutMarrow() =>
        Classify(Default, Lab(-7, 4.0), Lab(22, 0, 0, Immunofixation.Negative, Immunofixation.Negative)).ShouldBe([CR]);

    [Fact]
    public void ClassifyVisits_CrRequiringMarrowWithoutMarrow_IsNotCr()
    {
        var marrow = new ModifiedEbmtCriteria(new ResponseCriteriaParameters { CrRequiresMarrow = true });
        Classify(marrow, Lab(-7, 4.0), Lab(22, 0, 0, Immunofixation.Negative, Immunofixation.Negative)).ShouldBe([PR]);
        Classify(marrow, Lab(-7, 4.0), Lab(22, 0, 0, Immunofixation.Negative, Immunofixation.Negative, marrow: 2)).ShouldBe([CR]);
    }

    [Fact]
    public void ClassifyVisits_MarrowAtFivePercent_IsNotCr() =>
        Classify(Default, Lab(-7, 4.0), Lab(22, 0, 0, Immunofixation.Negative, Immunofixation.Negative, marrow: 5)).ShouldBe([PR]);

    [Fact]
    public void ClassifyVisits_NcrRequiringMarrowWithoutMarrow_IsPr()
    {
        var marrow = new ModifiedEbmtCriteria(new ResponseCriteriaParameters { NcrRequiresMarrow = true });
        Classify(marrow, Lab(-7, 4.0), Lab(22, 0, 0)).ShouldBe([PR]);
    }

    [Fact]
    public void ClassifyVisits_MissingImmunofixation_ElectrophoresisNegativeIsOnlyPr()
    {
        // No IFE done: neither CR nor nCR can be shown (EBMT: such patients are PR).
        Classify(Default, Lab(-7, 4.0), Lab(22, 0, 0, sife: null, uife: null)).ShouldBe([PR]);
        // One IFE negative, the other missing: still not CR.
        Classify(Default, Lab(-7, 4.0), Lab(22, 0, 0, Immunofixation.Negative, null)).ShouldBe([PR]);
    }

    [Fact]
    public void ClassifyVisits_MeasurableSerumMissing_IsNe() =>
        Classify(Default, Lab(-7, 4.0), Lab(22, null)).ShouldBe([NE]);

    public static TheoryData<double, ResponseCategory> UrineOnly => new()
    {
        { 150, PR },    // < 200 mg/day
        { 185, PR },    // 10% of 1850
        { 900, MR },    // <= 50%
        { 1000, SD },
        { 2400, PD },   // +550 mg/day, +30% over the nadir 1850
    };

    [Theory]
    [MemberData(nameof(UrineOnly))]
    public void ClassifyVisits_UrineOnlyDisease_UrineDecides(double urine, ResponseCategory expected)
    {
        // Light-chain disease: serum M-protein not detected throughout, so only urine is measurable.
        Classify(Default, Lab(-7, 0, 1850, Immunofixation.Negative, Immunofixation.Positive),
                Lab(22, 0, urine, Immunofixation.Negative, Immunofixation.Positive))
            .ShouldBe([expected]);
    }

    [Fact]
    public void ClassifyVisits_UrinePrSerumMr_TakesWorseCompartment() =>
        Classify(Default, Lab(-7, 4.0, 1000), Lab(22, 2.5, 90)).ShouldBe([MR]);   // urine PR (<= 10%), serum MR

    [Fact]
    public void ClassifyVisits_ReappearanceAfterConfirmedCr_IsRelapse()
    {
        var cr = (int d) => Lab(d, 0, 0, Immunofixation.Negative, Immunofixation.Negative);
        Classify(Default, Lab(-7, 4.0), cr(22), cr(43), cr(64), Lab(85, 0, 0, Immunofixation.Positive))
            .ShouldBe([CR, CR, CR, RelapseFromCr]);
    }

    [Fact]
    public void ClassifyVisits_ReappearanceAfterUnconfirmedCr_IsNcrNotRelapse()
    {
        var cr = (int d) => Lab(d, 0, 0, Immunofixation.Negative, Immunofixation.Negative);
        Classify(Default, Lab(-7, 4.0), cr(22), cr(43), Lab(64, 0, 0, Immunofixation.Positive)).ShouldBe([CR, CR, NCR]);
    }

    [Fact]
    public void ClassifyVisits_BaselineIsLastValueOnOrBeforeFirstDose()
    {
        // Screening 8.0, first-dose-day 4.0: 2.9 is MR against 4.0 (it would be PR against 8.0).
        Classify(Default, Lab(-7, 8.0), Lab(1, 4.0), Lab(22, 2.9)).ShouldBe([MR]);
    }

    // --- best overall response ----------------------------------------------------------------------------------

    private static List<Assessment> Visits(params (int Day, ResponseCategory Category)[] visits) =>
        visits.Select(v => new Assessment(Day(v.Day), v.Category)).ToList();

    private static ResponseCategory Bor(IResponseCriteria criteria, List<Assessment> v, int? dexDay = null, bool confirm = true) =>
        criteria.ComputeBestResponse(v, new ResponseWindow(Day(1), dexDay is { } d ? Day(d) : null), confirm).Category;

    [Fact]
    public void ComputeBestResponse_ConfirmedJustUnderSixWeeks_IsNotConfirmed()
    {
        var v = Visits((22, PR), (63, PR));   // 41 days apart
        Bor(Default, v).ShouldBe(SD);
        Bor(Default, v, confirm: false).ShouldBe(PR);
    }

    [Fact]
    public void ComputeBestResponse_ConfirmedAtSixWeeks_IsConfirmed() =>
        Bor(Default, Visits((22, PR), (64, PR))).ShouldBe(PR);   // 42 days apart

    [Fact]
    public void ComputeBestResponse_ConfirmedOverSixWeeks_IsConfirmed() =>
        Bor(Default, Visits((22, PR), (43, PR), (65, PR))).ShouldBe(PR);

    [Fact]
    public void ComputeBestResponse_BetterResponseConfirmsLesser() =>
        Bor(Default, Visits((22, PR), (43, NCR), (64, CR))).ShouldBe(PR);

    [Fact]
    public void ComputeBestResponse_WorseInBetween_BreaksConfirmation() =>
        Bor(Default, Visits((22, MR), (43, PR), (64, MR), (85, MR), (106, MR))).ShouldBe(MR);

    [Fact]
    public void ComputeBestResponse_NeBetweenResponses_ToleranceDecides()
    {
        var v = Visits((22, PR), (43, NE), (64, PR));
        Bor(Default, v).ShouldBe(SD);
        var tolerant = new ModifiedEbmtCriteria(new ResponseCriteriaParameters { NeTolerance = 1 });
        Bor(tolerant, v).ShouldBe(PR);
        Bor(tolerant, Visits((22, PR), (43, NE), (50, NE), (64, PR))).ShouldBe(SD);
    }

    [Fact]
    public void ComputeBestResponse_ConfirmedPd_EndsWindow() =>
        Bor(Default, Visits((22, SD), (43, PD), (64, PD), (85, PR), (106, PR), (127, PR))).ShouldBe(SD);

    [Fact]
    public void ComputeBestResponse_SinglePd_DoesNotEndWindow() =>
        Bor(Default, Visits((22, PD), (43, PR), (64, PR), (85, PR))).ShouldBe(PR);

    [Fact]
    public void ComputeBestResponse_PdWithoutConfirmationRule_EndsWindowAtFirstPd()
    {
        var strict = new ModifiedEbmtCriteria(new ResponseCriteriaParameters { PdRequiresConfirmation = false });
        Bor(strict, Visits((22, PD), (43, PR), (64, PR), (85, PR))).ShouldBe(PD);
    }

    [Fact]
    public void ComputeBestResponse_AfterAddOn_IsCensored()
    {
        // PR confirmed, PD, dex from day 148, nCR afterwards: censored BOR is PR; uncensored nCR.
        var v = Visits((43, PR), (85, PR), (148, PD), (211, NCR), (253, NCR));
        Bor(Default, v, dexDay: 148).ShouldBe(PR);
        Bor(Default, v).ShouldBe(NCR);
        var uncensored = new ModifiedEbmtCriteria(new ResponseCriteriaParameters { CensorAtAddOn = false });
        Bor(uncensored, v, dexDay: 148).ShouldBe(NCR);
    }

    [Fact]
    public void ComputeBestResponse_NothingConfirmed_FallsBackToSdThenPdThenNe()
    {
        Bor(Default, Visits((22, MR), (43, PD))).ShouldBe(SD);
        Bor(Default, Visits((22, PD), (43, PD))).ShouldBe(PD);
        Bor(Default, Visits((22, NE))).ShouldBe(NE);
        Bor(Default, []).ShouldBe(NE);
    }

    [Fact]
    public void ComputeBestResponse_OffStudyBeforeFirstAssessment_IsNeUnderEarlyOffStudyRule()
    {
        var rule = new ModifiedEbmtCriteria(new ResponseCriteriaParameters { EarlyOffStudyNeDays = 21 });
        var v = Visits((10, PD));
        Bor(Default, v).ShouldBe(PD);
        Bor(rule, v).ShouldBe(NE);
        Bor(rule, Visits((22, PD))).ShouldBe(PD);
    }

    [Fact]
    public void ComputeBestResponse_AssessmentBeforeFirstDose_IsIgnored() =>
        Bor(Default, Visits((-5, PR), (22, SD))).ShouldBe(SD);

    [Fact]
    public void ComputeBestResponse_ReturnsFirstAssessmentOfBestCategory()
    {
        var best = Default.ComputeBestResponse(Visits((22, MR), (43, PR), (64, PR), (85, PR)), new ResponseWindow(Day(1), null), true);
        best.From!.Date.ShouldBe(Day(43));
    }

    [Fact]
    public void ComputeBestResponse_RelapseAfterConfirmedCr_StaysCr() =>
        Bor(Default, Visits((22, CR), (43, CR), (64, CR), (85, RelapseFromCr), (106, RelapseFromCr))).ShouldBe(CR);

    [Fact]
    public void ResponseCategories_ParseCodeAval_RoundTrip()
    {
        foreach (var c in Enum.GetValues<ResponseCategory>())
        {
            ResponseCategories.Parse(c.Code()).ShouldBe(c);
        }

        ResponseCategories.Parse("NC").ShouldBe(SD);
        ResponseCategories.Parse("VGPR").ShouldBeNull();
        Enumerable.Range(1, 7).Select(i => ((ResponseCategory)i).Aval()).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        RelapseFromCr.Aval().ShouldBe(6);
    }
}
