using System.Globalization;
using System.Text;
using CdiscExport.Review.Oncology;

namespace CdiscExport.Review.Charts;

/// <summary>
/// The spider plot: one line per subject, the percent change of the disease marker from baseline over time, starting
/// at 0 % on day 0, drawn in the colour and dash of the subject's best overall response and ended by its marker.
/// </summary>
/// <remarks>
/// <para>Reads, through <see cref="OncologyStudy"/>: ADSL USUBJID and TRTSDT (day 0); ADRS AVALC of PARAMCD BOR (else
/// CBOR) for colour, dash and end marker; the marker's post-baseline values (an ADaM BDS parameter's PCHG and ADT, else
/// LB serum M-protein LBSTRESN and LBDTC, else TR SUMDIAM, as <see cref="OncologyStudy"/> documents) for the points.
/// The baseline is drawn at day 0, whatever its date.</para>
/// <para>A subject without a percent change has its mark too: a hollow marker at the origin whose tooltip says why.
/// Above <see cref="DenseAbove"/> subjects the lines of each category are drawn as one thin path, without markers or
/// a tooltip per subject.</para>
/// </remarks>
internal sealed class SpiderChart
{
    private const double Width = 960;
    private const double Left = 64;
    private const double Right = 20;
    private const double Top = 16;
    private const double PlotHeight = 320;

    /// <summary>Above this many subjects, each category's lines are drawn as one path (no markers, no tooltip per subject).</summary>
    public const int DenseAbove = 300;

    private SpiderChart(OncologyStudy study)
    {
        Marker = study.Marker!;
        Subjects = study.Subjects;
        Sources = $"ADSL USUBJID, TRTSDT (day 0); best overall response: {study.Sources.BestResponse}; {Marker.Name}: {Marker.Source}";
    }

    /// <summary>The marker whose percent change is drawn.</summary>
    public MarkerParameter Marker { get; }

    /// <summary>The subjects, one line each, in ADSL order.</summary>
    public IReadOnlyList<OncologySubject> Subjects { get; }

    /// <summary>The chart's title.</summary>
    public string Title => $"Spider plot: percent change of {Marker.Name} from baseline over time, by subject";

    /// <summary>The variables the chart was drawn from, in words.</summary>
    public string Sources { get; }

    /// <summary>The chart of <paramref name="study"/>, or null when the study has no disease marker.</summary>
    public static SpiderChart? Create(OncologyStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.Marker is null ? null : new SpiderChart(study);
    }

    /// <summary>The chart as SVG markup.</summary>
    public string ToSvg(string id = "spider-svg")
    {
        var points = Subjects.SelectMany(s => s.Marker).ToList();
        var (yMin, yMax) = Svg.PercentRange(points.Select(p => p.PercentChange));
        var maxDay = Math.Max(1, points.Select(p => p.Day).DefaultIfEmpty(1).Max());
        var xStep = Svg.NiceStep(maxDay, 8);
        var xMax = Math.Ceiling(maxDay / xStep) * xStep;
        double X(double day) => Left + Math.Max(0, day) / xMax * (Width - Left - Right);
        double Y(double v) => Top + (yMax - v) / (yMax - yMin) * PlotHeight;
        var categories = Subjects.Select(s => s.BestResponse).Distinct().OrderBy(ResponseScale.Rank).ToList();
        var legendTop = Top + PlotHeight + 48;
        var height = legendTop + 20 * Math.Ceiling(categories.Count / 5.0) + 10;
        var dense = Subjects.Count > DenseAbove;

        var b = new StringBuilder();
        var svg = new Svg(b).Open(id, Width, height, Title, string.Create(CultureInfo.InvariantCulture,
            $"{Subjects.Count} subjects, {Subjects.Count(s => s.Marker.Count > 0)} with post-baseline values. {Sources}."));
        svg.PercentGrid(yMin, yMax, Left, Width - Right, Y)
            .DayGrid(xMax, xStep, Top, Top + PlotHeight, X)
            .Text(14, Top + PlotHeight / 2, "% change from baseline", $"class=\"axis-label\" text-anchor=\"middle\" transform=\"rotate(-90 14 {Svg.N(Top + PlotHeight / 2)})\"");
        if (dense)
        {
            // One path per category: thousands of subjects' lines, each a group with markers and a tooltip, take
            // seconds for a browser to open and show nothing more.
            foreach (var group in Subjects.Where(s => s.Marker.Count > 0).GroupBy(s => s.BestResponse).OrderBy(g => ResponseScale.Rank(g.Key)))
            {
                var style = ResponseStyles.Of(group.Key);
                var path = new StringBuilder();
                foreach (var s in group)
                {
                    path.Append('M').Append(Svg.N(X(0))).Append(',').Append(Svg.N(Y(0)));
                    foreach (var p in s.Marker)
                    {
                        path.Append('L').Append(Svg.N(X(p.Day))).Append(',').Append(Svg.N(Y(p.PercentChange)));
                    }
                }

                svg.Raw($"<path class=\"lines\" data-bor=\"{Svg.E(group.Key)}\" data-subjects=\"{group.Count()}\" d=\"{path}\" fill=\"none\" stroke=\"{style.Colour}\" stroke-width=\"0.5\" stroke-opacity=\"0.6\">")
                    .Tooltip(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()} subjects")).Raw("</path>\n");
            }
        }

        IReadOnlyList<OncologySubject> oneByOne = dense ? [] : Subjects;
        foreach (var s in oneByOne)
        {
            var style = ResponseStyles.Of(s.BestResponse);
            var values = string.Join(" ", s.Marker.Select(p => Svg.N(p.Day) + ":" + Svg.N(p.PercentChange)));
            svg.Group($"class=\"mark\" data-usubjid=\"{Svg.E(s.Usubjid)}\" data-bor=\"{Svg.E(s.BestResponse)}\" data-points=\"{values}\"");
            if (s.Marker.Count == 0)
            {
                svg.Marker(MarkerShape.Circle, X(0), Y(0), 3, $"class=\"no-value\" stroke=\"{style.Colour}\"")
                    .Tooltip($"{s.Usubjid}: no percent change ({s.MarkerNote}); best overall response {s.BestResponse}");
            }
            else
            {
                var line = new StringBuilder().Append(Svg.N(X(0))).Append(',').Append(Svg.N(Y(0)));
                foreach (var p in s.Marker)
                {
                    line.Append(' ').Append(Svg.N(X(p.Day))).Append(',').Append(Svg.N(Y(p.PercentChange)));
                }

                var last = s.Marker[^1];
                svg.Raw($"<polyline points=\"{line}\" fill=\"none\" stroke=\"{style.Colour}\" stroke-width=\"1.6\"{(style.Dash.Length > 0 ? $" stroke-dasharray=\"{style.Dash}\"" : "")}/>")
                    .Marker(style.Shape, X(last.Day), Y(last.PercentChange), 4, $"fill=\"{style.Colour}\" stroke=\"#000\" stroke-width=\"0.6\"")
                    .Tooltip(string.Create(CultureInfo.InvariantCulture,
                        $"{s.Usubjid}: {s.Marker.Count} post-baseline values, last {last.PercentChange:+0.0;-0.0;0}% on day {last.Day:0}, best {s.BestPercentChange:+0.0;-0.0;0}%; best overall response {s.BestResponse}"));
            }

            svg.EndGroup();
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var style = ResponseStyles.Of(categories[i]);
            var lx = Left + i % 5 * 170;
            var ly = legendTop + 20 * (i / 5);
            svg.Raw($"<line x1=\"{Svg.N(lx)}\" y1=\"{Svg.N(ly + 6)}\" x2=\"{Svg.N(lx + 30)}\" y2=\"{Svg.N(ly + 6)}\" stroke=\"{style.Colour}\" stroke-width=\"2\"{(style.Dash.Length > 0 ? $" stroke-dasharray=\"{style.Dash}\"" : "")}/>")
                .Marker(style.Shape, lx + 30, ly + 6, 4, $"fill=\"{style.Colour}\" stroke=\"#000\" stroke-width=\"0.6\"")
                .Text(lx + 40, ly + 10, string.Create(CultureInfo.InvariantCulture, $"{categories[i]} ({Subjects.Count(s => s.BestResponse == categories[i])})"), "class=\"legend\"");
        }

        svg.Close();
        return b.ToString();
    }
}
