using CdiscExport.Core.Dates;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// Raw dates (and times) to ISO 8601 text through <see cref="RawDatePatterns.ToIso(IReadOnlyList{RawDatePattern}, string, string?, string?)"/>,
/// each distinct raw value converted once: a 5,000-subject LB repeats a few thousand dates over half a million
/// records, and every record of one date then shares one ISO string.
/// </summary>
internal sealed class RawDateConverter(IReadOnlyList<RawDatePattern> patterns)
{
    private readonly Memo<(string Date, string Time), string> _converted = new();

    // Dates without a time, keyed on the date alone: hashing one string costs half of hashing a pair.
    private readonly Memo<string, string> _dates = new();

    /// <summary>ISO 8601 text for a raw date and optional time; "" for a blank raw value.</summary>
    /// <exception cref="MappingFailure">No pattern reads the raw text (failures are not remembered: they end the run).</exception>
    public string ToIso(string date, string? time, string? column)
    {
        if (string.IsNullOrEmpty(time))
        {
            return _dates.TryGet(date, out var dateIso) ? dateIso : _dates.Add(date, RawDatePatterns.ToIso(patterns, date, time, column));
        }

        var key = (date, time);
        return _converted.TryGet(key, out var iso) ? iso : _converted.Add(key, RawDatePatterns.ToIso(patterns, date, time, column));
    }
}
