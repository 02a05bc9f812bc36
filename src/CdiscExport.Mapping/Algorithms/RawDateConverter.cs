using CdiscExport.Core.Dates;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// Raw dates (and times) to typed date-times with their ISO 8601 text, through
/// <see cref="RawDatePatterns.ToDateTime(IReadOnlyList{RawDatePattern}, string, string?, string?)"/>, each distinct raw
/// value converted once: a 5,000-subject LB repeats a few thousand dates over half a million records, and every record
/// of one date then shares one ISO string.
/// </summary>
internal sealed class RawDateConverter(IReadOnlyList<RawDatePattern> patterns)
{
    private readonly Memo<(string Date, string Time), IsoDateTime> _converted = new();

    // Dates without a time, keyed on the date alone: hashing one string costs half of hashing a pair.
    private readonly Memo<string, IsoDateTime> _dates = new();

    /// <summary>The date-time of a raw date and optional time; <see cref="IsoDateTime.Missing"/> for a blank raw value.</summary>
    /// <exception cref="MappingFailure">No pattern reads the raw text (failures are not remembered: they end the run).</exception>
    public IsoDateTime ToDateTime(string date, string? time, string? column)
    {
        if (string.IsNullOrEmpty(time))
        {
            return _dates.TryGet(date, out var dateOnly) ? dateOnly : _dates.Add(date, RawDatePatterns.ToDateTime(patterns, date, time, column));
        }

        var key = (date, time);
        return _converted.TryGet(key, out var value) ? value : _converted.Add(key, RawDatePatterns.ToDateTime(patterns, date, time, column));
    }
}
