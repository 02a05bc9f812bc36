using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// The spec's date formats (<c>format: DDMONYYYY</c>, <c>time_format: "HH:MM"</c>) as <see cref="RawDatePattern"/>s,
/// and the one place where a raw date becomes ISO 8601 text or a located failure.
/// </summary>
internal static class RawDatePatterns
{
    public static IReadOnlyList<RawDatePattern> Create(SpecNode node, IReadOnlyList<string> formats, string? timeFormat) =>
        formats.Select(f => Create(node, f, timeFormat)).ToList();

    public static RawDatePattern Create(SpecNode node, string format, string? timeFormat)
    {
        try
        {
            var pattern = format is "ISO" or "ISO 8601" ? RawDatePattern.Iso : RawDatePattern.Create(format);
            return timeFormat is null ? pattern : pattern.WithTimePattern(timeFormat);
        }
        catch (ArgumentException e)
        {
            throw node.Error($"date format \"{format}\"{(timeFormat is null ? string.Empty : $" / \"{timeFormat}\"")} is not valid: {e.Message}");
        }
    }

    /// <summary>
    /// ISO 8601 text from the first of several accepted formats that reads the raw date (an EDC may export complete
    /// dates as <c>14MAY2006</c> but partial ones as <c>UN MAY 2006</c>); when none does, the first format's error.
    /// </summary>
    public static string ToIso(IReadOnlyList<RawDatePattern> patterns, string date, string? time, string? column)
    {
        string? firstError = null;
        foreach (var pattern in patterns)
        {
            // Trying the next format is the ordinary path for the second format's values, so no exception is thrown here.
            if (TryToIso(pattern, date, time, out var iso, out var error))
            {
                return iso;
            }

            firstError ??= error;
        }

        throw new MappingFailure(column, firstError!);
    }

    /// <summary>ISO 8601 text for a raw date (and time); "" for a blank raw value.</summary>
    /// <exception cref="MappingFailure">The raw text is not a date the pattern accepts, or no calendar has it.</exception>
    public static string ToIso(RawDatePattern pattern, string date, string? time, string? column) =>
        TryToIso(pattern, date, time, out var iso, out var error) ? iso : throw new MappingFailure(column, error);

    private static bool TryToIso(RawDatePattern pattern, string date, string? time, out string iso, out string error)
    {
        var result = string.IsNullOrEmpty(time) ? pattern.Parse(date) : pattern.Parse(date, time);
        if (!result.Success)
        {
            iso = string.Empty;
            error = result.Error ?? $"\"{date}\" is not a date in the format {pattern.Pattern}";
            return false;
        }

        iso = result.TryGetValue(out var value) ? value.ToString() : string.Empty;
        error = string.Empty;
        return true;
    }
}
