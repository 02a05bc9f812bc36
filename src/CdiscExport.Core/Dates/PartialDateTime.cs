using NodaTime;

namespace CdiscExport.Core.Dates;

/// <summary>
/// An SDTM <c>--DTC</c> value: an ISO 8601 date or date/time that may be right-truncated
/// (SDTMIG 4.4.2): <c>2006</c>, <c>2006-05</c>, <c>2006-05-14</c>, <c>2006-05-14T09</c>, <c>2006-05-14T09:30</c>,
/// <c>2006-05-14T09:30:15</c> or <c>2006-05-14T09:30:15.250</c>.
/// </summary>
/// <remarks>
/// <para>
/// The known components always form a prefix (year first); <see cref="Precision"/> says where the value stops.
/// Components beyond the precision are <see langword="null"/>; nothing is imputed. The value becomes a NodaTime
/// <see cref="LocalDate"/> only when the date is complete (<see cref="Date"/>).
/// </para>
/// <para>
/// SDTM's "unknown middle component" form (<c>2006---14</c>, <c>--05-14</c>, <c>2006-05-14T-:30</c>) is
/// deliberately not represented: <see cref="Parse(string)"/> rejects it with
/// <see cref="DateParseFailure.UnknownMiddleComponent"/>, whose message tells the user to right-truncate instead.
/// Time zone designators are rejected too (<see cref="DateParseFailure.TimeZoneOffset"/>).
/// </para>
/// <para>
/// Fractional seconds keep their written digits: <c>09:30:15.5</c> and <c>09:30:15.50</c> are different values
/// (the second was recorded to a different precision) and format back exactly as written.
/// <c>default(PartialDateTime)</c> is the year 0000.
/// </para>
/// </remarks>
public readonly partial record struct PartialDateTime : IComparable<PartialDateTime>
{
    /// <summary>The longest ISO text this type formats: <c>YYYY-MM-DDThh:mm:ss.fffffffff</c>.</summary>
    internal const int MaxFormattedLength = 29;

    private readonly short year;
    private readonly byte month;
    private readonly byte day;
    private readonly byte hour;
    private readonly byte minute;
    private readonly byte second;
    private readonly byte fractionDigits;
    private readonly DtcPrecision precision;
    private readonly int nanosecondOfSecond;

    /// <summary>Unchecked constructor: callers validate first (see <see cref="Validate"/>).</summary>
    private PartialDateTime(int year, int month, int day, int hour, int minute, int second, int nanosecondOfSecond, int fractionDigits, DtcPrecision precision)
    {
        this.year = (short)year;
        this.precision = precision;
        this.month = precision >= DtcPrecision.Month ? (byte)month : (byte)0;
        this.day = precision >= DtcPrecision.Day ? (byte)day : (byte)0;
        this.hour = precision >= DtcPrecision.Hour ? (byte)hour : (byte)0;
        this.minute = precision >= DtcPrecision.Minute ? (byte)minute : (byte)0;
        this.second = precision >= DtcPrecision.Second ? (byte)second : (byte)0;
        this.fractionDigits = precision >= DtcPrecision.Second ? (byte)fractionDigits : (byte)0;
        this.nanosecondOfSecond = precision >= DtcPrecision.Second ? nanosecondOfSecond : 0;
    }

    /// <summary>The year, 0000–9999; always known.</summary>
    public int Year => year;

    /// <summary>The month (1–12), or <see langword="null"/> when <see cref="Precision"/> is <see cref="DtcPrecision.Year"/>.</summary>
    public int? Month => precision >= DtcPrecision.Month ? month : null;

    /// <summary>The day of the month, or <see langword="null"/> when the date is not complete.</summary>
    public int? Day => precision >= DtcPrecision.Day ? day : null;

    /// <summary>The hour (0–23), or <see langword="null"/> when no time is known.</summary>
    public int? Hour => precision >= DtcPrecision.Hour ? hour : null;

    /// <summary>The minute (0–59), or <see langword="null"/> when not known.</summary>
    public int? Minute => precision >= DtcPrecision.Minute ? minute : null;

    /// <summary>The whole second (0–59), or <see langword="null"/> when not known.</summary>
    public int? Second => precision >= DtcPrecision.Second ? second : null;

    /// <summary>The fractional second in nanoseconds (0 when the value has no fraction).</summary>
    public int NanosecondOfSecond => nanosecondOfSecond;

    /// <summary>How many fractional-second digits were written (0–9); 0 when there is no fraction.</summary>
    public int FractionDigits => fractionDigits;

    /// <summary>How far the value is known.</summary>
    public DtcPrecision Precision => precision;

    /// <summary>Whether year, month and day are all known (precision <see cref="DtcPrecision.Day"/> or finer).</summary>
    public bool IsCompleteDate => precision >= DtcPrecision.Day;

    /// <summary>The date as a NodaTime <see cref="LocalDate"/> when it is complete; otherwise <see langword="null"/>.</summary>
    public LocalDate? Date => IsCompleteDate ? new LocalDate(year, month, day) : null;

    /// <summary>
    /// The value as a NodaTime <see cref="LocalDateTime"/> when the date and the time to at least the minute are known
    /// (precision <see cref="DtcPrecision.Minute"/> or <see cref="DtcPrecision.Second"/>); otherwise <see langword="null"/>.
    /// </summary>
    /// <remarks>
    /// At minute precision the seconds are 0: <c>09:30</c> names the clock reading 09:30:00. Coarser values
    /// (<c>2006-05-14T09</c>) are not turned into a time, because that would impute the minute.
    /// </remarks>
    public LocalDateTime? DateTime => precision >= DtcPrecision.Minute
        ? new LocalDate(year, month, day).At(LocalTime.FromHourMinuteSecondNanosecond(hour, minute, second, nanosecondOfSecond))
        : null;

    /// <summary>A year-precision value, e.g. <c>2006</c>.</summary>
    /// <param name="year">The year, 0–9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static PartialDateTime FromYear(int year) => Create(year);

    /// <summary>A month-precision value, e.g. <c>2006-05</c>.</summary>
    /// <param name="year">The year, 0–9999.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <exception cref="ArgumentOutOfRangeException">A component is out of range.</exception>
    public static PartialDateTime FromYearMonth(int year, int month) => Create(year, month);

    /// <summary>A day-precision value for a complete date.</summary>
    /// <param name="date">The date; its year must be 0–9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 0–9999.</exception>
    public static PartialDateTime FromDate(LocalDate date) => Create(date.Year, date.Month, date.Day);

    /// <summary>
    /// A value holding <paramref name="dateTime"/> truncated to <paramref name="precision"/>. At
    /// <see cref="DtcPrecision.Second"/> a non-zero fraction is kept with as many digits as it needs.
    /// </summary>
    /// <param name="dateTime">The date and time.</param>
    /// <param name="precision">How much of it to keep.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 0–9999.</exception>
    public static PartialDateTime FromDateTime(LocalDateTime dateTime, DtcPrecision precision = DtcPrecision.Second)
    {
        var nanos = dateTime.NanosecondOfSecond;
        var digits = 0;
        if (nanos != 0)
        {
            digits = 9;
            for (var n = nanos; n % 10 == 0; n /= 10)
            {
                digits--;
            }
        }

        CheckYear(dateTime.Year);
        return new PartialDateTime(dateTime.Year, dateTime.Month, dateTime.Day, dateTime.Hour, dateTime.Minute, dateTime.Second, nanos, digits, precision);
    }

    /// <summary>
    /// A value from its components; the known components must form a prefix (no month without year, no minute
    /// without hour, …), and the precision is that of the last one given.
    /// </summary>
    /// <param name="year">The year, 0–9999.</param>
    /// <param name="month">The month, 1–12, or <see langword="null"/>.</param>
    /// <param name="day">The day, valid for its month, or <see langword="null"/>.</param>
    /// <param name="hour">The hour, 0–23, or <see langword="null"/>.</param>
    /// <param name="minute">The minute, 0–59, or <see langword="null"/>.</param>
    /// <param name="second">The second, 0–59, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A component is given after a missing one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A component is out of range.</exception>
    public static PartialDateTime Create(int year, int? month = null, int? day = null, int? hour = null, int? minute = null, int? second = null)
    {
        CheckYear(year);
        int?[] rest = [month, day, hour, minute, second];
        var precision = DtcPrecision.Year;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] is null)
            {
                for (var j = i + 1; j < rest.Length; j++)
                {
                    if (rest[j] is not null)
                    {
                        throw new ArgumentException(
                            $"{(DtcPrecision)(j + 1)} is given but {(DtcPrecision)(i + 1)} is not; a --DTC value is right-truncated, so leave out every component after the first unknown one.",
                            ((DtcPrecision)(j + 1)).ToString().ToLowerInvariant());
                    }
                }

                break;
            }

            precision = (DtcPrecision)(i + 1);
        }

        var failure = Validate(year, month ?? 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0, precision);
        if (failure != DateParseFailure.None)
        {
            throw new ArgumentOutOfRangeException(
                failure.ToString(),
                DateErrorMessages.RangeDetail(failure, year, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0, second ?? 0));
        }

        return new PartialDateTime(year, month ?? 0, day ?? 0, hour ?? 0, minute ?? 0, second ?? 0, 0, 0, precision);
    }

    /// <summary>
    /// A copy that keeps only the components up to <paramref name="precision"/> (SDTM right truncation).
    /// Asking for a finer precision than the value has returns the value unchanged.
    /// </summary>
    /// <param name="precision">The precision to truncate to.</param>
    public PartialDateTime TruncatedTo(DtcPrecision precision) =>
        precision >= this.precision
            ? this
            : new PartialDateTime(year, month, day, hour, minute, second, nanosecondOfSecond, fractionDigits, precision);

    /// <summary>
    /// Compares the date parts (year, month, day) of two values as far as <em>both</em> know them.
    /// </summary>
    /// <param name="x">The first value.</param>
    /// <param name="y">The second value.</param>
    /// <returns>
    /// Negative when <paramref name="x"/>'s date is earlier, positive when later, and 0 when the two agree on every
    /// date component both know: <c>2006-05</c> and <c>2006-05-14</c> compare as 0 (neither is known to be earlier),
    /// while <c>2006-04</c> is before <c>2006-05-14</c>. Times are ignored.
    /// </returns>
    public static int CompareDatePart(PartialDateTime x, PartialDateTime y)
    {
        var c = x.year.CompareTo(y.year);
        if (c != 0 || x.precision < DtcPrecision.Month || y.precision < DtcPrecision.Month)
        {
            return c;
        }

        c = x.month.CompareTo(y.month);
        if (c != 0 || x.precision < DtcPrecision.Day || y.precision < DtcPrecision.Day)
        {
            return c;
        }

        return x.day.CompareTo(y.day);
    }

    /// <summary>Compares this value's date part with <paramref name="other"/>'s; see <see cref="CompareDatePart(PartialDateTime, PartialDateTime)"/>.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>Negative, zero or positive, as for <see cref="CompareDatePart(PartialDateTime, PartialDateTime)"/>.</returns>
    public int CompareDatePart(PartialDateTime other) => CompareDatePart(this, other);

    /// <summary>
    /// A total order for sorting: component by component, where a missing component sorts before any known one
    /// (<c>2006</c> &lt; <c>2006-01</c> &lt; <c>2006-01-01</c>), then by fraction and its digit count.
    /// </summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(PartialDateTime other)
    {
        var c = year.CompareTo(other.year);
        if (c != 0)
        {
            return c;
        }

        for (var p = DtcPrecision.Month; p <= DtcPrecision.Second; p++)
        {
            var hasThis = precision >= p;
            var hasOther = other.precision >= p;
            if (!hasThis || !hasOther)
            {
                return hasThis.CompareTo(hasOther);
            }

            c = Component(p).CompareTo(other.Component(p));
            if (c != 0)
            {
                return c;
            }
        }

        c = nanosecondOfSecond.CompareTo(other.nanosecondOfSecond);
        return c != 0 ? c : fractionDigits.CompareTo(other.fractionDigits);
    }

    /// <summary>The ISO 8601 text of the value, e.g. <c>2006-05-14T09:30</c>; parsing it gives the same value back.</summary>
    /// <returns>The ISO 8601 text.</returns>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        var length = FormatTo(buffer);
        return new string(buffer[..length]);
    }

    /// <summary>Writes the ISO text into <paramref name="destination"/> (at least <see cref="MaxFormattedLength"/> long).</summary>
    internal int FormatTo(Span<char> destination)
    {
        Write4(destination, year);
        var n = 4;
        if (precision >= DtcPrecision.Month)
        {
            destination[n++] = '-';
            n = Write2(destination, n, month);
        }

        if (precision >= DtcPrecision.Day)
        {
            destination[n++] = '-';
            n = Write2(destination, n, day);
        }

        if (precision >= DtcPrecision.Hour)
        {
            destination[n++] = 'T';
            n = Write2(destination, n, hour);
        }

        if (precision >= DtcPrecision.Minute)
        {
            destination[n++] = ':';
            n = Write2(destination, n, minute);
        }

        if (precision >= DtcPrecision.Second)
        {
            destination[n++] = ':';
            n = Write2(destination, n, second);
            if (fractionDigits > 0)
            {
                destination[n++] = '.';
                var value = nanosecondOfSecond;
                for (var i = 9; i > fractionDigits; i--)
                {
                    value /= 10;
                }

                for (var i = fractionDigits - 1; i >= 0; i--)
                {
                    destination[n + i] = (char)('0' + (value % 10));
                    value /= 10;
                }

                n += fractionDigits;
            }
        }

        return n;
    }

    /// <summary>Checks component ranges up to <paramref name="precision"/>; returns the first failure or <see cref="DateParseFailure.None"/>.</summary>
    internal static DateParseFailure Validate(int year, int month, int day, int hour, int minute, int second, DtcPrecision precision)
    {
        if (precision >= DtcPrecision.Month && month is < 1 or > 12)
        {
            return DateParseFailure.MonthOutOfRange;
        }

        if (precision >= DtcPrecision.Day && (day < 1 || day > DaysInMonth(year, month)))
        {
            return DateParseFailure.DayOutOfRange;
        }

        if (precision >= DtcPrecision.Hour && hour is < 0 or > 23)
        {
            return DateParseFailure.HourOutOfRange;
        }

        if (precision >= DtcPrecision.Minute && minute is < 0 or > 59)
        {
            return DateParseFailure.MinuteOutOfRange;
        }

        return precision >= DtcPrecision.Second && second is < 0 or > 59
            ? DateParseFailure.SecondOutOfRange
            : DateParseFailure.None;
    }

    /// <summary>Builds a value whose components were checked by <see cref="Validate"/>.</summary>
    internal static PartialDateTime FromValidated(int year, int month, int day, int hour, int minute, int second, int nanosecondOfSecond, int fractionDigits, DtcPrecision precision) =>
        new(year, month, day, hour, minute, second, nanosecondOfSecond, fractionDigits, precision);

    /// <summary>Days in a month of the proleptic Gregorian (ISO) calendar.</summary>
    internal static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool IsLeapYear(int year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    private static void CheckYear(int year)
    {
        if (year is < 0 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "An ISO 8601 --DTC year has 4 digits: 0000-9999.");
        }
    }

    private int Component(DtcPrecision p) => p switch
    {
        DtcPrecision.Month => month,
        DtcPrecision.Day => day,
        DtcPrecision.Hour => hour,
        DtcPrecision.Minute => minute,
        _ => second,
    };

    private static void Write4(Span<char> d, int value)
    {
        d[0] = (char)('0' + (value / 1000));
        d[1] = (char)('0' + (value / 100 % 10));
        d[2] = (char)('0' + (value / 10 % 10));
        d[3] = (char)('0' + (value % 10));
    }

    private static int Write2(Span<char> d, int n, int value)
    {
        d[n] = (char)('0' + (value / 10));
        d[n + 1] = (char)('0' + (value % 10));
        return n + 2;
    }
}
