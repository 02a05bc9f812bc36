using CdiscExport.Testing;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>One export of the sample study (pinned creation time), shared by the tests that read it.</summary>
public sealed class SampleExportFixture : IDisposable
{
    public SampleExportFixture()
    {
        Out = Directory.CreateTempSubdirectory("cdisc-sample-").FullName;
        Run = CliRun.Of("export", Spec, "--out", Out, "--datetime", Pinned, "--formats", "xpt,csv");
    }

    public const string Pinned = "2026-01-02T03:04:05Z";

    public static string Spec => RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1");

    public string Out { get; }

    public CliRun Run { get; }

    public string Sdtm => Path.Combine(Out, "m5", "datasets", "borlen-ph1", "tabulations", "sdtm");

    /// <summary>Reads a dataset of the package back with our XPT reader: rows of name -> value.</summary>
    public List<Dictionary<string, XptValue>> Read(string name)
    {
        using var stream = File.OpenRead(Path.Combine(Sdtm, name + ".xpt"));
        using var reader = XptReader.Open(stream);
        var rows = new List<Dictionary<string, XptValue>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, XptValue>(StringComparer.Ordinal);
            for (var i = 0; i < reader.Dataset.Variables.Count; i++)
            {
                row[reader.Dataset.Variables[i].Name] = reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public void Dispose() => Directory.Delete(Out, recursive: true);
}
