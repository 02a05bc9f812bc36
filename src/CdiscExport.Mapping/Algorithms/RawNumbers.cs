using System.Globalization;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// Raw numbers as their form writes them: with its decimal mark (<c>12.5</c>, or <c>12,5</c> from an EDC set to a
/// German or French locale), an optional sign and exponent, never with thousands separators (which a form with a
/// decimal comma would make ambiguous: <c>1.234</c> is refused there rather than read as 1.234 or 1234).
/// </summary>
internal static class RawNumbers
{
    /// <summary>Reads <paramref name="text"/> written with <paramref name="decimalMark"/>; false when it is not such a finite number.</summary>
    public static bool TryParse(string text, char decimalMark, out double value)
    {
        if (decimalMark == ',')
        {
            if (text.Contains('.', StringComparison.Ordinal))
            {
                value = 0;
                return false;
            }

            text = text.Replace(',', '.');
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>What a value must look like, for messages: "'.' as the decimal mark".</summary>
    public static string Expected(char decimalMark) =>
        decimalMark == ','
            ? "this form's numbers use ',' as the decimal mark (raw decimal: \",\") and no thousands separator"
            : "raw numerics use '.' as the decimal mark (set raw decimal: \",\" for a form written with decimal commas)";
}
