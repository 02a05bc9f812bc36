using CdiscExport.Core.Dates;

namespace CdiscExport.Core.Tests.Dates;

public class RawDatePatternTests
{
    /// <summary>Pattern, raw text, expected ISO value (partials stay partial).</summary>
    public static TheoryData<string, string, string> ParseData => new()
    {
        { "DDMONYYYY", "14MAY2006", "2006-05-14" },
        { "DDMONYYYY", "14may2006", "2006-05-14" },
        { "DDMONYYYY", "29FEB2004", "2004-02-29" },
        { "DDMONYYYY", "UNMAY2006", "2006-05" },
        { "DDMONYYYY", "UNKMAY2006", "2006-05" },
        { "DDMONYYYY", "UNUNK2006", "2006" },
        { "DDMONYYYY", "14UNK2006", "2006" },
        { "DDMONYYYY", "XXXXX2006", "2006" },
        { "DD MON YYYY", "UN MAY 2006", "2006-05" },
        { "DD MON YYYY", "UN UNK 2006", "2006" },
        { "DD MON YYYY", "uk may 2006", "2006-05" },
        { "DD MON YYYY", " MAY 2006", "2006-05" },
        { "DD MON YYYY", "14 MAY 2006   ", "2006-05-14" },
        { "DD-MON-YYYY", "14-MAY-2006", "2006-05-14" },
        { "DD-MON-YYYY", "UNK-MAY-2006", "2006-05" },
        { "DD-MON-YYYY", "---MAY-2006", "2006-05" },
        { "DD-MON-YYYY", "-MAY-2006", "2006-05" },
        { "DD-MON-YYYY", "XX-XXX-2006", "2006" },
        { "DD-MON-YYYY", "1-MAY-2006", "2006-05-01" },
        { "MM/DD/YYYY", "05/14/2006", "2006-05-14" },
        { "MM/DD/YYYY", "5/4/2006", "2006-05-04" },
        { "MM/DD/YYYY", "05/UN/2006", "2006-05" },
        { "MM/DD/YYYY", "UN/14/2006", "2006" },
        { "MM/DD/YYYY", "02/29/2004", "2004-02-29" },
        { "YYYY-MM-DD", "2006-05-14", "2006-05-14" },
        { "YYYY-MM", "2006-05", "2006-05" },
        { "MON-YYYY", "may-2006", "2006-05" },
        { "YYYY", "2006", "2006" },
        { "YYYYMMDD", "20060514", "2006-05-14" },
        { "YYYYMMDD", "200605", "2006-05" },
        { "DD-MON-YYYY HH:MM", "14-MAY-2006 09:30", "2006-05-14T09:30" },
        { "DD-MON-YYYY HH:MM", "14-MAY-2006", "2006-05-14" },
        { "DD-MON-YYYY HH:MM", "14-MAY-2006 09", "2006-05-14T09" },
        { "DD-MON-YYYY HH:MM", "14-MAY-2006 UN:30", "2006-05-14" },
        { "DD-MON-YYYY HH:MM", "UN-MAY-2006 09:30", "2006-05" },
        { "DD-MON-YYYY HH:NN:SS", "14-MAY-2006 09:30:15", "2006-05-14T09:30:15" },
        { "DD-MON-YYYY HH:MI:SS", "14-MAY-2006 09:30:15.250", "2006-05-14T09:30:15.250" },
        { "YYYY-MM-DDTHH:MM:SS", "2006-05-14T09:30:15", "2006-05-14T09:30:15" },
        { "YYYY-MM-DDTHH:MM:SS", "2006-05-14t09:30:15", "2006-05-14T09:30:15" },
    };

    /// <summary>Pattern, raw text, expected failure.</summary>
    public static TheoryData<string, string, DateParseFailure> ParseFailureData => new()
    {
        { "DDMONYYYY", "30FEB2006", DateParseFailure.DayOutOfRange },
        { "DDMONYYYY", "29FEB2006", DateParseFailure.DayOutOfRange },
        { "DDMONYYYY", "29FEB1900", DateParseFailure.DayOutOfRange },
        { "DDMONYYYY", "31APR2006", DateParseFailure.DayOutOfRange },
        { "DDMONYYYY", "00MAY2006", DateParseFailure.DayOutOfRange },
        { "DDMONYYYY", "32UNK2006", DateParseFailure.DayOutOfRange },
        { "DDMONYYYY", "14MAY06", DateParseFailure.ExpectedFourDigitYear },
        { "DDMONYYYY", "14MAY", DateParseFailure.UnknownYear },
        { "DDMONYYYY", "14MAYUNKN", DateParseFailure.UnknownYear },
        { "DDMONYYYY", "14FOO2006", DateParseFailure.UnknownMonthName },
        { "DDMONYYYY", "14 MAY 2006", DateParseFailure.InvalidFormat },
        { "DDMONYYYY", "14MAY2006X", DateParseFailure.TrailingText },
        { "DDMONYYYY", "14MAY20061", DateParseFailure.TrailingText },
        { "DD-MON-YYYY", "14/MAY/2006", DateParseFailure.InvalidFormat },
        { "DD-MON-YYYY", "AB-MAY-2006", DateParseFailure.InvalidFormat },
        { "MM/DD/YYYY", "13/01/2006", DateParseFailure.MonthOutOfRange },
        { "MM/DD/YYYY", "02/30/2006", DateParseFailure.DayOutOfRange },
        { "YYYYMMDD", "2006514", DateParseFailure.MonthOutOfRange },
        { "DD-MON-YYYY HH:MM", "14-MAY-2006 24:00", DateParseFailure.HourOutOfRange },
        { "DD-MON-YYYY HH:MM", "14-MAY-2006 09:60", DateParseFailure.MinuteOutOfRange },
        { "DD-MON-YYYY HH:MM", "UN-MAY-2006 25:00", DateParseFailure.HourOutOfRange },
    };

    [Theory]
    [MemberData(nameof(ParseData))]
    public void Parse_ValidRaw_GivesPartialValue(string pattern, string raw, string expected)
    {
        var result = RawDatePattern.Create(pattern).Parse(raw);

        result.Status.ShouldBe(RawDateParseStatus.Value, result.Error);
        result.Value.ToString().ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(ParseFailureData))]
    public void Parse_InvalidRaw_FailsWithReasonNamingRaw(string pattern, string raw, DateParseFailure failure)
    {
        var result = RawDatePattern.Create(pattern).Parse(raw);

        result.Status.ShouldBe(RawDateParseStatus.Failed);
        result.Success.ShouldBeFalse();
        result.Failure.ShouldBe(failure);
        result.Error.ShouldNotBeNull().ShouldStartWith("\"" + raw + "\": ");
        result.ValueOrNull.ShouldBeNull();
        var exception = Should.Throw<DateFormatException>(() => result.Value);
        exception.Failure.ShouldBe(failure);
        exception.Text.ShouldBe(raw);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("UN UNK UNKN")]
    [InlineData("UNKNOWN")]
    [InlineData("unk")]
    public void Parse_BlankOrAllUnknown_NoValueNoError(string? raw)
    {
        var result = RawDatePattern.Create("DD MON YYYY").Parse(raw);

        result.IsBlank.ShouldBeTrue();
        result.Success.ShouldBeTrue();
        result.HasValue.ShouldBeFalse();
        result.Error.ShouldBeNull();
        result.GetValueOrThrow().ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => result.Value);
    }

    [Theory]
    [InlineData("MM/DD/YYYY", "UN/UN/UNKN")]
    [InlineData("DDMONYYYY", "UNUNKUNKN")]
    [InlineData("DD-MON-YYYY", "--------")]
    [InlineData("DD-MON-YYYY", "XX-XXX-XXXX")]
    public void Parse_EveryComponentUnknown_Blank(string pattern, string raw) =>
        RawDatePattern.Create(pattern).Parse(raw).IsBlank.ShouldBeTrue();

    [Fact]
    public void Parse_DayOutOfRange_MessageAsTemplate() =>
        RawDatePattern.DdMonYyyy.Parse("30FEB2006").Error.ShouldBe(
            DateErrorMessages.ForText("30FEB2006", DateErrorMessages.Format(DateErrorMessages.DayOutOfRange, 30, "February", "2006")));

    [Fact]
    public void Parse_TwoDigitYear_MessageAsTemplate() =>
        RawDatePattern.DdMonYyyy.Parse("14MAY06").Error.ShouldBe(
            DateErrorMessages.ForText("14MAY06", DateErrorMessages.ExpectedFourDigitYear));

    [Fact]
    public void BuiltIns_HaveTheirPatterns()
    {
        RawDatePattern.DdMonYyyy.Parse("14MAY2006").Value.ToString().ShouldBe("2006-05-14");
        RawDatePattern.DdMonYyyyDash.Parse("UNK-MAY-2006").Value.ToString().ShouldBe("2006-05");
        RawDatePattern.MmDdYyyySlash.Parse("05/14/2006").Value.ToString().ShouldBe("2006-05-14");
        RawDatePattern.DdMonYyyyDash.Pattern.ShouldBe("DD-MON-YYYY");
    }

    /// <summary>Raw text for <see cref="RawDatePattern.Iso"/>, expected ISO value.</summary>
    public static TheoryData<string, string> IsoData => new()
    {
        { "2006-05-14", "2006-05-14" },
        { "2006-05", "2006-05" },
        { "2006", "2006" },
        { "2006-05-14T09:30", "2006-05-14T09:30" },
        { "2006-05-14 09:30", "2006-05-14T09:30" },
        { "2006-05-14T09:30:15", "2006-05-14T09:30:15" },
        { " 2006-05-14 ", "2006-05-14" },
    };

    [Theory]
    [MemberData(nameof(IsoData))]
    public void Iso_ValidRaw_Parses(string raw, string expected) =>
        RawDatePattern.Iso.Parse(raw).Value.ToString().ShouldBe(expected);

    [Theory]
    [InlineData("2006-02-30", DateParseFailure.DayOutOfRange)]
    [InlineData("14MAY2006", DateParseFailure.InvalidFormat)]
    [InlineData("2006---14", DateParseFailure.UnknownMiddleComponent)]
    public void Iso_InvalidRaw_Fails(string raw, DateParseFailure failure)
    {
        var result = RawDatePattern.Iso.Parse(raw);

        result.Failure.ShouldBe(failure);
        result.Error.ShouldNotBeNull().ShouldStartWith("\"" + raw + "\": ");
    }

    /// <summary>Date, time (HH:MM:SS default time pattern, trailing parts optional), expected value.</summary>
    public static TheoryData<string?, string?, string?> DateAndTimeData => new()
    {
        { "14MAY2006", "09:30", "2006-05-14T09:30" },
        { "14MAY2006", "09:30:15", "2006-05-14T09:30:15" },
        { "14MAY2006", "09", "2006-05-14T09" },
        { "14MAY2006", "", "2006-05-14" },
        { "14MAY2006", null, "2006-05-14" },
        { "14MAY2006", "UN:UN", "2006-05-14" },
        { "14MAY2006", "UNK", "2006-05-14" },
        { "14MAY2006", "09:UN", "2006-05-14T09" },
        { "UNMAY2006", "09:30", "2006-05" },
        { "", "", null },
        { null, null, null },
    };

    [Theory]
    [MemberData(nameof(DateAndTimeData))]
    public void Parse_DateAndTime_CombinedWithRightTruncation(string? date, string? time, string? expected)
    {
        var result = RawDatePattern.DdMonYyyy.Parse(date, time);

        result.Success.ShouldBeTrue(result.Error);
        result.ValueOrNull?.ToString().ShouldBe(expected);
        result.HasValue.ShouldBe(expected is not null);
    }

    [Theory]
    [InlineData("14MAY2006", "24:00", DateParseFailure.HourOutOfRange, "24:00")]
    [InlineData("14MAY2006", "9h30", DateParseFailure.InvalidFormat, "9h30")]
    [InlineData("UNMAY2006", "09:61", DateParseFailure.MinuteOutOfRange, "09:61")]
    [InlineData("", "09:30", DateParseFailure.TimeWithoutDate, "09:30")]
    [InlineData("30FEB2006", "09:30", DateParseFailure.DayOutOfRange, "30FEB2006")]
    public void Parse_DateAndTime_FailureNamesOffendingText(string date, string time, DateParseFailure failure, string named)
    {
        var result = RawDatePattern.DdMonYyyy.Parse(date, time);

        result.Failure.ShouldBe(failure);
        result.Error.ShouldNotBeNull().ShouldStartWith("\"" + named + "\": ");
    }

    [Fact]
    public void WithTimePattern_CompactTime_Parses()
    {
        var pattern = RawDatePattern.DdMonYyyyDash.WithTimePattern("HHNN");

        pattern.Parse("14-MAY-2006", "0930").Value.ToString().ShouldBe("2006-05-14T09:30");
        pattern.TimePattern.ShouldBe("HHNN");
        RawDatePattern.DdMonYyyyDash.TimePattern.ShouldBe("HH:MM:SS");
    }

    [Fact]
    public void Iso_DateAndTime_Combined()
    {
        RawDatePattern.Iso.Parse("2006-05-14", "09:30").Value.ToString().ShouldBe("2006-05-14T09:30");
        RawDatePattern.Iso.Parse("2006-05-14T08:00", "09:30").Failure.ShouldBe(DateParseFailure.InvalidFormat);
    }

    [Fact]
    public void Parse_DateAndTime_PatternWithTime_Throws() =>
        Should.Throw<InvalidOperationException>(() => RawDatePattern.Create("DD-MON-YYYY HH:MM").Parse("14-MAY-2006", "09:30"));

    [Theory]
    [InlineData("DDMONYY")]
    [InlineData("DD-MON")]
    [InlineData("DD/MM/YYYY/DD")]
    [InlineData("DD-MM-MON-YYYY")]
    [InlineData("DD-MON-YYYY HH:SS")]
    [InlineData("YYYY-DD")]
    [InlineData("YYYY HH")]
    [InlineData("DD.MM.YYYY Q")]
    public void Create_InvalidPattern_Throws(string pattern) =>
        Should.Throw<ArgumentException>(() => RawDatePattern.Create(pattern)).ParamName.ShouldBe("pattern");

    [Theory]
    [InlineData("YYYY")]
    [InlineData("HH:DD")]
    [InlineData("MM:SS")]
    public void WithTimePattern_Invalid_Throws(string timePattern) =>
        Should.Throw<ArgumentException>(() => RawDatePattern.DdMonYyyy.WithTimePattern(timePattern));
}

public class RawDatePatternAllocationTests
{
    [Fact]
    public void Parse_ValidAndPartialRaw_DoesNotAllocate()
    {
        var pattern = RawDatePattern.DdMonYyyy;
        string[] raws = ["14MAY2006", "UNMAY2006", "UNUNK2006", "14MAY2006 "];
        foreach (var raw in raws)
        {
            pattern.Parse(raw, "09:30");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var raw in raws)
            {
                pattern.Parse(raw, "09:30");
            }
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void TryParse_ValidIso_DoesNotAllocate()
    {
        PartialDateTime.TryParse("2006-05-14T09:30:15.250", out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            PartialDateTime.TryParse("2006-05-14T09:30:15.250", out _);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
