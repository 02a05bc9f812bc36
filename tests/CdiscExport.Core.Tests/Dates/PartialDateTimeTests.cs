using CdiscExport.Core.Dates;
using NodaTime;

namespace CdiscExport.Core.Tests.Dates;

public class PartialDateTimeTests
{
    /// <summary>ISO text that parses and formats back identically, with its precision.</summary>
    public static TheoryData<string, DtcPrecision> FormatAndParseData => new()
    {
        { "2006", DtcPrecision.Year },
        { "0000", DtcPrecision.Year },
        { "9999", DtcPrecision.Year },
        { "2006-05", DtcPrecision.Month },
        { "2006-12", DtcPrecision.Month },
        { "2006-05-14", DtcPrecision.Day },
        { "2004-02-29", DtcPrecision.Day },
        { "2000-02-29", DtcPrecision.Day },
        { "2006-12-31", DtcPrecision.Day },
        { "2006-05-14T09", DtcPrecision.Hour },
        { "2006-05-14T00", DtcPrecision.Hour },
        { "2006-05-14T09:30", DtcPrecision.Minute },
        { "2006-05-14T23:59", DtcPrecision.Minute },
        { "2006-05-14T09:30:15", DtcPrecision.Second },
        { "2006-05-14T09:30:15.5", DtcPrecision.Second },
        { "2006-05-14T09:30:15.50", DtcPrecision.Second },
        { "2006-05-14T09:30:15.123", DtcPrecision.Second },
        { "2006-05-14T09:30:15.000", DtcPrecision.Second },
        { "2006-05-14T09:30:15.123456789", DtcPrecision.Second },
    };

    /// <summary>Text that fails, with the reason.</summary>
    public static TheoryData<string, DateParseFailure> ParseFailureData => new()
    {
        { "", DateParseFailure.Empty },
        { "06", DateParseFailure.ExpectedFourDigitYear },
        { "06-05-14", DateParseFailure.ExpectedFourDigitYear },
        { "20060", DateParseFailure.InvalidFormat },
        { "20060514", DateParseFailure.InvalidFormat },
        { "206-05", DateParseFailure.ExpectedFourDigitYear },
        { "MAY2006", DateParseFailure.InvalidFormat },
        { " 2006", DateParseFailure.InvalidFormat },
        { "2006-5-14", DateParseFailure.InvalidFormat },
        { "2006-05-4", DateParseFailure.InvalidFormat },
        { "2006-134", DateParseFailure.InvalidFormat },
        { "2006/05/14", DateParseFailure.InvalidFormat },
        { "2006-05-14 09:30", DateParseFailure.InvalidFormat },
        { "2006-05-14T", DateParseFailure.InvalidFormat },
        { "2006-05-14T9", DateParseFailure.InvalidFormat },
        { "2006-05-14T09:30:15.", DateParseFailure.InvalidFormat },
        { "2006-05-14T09:30:15.1234567890", DateParseFailure.InvalidFormat },
        { "2006-05-14x", DateParseFailure.InvalidFormat },
        { "2006-00", DateParseFailure.MonthOutOfRange },
        { "2006-13", DateParseFailure.MonthOutOfRange },
        { "2006-02-30", DateParseFailure.DayOutOfRange },
        { "2006-02-29", DateParseFailure.DayOutOfRange },
        { "1900-02-29", DateParseFailure.DayOutOfRange },
        { "2006-04-31", DateParseFailure.DayOutOfRange },
        { "2006-05-00", DateParseFailure.DayOutOfRange },
        { "2006-05-32", DateParseFailure.DayOutOfRange },
        { "2006-05-14T24", DateParseFailure.HourOutOfRange },
        { "2006-05-14T09:60", DateParseFailure.MinuteOutOfRange },
        { "2006-05-14T09:30:60", DateParseFailure.SecondOutOfRange },
        { "2006---14", DateParseFailure.UnknownMiddleComponent },
        { "--05-14", DateParseFailure.UnknownMiddleComponent },
        { "2006-05--T09", DateParseFailure.UnknownMiddleComponent },
        { "2006-05-14T-:30", DateParseFailure.UnknownMiddleComponent },
        { "2006-05-14T09:-:15", DateParseFailure.UnknownMiddleComponent },
        { "2006-05-14T09:30Z", DateParseFailure.TimeZoneOffset },
        { "2006-05-14T09:30:15+01:00", DateParseFailure.TimeZoneOffset },
        { "2006-05-14T09:30-05:00", DateParseFailure.TimeZoneOffset },
        { "2006-05-14T09Z", DateParseFailure.TimeZoneOffset },
    };

    [Theory]
    [MemberData(nameof(FormatAndParseData))]
    public void Parse_ValidIso_RoundTripsWithPrecision(string iso, DtcPrecision precision)
    {
        var result = PartialDateTime.Parse(iso);

        result.Success.ShouldBeTrue();
        result.Value.Precision.ShouldBe(precision);
        result.Value.ToString().ShouldBe(iso);
        PartialDateTime.TryParse(iso, out var fast).ShouldBeTrue();
        fast.ShouldBe(result.Value);
    }

    [Theory]
    [MemberData(nameof(ParseFailureData))]
    public void Parse_InvalidIso_FailsWithReasonNamingText(string iso, DateParseFailure failure)
    {
        var result = PartialDateTime.Parse(iso);

        result.Success.ShouldBeFalse();
        var exception = result.Exception.ShouldBeOfType<DateFormatException>();
        exception.Failure.ShouldBe(failure);
        exception.Text.ShouldBe(iso);
        exception.Message.ShouldStartWith("\"" + iso + "\": ");
        Should.Throw<DateFormatException>(() => result.Value).Failure.ShouldBe(failure);
        PartialDateTime.TryParse(iso, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_DayOutOfRange_MessageNamesDayMonthAndYear()
    {
        var message = PartialDateTime.Parse("2006-02-30").Exception.Message;

        message.ShouldBe(DateErrorMessages.ForText("2006-02-30", DateErrorMessages.Format(DateErrorMessages.DayOutOfRange, 30, "February", "2006")));
    }

    [Fact]
    public void Components_MonthPrecision_LaterComponentsNull()
    {
        var value = PartialDateTime.Parse("2006-05").Value;

        value.Year.ShouldBe(2006);
        value.Month.ShouldBe(5);
        value.Day.ShouldBeNull();
        value.Hour.ShouldBeNull();
        value.Minute.ShouldBeNull();
        value.Second.ShouldBeNull();
        value.IsCompleteDate.ShouldBeFalse();
        value.Date.ShouldBeNull();
        value.DateTime.ShouldBeNull();
    }

    [Fact]
    public void Components_FullDateTime_AllKnown()
    {
        var value = PartialDateTime.Parse("2006-05-14T09:30:15.250").Value;

        (value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second).ShouldBe((2006, 5, 14, 9, 30, 15));
        value.NanosecondOfSecond.ShouldBe(250_000_000);
        value.FractionDigits.ShouldBe(3);
        value.Date.ShouldBe(new LocalDate(2006, 5, 14));
        value.DateTime.ShouldBe(new LocalDateTime(2006, 5, 14, 9, 30, 15, 250));
    }

    [Theory]
    [InlineData("2006-05-14", true, false)]
    [InlineData("2006-05-14T09", true, false)]
    [InlineData("2006-05-14T09:30", true, true)]
    [InlineData("2006-05-14T09:30:15", true, true)]
    [InlineData("2006-05", false, false)]
    public void DateAndDateTime_OnlyWhenKnownWithoutImputation(string iso, bool hasDate, bool hasDateTime)
    {
        var value = PartialDateTime.Parse(iso).Value;

        value.Date.HasValue.ShouldBe(hasDate);
        value.DateTime.HasValue.ShouldBe(hasDateTime);
    }

    [Fact]
    public void DateTime_MinutePrecision_SecondsZero() =>
        PartialDateTime.Parse("2006-05-14T09:30").Value.DateTime.ShouldBe(new LocalDateTime(2006, 5, 14, 9, 30));

    [Fact]
    public void FractionDigits_AreKeptAndDistinguishValues() =>
        PartialDateTime.Parse("2006-05-14T09:30:15.5").Value.ShouldNotBe(PartialDateTime.Parse("2006-05-14T09:30:15.50").Value);

    public static TheoryData<string, string, int> CompareDatePartData => new()
    {
        { "2006-05-14", "2006-05-14", 0 },
        { "2006-05-14T09:00", "2006-05-14T23:00", 0 },
        { "2006-05-13", "2006-05-14", -1 },
        { "2006-05", "2006-05-14", 0 },
        { "2006", "2006-05-14", 0 },
        { "2006-04", "2006-05-14", -1 },
        { "2007", "2006-05-14", 1 },
        { "2005-12-31", "2006-01-01", -1 },
    };

    [Theory]
    [MemberData(nameof(CompareDatePartData))]
    public void CompareDatePart_ComparesCommonDateComponents(string x, string y, int expected)
    {
        var a = PartialDateTime.Parse(x).Value;
        var b = PartialDateTime.Parse(y).Value;

        Math.Sign(PartialDateTime.CompareDatePart(a, b)).ShouldBe(expected);
        Math.Sign(b.CompareDatePart(a)).ShouldBe(-expected);
    }

    [Fact]
    public void CompareTo_SortsLessPreciseFirst()
    {
        string[] sorted = ["2006", "2006-01", "2006-01-01", "2006-01-01T00", "2006-01-01T00:00", "2006-01-01T00:00:00", "2006-01-01T00:00:00.1", "2006-01-02", "2006-02", "2007"];
        var values = sorted.Reverse().Select(s => PartialDateTime.Parse(s).Value).ToList();

        values.Sort();

        values.Select(v => v.ToString()).ShouldBe(sorted);
    }

    [Fact]
    public void Create_FromComponents_SetsPrecision()
    {
        PartialDateTime.Create(2006).ToString().ShouldBe("2006");
        PartialDateTime.Create(2006, 5, 14, 9).ToString().ShouldBe("2006-05-14T09");
        PartialDateTime.FromYearMonth(2006, 5).Precision.ShouldBe(DtcPrecision.Month);
        PartialDateTime.FromDate(new LocalDate(2004, 2, 29)).ToString().ShouldBe("2004-02-29");
    }

    [Fact]
    public void Create_GapInComponents_Throws() =>
        Should.Throw<ArgumentException>(() => PartialDateTime.Create(2006, null, 14));

    [Fact]
    public void Create_DayOutOfRange_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PartialDateTime.Create(2006, 2, 30));

    [Theory]
    [InlineData(DtcPrecision.Year, "2006")]
    [InlineData(DtcPrecision.Day, "2006-05-14")]
    [InlineData(DtcPrecision.Minute, "2006-05-14T09:30")]
    [InlineData(DtcPrecision.Second, "2006-05-14T09:30:15.25")]
    public void FromDateTime_TruncatesToPrecision(DtcPrecision precision, string expected) =>
        PartialDateTime.FromDateTime(new LocalDateTime(2006, 5, 14, 9, 30, 15, 250), precision).ToString().ShouldBe(expected);

    [Fact]
    public void TruncatedTo_DropsLaterComponents()
    {
        var value = PartialDateTime.Parse("2006-05-14T09:30").Value;

        value.TruncatedTo(DtcPrecision.Month).ShouldBe(PartialDateTime.FromYearMonth(2006, 5));
        value.TruncatedTo(DtcPrecision.Second).ShouldBe(value);
    }
}
