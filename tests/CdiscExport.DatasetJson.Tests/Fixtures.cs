using CdiscExport.Testing;

namespace CdiscExport.DatasetJson.Tests;

/// <summary>CDISC's schema and example files (tests/fixtures/dataset-json, copied beside the test binary).</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures", "dataset-json");

    public static string Example(string relativePath) => Path.Combine(Folder, "examples", relativePath);

    /// <summary>Every example in the three forms (and the UTF-8 one), as paths relative to examples/.</summary>
    public static TheoryData<string> Examples
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, "examples"), "*", SearchOption.AllDirectories)
                         .Where(f => DatasetJsonForms.TryFromPath(f, out _)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Path.Combine(Folder, "examples"), file));
            }

            return data;
        }
    }

    /// <summary>The first breach of CDISC's v1.1 schema, or null (<see cref="DatasetJsonSchema.Problem"/>).</summary>
    public static string? SchemaProblem(byte[] file, DatasetJsonForm form) => DatasetJsonSchema.Problem(Path.Combine(Folder, "schema", "dataset.schema.json"), file, form);
}
