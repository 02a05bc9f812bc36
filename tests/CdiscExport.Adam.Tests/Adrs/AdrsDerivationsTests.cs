using CdiscExport.Adam.Adrs;
using CdiscExport.Adam.Response;
using CdiscExport.Mapping.Specs;
using NodaTime;
using static CdiscExport.Adam.Tests.TestData;

namespace CdiscExport.Adam.Tests.Adrs;

public class AdrsDerivationsTests
{
    private static readonly IResponseCriteria Criteria = new ModifiedEbmtCriteria(new ResponseCriteriaParameters());

    [Fact]
    public void DeriveParamOvr_InvestigatorOverallResponseOnly_TracedToRs()
    {
        var rs = Make("RS",
            ("USUBJID", new string?[] { "S1", "S1", "S1", "S1" }),
            ("RSSEQ", new double?[] { 1, 2, 3, 4 }),
            ("RSTESTCD", new string?[] { "OVRLRESP", "OVRLRESP", "BMRRESP", "OVRLRESP" }),
            ("RSCAT", new string?[] { "EBMT BLADE MYELOMA 1998", "EBMT BLADE MYELOMA 1998", "EBMT BLADE MYELOMA 1998", "EBMT BLADE MYELOMA 1998" }),
            ("RSEVAL", new string?[] { "INVESTIGATOR", "INDEPENDENT ASSESSOR", "INVESTIGATOR", "INVESTIGATOR" }),
            ("RSSTRESC", new string?[] { "nCR", "PR", "PR", "RELAPSED DISEASE FROM CR" }),
            ("RSDTC", new string?[] { "2005-02-01", "2005-02-01", "2005-02-01", "2005-03-01T09:00" }));
        var ovr = AdrsDerivations.DeriveParamOvr(rs, new ResponseCriteriaSpec());
        ovr.Select(r => (r.Category, r.Srcseq, r.Srcdom, r.Srcvar)).ShouldBe(
            [(ResponseCategory.NCR, 1d, "RS", "RSSTRESC"), (ResponseCategory.RelapseFromCr, 4d, "RS", "RSSTRESC")]);
        ovr[1].Adt.ShouldBe(new LocalDate(2005, 3, 1));
    }

    [Fact]
    public void CreateMProteinMeasurements_NotDetectedIsZero_BelowQuantitationIsHalfTheLimit_GramsPerLitreConverted()
    {
        var lb = Make("LB",
            ("USUBJID", new string?[] { "S1", "S1", "S1", "S1", "S1", "S1" }),
            ("LBTESTCD", new string?[] { "MCPROT", "MCPROT", "MCPROT", "MPROTEXR", "MCPROT", "HGB" }),
            ("LBSPEC", new string?[] { "SERUM", "SERUM", "URINE", "URINE", "SERUM", "BLOOD" }),
            ("LBMETHOD", new string?[] { "ELECTROPHORESIS", "IMMUNOFIXATION ELECTROPHORESIS", "IMMUNOFIXATION ELECTROPHORESIS", "ELECTROPHORESIS", "ELECTROPHORESIS", "" }),
            ("LBSTRESC", new string?[] { "<0.1", "POSITIVE", "NEGATIVE", "NOT DETECTED", "25", "11" }),
            ("LBSTRESN", new double?[] { null, null, null, null, 25, 11 }),
            ("LBSTRESU", new string?[] { "g/dL", "", "", "mg/day", "g/L", "g/dL" }),
            ("LBDTC", new string?[] { "2005-01-01", "2005-01-01T10:00", "2005-01-01", "2005-01-01", "2005-02-01", "2005-02-01" }));
        var m = AdrsDerivations.CreateMProteinMeasurements(lb, new LabCodingSpec())["S1"];
        m.Count.ShouldBe(2);
        m[0].ShouldBe(new MProteinMeasurement(new LocalDate(2005, 1, 1))
        {
            Serum = 0.05, Urine = 0, SerumIfe = Immunofixation.Positive, UrineIfe = Immunofixation.Negative, SourceRow = 0,
        });
        m[1].Serum.ShouldBe(2.5);
        m[1].Urine.ShouldBeNull();
    }

    private static readonly Dictionary<string, SubjectDates> Subjects = new()
    {
        ["S1"] = new SubjectDates(Day(1), Day(148)),
        ["S2"] = new SubjectDates(Day(1), null),
    };

    private static AdrsRecord Ovr(string u, int day, ResponseCategory c, double seq) =>
        new(u, "OVR", c, Day(day)) { Srcdom = "RS", Srcvar = "RSSTRESC", Srcseq = seq, Visit = $"DAY {day}" };

    [Fact]
    public void DeriveParamBor_OneRecordPerSubject_DatedAndTracedToFirstBestAssessment()
    {
        List<AdrsRecord> ovr = [Ovr("S1", 22, ResponseCategory.MR, 1), Ovr("S1", 43, ResponseCategory.PR, 2),
            Ovr("S1", 85, ResponseCategory.PR, 3), Ovr("S1", 148, ResponseCategory.PD, 4), Ovr("S1", 211, ResponseCategory.CR, 5),
            Ovr("S1", 253, ResponseCategory.CR, 6)];
        var bor = AdrsDerivations.DeriveParamBor(ovr, "OVR", "BOR", Criteria, Subjects, confirm: true);
        bor.Count.ShouldBe(2);
        bor[0].ShouldBe(new AdrsRecord("S1", "BOR", ResponseCategory.PR, Day(43))
        {
            Anl01fl = "Y", Srcdom = "RS", Srcvar = "RSSTRESC", Srcseq = 2, Visit = "DAY 43",
        });
        bor[1].Category.ShouldBe(ResponseCategory.NE);   // S2: no assessments
        bor[1].Adt.ShouldBeNull();
    }

    [Fact]
    public void DeriveVarAnl01fl_FlagsRecordsInTheBestResponseWindow()
    {
        List<AdrsRecord> ovr = [Ovr("S1", 22, ResponseCategory.MR, 1), Ovr("S1", 148, ResponseCategory.PD, 2),
            Ovr("S1", 169, ResponseCategory.PR, 3), Ovr("S2", 22, ResponseCategory.PD, 4), Ovr("S2", 43, ResponseCategory.PD, 5),
            Ovr("S2", 64, ResponseCategory.SD, 6)];
        AdrsDerivations.DeriveVarAnl01fl(ovr, Criteria, Subjects).Select(r => r.Anl01fl).ShouldBe(["Y", "Y", "", "Y", "", ""]);   // the confirming PD is not in the window
    }

    public static TheoryData<string, double?, double?> Quantities => new()
    {
        { "1.5", 1.5, 1.5 },
        { "NOT DETECTED", null, 0 },
        { "<0.1", null, 0.05 },
        { "", null, null },
        { "QNS", null, null },
    };

    [Theory]
    [MemberData(nameof(Quantities))]
    public void ParseQuantity_Cases(string text, double? number, double? expected) =>
        AdrsDerivations.ParseQuantity(text, number).ShouldBe(expected);

    [Theory]
    [InlineData(0, 1d)]
    [InlineData(21, 22d)]
    [InlineData(-1, -1d)]
    public void ComputeAnalysisDay_NoDayZero(int daysAfter, double expected)
    {
        var trtsdt = new NodaTime.LocalDate(2005, 3, 1);
        AdrsProgram.ComputeAnalysisDay(trtsdt, trtsdt.PlusDays(daysAfter)).ShouldBe(expected);
    }
}
