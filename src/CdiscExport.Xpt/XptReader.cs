using System.Text;

namespace CdiscExport.Xpt;

/// <summary>
/// Reads one dataset from a SAS transport (XPT) V5 or V8 file as a forward-only row cursor.
/// </summary>
/// <remarks>
/// <para>One row buffer is reused; values are decoded on request from it. Character values are right-trimmed of
/// blanks and decoded byte for byte (Latin-1), so nothing is lost even if a file holds non-ASCII bytes.</para>
/// <para>V5 has no row count: trailing all-blank observations lying in the final 80-byte record are padding and
/// are skipped (XPT-NOTES.md §8). Only the first member of a multi-member library is read: rows end where the
/// next MEMBER header begins.</para>
/// <para>Not thread-safe.</para>
/// </remarks>
public sealed partial class XptReader : IDisposable
{
    private readonly Stream _stream;
    private readonly XptReaderOptions _options;
    private readonly XptRecordReader _records;
    private readonly string? _filePath;
    private XptVariable[] _variables = [];
    private int[] _offsets = [];
    private byte[] _row = [];
    private byte[] _cachedBytes = [];
    private string?[] _cachedStrings = [];
    private int _rowLength;
    private bool _hasRow;
    private bool _finished;
    private bool _disposed;

    private XptReader(Stream stream, XptReaderOptions options)
    {
        _stream = stream;
        _options = options;
        _filePath = options.FilePath ?? (stream as FileStream)?.Name;
        _records = new XptRecordReader(stream, options.BufferSize);
    }

    /// <summary>
    /// Reads the library and member headers and positions the reader before the first row. Undoes <see cref="XptWriter.Create"/>.
    /// </summary>
    /// <param name="input">The XPT bytes; read forward only, so non-seekable streams work.</param>
    /// <param name="options">Reader settings; <see cref="XptReaderOptions.Default"/> when null.</param>
    /// <returns>The reader.</returns>
    /// <exception cref="XptFormatException">The headers are missing, truncated or corrupt.</exception>
    public static XptReader Open(Stream input, XptReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = new XptReader(input, options ?? XptReaderOptions.Default);
        try
        {
            reader.ReadHeaders();
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        return reader;
    }

    /// <summary>The dataset: name, label, type and variables.</summary>
    public XptDataset Dataset { get; private set; } = new("", "", []);

    /// <summary>Transport version: 5 or 8.</summary>
    public int Version { get; private set; }

    /// <summary>The created timestamp of the library header.</summary>
    public DateTime Created { get; private set; }

    /// <summary>The modified timestamp of the library header.</summary>
    public DateTime Modified { get; private set; }

    /// <summary>The SAS version field of the library header, e.g. <c>9.4</c>.</summary>
    public string SasVersion { get; private set; } = "";

    /// <summary>The operating-system field of the library header, e.g. <c>X64_10PR</c>.</summary>
    public string OperatingSystem { get; private set; } = "";

    /// <summary>Number of variables.</summary>
    public int FieldCount => _variables.Length;

    /// <summary>Rows read so far; the 1-based number of the current row after <see cref="Read"/> returned true.</summary>
    public long RowNumber { get; private set; }

    /// <summary>Advances to the next row. The mirror of <see cref="XptWriter.WriteRow"/>.</summary>
    /// <returns>False after the last row.</returns>
    /// <exception cref="XptFormatException">The file ends inside an observation.</exception>
    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _hasRow = false;
        if (_finished || _rowLength == 0)
        {
            _finished = true;
            return false;
        }

        if (AtNextMember())
        {
            _finished = true;
            return false;
        }

        var available = _records.Fill(_rowLength);
        if (available < _rowLength)
        {
            var rest = _records.Peek(available);
            if (rest.Length < XptLayout.RecordLength && !rest.ContainsAnyExcept(XptLayout.Blank))
            {
                _finished = true;
                return false;
            }

            throw Fail(XptMessages.TruncatedObservation, _records.Offset);
        }

        _records.Peek(_rowLength).CopyTo(_row); // copy now: the look-ahead below may move the buffer
        if (_rowLength < XptLayout.RecordLength && !_row.AsSpan().ContainsAnyExcept(XptLayout.Blank))
        {
            // Blank padding, not data, if everything from here to the end is blank and within one record.
            var ahead = _records.Peek(XptLayout.RecordLength);
            if (ahead.Length < XptLayout.RecordLength && !ahead.ContainsAnyExcept(XptLayout.Blank))
            {
                _finished = true;
                return false;
            }
        }

        _records.Advance(_rowLength);
        _hasRow = true;
        RowNumber++;
        return true;
    }

    /// <summary>The value of a variable in the current row: a number, a missing value, or right-trimmed text.</summary>
    /// <param name="ordinal">0-based variable index.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">There is no current row.</exception>
    public XptValue GetValue(int ordinal)
    {
        var variable = CheckRow(ordinal);
        if (variable.Type == XptVariableType.Character)
        {
            return XptValue.Text(GetString(ordinal));
        }

        var bytes = _row.AsSpan(_offsets[ordinal], variable.Length);
        return SasMissing.TryRead(bytes, out var kind) ? XptValue.Missing(kind) : XptValue.Number(IbmFloat.Decode(bytes));
    }

    /// <summary>A numeric variable's value, or null when it is any missing value.</summary>
    /// <param name="ordinal">0-based variable index.</param>
    /// <returns>The number or null.</returns>
    /// <exception cref="InvalidOperationException">No current row, or the variable is character.</exception>
    public double? GetDouble(int ordinal)
    {
        var variable = CheckRow(ordinal);
        if (variable.Type != XptVariableType.Numeric)
        {
            throw new InvalidOperationException(XptMessages.WrongReadType(Dataset.Name, variable.Name, variable.Type));
        }

        var bytes = _row.AsSpan(_offsets[ordinal], variable.Length);
        return SasMissing.TryRead(bytes, out _) ? null : IbmFloat.Decode(bytes);
    }

    /// <summary>A character variable's value with trailing blanks removed ("" when blank).</summary>
    /// <param name="ordinal">0-based variable index.</param>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidOperationException">No current row, or the variable is numeric.</exception>
    public string GetString(int ordinal)
    {
        var variable = CheckRow(ordinal);
        if (variable.Type != XptVariableType.Character)
        {
            throw new InvalidOperationException(XptMessages.WrongReadType(Dataset.Name, variable.Name, variable.Type));
        }

        var offset = _offsets[ordinal];
        var bytes = _row.AsSpan(offset, variable.Length);
        var cachedBytes = _cachedBytes.AsSpan(offset, variable.Length);
        var cached = _cachedStrings[ordinal];

        // Values such as STUDYID or LBTESTCD repeat row after row: reuse the last string when the bytes are unchanged.
        if (cached is not null && bytes.SequenceEqual(cachedBytes))
        {
            return cached;
        }

        var text = Encoding.Latin1.GetString(bytes.TrimEnd(XptLayout.Blank));
        bytes.CopyTo(cachedBytes);
        _cachedStrings[ordinal] = text;
        return text;
    }

    /// <summary>
    /// A character variable's bytes with trailing blanks removed: the Latin-1 bytes that <see cref="GetString"/>
    /// decodes, read without allocating a string.
    /// </summary>
    /// <remarks>For bulk readers that pool or intern values themselves. The span points into the row buffer and is
    /// valid only until the next <see cref="Read"/>.</remarks>
    /// <param name="ordinal">0-based variable index.</param>
    /// <returns>The bytes; empty when the value is blank.</returns>
    /// <exception cref="InvalidOperationException">No current row, or the variable is numeric.</exception>
    public ReadOnlySpan<byte> GetBytes(int ordinal)
    {
        var variable = CheckRow(ordinal);
        if (variable.Type != XptVariableType.Character)
        {
            throw new InvalidOperationException(XptMessages.WrongReadType(Dataset.Name, variable.Name, variable.Type));
        }

        return _row.AsSpan(_offsets[ordinal], variable.Length).TrimEnd(XptLayout.Blank);
    }

    /// <summary>
    /// The current row as stored: each variable's field at <see cref="GetFieldOffset"/>, character values padded
    /// with blanks, numbers and missing values in their undecoded 8-byte (or shorter) IBM form.
    /// </summary>
    /// <remarks>For bulk readers that decode or intern whole columns themselves and so need no per-value call; the
    /// layout is the one <see cref="XptWriter.WriteRow"/> writes. The span points into the row buffer and is valid
    /// only until the next <see cref="Read"/>.</remarks>
    /// <returns>The row's bytes.</returns>
    /// <exception cref="InvalidOperationException">There is no current row.</exception>
    public ReadOnlySpan<byte> GetRowBytes()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_hasRow)
        {
            throw new InvalidOperationException(XptMessages.NoCurrentRow);
        }

        return _row;
    }

    /// <summary>Where a variable's field starts in <see cref="GetRowBytes"/> (its NAMESTR position); the field is
    /// <see cref="XptVariable.Length"/> bytes long.</summary>
    /// <param name="ordinal">0-based variable index.</param>
    /// <returns>The byte offset.</returns>
    public int GetFieldOffset(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, _variables.Length);
        return _offsets[ordinal];
    }

    /// <summary>The index of a variable by name (case-insensitive), or -1.</summary>
    /// <param name="name">The variable name.</param>
    /// <returns>The 0-based ordinal or -1.</returns>
    public int GetOrdinal(string name)
    {
        for (var i = 0; i < _variables.Length; i++)
        {
            if (string.Equals(_variables[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Disposes the input stream unless <see cref="XptReaderOptions.LeaveOpen"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_options.LeaveOpen)
        {
            _stream.Dispose();
        }
    }

    // A library may hold further members: the next MEMBER header starts on a record boundary after this member's
    // blank padding. Stop there rather than decode header text as observations.
    private bool AtNextMember()
    {
        var gap = (int)((XptLayout.RecordLength - (_records.Offset % XptLayout.RecordLength)) % XptLayout.RecordLength);
        var ahead = _records.Peek(gap + XptLayout.HeaderPayloadOffset);
        return ahead.Length == gap + XptLayout.HeaderPayloadOffset &&
            !ahead[..gap].ContainsAnyExcept(XptLayout.Blank) &&
            XptLayout.IsHeader(ahead[gap..], XptLayout.MemberName(Version));
    }

    private XptVariable CheckRow(int ordinal)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_hasRow)
        {
            throw new InvalidOperationException(XptMessages.NoCurrentRow);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, _variables.Length);
        return _variables[ordinal];
    }

    private XptFormatException Fail(string problem, long offset, string? variable = null) =>
        new(problem, _filePath, offset, _member, variable);
}
