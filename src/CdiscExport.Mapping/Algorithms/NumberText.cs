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

/// <summary>A number the mapping made, typed, with its shortest round-trip text (made once per distinct raw text).</summary>
/// <param name="Text">The text, as <see cref="NumberText.Format"/> writes it; "" when missing.</param>
/// <param name="Value">The number; null when missing.</param>
internal readonly record struct MappedNumber(string Text, double? Value)
{
    /// <summary>No value: a blank raw value, or a text a lenient <c>number:</c> leaves missing.</summary>
    public static MappedNumber Missing { get; } = new(string.Empty, null);
}
