using CdiscExport.Cli.Commands;

namespace CdiscExport.Cli.Export;

/// <summary>
/// A package is built in a temporary folder beside its destination and swapped in only when complete, so a failed
/// export leaves the previous package byte for byte as it was, and no half-written one.
/// </summary>
internal sealed class StagedFolder : IDisposable
{
    private readonly string _target;
    private bool _committed;

    public StagedFolder(string target)
    {
        _target = System.IO.Path.GetFullPath(target);
        var parent = System.IO.Path.GetDirectoryName(_target) ?? throw new UsageException($"--out {target} has no parent folder");
        Directory.CreateDirectory(parent);
        Path = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(_target)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The temporary folder to write into.</summary>
    public string Path { get; }

    /// <summary>Replaces the destination with the staged folder.</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(_target))
        {
            old = _target + $".old-{Guid.NewGuid():N}";
            Directory.Move(_target, old);
        }

        Directory.Move(Path, _target);
        _committed = true;
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>
    /// Moves each staged file into the destination (created if need be), replacing files of the same name and leaving
    /// any other file there as it is: for a folder that may hold more than this run writes, such as a report folder.
    /// </summary>
    public void CommitFiles()
    {
        Directory.CreateDirectory(_target);
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            File.Move(file, System.IO.Path.Combine(_target, System.IO.Path.GetFileName(file)), overwrite: true);
        }

        Directory.Delete(Path, recursive: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
