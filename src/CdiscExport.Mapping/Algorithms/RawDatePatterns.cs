using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// The spec's date formats (<c>format: DDMONYYYY</c>, <c>time_format: "HH:MM"</c>) as <see cref="RawDatePattern"/>s,
/// and the one place where a raw date becomes a typed date-time (with its ISO 8601 text) or a located failure.
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
            throw node.Error(MappingMessages.BadDateFormat(format, timeFormat, e.Message));
        }
    }

    /// <summary>
    /// The date-time (and its ISO 8601 text) read by the first of several accepted formats that reads the raw date (an
    /// EDC may export complete dates as <c>14MAY2006</c> but partial ones as <c>UN MAY 2006</c>); when none does, the
    /// first format's error.
    /// </summary>
    /// <exception cref="MappingFailure">No format reads the raw text, or no calendar has the date.</exception>
    public static IsoDateTime ToDateTime(IReadOnlyList<RawDatePattern> patterns, string date, string? time, string? column)
    {
        string? firstError = null;
        foreach (var pattern in patterns)
        {
            // Trying the next format is the ordinary path for the second format's values, so no exception is thrown here.
            if (TryToDateTime(pattern, date, time, out var value, out var error))
            {
                return value;
            }

            firstError ??= error;
        }

        throw new MappingFailure(column, firstError!);
    }

    private static bool TryToDateTime(RawDatePattern pattern, string date, string? time, out IsoDateTime value, out string error)
    {
        var result = string.IsNullOrEmpty(time) ? pattern.Parse(date) : pattern.Parse(date, time);
        if (!result.Success)
        {
            value = IsoDateTime.Missing;
            error = result.Error ?? $"\"{date}\" is not a date in the format {pattern.Pattern}";
            return false;
        }

        value = result.TryGetValue(out var parsed) ? new IsoDateTime(parsed.ToString(), parsed) : IsoDateTime.Missing;
        error = string.Empty;
        return true;
    }
}

/// <summary>A date-time the mapping made, typed, with its ISO 8601 text (made once, shared by every record of it).</summary>
/// <param name="Text">The ISO 8601 text; "" when missing.</param>
/// <param name="Value">The typed value; null when missing.</param>
internal readonly record struct IsoDateTime(string Text, PartialDateTime? Value)
{
    /// <summary>No value: a blank raw date.</summary>
    public static IsoDateTime Missing { get; } = new(string.Empty, null);
}
