using NodaTime;

namespace CdiscExport.Adam;

/// <summary>
/// The complete date (<see cref="Derivations.ParseDate"/>) of each distinct ISO 8601 text, parsed once: a date column
/// of half a million records holds a few thousand distinct dates, and its records often share one string instance
/// with the record before.
/// </summary>
internal sealed class CompleteDates
{
    private readonly Dictionary<string, LocalDate?> _parsed = new(StringComparer.Ordinal);
    private string? _lastText;
    private LocalDate? _lastDate;

    /// <summary>The complete date of <paramref name="iso"/> (time ignored); null when blank or partial.</summary>
    public LocalDate? Parse(string iso)
    {
        if (ReferenceEquals(iso, _lastText))
        {
            return _lastDate;
        }

        if (!_parsed.TryGetValue(iso, out var date))
        {
            date = Derivations.ParseDate(iso);
            _parsed.Add(iso, date);
        }

        _lastText = iso;
        _lastDate = date;
        return date;
    }
}
