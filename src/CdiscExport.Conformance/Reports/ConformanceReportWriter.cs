using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Rules;
using CdiscExport.Core.Packages;

namespace CdiscExport.Conformance.Reports;

/// <summary>
/// Writes conformance.json, conformance.csv and conformance.html. Counts are true totals of issues (a record a rule
/// flags, or a dataset for dataset-level rules), whatever the cap on listed details; each listed finding names one
/// rule: its id, the CORE rule it stands for and its one Pinnacle 21 id.
/// </summary>
public static class ConformanceReportWriter
{
    /// <summary>Severity as the reports spell it.</summary>
    public static string Name(Severity s) => s.ToString().ToLowerInvariant();

    /// <summary>Status as the reports spell it.</summary>
    public static string Name(RuleStatus s) => s switch
    {
        RuleStatus.Passed => "passed",
        RuleStatus.Issues => "issues",
        RuleStatus.NotApplicable => "not_applicable",
        RuleStatus.NotExecutable => "not_executable",
        _ => "execution_error",
    };

    /// <summary>Origin as the reports spell it.</summary>
    public static string Name(RuleOrigin o) => o switch
    {
        RuleOrigin.Core => "core",
        RuleOrigin.CoreDeprecated => "core_deprecated",
        _ => "cdisc_export",
    };

    /// <summary>Writes the three reports into <paramref name="folder"/> (created if needed).</summary>
    /// <remarks>
    /// Each report is streamed to its file, the three at once: with every finding listed (<c>--max-findings 0</c>)
    /// a 5,000-subject package gives some 160 MB of reports, which built as strings first took 5 s and half a GB.
    /// </remarks>
    public static void Write(ConformanceResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var counts = new IssueCounts(result);
        void To(string name, Action<Stream> write)
        {
            using var file = new FileStream(Path.Combine(folder, name), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            write(file);
        }

        Parallel.Invoke(
            () => To(PackageLayout.ConformanceJson, s => WriteJson(result, counts, s)),
            () => To(PackageLayout.ConformanceCsv, s => WriteCsv(result, s)),
            () => To(PackageLayout.ConformanceHtml, s => WriteHtml(result, counts, s)));
    }

    /// <summary>Issues per severity in each dataset (and the package), counted once for both reports that show them.</summary>
    private sealed class IssueCounts(ConformanceResult result)
    {
        private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<Severity, int>> byDataset = result.IssuesByDataset();

        public IReadOnlyDictionary<Severity, int> In(string? dataset) =>
            byDataset.GetValueOrDefault(dataset ?? "") ?? Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0);
    }

    /// <summary>The JSON report.</summary>
    public static string Json(ConformanceResult result) => ToText(s => WriteJson(result, new IssueCounts(result), s));

    /// <summary>The CSV report: one row per listed finding.</summary>
    public static string Csv(ConformanceResult result) => ToText(s => WriteCsv(result, s));

    /// <summary>The HTML report: header, Dataset Summary, Issue Summary, Details.</summary>
    public static string Html(ConformanceResult result) => ToText(s => WriteHtml(result, new IssueCounts(result), s));

    private static string ToText(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteJson(ConformanceResult result, IssueCounts counts, Stream stream)
    {
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteStartObject("header");
            if (result.Judged is { } j)
            {
                w.WriteString("standard", j.Standard);
                w.WriteString("version", j.Version);
                w.WriteString("versionSource", j.Source);
                w.WriteString("controlledTerminology", j.ControlledTerminology);
                w.WriteString("defineXml", j.DefineVersion);
                w.WriteStartArray("notes");
                foreach (var n in j.Notes)
                {
                    w.WriteStringValue(n);
                }

                w.WriteEndArray();
            }

            w.WriteString("rulesRun", result.StatusLine());
            w.WriteEndObject();

            w.WriteStartObject("summary");
            w.WriteString("counts", "issues");
            w.WriteStartArray("datasets");
            foreach (var d in result.Datasets)
            {
                w.WriteStartObject();
                w.WriteString("dataset", d.Dataset);
                w.WriteNumber("records", d.Records);
                foreach (var (s, n) in counts.In(d.Dataset))
                {
                    w.WriteNumber(Name(s), n);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            foreach (var (s, n) in result.IssuesBySeverity())
            {
                w.WriteNumber(Name(s), n);
            }

            w.WriteEndObject();
            w.WriteStartArray("rules");
            foreach (var r in result.Rules)
            {
                w.WriteStartObject();
                w.WriteString("rule", r.Rule.Id);
                w.WriteString("coreId", r.Rule.CoreId);
                w.WriteString("cdiscIds", r.Rule.CdiscIds);
                w.WriteString("fdaIds", r.Rule.FdaIds);
                w.WriteString("p21Id", r.Rule.P21Id);
                w.WriteString("origin", Name(r.Rule.Origin));
                w.WriteString("severity", Name(r.Rule.Severity));
                w.WriteString("severityBasis", r.Rule.SeverityBasis);
                w.WriteString("status", Name(r.Status));
                w.WriteNumber("issues", r.IssueCount);
                w.WriteNumber("findings", r.FindingCount);
                w.WriteNumber("listed", r.Findings.Count);
                if (r.Capped.Count > 0)
                {
                    w.WriteStartObject("capped");
                    foreach (var (ds, n) in r.Capped)
                    {
                        w.WriteNumber(ds, n);
                    }

                    w.WriteEndObject();
                }

                if (r.Reason is not null)
                {
                    w.WriteString("reason", r.Reason);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                w.WriteStartObject();
                w.WriteString("rule", f.Rule);
                w.WriteString("coreId", f.CoreId);
                w.WriteString("p21Id", f.P21Id);
                w.WriteString("alsoRule", f.AlsoRule);
                w.WriteString("severity", Name(f.Severity));
                w.WriteString("dataset", f.Dataset);
                w.WriteString("variable", f.Variable);
                if (f.Row is long row)
                {
                    w.WriteNumber("row", row);
                }
                else
                {
                    w.WriteNull("row");
                }

                w.WriteString("usubjid", f.Usubjid);
                w.WriteString("value", f.Value);
                w.WriteString("message", f.Message);
                w.WriteNumber("issue", f.Issue);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static string Quote(string? s) =>
        s is null ? "" : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 || (s.Length > 0 && s[0] is '=' or '+' or '-' or '@')
            ? "\"" + (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' ? "'" : "") + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : s;

    private static StreamWriter TextWriter(Stream stream) => new(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };

    private static void WriteCsv(ConformanceResult result, Stream stream)
    {
        using var csv = TextWriter(stream);
        csv.Write("rule,coreId,p21Id,alsoRule,severity,dataset,variable,row,usubjid,value,message,issue\n");
        var fields = new string?[12];
        foreach (var f in result.Findings)
        {
            // Severity, row and issue need no quoting; Quote leaves them as they are.
            (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]) = (f.Rule, f.CoreId, f.P21Id, f.AlsoRule, Name(f.Severity), f.Dataset);
            (fields[6], fields[7], fields[8], fields[9], fields[10]) = (f.Variable, f.Row?.ToString(CultureInfo.InvariantCulture), f.Usubjid, f.Value, f.Message);
            fields[11] = f.Issue.ToString(CultureInfo.InvariantCulture);
            for (var k = 0; k < fields.Length; k++)
            {
                if (k > 0)
                {
                    csv.Write(',');
                }

                csv.Write(Quote(fields[k]));
            }

            csv.Write('\n');
        }
    }

    private static string H(string? s) => WebUtility.HtmlEncode(s ?? "");

    private static void WriteHtml(ConformanceResult result, IssueCounts counts, Stream stream)
    {
        var total = result.IssuesBySeverity();
        using var html = TextWriter(stream);
        html.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Conformance report</title>\n<style>");
        html.Write("body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}");
        html.Write("th{background:#eee}.reject{background:#f8c8c8}.error{background:#fde0e0}.warning{background:#fff4d0}.notice{background:#e8f0ff}.num{text-align:right}");
        html.Write("</style></head><body>\n<h1>Conformance report</h1>\n");
        if (result.Judged is { } j)
        {
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<p>Judged by {H(j.Standard)} {H(j.Version)} ({H(j.Source)}); controlled terminology {H(j.ControlledTerminology ?? "not named")}; define.xml {H(j.DefineVersion ?? "none read")}.</p>\n"));
            foreach (var n in j.Notes)
            {
                html.Write("<p><em>" + H(n) + "</em></p>\n");
            }
        }

        html.Write(string.Create(CultureInfo.InvariantCulture, $"<p>{result.Datasets.Count} datasets; {H(result.StatusLine())}. Issues: reject {total[Severity.Reject]}, error {total[Severity.Error]}, warning {total[Severity.Warning]}, notice {total[Severity.Notice]}.</p>\n"));
        html.Write("<h2>Dataset Summary</h2>\n<table><tr><th>Dataset</th><th>File</th><th>Records</th><th>Reject</th><th>Error</th><th>Warning</th><th>Notice</th></tr>\n");
        foreach (var d in result.Datasets)
        {
            var c = counts.In(d.Dataset);
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{H(d.Dataset)}</td><td>{H(d.FileName)}</td><td class=num>{d.Records}</td><td class=num>{c[Severity.Reject]}</td><td class=num>{c[Severity.Error]}</td><td class=num>{c[Severity.Warning]}</td><td class=num>{c[Severity.Notice]}</td></tr>\n"));
        }

        var packageLevel = counts.In(null);
        html.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td>(package)</td><td></td><td></td><td class=num>{packageLevel[Severity.Reject]}</td><td class=num>{packageLevel[Severity.Error]}</td><td class=num>{packageLevel[Severity.Warning]}</td><td class=num>{packageLevel[Severity.Notice]}</td></tr>\n</table>\n"));
        html.Write("<h2>Issue Summary</h2>\n<table><tr><th>Rule</th><th>CORE</th><th>P21</th><th>Severity</th><th>Status</th><th>Issues</th><th>Message</th><th>Description / reason</th></tr>\n");
        foreach (var r in result.Rules.OrderBy(r => r.Status == RuleStatus.Issues ? 0 : 1).ThenBy(r => r.Rule.Severity))
        {
            var capped = r.Capped.Count == 0 ? "" : "<br><em>listed: " + r.Findings.Select(f => f.Issue).Distinct().Count().ToString(CultureInfo.InvariantCulture) + " (capped in " + H(string.Join(", ", r.Capped.Keys)) + ")</em>";
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<tr class=\"{(r.IssueCount > 0 ? Name(r.Rule.Severity) : "")}\"><td>{H(r.Rule.Id)}</td><td>{H(r.Rule.CoreId)}</td><td>{H(r.Rule.P21Id)}</td><td>{Name(r.Rule.Severity)}</td><td>{Name(r.Status)}</td><td class=num>{r.IssueCount}{capped}</td><td>{H(r.Rule.Message)}</td><td>{H(r.Rule.Description)}{(r.Reason is null ? "" : "<br><em>" + H(r.Reason) + "</em>")}</td></tr>\n"));
        }

        html.Write("</table>\n<h2>Details</h2>\n<table><tr><th>Rule</th><th>Severity</th><th>Dataset</th><th>Variable</th><th>Row</th><th>USUBJID</th><th>Value</th><th>Message</th></tr>\n");
        foreach (var f in result.Findings)
        {
            var id = f.AlsoRule is null ? f.Rule : f.Rule + " / " + f.AlsoRule;
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<tr class=\"{Name(f.Severity)}\"><td>{H(id)}</td><td>{Name(f.Severity)}</td><td>{H(f.Dataset)}</td><td>{H(f.Variable)}</td><td class=num>{f.Row}</td><td>{H(f.Usubjid)}</td><td>{H(f.Value)}</td><td>{H(f.Message)}</td></tr>\n"));
        }

        html.Write("</table>\n</body></html>\n");
    }
}
