using System.Globalization;
using System.Text.Json;
using CdiscExport.Review.Data;
using CdiscExport.Review.Page;

namespace CdiscExport.Review;

public static partial class ReviewPageWriter
{
    /// <summary>The dataset browser: a chooser and the table the script fills, one page of records at a time.</summary>
    private static void WriteDatasets(TextWriter w, PageModel page)
    {
        w.Write("<section id=\"datasets\" aria-labelledby=\"datasets-h\">\n<h2 id=\"datasets-h\">Datasets</h2>\n");
        w.Write("<p class=\"help\">Every dataset of the package, a page of records at a time. Click a column name to sort by it (again to reverse); " +
                "type in the box under a column to keep the records whose value contains the text (any case), or start with <kbd>=</kbd> for the exact value. " +
                "Labels come from define.xml. The address of the page keeps the dataset and filters, e.g. <code>#ds=DM&amp;f.SEX==F</code>.</p>\n");
        w.Write("<div class=\"controls\"><label for=\"dataset-select\">Dataset</label> <select id=\"dataset-select\">");
        foreach (var d in page.Datasets)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"<option value=\"{d.Id}\">{H(d.Data.Name)} &ndash; {H(d.Labels.Label)} ({d.Data.RowCount:N0} records, {FolderName(d.Data)})</option>"));
        }

        w.Write("</select></div>\n<div id=\"dataset-view\" class=\"grid\" aria-live=\"polite\"><noscript><p>The dataset tables need JavaScript; the overview, findings rules and charts do not.</p></noscript></div>\n</section>\n");
    }

    /// <summary>
    /// The data the script reads: the list of datasets, each dataset compressed (<see cref="DatasetPayload"/>) in its
    /// own non-executed script element, and the findings.
    /// </summary>
    private static void WriteData(TextWriter w, PageModel page)
    {
        using (var meta = new MemoryStream())
        {
            using (var json = new Utf8JsonWriter(meta))
            {
                json.WriteStartObject();
                json.WriteStartArray("datasets");
                foreach (var d in page.Datasets)
                {
                    json.WriteStartObject();
                    json.WriteString("id", d.Id);
                    json.WriteString("name", d.Data.Name);
                    json.WriteString("label", d.Labels.Label);
                    json.WriteString("folder", FolderName(d.Data));
                    json.WriteNumber("rows", d.Data.RowCount);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                var initial = page.Find("DM") ?? page.Find("ADSL") ?? page.Datasets.FirstOrDefault();
                json.WriteString("initial", initial?.Id);
                json.WriteEndObject();
            }

            w.Write("<script type=\"application/json\" id=\"review-meta\">");
            w.Write(System.Text.Encoding.UTF8.GetString(meta.ToArray()));
            w.Write("</script>\n");
        }

        // Every part (a dataset's header, each of its columns) is compressed on its own, the largest first, on all
        // cores; then they are written in order.
        var parts = page.Datasets.Select(d => new byte[d.Data.Variables.Count + 1][]).ToArray();
        var work = page.Datasets.SelectMany((d, i) => Enumerable.Range(-1, d.Data.Variables.Count + 1).Select(c => (Dataset: i, Column: c)))
            .OrderByDescending(x => x.Column < 0 ? 0 : (long)page.Datasets[x.Dataset].Data.RowCount * DatasetPayload.WidthOf(page.Datasets[x.Dataset].Data.Column(x.Column).DistinctCount))
            .ToList();
        Parallel.ForEach(work, x =>
        {
            var d = page.Datasets[x.Dataset];
            parts[x.Dataset][x.Column + 1] = x.Column < 0 ? DatasetPayload.EncodeHeader(d.Data, d.Labels.Variables) : DatasetPayload.EncodeColumn(d.Data, x.Column);
        });

        var chars = new char[4 * 4096];
        for (var i = 0; i < page.Datasets.Count; i++)
        {
            w.Write($"<script type=\"application/octet-stream\" id=\"data-{page.Datasets[i].Id}\">");
            for (var p = 0; p < parts[i].Length; p++)
            {
                if (p > 0)
                {
                    w.Write(DatasetPayload.PartSeparator);
                }

                var bytes = parts[i][p];
                for (var start = 0; start < bytes.Length; start += 3 * 4096)
                {
                    var n = Convert.ToBase64CharArray(bytes, start, Math.Min(3 * 4096, bytes.Length - start), chars, 0);
                    w.Write(chars, 0, n);
                }
            }

            w.Write("</script>\n");
            parts[i] = [];
        }

        w.Write("<script type=\"application/json\" id=\"findings-data\">");
        w.Write(FindingsPayload.Json(page));
        w.Write("</script>\n");
    }
}
