namespace CdiscExport.Xpt;

/// <summary>
/// The byte layer under <see cref="XptReader"/>: a forward-only window over the input that hands out 80-byte
/// records and observation-sized slices, tracks the file offset, and can look ahead to tell padding from data.
/// Works on non-seekable streams and on streams that return a byte at a time.
/// </summary>
internal sealed class XptRecordReader
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;

    public XptRecordReader(Stream stream, int bufferSize)
    {
        _stream = stream;
        _buffer = new byte[Math.Max(bufferSize, XptLayout.RecordLength * 2)];
    }

    /// <summary>File offset of the next unread byte.</summary>
    public long Offset { get; private set; }

    /// <summary>Makes up to <paramref name="count"/> bytes available; returns how many are (fewer only at end of input).</summary>
    public int Fill(int count)
    {
        while (_end - _start < count && !_endOfStream)
        {
            if (_buffer.Length - _start < count)
            {
                if (_buffer.Length < count)
                {
                    Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
                }

                // Compact: move the unread bytes to the front so the request fits.
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
            }

            _end += read;
        }

        return Math.Min(count, _end - _start);
    }

    /// <summary>The next <paramref name="count"/> bytes (or fewer at end of input) without consuming them.</summary>
    /// <remarks>The span is valid only until the next Fill, Peek or TryRead, which may move the buffer.</remarks>
    public ReadOnlySpan<byte> Peek(int count)
    {
        var available = Fill(count); // first: Fill may compact the buffer and so move _start
        return _buffer.AsSpan(_start, available);
    }

    /// <summary>Consumes <paramref name="count"/> bytes that <see cref="Fill"/> made available.</summary>
    public void Advance(int count)
    {
        _start += count;
        Offset += count;
    }

    /// <summary>Consumes and returns exactly <paramref name="count"/> bytes, or returns false at end of input.
    /// The span is valid only until the next Fill, Peek or TryRead.</summary>
    public bool TryRead(int count, out ReadOnlySpan<byte> bytes)
    {
        if (Fill(count) < count)
        {
            bytes = default;
            return false;
        }

        bytes = _buffer.AsSpan(_start, count);
        Advance(count);
        return true;
    }
}
