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
}

/// <summary>
/// <see cref="IsoDates.TryDate"/> for the values of one column, each distinct text read once: a dataset repeats each
/// date over many records (usually on consecutive records, which the memo finds without hashing).
/// </summary>
internal sealed class CompleteDates
{
    private readonly Memo<string, LocalDate?> _dates = new();

    /// <summary>True when <paramref name="iso"/> holds at least a complete date (year, month and day).</summary>
    public bool TryDate(string iso, out LocalDate date)
    {
        if (!_dates.TryGet(iso, out var known))
        {
            known = _dates.Add(iso, IsoDates.TryDate(iso, out var parsed) ? parsed : null);
        }

        date = known.GetValueOrDefault();
        return known.HasValue;
    }
}
