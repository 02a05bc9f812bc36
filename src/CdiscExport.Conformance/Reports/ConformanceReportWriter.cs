using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Conformance.Reports;

/// <summary>Writes conformance.json, conformance.csv and conformance.html.</summary>
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

    /// <summary>Writes the three reports into <paramref name="folder"/> (created if needed).</summary>
    public static void Write(ConformanceResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "conformance.json"), Json(result), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "conformance.csv"), Csv(result), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "conformance.html"), Html(result), new UTF8Encoding(false));
    }

    private static Dictionary<Severity, int> Count(IEnumerable<Finding> findings) =>
        Enum.GetValues<Severity>().ToDictionary(s => s, s => findings.Count(f => f.Severity == s));

    /// <summary>The JSON report.</summary>
    public static string Json(ConformanceResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var findings = result.Findings.ToList();
            w.WriteStartObject();
            w.WriteStartObject("summary");
            w.WriteStartArray("datasets");
            foreach (var d in result.Datasets)
            {
                var c = Count(findings.Where(f => f.Dataset == d.Dataset));
                w.WriteStartObject();
                w.WriteString("dataset", d.Dataset);
                w.WriteNumber("records", d.Records);
                foreach (var (s, n) in c)
                {
                    w.WriteNumber(Name(s), n);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            foreach (var (s, n) in Count(findings))
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
                w.WriteString("p21Id", r.Rule.P21Id);
                w.WriteString("severity", Name(r.Rule.Severity));
                w.WriteString("status", Name(r.Status));
                w.WriteNumber("findings", r.Findings.Count);
                if (r.Reason is not null)
                {
                    w.WriteString("reason", r.Reason);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in findings)
            {
                w.WriteStartObject();
                w.WriteString("rule", f.Rule);
                w.WriteString("coreId", f.CoreId);
                w.WriteString("p21Id", f.P21Id);
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
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string Quote(string? s) =>
        s is null ? "" : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 || (s.Length > 0 && s[0] is '=' or '+' or '-' or '@')
            ? "\"" + (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' ? "'" : "") + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : s;

    /// <summary>The CSV report: one row per finding.</summary>
    public static string Csv(ConformanceResult result)
    {
        var sb = new StringBuilder("rule,coreId,p21Id,severity,dataset,variable,row,usubjid,value,message\n");
        foreach (var f in result.Findings)
        {
            sb.Append(string.Join(',', new[]
            {
                Quote(f.Rule), Quote(f.CoreId), Quote(f.P21Id), Name(f.Severity), Quote(f.Dataset), Quote(f.Variable),
                f.Row?.ToString(CultureInfo.InvariantCulture) ?? "", Quote(f.Usubjid), Quote(f.Value), Quote(f.Message),
            })).Append('\n');
        }

        return sb.ToString();
    }

    private static string H(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>The HTML report: Dataset Summary, Issue Summary, Details.</summary>
    public static string Html(ConformanceResult result)
    {
        var findings = result.Findings.ToList();
        var total = Count(findings);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Conformance report</title>\n<style>")
          .Append("body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}")
          .Append("th{background:#eee}.reject{background:#f8c8c8}.error{background:#fde0e0}.warning{background:#fff4d0}.notice{background:#e8f0ff}.num{text-align:right}")
          .Append("</style></head><body>\n<h1>Conformance report</h1>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p>{result.Datasets.Count} datasets, {result.Rules.Count} rules; reject {total[Severity.Reject]}, error {total[Severity.Error]}, warning {total[Severity.Warning]}, notice {total[Severity.Notice]}.</p>\n");
        sb.Append("<h2>Dataset Summary</h2>\n<table><tr><th>Dataset</th><th>File</th><th>Records</th><th>Reject</th><th>Error</th><th>Warning</th><th>Notice</th></tr>\n");
        foreach (var d in result.Datasets)
        {
            var c = Count(findings.Where(f => f.Dataset == d.Dataset));
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(d.Dataset)}</td><td>{H(d.FileName)}</td><td class=num>{d.Records}</td><td class=num>{c[Severity.Reject]}</td><td class=num>{c[Severity.Error]}</td><td class=num>{c[Severity.Warning]}</td><td class=num>{c[Severity.Notice]}</td></tr>\n");
        }

        var packageLevel = Count(findings.Where(f => f.Dataset is null));
        sb.Append(CultureInfo.InvariantCulture, $"<tr><td>(package)</td><td></td><td></td><td class=num>{packageLevel[Severity.Reject]}</td><td class=num>{packageLevel[Severity.Error]}</td><td class=num>{packageLevel[Severity.Warning]}</td><td class=num>{packageLevel[Severity.Notice]}</td></tr>\n</table>\n");
        sb.Append("<h2>Issue Summary</h2>\n<table><tr><th>Rule</th><th>CORE</th><th>P21</th><th>Severity</th><th>Status</th><th>Findings</th><th>Message</th><th>Description / reason</th></tr>\n");
        foreach (var r in result.Rules.OrderBy(r => r.Status == RuleStatus.Issues ? 0 : 1).ThenBy(r => r.Rule.Severity))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(r.Findings.Count > 0 ? Name(r.Rule.Severity) : "")}\"><td>{H(r.Rule.Id)}</td><td>{H(r.Rule.CoreId)}</td><td>{H(r.Rule.P21Id)}</td><td>{Name(r.Rule.Severity)}</td><td>{Name(r.Status)}</td><td class=num>{r.Findings.Count}</td><td>{H(r.Rule.Message)}</td><td>{H(r.Rule.Description)}{(r.Reason is null ? "" : "<br><em>" + H(r.Reason) + "</em>")}</td></tr>\n");
        }

        sb.Append("</table>\n<h2>Details</h2>\n<table><tr><th>Rule</th><th>Severity</th><th>Dataset</th><th>Variable</th><th>Row</th><th>USUBJID</th><th>Value</th><th>Message</th></tr>\n");
        foreach (var f in findings)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"{Name(f.Severity)}\"><td>{H(f.Rule)}</td><td>{Name(f.Severity)}</td><td>{H(f.Dataset)}</td><td>{H(f.Variable)}</td><td class=num>{f.Row}</td><td>{H(f.Usubjid)}</td><td>{H(f.Value)}</td><td>{H(f.Message)}</td></tr>\n");
        }

        sb.Append("</table>\n</body></html>\n");
        return sb.ToString();
    }
}
