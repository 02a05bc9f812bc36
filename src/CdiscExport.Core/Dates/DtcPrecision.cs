namespace CdiscExport.Core.Dates;

/// <summary>
/// How far an ISO 8601 <c>--DTC</c> value is known, from the year down to the second
/// (SDTMIG 4.4.2, right truncation). Values are ordered: a larger value means more components are known.
/// </summary>
public enum DtcPrecision
{
    /// <summary>Only the year is known, e.g. <c>2006</c>.</summary>
    Year = 0,

    /// <summary>Year and month are known, e.g. <c>2006-05</c>.</summary>
    Month = 1,

    /// <summary>The full date is known, e.g. <c>2006-05-14</c>.</summary>
    Day = 2,

    /// <summary>Date and hour are known, e.g. <c>2006-05-14T09</c>.</summary>
    Hour = 3,

    /// <summary>Date, hour and minute are known, e.g. <c>2006-05-14T09:30</c>.</summary>
    Minute = 4,

    /// <summary>
    /// Date and time to the second are known, e.g. <c>2006-05-14T09:30:15</c>; the value may also carry
    /// fractional seconds (<c>2006-05-14T09:30:15.250</c>).
    /// </summary>
    Second = 5,
}
