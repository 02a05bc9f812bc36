namespace CdiscExport.Mapping.Tests.Derivations;

/// <summary>
/// The standard derivations, admiral-style: numbered scenarios on a few rows, through the real engine. Subject S-1 was
/// first dosed on 2006-05-14 and last on 2006-06-30 (see <see cref="MiniStudy"/>).
/// </summary>
public sealed class DerivationTests
{
    private static CdiscExport.Core.Datasets.Dataset MapLb(string raw, string derive, string extra = "")
    {
        using var study = new MiniStudy { StudyExtra = extra };
        study.Raw("lab", raw);
        study.Dataset("lb", $$"""
            dataset: LB
            records:
              - source: lab
                variables:
                  STUDYID: { template: "{study.STUDYID}" }
                  DOMAIN: { constant: LB }
                  USUBJID: { template: "S-{SUBJID}" }
                  LBTESTCD: { copy: TEST }
                  LBORRES: { copy: RES }
                  _VISIT: { copy: VIS }
                  LBDTC: { date: D, format: DDMONYYYY, time: T, time_format: "HH:MM" }
            derive:
            {{derive}}
            """);
        return study.Run("LB");
    }

    private const string Rows = "SUBJID,TEST,RES,VIS,D,T\n"
        + "1,HGB,11,Screening,10MAY2006,\n"     // 1: before first dose
        + "1,HGB,12,C1D1,14MAY2006,08:00\n"     // 2: day of first dose: counts as baseline
        + "1,HGB,10,C2D1,04JUN2006,\n"          // 3: day 22
        + "1,HGB,9,Unscheduled,07JUN2006,\n"    // 4: unscheduled after cycle 2
        + "1,HGB,,C3D1,25JUN2006,\n"            // 5: missing result
        + "1,HGB,8,EOT,01JUL2006,\n"            // 6: after last dose
        + "1,PLAT,200,C1D1,13MAY2006,\n";       // 7: another test, day -1

    [Fact]
    public void Seq_NumbersWithinSubjectInOrderOfKeys_TiesKeepFileOrder()
    {
        var lb = MapLb(Rows, "  - seq: { target: LBSEQ, by: [USUBJID], order: [LBDTC] }");
        // Rows are sorted by USUBJID, LBSEQ at the end; PLAT on 13MAY is the second record.
        lb.Texts("LBSEQ").ShouldBe(["1", "2", "3", "4", "5", "6", "7"]);
        lb.Texts("LBTESTCD")[1].ShouldBe("PLAT");
        lb.Texts("LBDTC")[2].ShouldBe("2006-05-14T08:00");
    }

    [Fact]
    public void StudyDay_DayOfReferenceIsOne_DayBeforeIsMinusOne_NoDayZero()
    {
        var lb = MapLb(Rows, "  - seq: { target: LBSEQ, by: [USUBJID], order: [LBDTC] }\n  - study_day: { date: LBDTC, target: LBDY }");
        lb.Texts("LBDY").ShouldBe(["-4", "-1", "1", "22", "25", "43", "49"]);
    }

    [Fact]
    public void Epoch_SplitsAtFirstAndLastExposure()
    {
        var lb = MapLb(Rows, "  - seq: { target: LBSEQ, by: [USUBJID], order: [LBDTC] }\n  - epoch: { date: LBDTC, target: EPOCH }");
        lb.Texts("EPOCH").ShouldBe(["SCREENING", "SCREENING", "TREATMENT", "TREATMENT", "TREATMENT", "TREATMENT", "FOLLOW-UP"]);
    }

    [Fact]
    public void Baseline_LastNonMissingOnOrBeforeFirstDose_PerTest()
    {
        var lb = MapLb(Rows, "  - seq: { target: LBSEQ, by: [USUBJID], order: [LBDTC] }\n  - baseline: { target: LBLOBXFL, by: [USUBJID, LBTESTCD], date: LBDTC, value: LBORRES }");
        // HGB on the day of first dose (row 3) and PLAT the day before (row 2).
        lb.Texts("LBLOBXFL").ShouldBe(["", "Y", "Y", "", "", "", ""]);
    }

    [Fact]
    public void Visit_ScheduledByRule_UnscheduledAfterPreviousVisit()
    {
        const string visits = """
            visits:
              - { raw: Screening, VISITNUM: 0, VISIT: SCREENING }
              - { pattern: "^C([0-9]+)D1$", VISITNUM: "{1}", VISIT: "CYCLE {1} DAY 1" }
              - { raw: EOT, VISITNUM: 99, VISIT: END OF TREATMENT }
              - { raw: Unscheduled, unscheduled: true, VISIT: UNSCHEDULED }
            """;
        var lb = MapLb(Rows, "  - visit: { label: _VISIT, date: LBDTC }\n  - seq: { target: LBSEQ, by: [USUBJID], order: [LBDTC] }", visits);
        lb.Texts("VISITNUM").ShouldBe(["0", "1", "1", "2", "2.01", "3", "99"]);
        lb.Texts("VISIT")[4].ShouldBe("UNSCHEDULED 2.01");
        lb.Texts("VISIT")[5].ShouldBe("CYCLE 3 DAY 1");
    }

    [Fact]
    public void Visit_LabelNoRuleKnows_IsErrorNamingRawLine()
    {
        const string visits = "visits:\n  - { raw: Screening, VISITNUM: 0, VISIT: SCREENING }";
        var e = Should.Throw<CdiscExport.Mapping.Engine.MappingException>(() => MapLb(Rows, "  - visit: { label: _VISIT, date: LBDTC }", visits));
        e.Line.ShouldBe(3);
        e.Message.ShouldContain("\"C1D1\" matches no rule");
    }
}
