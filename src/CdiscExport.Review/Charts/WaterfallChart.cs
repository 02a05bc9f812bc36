using System.Globalization;
using System.Text;
using CdiscExport.Review.Oncology;

namespace CdiscExport.Review.Charts;

/// <summary>
/// The waterfall plot: one bar per subject, the subject's best (lowest) percent change of the disease marker from
/// baseline, sorted from the largest rise on the left to the deepest fall on the right, filled with the colour and
/// pattern of the subject's best overall response.
/// </summary>
/// <remarks>
/// <para>Reads, through <see cref="OncologyStudy"/>: ADSL USUBJID and SUBJID (one bar per ADSL record); ADRS AVALC of
/// PARAMCD BOR (else CBOR) for the fill; the marker's baseline and post-baseline values (an ADaM BDS parameter's PCHG,
/// else LB serum M-protein, else TR SUMDIAM, as <see cref="OncologyStudy"/> documents) for the height: the minimum
/// percent change over every post-baseline value.</para>
/// <para>A subject without a percent change (no baseline, a baseline of 0, no later value) still has its mark: a
/// cross on the zero line at the right end, its tooltip saying why. Dashed lines mark the thresholds of the marker's
/// response criteria: -25 % (MR) and -50 % (PR) for M-protein, -30 % (PR) and +20 % (PD) for tumour size.</para>
/// <para>Above <see cref="DenseAbove"/> subjects the bars of each category are drawn as one path, without a tooltip
/// per subject: the chart looks the same and the page opens in a fraction of the time.</para>
/// </remarks>
internal sealed class WaterfallChart
{
    private const double Width = 960;
    private const double Left = 64;
    private const double Right = 16;
    private const double Top = 16;
    private const double PlotHeight = 300;

    /// <summary>Above this many subjects, each category's bars are drawn as one path (no tooltip per subject).</summary>
    public const int DenseAbove = 300;

    private WaterfallChart(OncologyStudy study, IReadOnlyList<WaterfallBar> bars)
    {
        Marker = study.Marker!;
        Bars = bars;
        Sources = $"ADSL USUBJID, SUBJID; best overall response: {study.Sources.BestResponse}; {Marker.Name}: {Marker.Source}; bar: the lowest percent change from baseline over the post-baseline values";
    }

    /// <summary>The marker whose percent change is drawn.</summary>
    public MarkerParameter Marker { get; }

    /// <summary>The bars, left to right.</summary>
    public IReadOnlyList<WaterfallBar> Bars { get; }

    /// <summary>The chart's title.</summary>
    public string Title => $"Waterfall plot: best percent change of {Marker.Name} from baseline, by subject";

    /// <summary>The variables the chart was drawn from, in words.</summary>
    public string Sources { get; }

    /// <summary>The chart of <paramref name="study"/>, or null when the study has no disease marker.</summary>
    public static WaterfallChart? Create(OncologyStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.Marker is null)
        {
            return null;
        }

        var bars = study.Subjects
            .Select(s => new WaterfallBar(s.Usubjid, s.Label, s.BestResponse, s.BestPercentChange, s.MarkerNote))
            .OrderBy(b => b.BestPercentChange is null ? 1 : 0)
            .ThenByDescending(b => b.BestPercentChange ?? 0)
            .ThenBy(b => b.Usubjid, StringComparer.Ordinal)
            .ToList();
        return new WaterfallChart(study, bars);
    }

    /// <summary>The chart as SVG markup (an <c>&lt;svg&gt;</c> element with its title and description).</summary>
    public string ToSvg(string id = "waterfall-svg")
    {
        var values = Bars.Where(b => b.BestPercentChange is not null).Select(b => b.BestPercentChange!.Value).ToList();
        var (yMin, yMax) = Svg.PercentRange(values);
        var labelled = Bars.Count <= 40;
        var legendTop = Top + PlotHeight + (labelled ? 70 : 34);
        var categories = Bars.Select(b => b.BestResponse).Distinct().OrderBy(ResponseScale.Rank).ToList();
        var height = legendTop + 20 + 22 * Math.Ceiling(categories.Count / 5.0);
        double Y(double v) => Top + (yMax - v) / (yMax - yMin) * PlotHeight;
        var slot = (Width - Left - Right) / Math.Max(1, Bars.Count);

        var b = new StringBuilder();
        var svg = new Svg(b).Open(id, Width, height, Title,
            string.Create(CultureInfo.InvariantCulture, $"{Bars.Count} subjects, {values.Count} with a percent change. {Sources}."));
        svg.Raw(ResponseStyles.Patterns(id, categories));
        svg.PercentGrid(yMin, yMax, Left, Width - Right, Y);

        foreach (var (threshold, what) in Thresholds())
        {
            svg.Line(Left, Y(threshold), Width - Right, Y(threshold), "threshold")
                .Text(Width - Right - 2, Y(threshold) - 3, $"{Svg.N(threshold)}% {what}", "class=\"note\" text-anchor=\"end\"");
        }

        svg.Text(14, Top + PlotHeight / 2, "Best % change from baseline", $"class=\"axis-label\" text-anchor=\"middle\" transform=\"rotate(-90 14 {Svg.N(Top + PlotHeight / 2)})\"");
        if (Bars.Count > DenseAbove)
        {
            WriteDenseBars(svg, id, slot, Y);
        }

        for (var i = 0; i < Bars.Count && Bars.Count <= DenseAbove; i++)
        {
            var bar = Bars[i];
            var style = ResponseStyles.Of(bar.BestResponse);
            var x = Left + i * slot;
            var value = bar.BestPercentChange;
            svg.Group($"class=\"mark\" data-usubjid=\"{Svg.E(bar.Usubjid)}\" data-bor=\"{Svg.E(bar.BestResponse)}\" data-value=\"{(value is { } v ? Svg.N(v) : "")}\"");
            var tip = value is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"{bar.Usubjid}: best change {p:+0.0;-0.0;0}% ; best overall response {bar.BestResponse}")
                : $"{bar.Usubjid}: no percent change ({bar.Note}); best overall response {bar.BestResponse}";
            if (value is { } pc)
            {
                var top = Math.Min(Y(pc), Y(0));
                svg.Rect(x + slot * 0.12, top, slot * 0.76, Math.Max(0.5, Math.Abs(Y(pc) - Y(0))),
                    $"fill=\"url(#{id}-{style.Key})\" stroke=\"{style.Colour}\" stroke-width=\"{Svg.N(Math.Min(1, slot * 0.1))}\"");
            }
            else
            {
                svg.Marker(MarkerShape.Cross, x + slot / 2, Y(0), Math.Min(6, slot * 0.4), "class=\"no-value\"");
            }

            svg.Tooltip(tip).EndGroup();
            if (labelled)
            {
                var lx = x + slot / 2;
                svg.Text(lx, Top + PlotHeight + 8, bar.Label, $"class=\"tick\" text-anchor=\"end\" transform=\"rotate(-60 {Svg.N(lx)} {Svg.N(Top + PlotHeight + 8)})\"");
            }
        }

        svg.Text(Left + (Width - Left - Right) / 2, legendTop - 8, $"Subjects, ordered by best change ({Bars.Count})", "class=\"axis-label\" text-anchor=\"middle\"");
        for (var i = 0; i < categories.Count; i++)
        {
            var style = ResponseStyles.Of(categories[i]);
            var lx = Left + i % 5 * 170;
            var ly = legendTop + 8 + 22 * (i / 5);
            var n = Bars.Count(x => x.BestResponse == categories[i]);
            svg.Rect(lx, ly, 22, 14, $"fill=\"url(#{id}-{style.Key})\" stroke=\"{style.Colour}\"")
                .Text(lx + 28, ly + 11, string.Create(CultureInfo.InvariantCulture, $"{categories[i]} ({n})"), "class=\"legend\"");
        }

        svg.Close();
        return b.ToString();
    }

    // Above DenseAbove subjects, the bars of a category are one path: thousands of bars a fraction of a pixel wide
    // each drawn with its own pattern and tooltip take seconds for a browser to open and show nothing more.
    private void WriteDenseBars(Svg svg, string id, double slot, Func<double, double> y)
    {
        foreach (var group in Bars.Select((bar, i) => (bar, i)).GroupBy(x => x.bar.BestResponse).OrderBy(g => ResponseScale.Rank(g.Key)))
        {
            var style = ResponseStyles.Of(group.Key);
            var path = new StringBuilder();
            foreach (var (bar, i) in group.Where(x => x.bar.BestPercentChange is not null))
            {
                var top = Math.Min(y(bar.BestPercentChange!.Value), y(0));
                var height = Math.Max(0.5, Math.Abs(y(bar.BestPercentChange.Value) - y(0)));
                path.Append('M').Append(Svg.N(Left + i * slot)).Append(',').Append(Svg.N(top)).Append('h').Append(Svg.N(slot)).Append('v').Append(Svg.N(height))
                    .Append('h').Append(Svg.N(-slot)).Append('z');
            }

            var without = group.Count(x => x.bar.BestPercentChange is null);
            svg.Raw($"<path class=\"bars\" data-bor=\"{Svg.E(group.Key)}\" data-subjects=\"{group.Count()}\" d=\"{path}\" fill=\"url(#{id}-{style.Key})\" stroke=\"none\">")
                .Tooltip(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()} subjects{(without > 0 ? $", {without} without a percent change" : "")}")).Raw("</path>\n");
        }
    }

    private IEnumerable<(double, string)> Thresholds() =>
        Marker.Name.Contains("M-protein", StringComparison.OrdinalIgnoreCase) || Marker.Name.StartsWith("MPROT", StringComparison.Ordinal) || Marker.Name is "MCPROT" or "SPEP" or "MSPIKE"
            ? [(-25, "MR"), (-50, "PR")]
            : [(-30, "PR"), (20, "PD")];
}

/// <summary>One bar of the waterfall.</summary>
/// <param name="Usubjid">USUBJID.</param>
/// <param name="Label">The subject as the axis names it (SUBJID).</param>
/// <param name="BestResponse">Best overall response (its fill).</param>
/// <param name="BestPercentChange">Its height, or null when the subject has no percent change.</param>
/// <param name="Note">Why the subject has no percent change, when it has none.</param>
internal sealed record WaterfallBar(string Usubjid, string Label, string BestResponse, double? BestPercentChange, string? Note);
