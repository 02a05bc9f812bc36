using CdiscExport.Core.Dates;
using NodaTime;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>Reads the complete date of an ISO 8601 --DTC value that the mapping wrote itself.</summary>
internal static class IsoDates
{
    /// <summary>True when <paramref name="iso"/> holds at least a complete date (year, month and day).</summary>
    public static bool TryDate(string iso, out LocalDate date)
    {
        if (iso.Length >= 10 && PartialDateTime.TryParse(iso, out var value) && value.Date is { } d)
        {
            date = d;
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>The complete date of <paramref name="iso"/>, or null (as <see cref="TryDate"/>).</summary>
    public static LocalDate? CompleteDate(string iso) => TryDate(iso, out var date) ? date : null;
}
