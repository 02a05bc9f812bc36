using System.Globalization;
using CdiscExport.Review.Oncology;
using CdiscExport.Review.Page;

namespace CdiscExport.Review;

public static partial class ReviewPageWriter
{
    /// <summary>
    /// For a package with ADSL and ADRS: the best-response table, then the waterfall, swimmer and spider plots, each
    /// in a figure whose caption names the variables it was drawn from. Nothing at all for another package.
    /// </summary>
    private static void WriteOncology(TextWriter w, PageModel page)
    {
        if (page.Oncology is not { } study)
        {
            return;
        }

        w.Write("<section id=\"response\" aria-labelledby=\"response-h\">\n<h2 id=\"response-h\">Response</h2>\n");
        w.Write(string.Create(CultureInfo.InvariantCulture,
            $"<p>{study.Subjects.Count:N0} subjects of ADSL. Best overall response: {H(study.Sources.BestResponse)}. Colours, patterns, line dashes and marker shapes all tell the categories apart, so the charts also read in grey.</p>\n"));
        WriteBestResponseTable(w, page.BestResponse!);

        if (page.Waterfall is { } waterfall)
        {
            w.Write($"<figure id=\"waterfall\" class=\"chart\">\n<figcaption><h3>Waterfall plot</h3><p>{H(waterfall.Title)}. Drawn from: {H(waterfall.Sources)}.</p></figcaption>\n");
            w.Write(waterfall.ToSvg());
            w.Write("</figure>\n");
        }
        else
        {
            w.Write("<p id=\"waterfall\" class=\"absent\">No waterfall or spider plot: the package has no M-protein or tumour-size parameter (an ADaM BDS parameter such as MCPROT or SUMDIAM, LB MCPROT, or TR SUMDIAM).</p>\n");
        }

        var swimmer = page.Swimmer!;
        w.Write($"<figure id=\"swimmer\" class=\"chart\">\n<figcaption><h3>Swimmer plot</h3><p>{H(swimmer.Title)}. Drawn from: {H(swimmer.Sources)}.");
        if (swimmer.Lanes.Count < swimmer.SubjectCount)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $" Shows the {swimmer.Lanes.Count} longest times on treatment of {swimmer.SubjectCount:N0} subjects."));
        }

        w.Write("</p></figcaption>\n");
        w.Write(swimmer.ToSvg());
        w.Write("</figure>\n");

        if (page.Spider is { } spider)
        {
            w.Write($"<figure id=\"spider\" class=\"chart\">\n<figcaption><h3>Spider plot</h3><p>{H(spider.Title)}. Drawn from: {H(spider.Sources)}.</p></figcaption>\n");
            w.Write(spider.ToSvg());
            w.Write("</figure>\n");
        }

        w.Write("</section>\n");
    }

    private static void WriteBestResponseTable(TextWriter w, BestResponseTable table)
    {
        w.Write("<table class=\"best-response\" id=\"best-response\">\n<caption>Best overall response by dose level or arm (ADSL subjects, ADRS best overall response)" +
                (table.HasPublished ? "; the published table from reports/best-response-by-cohort.csv beside it" : "") + "</caption>\n<thead><tr><th scope=\"col\">Arm</th><th scope=\"col\">N</th>");
        foreach (var c in table.Categories)
        {
            w.Write($"<th scope=\"col\">{H(c)}</th>");
        }

        w.Write("<th scope=\"col\">Best responses</th>");
        if (table.HasPublished)
        {
            w.Write("<th scope=\"col\">Published</th><th scope=\"col\">Same</th>");
        }

        w.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"<tr data-arm-order=\"{row.ArmOrder}\"><th scope=\"row\">{H(row.Arm)}</th><td class=\"num\">{row.Subjects}</td>"));
            foreach (var c in table.Categories)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<td class=\"num\">{row.Counts[c]}</td>"));
            }

            w.Write($"<td class=\"summary\">{H(row.Summary)}</td>");
            if (table.HasPublished)
            {
                var same = row.Published == row.Summary;
                w.Write($"<td>{H(row.Published)}</td><td class=\"{(same ? "same" : "differs")}\">{(same ? "yes" : "no")}</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write(string.Create(CultureInfo.InvariantCulture, $"<tr class=\"total\"><th scope=\"row\">All</th><td class=\"num\">{table.Rows.Sum(r => r.Subjects)}</td>"));
        foreach (var c in table.Categories)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"<td class=\"num\">{table.Rows.Sum(r => r.Counts[c])}</td>"));
        }

        w.Write($"<td></td>{(table.HasPublished ? "<td></td><td></td>" : "")}</tr>\n</tbody>\n</table>\n");
    }
}
