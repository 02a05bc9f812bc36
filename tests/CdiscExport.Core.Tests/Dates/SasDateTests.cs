using CdiscExport.Core.Dates;
using NodaTime;

namespace CdiscExport.Core.Tests.Dates;

public class SasDateTests
{
    /// <summary>Date, SAS date value (days since 1960-01-01), checked against Python's datetime arithmetic.</summary>
    public static TheoryData<string, int> SasDaysData => new()
    {
        { "1960-01-01", 0 },
        { "1960-01-02", 1 },
        { "1959-12-31", -1 },
        { "1960-12-31", 365 },
        { "1961-01-01", 366 },
        { "1970-01-01", 3653 },
        { "2000-01-01", 14610 },
        { "2004-02-29", 16130 },
        { "2006-05-14", 16935 },
        { "1582-10-15", -137774 },
    };

    [Theory]
    [MemberData(nameof(SasDaysData))]
    public void ToSasDays_KnownValues_RoundTrip(string iso, int days)
    {
        var date = PartialDateTime.Parse(iso).Value.Date!.Value;

        SasDate.ToSasDays(date).ShouldBe(days);
        SasDate.FromSasDays(days).ShouldBe(date);
    }

    [Theory]
    [InlineData(1.5, "1960-01-02")]
    [InlineData(-0.5, "1959-12-31")]
    [InlineData(16935.999, "2006-05-14")]
    public void FromSasDays_Fraction_Floors(double days, string expected) =>
        SasDate.FromSasDays(days).ShouldBe(PartialDateTime.Parse(expected).Value.Date!.Value);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e12)]
    public void FromSasDays_NotADate_Throws(double days)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SasDate.FromSasDays(days));
        SasDate.TryFromSasDays(days, out _).ShouldBeFalse();
    }

    /// <summary>Date/time, SAS datetime value (seconds since 1960-01-01T00:00:00).</summary>
    public static TheoryData<string, double> SasDateTimeData => new()
    {
        { "1960-01-01T00:00:00", 0 },
        { "1960-01-01T00:00:01", 1 },
        { "1959-12-31T23:59:59", -1 },
        { "1960-01-02T00:00:00", 86400 },
        { "2006-05-14T09:30:15", (16935 * 86400d) + (9 * 3600) + (30 * 60) + 15 },
        { "2006-05-14T09:30:15.5", (16935 * 86400d) + (9 * 3600) + (30 * 60) + 15.5 },
    };

    [Theory]
    [MemberData(nameof(SasDateTimeData))]
    public void ToSasDateTime_KnownValues_RoundTrip(string iso, double seconds)
    {
        var dateTime = PartialDateTime.Parse(iso).Value.DateTime!.Value;

        SasDate.ToSasDateTime(dateTime).ShouldBe(seconds);
        SasDate.FromSasDateTime(seconds).ShouldBe(dateTime);
    }

    [Fact]
    public void FromSasDateTime_RoundsToMicrosecond() =>
        SasDate.FromSasDateTime(1463218215.0000004).ShouldBe(new LocalDateTime(2006, 5, 14, 9, 30, 15));

    [Fact]
    public void FromSasDateTime_NaN_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => SasDate.FromSasDateTime(double.NaN));

    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(34215, "09:30:15")]
    [InlineData(86399.5, "23:59:59.5")]
    public void SasTime_RoundTrips(double seconds, string time)
    {
        var local = NodaTime.Text.LocalTimePattern.ExtendedIso.Parse(time).Value;

        SasDate.ToSasTime(local).ShouldBe(seconds);
        SasDate.FromSasTime(seconds).ShouldBe(local);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(86400)]
    public void FromSasTime_OutsideDay_Throws(double seconds) =>
        Should.Throw<ArgumentOutOfRangeException>(() => SasDate.FromSasTime(seconds));
}
