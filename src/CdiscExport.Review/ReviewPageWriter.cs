using System.Net;
using System.Reflection;
using System.Text;
using CdiscExport.Conformance.Engine;
using CdiscExport.Review.Page;

namespace CdiscExport.Review;

/// <summary>
/// Writes the review page: one self-contained HTML file (styles, script and data inline; nothing fetched, so it
/// opens from disk and prints) with an overview of the package, every dataset browsable in a paged table, the
/// conformance findings by rule, the reconciliation of raw records when the package is ours, and, for an oncology
/// study, the best-response table with the waterfall, swimmer and spider plots.
/// </summary>
/// <remarks>
/// <para>Datasets are embedded compressed (<c>DatasetPayload</c>) and decoded by the page's script only when one is
/// opened; only one page of records is ever in the document. Charts are SVG drawn here, so they need no script.</para>
/// <para>Deterministic: the same source gives the same bytes (LF, ordinal order, invariant numbers, the time from
/// <see cref="ReviewSource.Created"/>), and no absolute path is written.</para>
/// </remarks>
public static partial class ReviewPageWriter
{
    /// <summary>
    /// Writes the page to <paramref name="path"/> through a temporary file beside it, renamed over the target only
    /// when complete: a failed write leaves no half-written page.
    /// </summary>
    /// <returns>What the page shows.</returns>
    public static ReviewPageSummary WriteFile(ReviewSource source, string path)
    {
        ArgumentNullException.ThrowIfNull(source);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            ReviewPageSummary summary;
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                summary = Write(source, stream);
            }

            File.Move(temporary, full, overwrite: true);
            return summary;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes the page to <paramref name="output"/> (left open).</summary>
    /// <returns>What the page shows.</returns>
    public static ReviewPageSummary Write(ReviewSource source, Stream output)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        var page = new PageModel(source);
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write($"<title>{H(page.StudyId)}: package review</title>\n<style>\n{Resource("review.css")}</style>\n</head>\n<body>\n");
        w.Write("<a class=\"skip\" href=\"#main\">Skip to the content</a>\n<header>\n");
        w.Write($"<h1>{H(page.StudyId)}: package review</h1>\n");
        w.Write($"<p class=\"meta\">Package {H(source.PackageName.Length > 0 ? source.PackageName : page.StudyId)}, reviewed {H(page.CreatedText)} by cdisc-export. " +
                "Every table and chart below is drawn from the package's own files; each chart names the variables it was drawn from.</p>\n");
        w.Write("<nav aria-label=\"Sections\"><ul>");
        foreach (var (id, title) in page.Sections)
        {
            w.Write($"<li><a href=\"#{id}\">{H(title)}</a></li>");
        }

        w.Write("</ul></nav>\n</header>\n<main id=\"main\">\n");
        WriteOverview(w, page);
        WriteDatasets(w, page);
        WriteFindings(w, page);
        WriteReconciliation(w, page);
        WriteOncology(w, page);
        w.Write("</main>\n<footer><p>Written by cdisc-export. The page works from disk, with no network; its script decodes a dataset only when it is opened.</p></footer>\n");
        WriteData(w, page);
        w.Write($"<script>\n{Resource("review.js")}</script>\n</body>\n</html>\n");
        var charts = new[] { ("waterfall", page.Waterfall is not null), ("swimmer", page.Swimmer is not null), ("spider", page.Spider is not null) };
        return new ReviewPageSummary(page.StudyId, page.Datasets.Count, source.Findings.Findings.Count, charts.Where(c => c.Item2).Select(c => c.Item1).ToList(),
            page.Oncology is null ? "no ADSL and ADRS: no response charts" : page.Waterfall is null ? "no M-protein or tumour-size parameter: no waterfall or spider plot" : null);
    }

    /// <summary>Text escaped for HTML.</summary>
    internal static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A page-internal link naming a dataset, and optionally a record or filters, as the script reads the fragment.</summary>
    internal static string DatasetLink(string dataset, string? more = null) => "#ds=" + Uri.EscapeDataString(dataset) + (more is null ? "" : "&" + more);

    private static string Resource(string name)
    {
        using var stream = typeof(ReviewPageWriter).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"resource {name} is missing from {typeof(ReviewPageWriter).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string FolderName(DatasetData d) => d.Folder.Kind == PackageKind.Adam ? "ADaM" : "SDTM";
}

/// <summary>What a review page shows, for the command to report.</summary>
/// <param name="StudyId">The study.</param>
/// <param name="Datasets">Datasets browsable in the page.</param>
/// <param name="Findings">Findings listed.</param>
/// <param name="Charts">The response charts drawn (waterfall, swimmer, spider).</param>
/// <param name="ChartsNote">Why charts are missing, when some are; else null.</param>
public sealed record ReviewPageSummary(string StudyId, int Datasets, int Findings, IReadOnlyList<string> Charts, string? ChartsNote);
