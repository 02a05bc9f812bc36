using System.Text;

namespace CdiscExport.Xpt;

/// <summary>
/// Turns text into ASCII for <see cref="XptWriterOptions.TransliterateNonAscii"/>: Latin letters lose their
/// accents, a few common symbols are spelled out, anything else becomes '?'.
/// </summary>
/// <remarks>
/// A table rather than <see cref="string.Normalize()"/>: the solution runs with InvariantGlobalization, where
/// Unicode decomposition is not available, and a fixed table keeps output identical on every machine.
/// </remarks>
internal static class AsciiTransliteration
{
    // Base letters for U+00C0..U+00FF and U+0100..U+017F; '\0' marks characters spelled out in Spell().
    private const string Latin1Letters = "AAAAAA\0CEEEEIIIIDNOOOOO\0OUUUUY\0\0aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";
    private const string LatinExtendedALetters = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi\0\0JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo\0\0RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

    public static bool IsAscii(string text) => Ascii.IsValid(text);

    public static string Transliterate(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 128)
            {
                builder.Append(c);
            }
            else if (Spell(c) is { } spelled)
            {
                builder.Append(spelled);
            }
            else if (c is >= '\u00C0' and <= '\u017F' && (c < '\u0100' ? Latin1Letters[c - 0xC0] : LatinExtendedALetters[c - 0x100]) is not '\0' and var letter)
            {
                builder.Append(letter);
            }
            else
            {
                builder.Append('?');
            }
        }

        return builder.ToString();
    }

    private static string? Spell(char c) => c switch
    {
        '\u00A0' => " ",
        '\u00B5' or '\u03BC' => "u",
        '\u00B0' => "deg",
        '\u00B1' => "+/-",
        '\u00D7' => "x",
        '\u00F7' => "/",
        '\u00DF' => "ss",
        '\u00C6' => "AE",
        '\u00E6' => "ae",
        '\u00DE' => "TH",
        '\u00FE' => "th",
        '\u0132' => "IJ",
        '\u0133' => "ij",
        '\u0152' => "OE",
        '\u0153' => "oe",
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => "-",
        '\u2018' or '\u2019' or '\u201A' or '\u2032' => "'",
        '\u201C' or '\u201D' or '\u201E' or '\u2033' => "\"",
        '\u2026' => "...",
        '\u2264' => "<=",
        '\u2265' => ">=",
        _ => null,
    };
}
