namespace CdiscExport.Xpt.Tests;

/// <summary>
/// A non-seekable stream that hands out at most <c>chunk</c> bytes per Read, so observations and headers straddle
/// reads, and accepts writes without seeking, like a pipe or network stream.
/// </summary>
internal sealed class ForwardOnlyStream(Stream inner, int chunk) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, chunk));

    public override void Write(byte[] buffer, int offset, int count)
    {
        // Forward in small pieces too, so a writer relying on whole-buffer writes would still be exercised.
        for (var done = 0; done < count; done += chunk)
        {
            inner.Write(buffer, offset + done, Math.Min(chunk, count - done));
        }
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
