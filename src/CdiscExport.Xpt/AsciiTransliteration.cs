using System.Globalization;
using System.Text;

namespace CdiscExport.Xpt;

/// <summary>
/// Turns text into ASCII for <see cref="XptWriterOptions.TransliterateNonAscii"/>: accents are dropped
/// (canonical decomposition, marks removed), a few common symbols are spelled out, anything else becomes '?'.
/// </summary>
internal static class AsciiTransliteration
{
    public static bool IsAscii(string text) => Ascii.IsValid(text);

    public static string Transliterate(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 128)
            {
                builder.Append(c);
                continue;
            }

            var spelled = Spell(c);
            if (spelled is not null)
            {
                builder.Append(spelled);
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var kept = false;
            foreach (var d in decomposed)
            {
                if (d < 128)
                {
                    builder.Append(d);
                    kept = true;
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    break;
                }
            }

            if (!kept)
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
        '\u00DF' => "ss",
        '\u00C6' => "AE",
        '\u00E6' => "ae",
        '\u00D8' => "O",
        '\u00F8' => "o",
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
