using System.Globalization;
using CdiscExport.Conformance.Reports;
using CdiscExport.Conformance.Rules;
using CdiscExport.Core.Packages;
using CdiscExport.Review.Page;
using CdiscExport.Review.Reports;

namespace CdiscExport.Review;

public static partial class ReviewPageWriter
{
    /// <summary>
    /// The findings: the rules that found issues (worst first, each linked to its findings), the rules that could not
    /// run, and the findings table the script fills, filterable by severity, dataset, subject and rule, each finding
    /// linked to its record.
    /// </summary>
    private static void WriteFindings(TextWriter w, PageModel page)
    {
        var findings = page.Source.Findings;
        w.Write("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Conformance findings</h2>\n");
        w.Write($"<p>{H(findings.StatusLine)}. Findings: {H(findings.Source)}.{(findings.JudgedBy is { } j ? " Judged by " + H(j) + "." : "")}</p>\n");
        var withIssues = findings.Rules.Where(r => r.Issues > 0).OrderBy(r => r.Severity).ThenByDescending(r => r.Issues).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        w.Write("<h3 id=\"rules-h\">By rule</h3>\n");
        if (withIssues.Count == 0)
        {
            w.Write("<p>No rule found an issue.</p>\n");
        }
        else
        {
            var datasetsByRule = findings.Findings.GroupBy(f => f.Rule.Split(" / ")[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.Dataset).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            var listed = findings.Findings.GroupBy(f => f.Rule.Split(" / ")[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            w.Write("<table class=\"rules\">\n<caption>Rules that found issues, worst severity first</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">P21</th>" +
                    "<th scope=\"col\">Severity</th><th scope=\"col\">Issues</th><th scope=\"col\">Listed findings</th><th scope=\"col\">Datasets</th><th scope=\"col\">Message</th></tr></thead>\n<tbody>\n");
            foreach (var r in withIssues)
            {
                var sev = ConformanceReportWriter.Name(r.Severity);
                var datasets = datasetsByRule.GetValueOrDefault(r.Id, []);
                var n = listed.GetValueOrDefault(r.Id);
                w.Write(string.Create(CultureInfo.InvariantCulture,
                    $"<tr class=\"sev-{sev}\"><th scope=\"row\">{H(r.Id)}</th><td>{H(r.P21Id)}</td><td>{sev}</td><td class=\"num\">{r.Issues:N0}</td>" +
                    $"<td class=\"num\">{(n > 0 ? $"<a href=\"#findings&amp;rule={H(Uri.EscapeDataString(r.Id))}\">{n:N0}</a>" : "0")}</td>" +
                    $"<td>{string.Join(", ", datasets.Select(d => page.Find(d) is null ? H(d) : $"<a href=\"{H(DatasetLink(d))}\">{H(d)}</a>"))}</td><td>{H(r.Message)}</td></tr>\n"));
            }

            w.Write("</tbody>\n</table>\n");
        }

        var notRun = findings.Rules.Where(r => r.Status is "not_executable" or "execution_error").ToList();
        if (notRun.Count > 0)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"<details class=\"not-run\"><summary>{notRun.Count} rules could not run here, and why</summary>\n<table>\n<caption>Rules not executable or failing</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Status</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n"));
            foreach (var r in notRun)
            {
                w.Write($"<tr><th scope=\"row\">{H(r.Id)}</th><td>{H(r.Status)}</td><td>{H(r.Reason)}</td></tr>\n");
            }

            w.Write("</tbody>\n</table>\n</details>\n");
        }

        w.Write("<h3 id=\"finding-list-h\">Findings</h3>\n<div class=\"controls\" role=\"group\" aria-labelledby=\"finding-list-h\">");
        w.Write("<label>Severity <select id=\"finding-severity\"><option value=\"\">all</option>");
        foreach (var s in Enum.GetValues<Severity>())
        {
            w.Write($"<option value=\"{ConformanceReportWriter.Name(s)}\">{ConformanceReportWriter.Name(s)}</option>");
        }

        w.Write("</select></label> <label>Dataset <select id=\"finding-dataset\"><option value=\"\">all</option>");
        foreach (var d in findings.Findings.Select(f => f.Dataset).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            w.Write($"<option value=\"{H(d)}\">{H(d)}</option>");
        }

        w.Write("</select></label> <label>Rule <select id=\"finding-rule\"><option value=\"\">all</option>");
        foreach (var r in findings.Findings.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal))
        {
            w.Write($"<option value=\"{H(r)}\">{H(r)}</option>");
        }

        w.Write("</select></label> <label>Subject <input id=\"finding-subject\" type=\"search\" placeholder=\"USUBJID contains\"></label></div>\n");
        w.Write("<div id=\"findings-view\" class=\"grid\" aria-live=\"polite\"><noscript><p>The findings table needs JavaScript; conformance.html beside this page lists them too.</p></noscript></div>\n</section>\n");
    }

    /// <summary>The reconciliation of raw records, when the package is ours.</summary>
    private static void WriteReconciliation(TextWriter w, PageModel page)
    {
        w.Write("<section id=\"reconciliation\" aria-labelledby=\"reconciliation-h\">\n<h2 id=\"reconciliation-h\">Reconciliation of raw records</h2>\n");
        if (page.Source.Reconciliation is not { } table)
        {
            w.Write($"<p>This package carries no <code>{PackageLayout.ReportsFolder}/{PackageLayout.Reconciliation}</code>: only a package written by <code>cdisc-export export</code> accounts for its raw records.</p>\n</section>\n");
            return;
        }

        w.Write($"<p>Every raw form: the rows read, the rows mapped into each dataset, and the rows set aside, with the reason (<code>{PackageLayout.ReportsFolder}/{H(table.FileName)}</code>).</p>\n");
        w.Write("<table class=\"reconciliation\">\n<caption>Raw records read, mapped and set aside, by form and dataset</caption>\n<thead><tr>");
        foreach (var h in table.Header)
        {
            w.Write($"<th scope=\"col\">{H(h)}</th>");
        }

        w.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            var setAside = table.Get(row, "ROWS_SET_ASIDE") is var s && s.Length > 0 && s != "0";
            w.Write(setAside ? "<tr class=\"set-aside\">" : "<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var numeric = long.TryParse(row[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
                w.Write(i == 0 ? $"<th scope=\"row\">{H(row[i])}</th>" : numeric ? $"<td class=\"num\">{H(row[i])}</td>" : $"<td>{H(row[i])}</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody>\n</table>\n</section>\n");
    }
}
