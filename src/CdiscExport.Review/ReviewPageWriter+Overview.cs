using System.Globalization;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Reports;
using CdiscExport.Conformance.Rules;
using CdiscExport.Review.Page;

namespace CdiscExport.Review;

public static partial class ReviewPageWriter
{
    /// <summary>Study, standards, subjects, conformance totals by severity, and the datasets with their counts.</summary>
    private static void WriteOverview(TextWriter w, PageModel page)
    {
        var package = page.Source.Package;
        var findings = page.Source.Findings;
        w.Write("<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">Overview</h2>\n<dl class=\"facts\">\n");
        var title = package.Find("TS") is { } ts && ts.Has("TSPARMCD") && ts.Has("TSVAL")
            ? Enumerable.Range(0, ts.RowCount).Where(r => ts.Text(r, "TSPARMCD") == "TITLE").Select(r => ts.Text(r, "TSVAL")).FirstOrDefault()
            : null;
        title ??= package.Folders.Select(f => f.Define?.Model.Study.StudyDescription).FirstOrDefault(d => !string.IsNullOrEmpty(d));
        w.Write($"<dt>Study</dt><dd>{H(page.StudyId)}{(title is null ? "" : " &mdash; " + H(title))}</dd>\n");
        foreach (var folder in package.Folders)
        {
            var kind = folder.Kind == PackageKind.Adam ? "ADaM" : "SDTM";
            string standards;
            if (folder.Define is { } define)
            {
                var declared = define.DeclaredStandards.Select(s => s.Type == Odm.DeclaredStandard.Terminology
                    ? $"{s.Name} CT {s.Version}{(s.PublishingSet is null ? "" : $" ({s.PublishingSet})")}"
                    : $"{s.Name} {s.Version}").Distinct().ToList();
                standards = (declared.Count > 0 ? string.Join(", ", declared) : "no standard declared") +
                            $" (declared in define.xml, Define-XML {DefineVersionText(define.Version)})";
            }
            else
            {
                standards = folder.DefineError is { } error ? "define.xml could not be read: " + error : "no define.xml in the folder";
            }

            w.Write($"<dt>{kind} standards</dt><dd>{H(standards)}</dd>\n");
        }

        if (findings.JudgedBy is { } judged)
        {
            w.Write($"<dt>Judged by</dt><dd>{H(judged)}</dd>\n");
        }

        var subjectSource = page.Find("DM") ?? page.Find("ADSL");
        if (subjectSource?.Subjects is { } subjects)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"<dt>Subjects</dt><dd>{subjects:N0} (distinct USUBJID in {subjectSource.Data.Name})</dd>\n"));
        }

        w.Write(string.Create(CultureInfo.InvariantCulture,
            $"<dt>Datasets</dt><dd>{page.Datasets.Count} ({page.Datasets.Count(d => d.Data.IsAdam)} ADaM), {page.Datasets.Sum(d => (long)d.Data.RowCount):N0} records</dd>\n"));
        w.Write($"<dt>Conformance</dt><dd>{H(findings.StatusLine)}. Findings: {H(findings.Source)}.</dd>\n</dl>\n");

        w.Write("<table class=\"totals\">\n<caption>Conformance issues by severity (true totals; an issue is a record, or a dataset, a rule faults)</caption>\n<thead><tr>");
        foreach (var s in Enum.GetValues<Severity>())
        {
            w.Write($"<th scope=\"col\">{Capitalised(s)}</th>");
        }

        w.Write("</tr></thead>\n<tbody><tr>");
        foreach (var s in Enum.GetValues<Severity>())
        {
            var n = findings.Totals.GetValueOrDefault(s);
            w.Write(string.Create(CultureInfo.InvariantCulture, $"<td class=\"num sev-{ConformanceReportWriter.Name(s)}{(n > 0 ? " some" : "")}\" data-severity=\"{ConformanceReportWriter.Name(s)}\">{n:N0}</td>"));
        }

        w.Write("</tr></tbody>\n</table>\n");

        w.Write("<table class=\"datasets\">\n<caption>Datasets: records and subjects, labels from define.xml (else the XPT file), and issues per severity</caption>\n<thead><tr>" +
                "<th scope=\"col\">Dataset</th><th scope=\"col\">Label</th><th scope=\"col\">Standard</th><th scope=\"col\">Class</th><th scope=\"col\">Records</th>" +
                "<th scope=\"col\">Subjects</th><th scope=\"col\">Variables</th>");
        foreach (var s in Enum.GetValues<Severity>())
        {
            w.Write($"<th scope=\"col\">{Capitalised(s)}</th>");
        }

        w.Write("</tr></thead>\n<tbody>\n");
        foreach (var d in page.Datasets)
        {
            var counts = findings.ByDataset.GetValueOrDefault(d.Data.Name);
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"<tr><th scope=\"row\"><a href=\"{H(DatasetLink(d.Data.Name))}\">{H(d.Data.Name)}</a></th><td>{H(d.Labels.Label)}</td><td>{FolderName(d.Data)}</td><td>{H(d.Labels.Class)}</td>" +
                $"<td class=\"num\">{d.Data.RowCount:N0}</td><td class=\"num\">{(d.Subjects is { } subjectCount ? subjectCount.ToString("N0", CultureInfo.InvariantCulture) : "")}</td><td class=\"num\">{d.Data.Variables.Count}</td>"));
            foreach (var s in Enum.GetValues<Severity>())
            {
                var n = counts?.GetValueOrDefault(s) ?? 0;
                w.Write(n == 0
                    ? "<td class=\"num\">0</td>"
                    : string.Create(CultureInfo.InvariantCulture, $"<td class=\"num sev-{ConformanceReportWriter.Name(s)} some\"><a href=\"#findings&amp;dataset={H(Uri.EscapeDataString(d.Data.Name))}&amp;severity={ConformanceReportWriter.Name(s)}\">{n:N0}</a></td>"));
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody>\n</table>\n");
        if (package.Problems.Count > 0)
        {
            w.Write("<h3>Files that could not be read</h3>\n<ul class=\"problems\">\n");
            foreach (var p in package.Problems)
            {
                w.Write($"<li><code>{H(Path.GetFileName(p.FilePath))}</code>: {H(p.Message)}</li>\n");
            }

            w.Write("</ul>\n");
        }

        w.Write("</section>\n");
    }

    private static string Capitalised(Severity s) => s.ToString();

    private static string DefineVersionText(Odm.DefineXmlVersion version) => version switch
    {
        Odm.DefineXmlVersion.Define21 => "2.1",
        Odm.DefineXmlVersion.Define20 => "2.0",
        _ => "1.0",
    };
}
