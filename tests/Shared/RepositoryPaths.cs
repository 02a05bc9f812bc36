namespace CdiscExport.Testing;

/// <summary>
/// Finds files of this repository from a test's output folder, by walking up to the folder holding CdiscExport.sln,
/// so tests read fixtures and specs where they are rather than copies.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CdiscExport.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CdiscExport.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => RootFolder.Value;

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Specs => Path.Combine(Root, "specs");

    public static string Get(params string[] parts) => Path.Combine([Root, .. parts]);
}
