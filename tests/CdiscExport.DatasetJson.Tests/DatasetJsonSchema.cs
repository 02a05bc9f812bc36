using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdiscExport.DatasetJson;
using Json.Schema;

namespace CdiscExport.Testing;

/// <summary>
/// Checks a Dataset-JSON file of any form against CDISC's v1.1 JSON Schema with JsonSchema.Net (draft 2019-09).
/// Shared by the library's and the CLI's tests (linked into the latter).
/// </summary>
internal static class DatasetJsonSchema
{
    // Built with its own $id as the base URI: JsonSchema.Net 8 otherwise registers the document twice and refuses.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    /// <summary>
    /// The first breach of CDISC's v1.1 schema (draft 2019-09) in a file of any form, or of records = number of rows;
    /// null when there is none. NDJSON line 1 plus its rows are checked as the equivalent JSON document (the
    /// published NDJSON schema does not resolve).
    /// </summary>
    public static string? Problem(string schemaPath, byte[] file, DatasetJsonForm form)
    {
        if (form == DatasetJsonForm.Dsjc)
        {
            using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            file = plain.ToArray();
        }

        var text = Encoding.UTF8.GetString(file);
        JsonObject document;
        if (form == DatasetJsonForm.Json)
        {
            document = JsonNode.Parse(text)!.AsObject();
        }
        else
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            document = JsonNode.Parse(lines[0])!.AsObject();
            if (document.ContainsKey("rows"))
            {
                return "NDJSON line 1 holds rows";
            }

            document["rows"] = new JsonArray(lines.Skip(1).Select(l => JsonNode.Parse(l)).ToArray());
        }

        using var parsed = JsonDocument.Parse(document.ToJsonString());
        var schema = Schemas.GetOrAdd(schemaPath, path => JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri("https://cdisc.org/dataset-json/model")));
        var result = schema.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var first = result.Details?.FirstOrDefault(d => d.Errors is { Count: > 0 });
            return first is null ? "invalid" : $"{first.InstanceLocation}: {string.Join("; ", first.Errors!.Values)}";
        }

        var rows = document["rows"]?.AsArray().Count ?? 0;
        return document["records"]!.GetValue<long>() == rows ? null : $"records {document["records"]} but {rows} rows";
    }
}
