using System.IO.Compression;

namespace CdiscExport.DatasetJson;

/// <summary>
/// The DSJC wrapping, both directions. The DSJC text says zlib, but every published example is gzip (upstream issue
/// #43): reading goes by the magic bytes (1F 8B gzip, 78 zlib, else raw deflate); writing is gzip, like the examples.
/// </summary>
internal static class DsjcCompression
{
    /// <summary>Whether the first bytes are gzip or zlib magic: compressed content whatever the extension says.</summary>
    public static bool LooksCompressed(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && ((head[0] == DatasetJsonNames.GzipMagic0 && head[1] == DatasetJsonNames.GzipMagic1) ||
                             (head[0] == DatasetJsonNames.ZlibDeflate32K && ((head[0] << 8) | head[1]) % 31 == 0));

    /// <summary>A decompressing stream over <paramref name="input"/>, whose first bytes are <paramref name="head"/> (already read from it).</summary>
    public static Stream OpenRead(ReadOnlySpan<byte> head, Stream input, bool leaveOpen)
    {
        var source = new PrefixStream(head.ToArray(), input, leaveOpen);
        if (head.Length >= 2 && head[0] == DatasetJsonNames.GzipMagic0 && head[1] == DatasetJsonNames.GzipMagic1)
        {
            return new GZipStream(source, CompressionMode.Decompress);
        }

        return LooksCompressed(head)
            ? new ZLibStream(source, CompressionMode.Decompress)
            : new DeflateStream(source, CompressionMode.Decompress);
    }

    /// <summary>A gzip stream writing into <paramref name="output"/>.</summary>
    public static Stream OpenWrite(Stream output, CompressionLevel level, bool leaveOpen) => new GZipStream(output, level, leaveOpen);
}

/// <summary>A read-only stream that gives back bytes already read from <c>inner</c>, then the rest of it.</summary>
internal sealed class PrefixStream(byte[] prefix, Stream inner, bool leaveOpen) : Stream
{
    private int _used;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_used < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _used);
            prefix.AsSpan(_used, n).CopyTo(buffer);
            _used += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
