using System.Globalization;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// Numbers written as the mapping writes them: shortest round-trip text, invariant culture (<c>"R"</c>). Raw results
/// are mostly written that way already ("12.5"), and then the raw string itself is returned rather than a new copy
/// of it, so half a million records do not each allocate their result twice.
/// </summary>
internal static class NumberText
{
    /// <summary>The text of <paramref name="value"/>; <paramref name="raw"/> itself when it already is that text.</summary>
    public static string Format(double value, string raw)
    {
        Span<char> buffer = stackalloc char[32];
        if (value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            var text = buffer[..written];
            return text.SequenceEqual(raw) ? raw : text.ToString();
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
