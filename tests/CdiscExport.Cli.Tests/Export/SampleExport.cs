using CdiscExport.Testing;

[assembly: AssemblyFixture(typeof(CdiscExport.Cli.Tests.Export.SampleExportCleanup))]

namespace CdiscExport.Cli.Tests.Export;

/// <summary>The sample study exported once (fixed clock) into a temporary folder shared by the export tests.</summary>
internal static class SampleExport
{
    public const string DateTime = "2026-01-01T00:00:00Z";

    private static readonly Lazy<string> Root = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cdisc-export-sample-{Guid.NewGuid():N}");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(["export", RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1"), "--out", folder, "--datetime", DateTime], output, error);
        if (exit != CliApp.Success)
        {
            throw new InvalidOperationException($"sample export failed ({exit}): {error}");
        }

        return folder;
    });

    public static string Folder => Root.Value;

    /// <summary>Deletes the export if a test made it.</summary>
    public static void DeleteIfCreated()
    {
        if (Root.IsValueCreated && Directory.Exists(Root.Value))
        {
            Directory.Delete(Root.Value, recursive: true);
        }
    }

    public static string Sdtm => Directory.GetDirectories(Folder, "sdtm", SearchOption.AllDirectories).Single();

    public static string Adam => Path.Combine(Directory.GetDirectories(Folder, "adam", SearchOption.AllDirectories).Single(), "datasets");

    /// <summary>The folder of <paramref name="kind"/> ("sdtm" or "adam").</summary>
    public static string FolderOf(string kind) => kind == "adam" ? Adam : Sdtm;
}

/// <summary>Removes the shared sample export when the test assembly finishes.</summary>
public sealed class SampleExportCleanup : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => SampleExport.DeleteIfCreated();
}
