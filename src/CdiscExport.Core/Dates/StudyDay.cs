using NodaTime;

namespace CdiscExport.Core.Dates;

/// <summary>
/// Study day arithmetic for SDTM <c>--DY</c>, <c>--STDY</c>, <c>--ENDY</c> (and ADaM <c>ADY</c>, <c>ASTDY</c>).
/// </summary>
/// <remarks>
/// SDTMIG 4.4.4: when the date is on or after the reference date (usually <c>RFSTDTC</c>),
/// study day = (date − reference) + 1; when it is before, study day = date − reference. There is no day 0:
/// the reference date is day 1 and the day before it is day −1.
/// </remarks>
/// <example>
/// With <c>RFSTDTC</c> = 2006-05-14:
/// <code>
/// --DTC        --DY
/// 2006-05-13   -1
/// 2006-05-14    1
/// 2006-05-15    2
/// </code>
/// </example>
public static class StudyDay
{
    /// <summary>The study day of <paramref name="date"/> relative to <paramref name="reference"/> (no day 0).</summary>
    /// <param name="reference">The reference start date, usually <c>RFSTDTC</c>.</param>
    /// <param name="date">The date of the observation.</param>
    /// <returns>The study day; never <see langword="null"/> for two dates (nullable to match the partial-date overload).</returns>
    public static int? ComputeStudyDay(LocalDate reference, LocalDate date)
    {
        var days = Period.DaysBetween(reference, date);
        return days >= 0 ? days + 1 : days;
    }

    /// <summary>
    /// The study day of <paramref name="date"/> relative to <paramref name="reference"/>, or <see langword="null"/>
    /// when either is not a complete date (SDTMIG: <c>--DY</c> is only derived from complete dates; nothing is imputed).
    /// The time parts are ignored.
    /// </summary>
    /// <param name="reference">The reference start, usually <c>RFSTDTC</c>.</param>
    /// <param name="date">The observation's <c>--DTC</c>.</param>
    /// <returns>The study day, or <see langword="null"/>.</returns>
    public static int? ComputeStudyDay(PartialDateTime reference, PartialDateTime date) =>
        reference.Date is { } r && date.Date is { } d ? ComputeStudyDay(r, d) : null;
}
