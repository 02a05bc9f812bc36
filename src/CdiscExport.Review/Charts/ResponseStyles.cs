using System.Text;
using CdiscExport.Review.Oncology;

namespace CdiscExport.Review.Charts;

/// <summary>How one response category is drawn.</summary>
/// <param name="Category">The category's code (CR, PR, ...).</param>
/// <param name="Colour">Fill or stroke colour (Okabe-Ito palette, told apart by colour-blind readers).</param>
/// <param name="Shape">Marker shape (spider line ends, swimmer onsets, legends).</param>
/// <param name="Dash">Stroke dash pattern of spider lines ("" for solid).</param>
/// <param name="Hatch">The pattern drawn over the bar colour in the waterfall, as SVG inside a 6 x 6 tile ("" for none).</param>
internal sealed record ResponseStyle(string Category, string Colour, MarkerShape Shape, string Dash, string Hatch)
{
    /// <summary>The class name of the category in the page's markup (letters only: "NON-CR/NON-PD" is "NONCRNONPD").</summary>
    public string Key => new(Category.Where(char.IsLetterOrDigit).ToArray());
}

/// <summary>
/// The styles of response categories, the same in every chart: each differs from the others in colour and also in
/// pattern (waterfall bars), marker shape (swimmer and spider) and dash (spider lines), so that the charts read the
/// same when printed in grey.
/// </summary>
internal static class ResponseStyles
{
    private static readonly Dictionary<string, ResponseStyle> Styles = new List<ResponseStyle>
    {
        new("sCR", "#003f7f", MarkerShape.Star, "", ""),
        new("CR", "#0072B2", MarkerShape.Circle, "", ""),
        new("nCR", "#56B4E9", MarkerShape.Diamond, "7 2", "<path d=\"M0,6L6,0M-1,1L1,-1M5,7L7,5\" stroke=\"#000\" stroke-width=\"1\"/>"),
        new("VGPR", "#2a9d8f", MarkerShape.Plus, "5 2 1 2", "<path d=\"M3,0V6\" stroke=\"#000\" stroke-width=\"1\"/>"),
        new("PR", "#009E73", MarkerShape.Square, "3 2", "<path d=\"M0,0L6,6M-1,5L1,7M5,-1L7,1\" stroke=\"#000\" stroke-width=\"1\"/>"),
        new("MR", "#E69F00", MarkerShape.TriangleUp, "9 3 2 3", "<circle cx=\"3\" cy=\"3\" r=\"1.1\" fill=\"#000\"/>"),
        new("SD", "#999999", MarkerShape.TriangleDown, "1 3", "<path d=\"M0,3H6\" stroke=\"#000\" stroke-width=\"1\"/>"),
        new("NON-CR/NON-PD", "#bbbbbb", MarkerShape.TriangleDown, "1 2", "<path d=\"M0,2H6M0,5H6\" stroke=\"#000\" stroke-width=\"0.7\"/>"),
        new("PD", "#D55E00", MarkerShape.Cross, "10 4", "<path d=\"M0,0L6,6M6,0L0,6\" stroke=\"#000\" stroke-width=\"0.9\"/>"),
        new("NE", "#CC79A7", MarkerShape.Circle, "4 4", "<path d=\"M1.5,1.5h3v3h-3z\" fill=\"#fff\"/>"),
    }.ToDictionary(s => s.Category, StringComparer.Ordinal);

    private static readonly ResponseStyle Other = new("other", "#dddddd", MarkerShape.Circle, "2 6", "<path d=\"M3,0V6M0,3H6\" stroke=\"#000\" stroke-width=\"0.6\"/>");

    /// <summary>The style of <paramref name="category"/> (a code of <see cref="ResponseScale"/>); an unknown or missing one is drawn in light grey.</summary>
    public static ResponseStyle Of(string category) => Styles.TryGetValue(category, out var s) ? s : Other with { Category = category };

    /// <summary>
    /// The SVG <c>&lt;pattern&gt;</c> definitions of the waterfall's bars for <paramref name="categories"/>, named
    /// <c>{prefix}-{Key}</c>: the category colour with its hatch over it.
    /// </summary>
    public static string Patterns(string prefix, IEnumerable<string> categories)
    {
        var b = new StringBuilder("<defs>\n");
        foreach (var style in categories.Select(Of))
        {
            b.Append("<pattern id=\"").Append(prefix).Append('-').Append(style.Key).Append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">")
                .Append("<rect width=\"6\" height=\"6\" fill=\"").Append(style.Colour).Append("\"/>").Append(style.Hatch).Append("</pattern>\n");
        }

        return b.Append("</defs>\n").ToString();
    }
}
