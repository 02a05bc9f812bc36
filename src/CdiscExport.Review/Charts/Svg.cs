using System.Globalization;
using System.Net;
using System.Text;

namespace CdiscExport.Review.Charts;

/// <summary>
/// Writes SVG markup for the charts: numbers in invariant culture with at most two decimals (the same chart gives the
/// same bytes on every machine), texts escaped, and the accessible frame every chart shares (role="img", a
/// <c>&lt;title&gt;</c> and a <c>&lt;desc&gt;</c> named by aria-labelledby).
/// </summary>
internal sealed class Svg
{
    private readonly StringBuilder _b;

    public Svg(StringBuilder builder) => _b = builder;

    /// <summary>A number as SVG writes it: invariant, at most two decimals, no exponent.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Text escaped for an element or an attribute.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Opens the chart: a viewBox of <paramref name="width"/> x <paramref name="height"/> that scales to the page.</summary>
    public Svg Open(string id, double width, double height, string title, string description)
    {
        _b.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").Append(id).Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\">\n")
            .Append("<title id=\"").Append(id).Append("-title\">").Append(E(title)).Append("</title>\n")
            .Append("<desc id=\"").Append(id).Append("-desc\">").Append(E(description)).Append("</desc>\n");
        return this;
    }

    public Svg Close()
    {
        _b.Append("</svg>\n");
        return this;
    }

    public Svg Raw(string markup)
    {
        _b.Append(markup);
        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string cssClass)
    {
        _b.Append("<line class=\"").Append(cssClass).Append("\" x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2)).Append("\"/>\n");
        return this;
    }

    public Svg Rect(double x, double y, double width, double height, string attributes)
    {
        _b.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(0, width))).Append("\" height=\"").Append(N(Math.Max(0, height)))
            .Append("\" ").Append(attributes).Append("/>");
        return this;
    }

    public Svg Text(double x, double y, string text, string attributes = "")
    {
        _b.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"').Append(attributes.Length > 0 ? " " + attributes : "").Append('>').Append(E(text)).Append("</text>\n");
        return this;
    }

    /// <summary>A tooltip for the element just opened (an SVG <c>&lt;title&gt;</c> child).</summary>
    public Svg Tooltip(string text)
    {
        _b.Append("<title>").Append(E(text)).Append("</title>");
        return this;
    }

    /// <summary>Opens a group; <paramref name="attributes"/> is written as given.</summary>
    public Svg Group(string attributes)
    {
        _b.Append("<g ").Append(attributes).Append('>');
        return this;
    }

    public Svg EndGroup()
    {
        _b.Append("</g>\n");
        return this;
    }

    /// <summary>
    /// A marker of <paramref name="shape"/> centred on (x, y) with the given radius, as one <c>&lt;path&gt;</c>, so
    /// that every marker is the same kind of element whatever its shape.
    /// </summary>
    public Svg Marker(MarkerShape shape, double x, double y, double r, string attributes)
    {
        _b.Append("<path d=\"").Append(MarkerPath(shape, x, y, r)).Append("\" ").Append(attributes).Append("/>");
        return this;
    }

    /// <summary>The path data of a marker.</summary>
    public static string MarkerPath(MarkerShape shape, double x, double y, double r)
    {
        string P(double px, double py) => N(px) + "," + N(py);
        switch (shape)
        {
            case MarkerShape.Square:
                return $"M{P(x - r * 0.85, y - r * 0.85)}H{N(x + r * 0.85)}V{N(y + r * 0.85)}H{N(x - r * 0.85)}Z";
            case MarkerShape.Diamond:
                return $"M{P(x, y - r * 1.2)}L{P(x + r, y)}L{P(x, y + r * 1.2)}L{P(x - r, y)}Z";
            case MarkerShape.TriangleUp:
                return $"M{P(x, y - r * 1.15)}L{P(x + r, y + r * 0.8)}L{P(x - r, y + r * 0.8)}Z";
            case MarkerShape.TriangleDown:
                return $"M{P(x, y + r * 1.15)}L{P(x + r, y - r * 0.8)}L{P(x - r, y - r * 0.8)}Z";
            case MarkerShape.Cross:
                var w = r * 0.35;
                return $"M{P(x - r, y - r + w)}L{P(x - r + w, y - r)}L{P(x, y - w)}L{P(x + r - w, y - r)}L{P(x + r, y - r + w)}L{P(x + w, y)}L{P(x + r, y + r - w)}" +
                       $"L{P(x + r - w, y + r)}L{P(x, y + w)}L{P(x - r + w, y + r)}L{P(x - r, y + r - w)}L{P(x - w, y)}Z";
            case MarkerShape.Plus:
                var t = r * 0.3;
                return $"M{P(x - t, y - r)}H{N(x + t)}V{N(y - t)}H{N(x + r)}V{N(y + t)}H{N(x + t)}V{N(y + r)}H{N(x - t)}V{N(y + t)}H{N(x - r)}V{N(y - t)}H{N(x - t)}Z";
            case MarkerShape.Star:
                var b = new StringBuilder();
                for (var i = 0; i < 10; i++)
                {
                    var radius = i % 2 == 0 ? r * 1.25 : r * 0.5;
                    var angle = -Math.PI / 2 + i * Math.PI / 5;
                    b.Append(i == 0 ? 'M' : 'L').Append(P(x + radius * Math.Cos(angle), y + radius * Math.Sin(angle)));
                }

                return b.Append('Z').ToString();
            case MarkerShape.Arrow:
                return $"M{P(x - r, y - r)}L{P(x + r, y)}L{P(x - r, y + r)}Z";
            default:
                return $"M{P(x - r, y)}A{N(r)},{N(r)} 0 1,0 {P(x + r, y)}A{N(r)},{N(r)} 0 1,0 {P(x - r, y)}Z";
        }
    }

    /// <summary>
    /// The percent-change axis of the waterfall and the spider plot: from at least -100 % to at least +20 %, widened to
    /// multiples of 20 around the values (5 points of margin), so that the response thresholds always show.
    /// </summary>
    public static (double Min, double Max) PercentRange(IEnumerable<double> values)
    {
        var list = values.DefaultIfEmpty(0).ToList();
        return (Math.Min(-100, Math.Floor((list.Min() - 5) / 20) * 20), Math.Max(20, Math.Ceiling((list.Max() + 5) / 20) * 20));
    }

    /// <summary>Horizontal gridlines of the percent axis from <paramref name="min"/> to <paramref name="max"/>, ticked "n%" at <paramref name="left"/>; the 0 line is the axis.</summary>
    public Svg PercentGrid(double min, double max, double left, double right, Func<double, double> y)
    {
        var step = NiceStep(max - min, 6);
        for (var v = Math.Ceiling(min / step) * step; v <= max; v += step)
        {
            Line(left, y(v), right, y(v), v == 0 ? "axis" : "gridline").Text(left - 6, y(v) + 4, N(v) + "%", "class=\"tick\" text-anchor=\"end\"");
        }

        return this;
    }

    /// <summary>
    /// Vertical gridlines of the day axis every <paramref name="step"/> days to <paramref name="max"/>, ticked under the
    /// plot, and the axis label (days from the first dose) under the ticks.
    /// </summary>
    public Svg DayGrid(double max, double step, double top, double bottom, Func<double, double> x)
    {
        for (var d = 0.0; d <= max; d += step)
        {
            Line(x(d), top, x(d), bottom, d == 0 ? "axis" : "gridline").Text(x(d), bottom + 14, N(d), "class=\"tick\" text-anchor=\"middle\"");
        }

        return Text(x(max / 2), bottom + 32, "Days since first dose (ADSL TRTSDT = day 0)", "class=\"axis-label\" text-anchor=\"middle\"");
    }

    /// <summary>Round steps for an axis covering <paramref name="span"/> with about <paramref name="ticks"/> ticks.</summary>
    public static double NiceStep(double span, int ticks)
    {
        if (span <= 0)
        {
            return 1;
        }

        var raw = span / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}

/// <summary>The shapes markers take, so that categories differ in grey as well as in colour.</summary>
internal enum MarkerShape
{
    /// <summary>A circle.</summary>
    Circle,

    /// <summary>A square.</summary>
    Square,

    /// <summary>A diamond.</summary>
    Diamond,

    /// <summary>A triangle pointing up.</summary>
    TriangleUp,

    /// <summary>A triangle pointing down.</summary>
    TriangleDown,

    /// <summary>A diagonal cross.</summary>
    Cross,

    /// <summary>An upright cross.</summary>
    Plus,

    /// <summary>A five-pointed star.</summary>
    Star,

    /// <summary>An arrow head pointing right.</summary>
    Arrow,
}
