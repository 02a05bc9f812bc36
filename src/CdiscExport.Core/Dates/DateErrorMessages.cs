using System.Globalization;

namespace CdiscExport.Core.Dates;

/// <summary>
/// Every message text of the Dates folder, in one place (as NodaTime's <c>TextErrorMessages</c>).
/// A message is <c>"raw text": detail</c>, so it stands alone in a report.
/// </summary>
internal static class DateErrorMessages
{
    internal const string Empty = "the text is empty; a --DTC value needs at least a 4-digit year";
    internal const string IsoFormat = "expected an ISO 8601 date/time of the form YYYY[-MM[-DD[Thh[:mm[:ss[.fff]]]]]]";
    internal const string ExpectedFourDigitYear = "expected a 4-digit year";
    internal const string UnknownMonthName = "\"{0}\" is not an English month abbreviation (JAN, FEB, ... DEC)";
    internal const string MonthOutOfRange = "month {0} is out of range 1-12";
    internal const string DayOutOfRange = "day {0} is out of range for {1} {2}";
    internal const string DayOutOfRangeNoMonth = "day {0} is out of range 1-31";
    internal const string HourOutOfRange = "hour {0} is out of range 0-23";
    internal const string MinuteOutOfRange = "minute {0} is out of range 0-59";
    internal const string SecondOutOfRange = "second {0} is out of range 0-59";
    internal const string UnknownMiddleComponent =
        "unknown middle components (the SDTM \"2006---14\" form) are not supported; " +
        "right-truncate at the first unknown component instead (e.g. \"2006\")";
    internal const string TimeZoneOffset =
        "time zone designators are not supported in --DTC values; record local time without an offset";
    internal const string UnknownYear =
        "the year is unknown but later components are known; a --DTC value needs at least the year";
    internal const string TimeWithoutDate = "a time was given without a date";
    internal const string DateAlreadyHasTime = "the date already contains a time, so a separate time cannot be added";
    internal const string TrailingText = "unexpected text \"{0}\" at position {1}; the pattern is \"{2}\"";
    internal const string ExpectedField = "expected {0} at position {1}; the pattern is \"{2}\"";
    internal const string ExpectedLiteral = "expected '{0}' at position {1}; the pattern is \"{2}\"";

    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>Prefixes <paramref name="detail"/> with the quoted raw text.</summary>
    internal static string ForText(string text, string detail) => "\"" + text + "\": " + detail;

    internal static string Format(string template, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary>The detail for a range failure found by <see cref="PartialDateTime"/> validation.</summary>
    internal static string RangeDetail(DateParseFailure failure, int year, int month, int day, int hour, int minute, int second) =>
        failure switch
        {
            DateParseFailure.MonthOutOfRange => Format(MonthOutOfRange, month),
            DateParseFailure.DayOutOfRange when month is >= 1 and <= 12 => Format(DayOutOfRange, day, MonthNames[month - 1], year.ToString("0000", CultureInfo.InvariantCulture)),
            DateParseFailure.DayOutOfRange => Format(DayOutOfRangeNoMonth, day),
            DateParseFailure.HourOutOfRange => Format(HourOutOfRange, hour),
            DateParseFailure.MinuteOutOfRange => Format(MinuteOutOfRange, minute),
            DateParseFailure.SecondOutOfRange => Format(SecondOutOfRange, second),
            _ => failure.ToString(),
        };
}
