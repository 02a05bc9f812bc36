using System.Globalization;
using System.Text;
using System.Text.Json;
using CdiscExport.Conformance.Reports;
using CdiscExport.Review.Findings;
using CdiscExport.Review.Page;

namespace CdiscExport.Review.Data;

/// <summary>
/// The listed findings as the page embeds them: the same column shape as a dataset's header
/// (<see cref="DatasetPayload"/>), each column's distinct texts once (code 0 is "") and a code per finding, as
/// plain JSON (findings are few beside a dataset's records, and repeat their rule, severity and message).
/// </summary>
internal static class FindingsPayload
{
    private static readonly (string Name, string Label, string Kind, Func<ReviewFinding, string> Text)[] Columns =
    [
        ("RULE", "", "text", f => f.Rule),
        ("SEVERITY", "", "text", f => ConformanceReportWriter.Name(f.Severity)),
        ("DATASET", "", "text", f => f.Dataset ?? ""),
        ("VARIABLE", "", "text", f => f.Variable ?? ""),
        ("RECORD", "in the dataset", "number", f => f.Row?.ToString(CultureInfo.InvariantCulture) ?? ""),
        ("USUBJID", "", "text", f => f.Usubjid ?? ""),
        ("VALUE", "", "text", f => f.Value ?? ""),
        ("MESSAGE", "", "text", f => f.Message),
    ];

    /// <summary>The findings of <paramref name="page"/> as JSON, safe inside a script element.</summary>
    public static string Json(PageModel page)
    {
        var findings = page.Source.Findings.Findings;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("rows", findings.Count);
            json.WriteStartArray("columns");
            foreach (var (name, label, kind, text) in Columns)
            {
                var values = new List<string> { "" };
                var index = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 0 };
                var codes = new int[findings.Count];
                for (var i = 0; i < findings.Count; i++)
                {
                    var t = text(findings[i]);
                    if (!index.TryGetValue(t, out var code))
                    {
                        index[t] = code = values.Count;
                        values.Add(t);
                    }

                    codes[i] = code;
                }

                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("label", label);
                json.WriteString("kind", kind);
                json.WriteStartArray("values");
                foreach (var v in values)
                {
                    json.WriteStringValue(v);
                }

                json.WriteEndArray();
                json.WriteStartArray("codes");
                foreach (var c in codes)
                {
                    json.WriteNumberValue(c);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        // Utf8JsonWriter's default encoder escapes <, > and &: no "</script>" can end the element early.
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
