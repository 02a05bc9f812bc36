using NodaTime;

namespace CdiscExport.Core.Dates;

/// <summary>
/// Conversions between NodaTime values and SAS numeric dates (days since 1960-01-01) and datetimes
/// (seconds since 1960-01-01T00:00:00), defined once for both the XPT reader and writer.
/// </summary>
/// <remarks>SAS has no time zones: a SAS datetime is a <see cref="LocalDateTime"/>, not an instant.</remarks>
public static class SasDate
{
    /// <summary>Day 0 of SAS dates and second 0 of SAS datetimes: 1960-01-01.</summary>
    public static readonly LocalDate Epoch = new(1960, 1, 1);

    private static readonly LocalDateTime EpochDateTime = Epoch.AtMidnight();

    private const long NanosecondsPerSecond = 1_000_000_000L;

    /// <summary>The SAS date value of <paramref name="date"/>: days since 1960-01-01 (2006-05-14 is 16935).</summary>
    /// <param name="date">The date.</param>
    /// <returns>Days since 1960-01-01; negative before it.</returns>
    public static int ToSasDays(LocalDate date) => Period.DaysBetween(Epoch, date);

    /// <summary>
    /// The date of a SAS date value. A fractional value is floored, as SAS date formats do (1.5 is 1960-01-02).
    /// </summary>
    /// <param name="sasDays">Days since 1960-01-01.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The value is NaN or infinite (a SAS missing value must be handled before calling), or outside NodaTime's range.
    /// </exception>
    public static LocalDate FromSasDays(double sasDays)
    {
        if (!TryFromSasDays(sasDays, out var date))
        {
            throw new ArgumentOutOfRangeException(nameof(sasDays), sasDays, "Not a SAS date: expected a finite number of days since 1960-01-01 within years -9998..9999; handle SAS missing values before converting.");
        }

        return date;
    }

    /// <summary>As <see cref="FromSasDays(double)"/>, but returns <see langword="false"/> instead of throwing.</summary>
    /// <param name="sasDays">Days since 1960-01-01.</param>
    /// <param name="date">The date, or <c>default</c>.</param>
    /// <returns>Whether the value is a representable date.</returns>
    public static bool TryFromSasDays(double sasDays, out LocalDate date)
    {
        date = default;
        // About ±7.3 million days covers NodaTime's ISO range (-9998..9999); PlusDays checks the exact bound.
        if (!double.IsFinite(sasDays) || Math.Abs(sasDays) > 8_000_000)
        {
            return false;
        }

        try
        {
            date = Epoch.PlusDays((int)Math.Floor(sasDays));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The SAS datetime value of <paramref name="dateTime"/>: seconds since 1960-01-01T00:00:00, fraction included.</summary>
    /// <param name="dateTime">The date and time.</param>
    /// <returns>Seconds since the SAS epoch.</returns>
    public static double ToSasDateTime(LocalDateTime dateTime)
    {
        var days = (long)Period.DaysBetween(Epoch, dateTime.Date);
        var nanoOfDay = dateTime.TimeOfDay.NanosecondOfDay;
        return (days * 86_400) + ((double)nanoOfDay / NanosecondsPerSecond);
    }

    /// <summary>
    /// The date and time of a SAS datetime value, rounded to the nearest microsecond (a double holding a current
    /// datetime is only precise to a few tenths of a microsecond).
    /// </summary>
    /// <param name="sasSeconds">Seconds since 1960-01-01T00:00:00.</param>
    /// <returns>The date and time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite, or outside NodaTime's range.</exception>
    public static LocalDateTime FromSasDateTime(double sasSeconds)
    {
        if (!double.IsFinite(sasSeconds) || Math.Abs(sasSeconds) > 8_000_000d * 86_400)
        {
            throw new ArgumentOutOfRangeException(nameof(sasSeconds), sasSeconds, "Not a SAS datetime: expected a finite number of seconds since 1960-01-01T00:00:00; handle SAS missing values before converting.");
        }

        var days = Math.Floor(sasSeconds / 86_400);
        var secondOfDay = sasSeconds - (days * 86_400);
        var micros = (long)Math.Round(secondOfDay * 1_000_000, MidpointRounding.AwayFromZero);
        var dayCount = (int)days;
        if (micros >= 86_400_000_000L)
        {
            micros -= 86_400_000_000L;
            dayCount++;
        }

        return Epoch.PlusDays(dayCount).At(LocalTime.FromNanosecondsSinceMidnight(micros * 1000));
    }

    /// <summary>The SAS time value of <paramref name="time"/>: seconds since midnight, fraction included.</summary>
    /// <param name="time">The time of day.</param>
    /// <returns>Seconds since midnight.</returns>
    public static double ToSasTime(LocalTime time) => (double)time.NanosecondOfDay / NanosecondsPerSecond;

    /// <summary>The time of day of a SAS time value, rounded to the nearest microsecond.</summary>
    /// <param name="sasSeconds">Seconds since midnight, 0 ≤ value &lt; 86400.</param>
    /// <returns>The time of day.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not within one day.</exception>
    public static LocalTime FromSasTime(double sasSeconds)
    {
        var micros = double.IsFinite(sasSeconds) ? (long)Math.Round(sasSeconds * 1_000_000, MidpointRounding.AwayFromZero) : -1;
        if (micros is < 0 or >= 86_400_000_000L)
        {
            throw new ArgumentOutOfRangeException(nameof(sasSeconds), sasSeconds, "Not a SAS time: expected seconds since midnight in [0, 86400).");
        }

        return LocalTime.FromNanosecondsSinceMidnight(micros * 1000);
    }
}
