using System.Collections.Concurrent;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Engine;

/// <summary>
/// XPT files read ahead of <see cref="Package.Load"/>. An exporter reads each dataset it has written while a core is
/// otherwise idle (the SDTM files, while ADaM is still being derived), and the load then takes the file from here
/// instead of reading it again; a file still being read when the load reaches it is waited for, while the load reads
/// the other files. A file that changed after it was read (its length or time of last write) is read again by the
/// load, so what the rules see is always what is on disk.
/// </summary>
public sealed class ReadAhead
{
    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);

    /// <summary>The number of files read ahead (or being read) and not yet taken by a load.</summary>
    public int Count => _files.Count;

    /// <summary>
    /// Reads <paramref name="file"/> now, on the calling thread. A file that cannot be read is left to the load, which
    /// reports it as a problem of the package.
    /// </summary>
    public void Read(string file)
    {
        var path = Path.GetFullPath(file);
        var entry = new Entry(Stamp.Of(path));
        _files[path] = entry;
        try
        {
            entry.Contents.SetResult(Package.ReadContents(path));
        }
        catch (Exception e) when (e is XptFormatException or XptLimitException or CdiscExport.DatasetJson.DatasetJsonException or IOException or InvalidDataException)
        {
            entry.Contents.SetResult(null);
        }
        catch (Exception e)
        {
            // Not a problem of the file: whoever waits for it must not wait forever, and learns what happened.
            entry.Contents.SetException(e);
            throw;
        }
    }

    /// <summary>
    /// The contents read ahead for <paramref name="file"/> (waiting for a read under way), unless the file has changed
    /// since or could not be read; null otherwise.
    /// </summary>
    internal Package.FileContents? Take(string file)
    {
        var path = Path.GetFullPath(file);
        if (!_files.TryRemove(path, out var entry))
        {
            return null;
        }

        var contents = entry.Contents.Task.GetAwaiter().GetResult();
        return contents is not null && entry.Stamp == Stamp.Of(path) ? contents : null;
    }

    private sealed class Entry(Stamp stamp)
    {
        public Stamp Stamp { get; } = stamp;

        public TaskCompletionSource<Package.FileContents?> Contents { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly record struct Stamp(long Length, DateTime LastWriteUtc)
    {
        public static Stamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new Stamp(info.Length, info.LastWriteTimeUtc) : default;
        }
    }
}
