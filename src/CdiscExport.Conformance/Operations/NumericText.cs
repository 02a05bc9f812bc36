using System.Globalization;

namespace CdiscExport.Conformance.Operations;

/// <summary>
/// Numbers read from an XPT file compared with numbers written as text (define.xml codelist, range-check and key
/// values, --STRESC, IDVARVAL): equal when they agree within a double's precision.
/// </summary>
/// <remarks>
/// SAS stores the double its arithmetic produced, which is not always the nearest double to the decimal a person
/// would write: 0.5 mg/dL times 17.1 is stored as 8.549999999999999 while LBSTRESC says "8.55", and a define.xml
/// value 1.3 meets 1.3000000000000003 in the data. Both differ from the decimal in the last one or two units of the
/// 53-bit significand; the tolerance allows some tens of such units and nothing a person would call another number.
/// </remarks>
internal static class NumericText
{
    /// <summary>Relative difference up to which two doubles count as the same number (about 45 units in the last place).</summary>
    public const double RelativeTolerance = 1e-14;

    /// <summary>Parses a decimal number written with '.' (leading and trailing blanks allowed), invariantly.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are the same number within a double's precision.</summary>
    public static bool Same(double a, double b) =>
        a == b || Math.Abs(a - b) <= RelativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>Whether <paramref name="text"/> is a decimal number equal to <paramref name="value"/> within a double's precision.</summary>
    public static bool Equal(string text, double value) => TryParse(text, out var parsed) && Same(parsed, value);
}
