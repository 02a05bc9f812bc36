using CdiscExport.Core.Dates;
using NodaTime;

namespace CdiscExport.Core.Tests.Dates;

public class StudyDayTests
{
    /// <summary>Reference (RFSTDTC), date (--DTC), expected --DY. SDTMIG 4.4.4: no day 0.</summary>
    public static TheoryData<string, string, int> StudyDayData => new()
    {
        { "2006-05-14", "2006-05-14", 1 },
        { "2006-05-14", "2006-05-15", 2 },
        { "2006-05-14", "2006-05-13", -1 },
        { "2006-05-14", "2006-05-12", -2 },
        { "2006-01-01", "2005-12-31", -1 },
        { "2005-12-31", "2006-01-01", 2 },
        { "2004-02-28", "2004-03-01", 3 },
        { "2006-02-28", "2006-03-01", 2 },
        { "2004-03-01", "2004-02-29", -1 },
        { "2006-01-01", "2007-01-01", 366 },
        { "2004-01-01", "2005-01-01", 367 },
        { "2007-01-01", "2006-01-01", -365 },
    };

    [Theory]
    [MemberData(nameof(StudyDayData))]
    public void ComputeStudyDay_CompleteDates_NoDayZero(string reference, string date, int expected)
    {
        StudyDay.ComputeStudyDay(ParseDate(reference), ParseDate(date)).ShouldBe(expected);
        StudyDay.ComputeStudyDay(Partial(reference), Partial(date)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2006-05-14", "2006-05")]
    [InlineData("2006-05", "2006-05-14")]
    [InlineData("2006", "2006")]
    public void ComputeStudyDay_PartialDate_Null(string reference, string date) =>
        StudyDay.ComputeStudyDay(Partial(reference), Partial(date)).ShouldBeNull();

    [Fact]
    public void ComputeStudyDay_TimesIgnored() =>
        StudyDay.ComputeStudyDay(Partial("2006-05-14T23:59"), Partial("2006-05-15T00:01")).ShouldBe(2);

    private static PartialDateTime Partial(string iso) => PartialDateTime.Parse(iso).Value;

    private static LocalDate ParseDate(string iso) => Partial(iso).Date!.Value;
}
