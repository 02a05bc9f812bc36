using System.Globalization;

namespace CdiscExport.Core.Dates;

/// <summary>
/// SAS date, datetime and time numbers as ISO 8601 text and back, exactly: the text of a value converts back to the
/// very same double, or the conversion says it cannot (a fractional date, a time outside 0–24 h, a year outside
/// 1–9999). Fractions of seconds are written with the digits of the number's shortest round-trip text.
/// </summary>
/// <remarks>Dataset-JSON's <c>date</c>/<c>datetime</c>/<c>time</c> columns with <c>targetDataType</c> <c>integer</c>
/// (ADaM numeric dates) are written and read through this one type.</remarks>
public static class SasIsoText
{
    private const long SecondsPerDay = 86400;
    private static readonly int EpochDayNumber = new DateOnly(1960, 1, 1).DayNumber;

    /// <summary>The ISO 8601 date (<c>2014-01-02</c>) of a SAS date (days since 1960-01-01), if it is a whole, representable day.</summary>
    /// <param name="days">The SAS date.</param>
    /// <param name="text">The text, or null.</param>
    /// <returns>Whether the value has an exact date text.</returns>
    public static bool TryFormatDate(double days, out string? text)
    {
        text = null;
        if (!double.IsFinite(days) || days != Math.Floor(days) || !TryDate(days, out var date))
        {
            return false;
        }

        text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The SAS date of an ISO 8601 date text (<c>YYYY-MM-DD</c>). Undoes <see cref="TryFormatDate"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="days">Days since 1960-01-01.</param>
    /// <returns>Whether the text is a complete date.</returns>
    public static bool TryParseDate(ReadOnlySpan<char> text, out double days)
    {
        days = 0;
        if (text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        days = date.DayNumber - EpochDayNumber;
        return true;
    }

    /// <summary>
    /// The ISO 8601 date-time (<c>2014-01-02T10:20:30</c>, with the fraction the value holds) of a SAS datetime
    /// (seconds since 1960-01-01T00:00:00), when the text reads back to the same double.
    /// </summary>
    /// <param name="seconds">The SAS datetime.</param>
    /// <param name="text">The text, or null.</param>
    /// <returns>Whether the value has an exact text.</returns>
    public static bool TryFormatDateTime(double seconds, out string? text)
    {
        text = null;
        if (!TrySplit(seconds, out var whole, out var fraction))
        {
            return false;
        }

        var days = Math.Floor((double)whole / SecondsPerDay);
        var secondOfDay = whole - ((decimal)days * SecondsPerDay);
        if (!TryDate(days, out var date))
        {
            return false;
        }

        text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + TimeText(secondOfDay) + fraction;
        return TryParseDateTime(text, out var back) && BitConverter.DoubleToInt64Bits(back) == BitConverter.DoubleToInt64Bits(seconds == 0 ? 0 : seconds);
    }

    /// <summary>
    /// The SAS datetime of an ISO 8601 date-time text (<c>YYYY-MM-DDThh:mm:ss[.f+][Z]</c>; <c>hh:mm</c> also taken).
    /// Undoes <see cref="TryFormatDateTime"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="seconds">Seconds since 1960-01-01T00:00:00.</param>
    /// <returns>Whether the text is a complete date-time without a UTC offset other than Z.</returns>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out double seconds)
    {
        seconds = 0;
        if (text.EndsWith("Z"))
        {
            text = text[..^1];
        }

        if (text.Length < 16 || text[10] != 'T' || !TryParseDate(text[..10], out var days) || !TryParseTimeOfDay(text[11..], out var timeOfDay))
        {
            return false;
        }

        seconds = ToDouble(((decimal)days * SecondsPerDay) + timeOfDay);
        return true;
    }

    /// <summary>The ISO 8601 time (<c>10:20:30</c>, with the fraction the value holds) of a SAS time (seconds since midnight, 0 to under 24 h).</summary>
    /// <param name="seconds">The SAS time.</param>
    /// <param name="text">The text, or null.</param>
    /// <returns>Whether the value has an exact time text.</returns>
    public static bool TryFormatTime(double seconds, out string? text)
    {
        text = null;
        if (!TrySplit(seconds, out var whole, out var fraction) || whole < 0 || whole >= SecondsPerDay)
        {
            return false;
        }

        text = TimeText(whole) + fraction;
        return TryParseTime(text, out var back) && BitConverter.DoubleToInt64Bits(back) == BitConverter.DoubleToInt64Bits(seconds == 0 ? 0 : seconds);
    }

    /// <summary>The SAS time of an ISO 8601 time text (<c>hh:mm[:ss[.f+]]</c>). Undoes <see cref="TryFormatTime"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="seconds">Seconds since midnight.</param>
    /// <returns>Whether the text is a time of day.</returns>
    public static bool TryParseTime(ReadOnlySpan<char> text, out double seconds)
    {
        seconds = 0;
        if (!TryParseTimeOfDay(text, out var value))
        {
            return false;
        }

        seconds = ToDouble(value);
        return true;
    }

    private static bool TryDate(double days, out DateOnly date)
    {
        date = default;
        var number = days + EpochDayNumber;
        if (number < DateOnly.MinValue.DayNumber || number > DateOnly.MaxValue.DayNumber)
        {
            return false;
        }

        date = DateOnly.FromDayNumber((int)number);
        return true;
    }

    // The value's shortest round-trip text, split exactly (in decimal) into whole seconds and ".digits" (or "").
    private static bool TrySplit(double value, out decimal whole, out string fraction)
    {
        whole = 0;
        fraction = string.Empty;
        if (!double.IsFinite(value) || Math.Abs(value) > 1e15)
        {
            return false;
        }

        if (!decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return false;
        }

        whole = decimal.Floor(exact);
        var rest = exact - whole;
        if (rest != 0)
        {
            var digits = rest.ToString(CultureInfo.InvariantCulture); // "0.25"
            fraction = digits[1..];
        }

        return true;
    }

    private static string TimeText(decimal secondOfDay)
    {
        var s = (long)secondOfDay;
        return string.Create(CultureInfo.InvariantCulture, $"{s / 3600:00}:{s / 60 % 60:00}:{s % 60:00}");
    }

    private static bool TryParseTimeOfDay(ReadOnlySpan<char> text, out decimal seconds)
    {
        seconds = 0;
        if (text.Length < 5 || text[2] != ':' || !TwoDigits(text[..2], out var h) || !TwoDigits(text[3..5], out var m) || h > 24 || m > 59)
        {
            return false;
        }

        decimal s = 0;
        if (text.Length > 5)
        {
            if (text[5] != ':' || text.Length < 8 || !TwoDigits(text[6..8], out var whole) || whole > 59)
            {
                return false;
            }

            s = whole;
            if (text.Length > 8)
            {
                if (text[8] != '.' || text.Length == 9 || text[9..].ContainsAnyExceptInRange('0', '9') ||
                    !decimal.TryParse(string.Concat("0", text[8..]), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction))
                {
                    return false;
                }

                s += fraction;
            }
        }

        seconds = (h * 3600) + (m * 60) + s;
        return h < 24 || seconds == 24 * 3600;
    }

    private static bool TwoDigits(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length == 2;

    // decimal -> double through the text: double.Parse rounds correctly, the decimal cast does not promise to.
    private static double ToDouble(decimal value) => double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
