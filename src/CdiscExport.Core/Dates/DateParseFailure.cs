namespace CdiscExport.Core.Dates;

/// <summary>
/// Why a date or date/time text could not be parsed. Tests and callers branch on this value, never on the
/// wording of the message (the templates live in one internal class).
/// </summary>
public enum DateParseFailure
{
    /// <summary>No failure: the text parsed (or was blank where blank is allowed).</summary>
    None = 0,

    /// <summary>The text is empty where a value is required (<see cref="PartialDateTime.Parse(string)"/>).</summary>
    Empty,

    /// <summary>The text does not have the expected shape (wrong separator, wrong number of digits, stray characters).</summary>
    InvalidFormat,

    /// <summary>The year is not written with exactly four digits; two-digit years are never guessed.</summary>
    ExpectedFourDigitYear,

    /// <summary>A <c>MON</c> field holds three letters that are not an English month abbreviation (JAN … DEC).</summary>
    UnknownMonthName,

    /// <summary>The month is not in 1–12.</summary>
    MonthOutOfRange,

    /// <summary>The day does not exist in its month (leap years included), e.g. 30 February 2006.</summary>
    DayOutOfRange,

    /// <summary>The hour is not in 0–23.</summary>
    HourOutOfRange,

    /// <summary>The minute is not in 0–59.</summary>
    MinuteOutOfRange,

    /// <summary>The second is not in 0–59 (leap seconds are not representable).</summary>
    SecondOutOfRange,

    /// <summary>
    /// An ISO 8601 text uses the SDTM "unknown middle component" form (<c>2006---14</c>, <c>--05-14</c>,
    /// <c>2006-05-14T-:30</c>), which <see cref="PartialDateTime"/> does not represent.
    /// </summary>
    UnknownMiddleComponent,

    /// <summary>An ISO 8601 text carries a time zone designator (<c>Z</c>, <c>+01:00</c>), which <c>--DTC</c> values do not use here.</summary>
    TimeZoneOffset,

    /// <summary>A raw date has an unknown year but known later components, which no right-truncated <c>--DTC</c> can hold.</summary>
    UnknownYear,

    /// <summary>A time was given without a date.</summary>
    TimeWithoutDate,

    /// <summary>Characters are left over after the pattern was fully matched.</summary>
    TrailingText,
}
