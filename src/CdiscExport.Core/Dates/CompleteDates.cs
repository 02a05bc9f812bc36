using NodaTime;

namespace CdiscExport.Core.Dates;

/// <summary>
/// The complete date (year, month and day) of each distinct ISO 8601 text of a column, read once: a date column of
/// half a million records holds a few thousand distinct dates, and a record often shares its string instance with the
/// record before, which is then found without hashing.
/// </summary>
/// <param name="read">How a text is read: the complete date it holds, or null (blank, partial or not a date).</param>
/// <example>
/// The mapping reads the --DTC values it wrote itself, all of the text; ADaM reads the date part of SDTM values. Each
/// passes its reading, and the cache is the same.
/// </example>
public sealed class CompleteDates(Func<string, LocalDate?> read)
{
    private readonly Dictionary<string, LocalDate?> _read = new(StringComparer.Ordinal);
    private string? _lastText;
    private LocalDate? _lastDate;

    /// <summary>The complete date of <paramref name="iso"/>, or null.</summary>
    public LocalDate? Of(string iso)
    {
        if (ReferenceEquals(iso, _lastText))
        {
            return _lastDate;
        }

        if (!_read.TryGetValue(iso, out var date))
        {
            date = read(iso);
            _read.Add(iso, date);
        }

        _lastText = iso;
        _lastDate = date;
        return date;
    }
}
