using System.Buffers.Binary;
using System.IO.Compression;
using CdiscExport.Core.Standards;

namespace CdiscExport.Core.Terminology;

/// <summary>
/// Reads a terminology file, plain or gzip-compressed. Compression is recognised by the gzip magic bytes, not the
/// name, so a renamed file still reads; the shipped releases are gzip to keep the repository small.
/// </summary>
internal static class TerminologyFile
{
    private const byte GzipMagic1 = 0x1f;
    private const byte GzipMagic2 = 0x8b;

    // gzip's smallest member: 10-byte header, empty deflate block, 8-byte trailer (CRC-32, size).
    private const int GzipMinimumLength = 18;

    // The size a gzip trailer records only sizes the buffer, so a hostile value cannot make us allocate more up front.
    private const int MaxInitialCapacity = 256 * 1024 * 1024;

    /// <summary>The decompressed bytes of <paramref name="path"/>, read sequentially.</summary>
    /// <exception cref="StandardsFormatException">The file does not exist (line 0).</exception>
    public static Stream OpenRead(string path) => Open(path, out _);

    /// <summary>
    /// The whole decompressed content of <paramref name="path"/>. A gzip file must decompress to the size its
    /// trailer records: .NET's <see cref="GZipStream"/> ends quietly at a cut, which would otherwise load a
    /// truncated release without a word.
    /// </summary>
    /// <exception cref="StandardsFormatException">The file does not exist (line 0), or its gzip data is corrupt or
    /// truncated (at the line the damage was found in).</exception>
    public static ArraySegment<byte> ReadAllBytes(string path)
    {
        using var stream = Open(path, out var recordedSize);
        var capacity = recordedSize ?? (stream.CanSeek ? stream.Length : 0);
        using var buffer = new MemoryStream((int)Math.Min(capacity, MaxInitialCapacity));
        try
        {
            stream.CopyTo(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw new StandardsFormatException(path, LinesIn(buffer), TerminologyErrorMessages.CorruptGzip(ex.Message), ex);
        }

        if (recordedSize is { } expected && (uint)buffer.Length != expected)
        {
            throw new StandardsFormatException(path, LinesIn(buffer), TerminologyErrorMessages.CorruptGzip(
                TerminologyErrorMessages.GzipSizeMismatch(buffer.Length, expected)));
        }

        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static long LinesIn(MemoryStream buffer) => buffer.GetBuffer().AsSpan(0, (int)buffer.Length).Count((byte)'\n') + 1L;

    /// <param name="path">The file.</param>
    /// <param name="gzipRecordedSize">For gzip, the decompressed size (modulo 2^32) recorded in the last four
    /// bytes; null for a plain file.</param>
    private static Stream Open(string path, out uint? gzipRecordedSize)
    {
        if (!File.Exists(path))
        {
            throw new StandardsFormatException(path, 0, TerminologyErrorMessages.FileNotFound);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        Span<byte> bytes = stackalloc byte[4];
        gzipRecordedSize = null;
        if (file.ReadAtLeast(bytes[..2], 2, throwOnEndOfStream: false) == 2 && bytes[0] == GzipMagic1 && bytes[1] == GzipMagic2)
        {
            if (file.Length >= GzipMinimumLength)
            {
                file.Position = file.Length - 4;
                file.ReadExactly(bytes);
                gzipRecordedSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            }

            file.Position = 0;
            return new GZipStream(file, CompressionMode.Decompress);
        }

        file.Position = 0;
        return file;
    }
}
