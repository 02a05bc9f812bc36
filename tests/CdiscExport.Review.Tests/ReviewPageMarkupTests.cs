using System.Text.RegularExpressions;

namespace CdiscExport.Review.Tests;

/// <summary>
/// The page's markup as written (no browser needed): self-contained, accessible basics (one h1, a heading per
/// section, header cells in every table, a title and description on every chart), readable in grey (each response
/// category has its own pattern, marker and label beside its colour), printable, and honest about its sources.
/// </summary>
public sealed partial class ReviewPageMarkupTests
{
    private static string Sample => File.ReadAllText(ReviewPackages.SamplePage);

    [Fact]
    public void SamplePage_IsSelfContained_NothingFetched()
    {
        var html = Sample;
        ExternalReference().Matches(html).Select(m => m.Value).ShouldBeEmpty();
        html.ShouldNotContain("<link");
        html.ShouldNotContain("<script src");
    }

    [Fact]
    public void SamplePage_HeadingsAndTables_AreAccessible()
    {
        var html = Sample;
        Regex.Matches(html, "<h1[ >]").Count.ShouldBe(1);
        html.ShouldContain("<html lang=\"en\">");
        foreach (Match section in SectionOpen().Matches(html))
        {
            html.ShouldContain($"<h2 id=\"{section.Groups[2].Value}\">");
        }

        // The tables written with the page (the paged tables its script builds are checked in Chromium).
        var tables = TableElement().Matches(html[..html.IndexOf("</main>", StringComparison.Ordinal)]).Select(m => m.Value).ToList();
        tables.ShouldNotBeEmpty();
        tables.ShouldAllBe(t => t.Contains("<caption>") && t.Contains("<th scope=\"col\">"));
    }

    [Fact]
    public void SamplePage_Charts_HaveTitleDescriptionAndNameTheirVariables()
    {
        var html = Sample;
        foreach (var chart in new[] { "waterfall", "swimmer", "spider" })
        {
            var svg = PageDom.Svg(html, chart + "-svg")!;
            svg.ShouldContain($"role=\"img\" aria-labelledby=\"{chart}-svg-title {chart}-svg-desc\"");
            svg.ShouldContain($"<title id=\"{chart}-svg-title\">");
            svg.ShouldContain($"<desc id=\"{chart}-svg-desc\">");
            var figure = html[html.IndexOf($"<figure id=\"{chart}\"", StringComparison.Ordinal)..];
            figure[..figure.IndexOf("</figcaption>", StringComparison.Ordinal)].ShouldContain("Drawn from: ADSL USUBJID");
        }

        PageDom.Svg(html, "waterfall-svg")!.ShouldContain("ADRS PARAMCD = BOR: AVALC");
        PageDom.Svg(html, "waterfall-svg")!.ShouldContain("LBTESTCD = MCPROT");
        html.ShouldContain("TRTSDT, TRTEDT, TRT01P");
    }

    [Fact]
    public void SamplePage_ResponseCategories_DifferInGreyAndAreLabelled()
    {
        var waterfall = PageDom.Svg(Sample, "waterfall-svg")!;
        var categories = PageDom.Marks(waterfall).Select(m => m["bor"]).Distinct().ToList();
        categories.Count.ShouldBeGreaterThan(3);

        // Each category's bars have their own pattern (the hatch reads where the colour does not), and the legend
        // names each category in words beside its swatch.
        var patterns = PatternElement().Matches(waterfall).Select(m => m.Groups[2].Value).ToList();
        patterns.Count.ShouldBe(categories.Count);
        patterns.Distinct().Count().ShouldBe(categories.Count);
        foreach (var c in categories)
        {
            waterfall.ShouldContain($"class=\"legend\">{c} (");
        }

        var spider = PageDom.Svg(Sample, "spider-svg")!;
        var dashes = SpiderLine().Matches(spider).Select(m => m.Groups[2].Value).Distinct().Count();
        dashes.ShouldBeGreaterThanOrEqualTo(categories.Count - 1, "spider lines differ by dash as well as colour (one category may be solid)");
    }

    [Fact]
    public void SamplePage_Prints()
    {
        var html = Sample;
        html.ShouldContain("@media print");
        html.ShouldContain("break-inside: avoid");
    }

    [Fact]
    public void PilotPage_HasNoResponseSectionAndSaysNothingOfCharts()
    {
        var html = File.ReadAllText(ReviewPackages.PilotPage);
        html.ShouldNotContain("<section id=\"response\"");
        html.ShouldNotContain("<svg");
        html.ShouldNotContain("href=\"#response\"");
        html.ShouldContain("<section id=\"findings\"");
    }

    [GeneratedRegex("(src|href)=\"(https?:)?//[^\"]*\"")]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<section id=\"([a-z-]+)\" aria-labelledby=\"([a-z-]+)\">")]
    private static partial Regex SectionOpen();

    [GeneratedRegex("<table[ >].*?</table>", RegexOptions.Singleline)]
    private static partial Regex TableElement();

    [GeneratedRegex("<pattern id=\"([^\"]+)\"[^>]*>(.*?)</pattern>", RegexOptions.Singleline)]
    private static partial Regex PatternElement();

    [GeneratedRegex("<polyline points=\"[^\"]*\" fill=\"none\" stroke=\"([^\"]+)\" stroke-width=\"[^\"]+\"( stroke-dasharray=\"[^\"]+\")?")]
    private static partial Regex SpiderLine();
}
