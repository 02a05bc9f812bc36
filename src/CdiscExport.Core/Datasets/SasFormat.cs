using System.Globalization;
using System.Text.RegularExpressions;

namespace CdiscExport.Core.Datasets;

/// <summary>
/// A SAS display format as text (<c>DATE9.</c>, <c>8.2</c>, <c>$CHAR20.</c>) and as the XPT NAMESTR fields it
/// fills (name, width <c>nfl</c>, decimals <c>nfd</c>), both directions in one place.
/// </summary>
public static partial class SasFormat
{
    /// <summary>The name, width and decimals of <paramref name="text"/>.</summary>
    /// <param name="text">A format such as <c>DATE9.</c> ("name width . decimals", each part optional but the period).</param>
    /// <param name="format">The parts; the name in upper case.</param>
    /// <returns>Whether the text is a SAS format.</returns>
    public static bool TryParse(string? text, out (string Name, int Width, int Decimals) format)
    {
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            format = default;
            return false;
        }

        static int Number(string digits) => digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
        format = (match.Groups[1].Value.ToUpperInvariant(), Number(match.Groups[2].Value), Number(match.Groups[3].Value));
        return true;
    }

    /// <summary>The text of a format: <c>DATE9.</c>, <c>8.2</c>; null when all three are empty (no format). Undoes <see cref="TryParse"/>.</summary>
    /// <param name="name">The name, empty for the unnamed numeric format.</param>
    /// <param name="width">The width, 0 for none.</param>
    /// <param name="decimals">The decimals, 0 for none.</param>
    /// <returns>The text or null.</returns>
    public static string? Format(string name, int width, int decimals) =>
        name.Length == 0 && width == 0 && decimals == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{name}{(width > 0 ? width : string.Empty)}.{(decimals > 0 ? decimals : string.Empty)}");

    [GeneratedRegex(@"^(\$?[A-Za-z_][A-Za-z0-9_]*?|\$?)(\d*)\.(\d*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
