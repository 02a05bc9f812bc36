using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CdiscExport.DatasetJson;

/// <summary>
/// Reads one Dataset-JSON v1.1 dataset (JSON, NDJSON or DSJC) as a forward-only row cursor: the metadata on
/// opening, then one row per <see cref="Read"/>. Never holds more than one row.
/// </summary>
/// <remarks>
/// <para>Values keep their JSON text: a number is its digits as written (<see cref="GetUtf8"/>,
/// <see cref="GetValue"/>), so nothing is lost; <see cref="GetDouble"/> gives the nearest double (JSON integers in
/// float and double columns included). Each value is checked against its column's <c>dataType</c> as the row is
/// read, and <c>records</c> against the number of rows at the end; a breach is a <see cref="DatasetJsonException"/>
/// naming the file, record and column.</para>
/// <para>The form is detected from the content (gzip or zlib magic bytes: DSJC; a <c>rows</c> attribute: JSON; else
/// NDJSON) unless <see cref="DatasetJsonReaderOptions.Form"/> says otherwise. In the JSON form <c>rows</c> must come
/// after <c>records</c> and <c>columns</c>, as the specification's attribute order has it. Not thread-safe.</para>
/// </remarks>
public sealed partial class DatasetJsonReader : IDisposable
{
    private static readonly JsonReaderOptions JsonOptions = new() { AllowMultipleValues = true, MaxDepth = 64 };

    private readonly Stream _input;
    private readonly DatasetJsonReaderOptions _options;
    private readonly string? _filePath;
    private Stream _text;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private JsonReaderState _state = new(JsonOptions);
    private bool _inRowsArray;
    private bool _hasRow;
    private bool _finished;
    private bool _disposed;
    private DatasetJsonDataType[] _types = [];
    private DatasetJsonValueKind[] _kinds = [];
    private int[] _valueStarts = [];
    private int[] _valueLengths = [];
    private byte[] _values = new byte[1024];
    private byte[][] _cachedBytes = [];
    private int[] _cachedLengths = [];
    private string?[] _cachedStrings = [];

    private DatasetJsonReader(Stream input, DatasetJsonReaderOptions options)
    {
        _input = input;
        _text = input;
        _options = options;
        _filePath = options.FilePath ?? (input as FileStream)?.Name;
        _buffer = new byte[Math.Max(options.BufferSize, 16)];
    }

    /// <summary>
    /// Reads the metadata and positions the reader before the first row. Undoes <see cref="DatasetJsonWriter.Create"/>.
    /// </summary>
    /// <param name="input">The file's bytes; read forward only, so non-seekable streams work.</param>
    /// <param name="options">Reader settings; <see cref="DatasetJsonReaderOptions.Default"/> when null.</param>
    /// <returns>The reader.</returns>
    /// <exception cref="DatasetJsonException">The metadata are not well-formed JSON, or break the v1.1 schema.</exception>
    public static DatasetJsonReader Open(Stream input, DatasetJsonReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = new DatasetJsonReader(input, options ?? DatasetJsonReaderOptions.Default);
        try
        {
            reader.Start();
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        return reader;
    }

    /// <summary>The dataset's attributes and columns.</summary>
    public DatasetJsonMetadata Metadata { get; private set; } = null!;

    /// <summary>The form read.</summary>
    public DatasetJsonForm Form { get; private set; }

    /// <summary>The file path used in messages, if known.</summary>
    public string? FilePath => _filePath;

    /// <summary>Number of columns.</summary>
    public int FieldCount => _types.Length;

    /// <summary>Rows read so far; the 1-based record number of the current row after <see cref="Read"/> returned true.</summary>
    public long RowNumber { get; private set; }

    /// <summary>Advances to the next row. The mirror of <see cref="DatasetJsonWriter.EndRow"/>.</summary>
    /// <returns>False after the last row, once <c>records</c> has been checked against the rows read.</returns>
    /// <exception cref="DatasetJsonException">The row is malformed, a value does not fit its column, or the row count differs from <c>records</c>.</exception>
    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _hasRow = false;
        if (_finished)
        {
            return false;
        }

        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
            RowOutcome outcome;
            try
            {
                outcome = TryReadRow(ref reader);
            }
            catch (JsonException e)
            {
                throw new DatasetJsonException(DatasetJsonMessages.Malformed(e.Message), _filePath, RowNumber + 1, null, e);
            }
            catch (InvalidOperationException e) when (e.TargetSite?.Module.Assembly == typeof(JsonException).Assembly)
            {
                // System.Text.Json checks a string's UTF-8 and its \u escapes (a lone surrogate) only when it is read as text.
                throw new DatasetJsonException(DatasetJsonMessages.NotUtf8, _filePath, RowNumber + 1, null, e);
            }

            if (outcome == RowOutcome.NeedMore)
            {
                if (_eof)
                {
                    throw new DatasetJsonException(DatasetJsonMessages.TruncatedRows, _filePath, RowNumber + 1);
                }

                Fill();
                continue;
            }

            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (outcome == RowOutcome.End)
            {
                _finished = true;
                if (RowNumber != Metadata.Records)
                {
                    throw new DatasetJsonException(DatasetJsonMessages.RecordsMismatch(Metadata.Records, RowNumber), _filePath, RowNumber);
                }

                return false;
            }

            RowNumber++;
            if (RowNumber > Metadata.Records)
            {
                throw new DatasetJsonException(DatasetJsonMessages.RecordsMismatch(Metadata.Records, RowNumber), _filePath, RowNumber);
            }

            _hasRow = true;
            return true;
        }
    }

    /// <summary>The JSON kind of a value of the current row.</summary>
    /// <param name="ordinal">0-based column index.</param>
    /// <returns>The kind.</returns>
    public DatasetJsonValueKind GetKind(int ordinal)
    {
        CheckRow(ordinal);
        return _kinds[ordinal];
    }

    /// <summary>Whether a value of the current row is <c>null</c>.</summary>
    /// <param name="ordinal">0-based column index.</param>
    /// <returns>True for null.</returns>
    public bool IsNull(int ordinal) => GetKind(ordinal) == DatasetJsonValueKind.Null;

    /// <summary>
    /// A value's UTF-8 bytes: a string unescaped, a number's text as written, <c>t</c>/<c>f</c> for a boolean, empty
    /// for null. Valid until the next <see cref="Read"/>.
    /// </summary>
    /// <param name="ordinal">0-based column index.</param>
    /// <returns>The bytes.</returns>
    public ReadOnlySpan<byte> GetUtf8(int ordinal)
    {
        CheckRow(ordinal);
        return _values.AsSpan(_valueStarts[ordinal], _valueLengths[ordinal]);
    }

    /// <summary>A string value (a value repeated from the row before in the same column is the same instance).</summary>
    /// <param name="ordinal">0-based column index.</param>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidOperationException">No current row, or the value is not a string.</exception>
    public string GetString(int ordinal)
    {
        CheckRow(ordinal);
        if (_kinds[ordinal] != DatasetJsonValueKind.String)
        {
            throw new InvalidOperationException(DatasetJsonMessages.NotA("a string", _kinds[ordinal]));
        }

        var bytes = _values.AsSpan(_valueStarts[ordinal], _valueLengths[ordinal]);
        var cached = _cachedStrings[ordinal];

        // Values such as STUDYID or LBTESTCD repeat row after row: reuse the last string when the bytes are unchanged.
        if (cached is not null && bytes.SequenceEqual(_cachedBytes[ordinal].AsSpan(0, _cachedLengths[ordinal])))
        {
            return cached;
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (_cachedBytes[ordinal].Length < bytes.Length)
        {
            _cachedBytes[ordinal] = new byte[Math.Max(bytes.Length, 16)];
        }

        bytes.CopyTo(_cachedBytes[ordinal]);
        _cachedLengths[ordinal] = bytes.Length;
        _cachedStrings[ordinal] = text;
        return text;
    }

    /// <summary>
    /// A number as the nearest double: a JSON number, or the text of a string (a decimal column's <c>"1.5"</c>).
    /// </summary>
    /// <param name="ordinal">0-based column index.</param>
    /// <returns>The number.</returns>
    /// <exception cref="DatasetJsonException">The value is not a number (or number text).</exception>
    /// <exception cref="InvalidOperationException">No current row, or the value is null or a boolean.</exception>
    public double GetDouble(int ordinal)
    {
        CheckRow(ordinal);
        if (_kinds[ordinal] is not (DatasetJsonValueKind.Number or DatasetJsonValueKind.String))
        {
            throw new InvalidOperationException(DatasetJsonMessages.NotA("a number", _kinds[ordinal]));
        }

        var bytes = _values.AsSpan(_valueStarts[ordinal], _valueLengths[ordinal]);

        // Utf8Parser reads JSON number text to the same correctly rounded double as double.Parse, about twice as fast
        // (the bulk of an NDJSON -> XPT conversion); text it does not take whole (a decimal's "1,234.5") goes the slow way.
        if (Utf8Parser.TryParse(bytes, out double fast, out var consumed) && consumed == bytes.Length)
        {
            return fast;
        }

        return double.TryParse(bytes, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DatasetJsonException(DatasetJsonMessages.NotANumber(Encoding.UTF8.GetString(bytes)), _filePath, RowNumber, Metadata.Columns[ordinal].Name);
    }

    /// <summary>A boolean value.</summary>
    /// <param name="ordinal">0-based column index.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">No current row, or the value is not a boolean.</exception>
    public bool GetBoolean(int ordinal)
    {
        CheckRow(ordinal);
        return _kinds[ordinal] == DatasetJsonValueKind.Boolean
            ? _values[_valueStarts[ordinal]] == (byte)'t'
            : throw new InvalidOperationException(DatasetJsonMessages.NotA("a boolean", _kinds[ordinal]));
    }

    /// <summary>A value of the current row as a <see cref="DatasetJsonValue"/>; numbers keep their exact text.</summary>
    /// <param name="ordinal">0-based column index.</param>
    /// <returns>The value.</returns>
    public DatasetJsonValue GetValue(int ordinal) => GetKind(ordinal) switch
    {
        DatasetJsonValueKind.Null => DatasetJsonValue.Null,
        DatasetJsonValueKind.String => DatasetJsonValue.String(GetString(ordinal)),
        DatasetJsonValueKind.Boolean => DatasetJsonValue.Boolean(GetBoolean(ordinal)),
        _ => DatasetJsonValue.NumberText(Encoding.UTF8.GetString(GetUtf8(ordinal))),
    };

    /// <summary>The index of a column by name (case-insensitive), or -1.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The 0-based ordinal or -1.</returns>
    public int GetOrdinal(string name)
    {
        for (var i = 0; i < Metadata.Columns.Count; i++)
        {
            if (string.Equals(Metadata.Columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Disposes the input stream unless <see cref="DatasetJsonReaderOptions.LeaveOpen"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!ReferenceEquals(_text, _input))
        {
            _text.Dispose();
        }

        if (!_options.LeaveOpen)
        {
            _input.Dispose();
        }
    }

    /// <summary>Whether <paramref name="text"/> is a JSON number (RFC 8259 grammar).</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var digits = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var digits = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>Whether a decimal column's string holds a number ('.' decimal separator, ',' thousands allowed).</summary>
    internal static bool IsDecimalText(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);

    private static bool IsDecimalText(ReadOnlySpan<byte> text) =>
        text.Length == 0 || double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);

    private void CheckRow(int ordinal)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_hasRow)
        {
            throw new InvalidOperationException(DatasetJsonMessages.NoCurrentRow);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, _types.Length);
    }

    // Keeps the unread bytes, grows the buffer when they fill it, and reads more.
    private void Fill()
    {
        var unread = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
            _start = 0;
            _end = unread;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        try
        {
            var read = _text.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }
        catch (InvalidDataException e)
        {
            throw new DatasetJsonException(DatasetJsonMessages.BadCompression, _filePath, Metadata is null ? null : RowNumber + 1, null, e);
        }
    }

    private enum RowOutcome
    {
        NeedMore,
        Row,
        End,
    }

    private RowOutcome TryReadRow(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return _eof && !_inRowsArray ? RowOutcome.End : RowOutcome.NeedMore;
        }

        if (_inRowsArray && reader.TokenType == JsonTokenType.EndArray)
        {
            return FinishJsonObject(ref reader);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new DatasetJsonException(_inRowsArray ? DatasetJsonMessages.NotARow : DatasetJsonMessages.TrailingContent, _filePath, RowNumber + 1);
        }

        var column = 0;
        var used = 0;
        while (true)
        {
            if (!reader.Read())
            {
                return RowOutcome.NeedMore;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (column >= _types.Length)
            {
                throw new DatasetJsonException(DatasetJsonMessages.WrongCount(_types.Length, column + 1), _filePath, RowNumber + 1);
            }

            var type = _types[column];
            var span = reader.ValueSpan;
            if (_values.Length < used + span.Length + 1)
            {
                Array.Resize(ref _values, Math.Max(_values.Length * 2, used + span.Length + 1));
            }

            _valueStarts[column] = used;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    _kinds[column] = DatasetJsonValueKind.Null;
                    _valueLengths[column] = 0;
                    break;
                case JsonTokenType.String:
                    if (type is DatasetJsonDataType.Integer or DatasetJsonDataType.Float or DatasetJsonDataType.Double or DatasetJsonDataType.Boolean)
                    {
                        throw ValueError(DatasetJsonMessages.WrongValueType(type, "a string"), column);
                    }

                    var length = reader.ValueIsEscaped ? reader.CopyString(_values.AsSpan(used)) : Copy(span, used);
                    if (type == DatasetJsonDataType.Decimal && !IsDecimalText(_values.AsSpan(used, length)))
                    {
                        throw ValueError(DatasetJsonMessages.NotANumber(Encoding.UTF8.GetString(_values.AsSpan(used, length))), column);
                    }

                    _kinds[column] = DatasetJsonValueKind.String;
                    _valueLengths[column] = length;
                    used += length;
                    break;
                case JsonTokenType.Number:
                    if (type is not (DatasetJsonDataType.Integer or DatasetJsonDataType.Float or DatasetJsonDataType.Double or DatasetJsonDataType.Decimal))
                    {
                        throw ValueError(DatasetJsonMessages.WrongValueType(type, "a number"), column);
                    }

                    if (type == DatasetJsonDataType.Integer && span.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
                    {
                        throw ValueError(DatasetJsonMessages.NotAnInteger(Encoding.UTF8.GetString(span)), column);
                    }

                    _kinds[column] = DatasetJsonValueKind.Number;
                    _valueLengths[column] = Copy(span, used);
                    used += span.Length;
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    if (type != DatasetJsonDataType.Boolean)
                    {
                        throw ValueError(DatasetJsonMessages.WrongValueType(type, "true or false"), column);
                    }

                    _kinds[column] = DatasetJsonValueKind.Boolean;
                    _values[used] = reader.TokenType == JsonTokenType.True ? (byte)'t' : (byte)'f';
                    _valueLengths[column] = 1;
                    used++;
                    break;
                default:
                    throw ValueError(DatasetJsonMessages.NestedValue, column);
            }

            column++;
        }

        if (column != _types.Length)
        {
            throw new DatasetJsonException(DatasetJsonMessages.WrongCount(_types.Length, column), _filePath, RowNumber + 1);
        }

        return RowOutcome.Row;
    }

    private int Copy(ReadOnlySpan<byte> span, int at)
    {
        span.CopyTo(_values.AsSpan(at));
        return span.Length;
    }

    private DatasetJsonException ValueError(string problem, int column) =>
        new(problem, _filePath, RowNumber + 1, Metadata.Columns[column].Name);

    // After the rows of the JSON form: attributes after "rows" are skipped (the metadata is already known), then the
    // object ends and nothing but whitespace may follow.
    private RowOutcome FinishJsonObject(ref Utf8JsonReader reader)
    {
        while (true)
        {
            if (!reader.Read())
            {
                return RowOutcome.NeedMore;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!IsKnownAttribute(name))
                {
                    throw new DatasetJsonException(DatasetJsonMessages.UnknownAttribute(name), _filePath);
                }

                if (!reader.TrySkip())
                {
                    return RowOutcome.NeedMore;
                }
            }
        }

        if (reader.Read())
        {
            throw new DatasetJsonException(DatasetJsonMessages.TrailingContent, _filePath, RowNumber + 1);
        }

        if (!_eof)
        {
            return RowOutcome.NeedMore;
        }

        _inRowsArray = false;
        return RowOutcome.End;
    }
}
