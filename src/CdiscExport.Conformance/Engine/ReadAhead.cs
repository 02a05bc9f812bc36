using System.Collections.Concurrent;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Engine;

/// <summary>
/// XPT files read ahead of <see cref="Package.Load"/>. An exporter reads each dataset it has written while a core is
/// otherwise idle (the SDTM files, while ADaM is still being derived), and the load then takes the file from here
/// instead of reading it again. A file that changed after it was read (its length or time of last write) is read
/// again by the load, so what the rules see is always what is on disk.
/// </summary>
public sealed class ReadAhead
{
    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);

    /// <summary>The number of files read ahead and not yet taken by a load.</summary>
    public int Count => _files.Count;

    /// <summary>
    /// Reads <paramref name="file"/> now, on the calling thread. A file that cannot be read is left to the load, which
    /// reports it as a problem of the package.
    /// </summary>
    public void Read(string file)
    {
        var path = Path.GetFullPath(file);
        var stamp = Stamp.Of(path);
        try
        {
            _files[path] = new Entry(stamp, Package.ReadContents(path));
        }
        catch (Exception e) when (e is XptFormatException or XptLimitException or IOException or InvalidDataException)
        {
            _files.TryRemove(path, out _);
        }
    }

    /// <summary>The contents read ahead for <paramref name="file"/>, unless the file has changed since; null otherwise.</summary>
    internal Package.FileContents? Take(string file)
    {
        var path = Path.GetFullPath(file);
        return _files.TryRemove(path, out var entry) && entry.Stamp == Stamp.Of(path) ? entry.Contents : null;
    }

    private sealed record Entry(Stamp Stamp, Package.FileContents Contents);

    private readonly record struct Stamp(long Length, DateTime LastWriteUtc)
    {
        public static Stamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new Stamp(info.Length, info.LastWriteTimeUtc) : default;
        }
    }
}
