using CdiscExport.Core.Dates;

namespace CdiscExport.Core.Tests.Dates;

/// <summary>SAS date, datetime and time numbers as ISO 8601 text and back: exact both ways, or refused.</summary>
public sealed class SasIsoTextTests
{
    public static TheoryData<double, string> Dates => new()
    {
        { 0, "1960-01-01" },
        { 19725, "2014-01-02" },
        { -1, "1959-12-31" },
        { -21914, "1900-01-01" },
        { 2936549, "9999-12-31" },
    };

    public static TheoryData<double, string> DateTimes => new()
    {
        { 0, "1960-01-01T00:00:00" },
        { 1704277830, "2014-01-02T10:30:30" },
        { 1704277830.25, "2014-01-02T10:30:30.25" },
        { 1704277830.123, "2014-01-02T10:30:30.123" },
        { -0.5, "1959-12-31T23:59:59.5" },
    };

    public static TheoryData<double, string> Times => new()
    {
        { 0, "00:00:00" },
        { 37830, "10:30:30" },
        { 86399.999, "23:59:59.999" },
        { 0.1, "00:00:00.1" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Date_FormatAndParse_SameNumberBack(double days, string text)
    {
        SasIsoText.TryFormatDate(days, out var written).ShouldBeTrue();
        written.ShouldBe(text);
        SasIsoText.TryParseDate(text, out var back).ShouldBeTrue();
        back.ShouldBe(days);
    }

    [Theory]
    [MemberData(nameof(DateTimes))]
    public void DateTime_FormatAndParse_SameBitsBack(double seconds, string text)
    {
        SasIsoText.TryFormatDateTime(seconds, out var written).ShouldBeTrue();
        written.ShouldBe(text);
        SasIsoText.TryParseDateTime(text, out var back).ShouldBeTrue();
        BitConverter.DoubleToInt64Bits(back).ShouldBe(BitConverter.DoubleToInt64Bits(seconds));
    }

    [Theory]
    [MemberData(nameof(Times))]
    public void Time_FormatAndParse_SameBitsBack(double seconds, string text)
    {
        SasIsoText.TryFormatTime(seconds, out var written).ShouldBeTrue();
        written.ShouldBe(text);
        SasIsoText.TryParseTime(text, out var back).ShouldBeTrue();
        BitConverter.DoubleToInt64Bits(back).ShouldBe(BitConverter.DoubleToInt64Bits(seconds));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e12)]
    public void Date_NoExactText_Refused(double days) => SasIsoText.TryFormatDate(days, out _).ShouldBeFalse();

    [Theory]
    [InlineData(-1)]
    [InlineData(86400)]
    [InlineData(double.NaN)]
    public void Time_OutsideADay_Refused(double seconds) => SasIsoText.TryFormatTime(seconds, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2014-01")]
    [InlineData("2014-02-30")]
    [InlineData("2014-1-02")]
    [InlineData("")]
    public void ParseDate_PartialOrInvalid_Refused(string text) => SasIsoText.TryParseDate(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2014-01-02")]
    [InlineData("2014-01-02T10")]
    [InlineData("2014-01-02T10:30:30+01:00")]
    [InlineData("2014-01-02T25:00:00")]
    [InlineData("2014-01-02T10:30:30.")]
    public void ParseDateTime_PartialOrOffset_Refused(string text) => SasIsoText.TryParseDateTime(text, out _).ShouldBeFalse();

    [Fact]
    public void ParseDateTime_ZuluAndMinutes_Accepted()
    {
        SasIsoText.TryParseDateTime("2014-01-02T10:30:30Z", out var zulu).ShouldBeTrue();
        zulu.ShouldBe(1704277830);
        SasIsoText.TryParseDateTime("2014-01-02T10:30", out var minutes).ShouldBeTrue();
        minutes.ShouldBe(1704277800);
    }
}
