using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CdiscExport.DatasetJson;

/// <summary>
/// Writes one dataset as Dataset-JSON v1.1 (JSON, NDJSON or DSJC), streaming: the metadata first, then each row as
/// it is given; rows are never held.
/// </summary>
/// <remarks>
/// <para>The JSON form puts <c>records</c> before <c>rows</c>, so the row count is part of the metadata given to
/// <see cref="Create"/>; <see cref="Complete"/> fails when the rows written differ (as does writing one row too
/// many). Each value is checked against its column's <c>dataType</c> as it is written.</para>
/// <para>Numbers are written in shortest round-trip form, so every finite double reads back bit for bit (<c>-0</c>,
/// <c>5E-07</c>, <c>1E-300</c>); integral values appear as <c>71</c>. Decimal columns get the same text as a JSON
/// string. Rows and the NDJSON/DSJC metadata are minified; text is UTF-8 with only the escapes JSON requires.</para>
/// <para>Disposing without <see cref="Complete"/> leaves the output incomplete (a JSON file without its closing
/// brackets), so an interrupted write is visibly broken. Not thread-safe.</para>
/// </remarks>
public sealed class DatasetJsonWriter : IDisposable
{
    private const int BufferSize = 65536;

    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private readonly Stream _output;
    private readonly Stream _sink;
    private readonly DatasetJsonWriterOptions _options;
    private readonly DatasetJsonMetadata _metadata;
    private readonly DatasetJsonDataType[] _types;
    private readonly string? _filePath;
    private byte[] _buffer = new byte[BufferSize];
    private int _used;
    private int _column = -1;
    private long _rowCount;
    private bool _completed;
    private bool _disposed;

    private DatasetJsonWriter(Stream output, DatasetJsonMetadata metadata, DatasetJsonWriterOptions options)
    {
        _output = output;
        _options = options;
        _metadata = metadata;
        _filePath = options.FilePath ?? (output as FileStream)?.Name;
        _types = metadata.Columns.Select(c => c.DataType).ToArray();
        _sink = options.Form == DatasetJsonForm.Dsjc ? DsjcCompression.OpenWrite(output, options.CompressionLevel, leaveOpen: true) : output;
    }

    /// <summary>
    /// Validates <paramref name="metadata"/> and writes it (the NDJSON first line, or the JSON object up to <c>rows</c>).
    /// The mirror of <see cref="DatasetJsonReader.Open"/>.
    /// </summary>
    /// <param name="output">Where the file goes; written forward only.</param>
    /// <param name="metadata">The dataset's attributes and columns; <c>Records</c> must be the number of rows that will be written.</param>
    /// <param name="options">Form and stream handling; <see cref="DatasetJsonWriterOptions.Default"/> (NDJSON) when null.</param>
    /// <returns>A writer positioned at the first row.</returns>
    /// <exception cref="DatasetJsonException">The metadata break the schema (the message names the attribute).</exception>
    public static DatasetJsonWriter Create(Stream output, DatasetJsonMetadata metadata, DatasetJsonWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= DatasetJsonWriterOptions.Default;
        if (metadata.Validate() is { } problem)
        {
            throw new DatasetJsonException(problem, options.FilePath ?? (output as FileStream)?.Name);
        }

        var writer = new DatasetJsonWriter(output, metadata, options);
        writer.WriteMetadata();
        return writer;
    }

    /// <summary>The metadata as written.</summary>
    public DatasetJsonMetadata Metadata => _metadata;

    /// <summary>Rows completed so far.</summary>
    public long RowCount => _rowCount;

    /// <summary>Writes the next value of the current row as <c>null</c> (the missing value of every data type).</summary>
    public void WriteNull()
    {
        BeginValue();
        Append("null"u8);
    }

    /// <summary>
    /// Writes the next value as a JSON string: for string, date, datetime, time and URI columns, and for decimal
    /// columns (decimal text, or <c>""</c> for missing). Null writes <c>null</c>.
    /// </summary>
    /// <param name="value">The text.</param>
    /// <exception cref="DatasetJsonException">The column takes no strings, or a decimal column's text is not a number.</exception>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        var type = BeginValue();
        switch (type)
        {
            case DatasetJsonDataType.String or DatasetJsonDataType.Date or DatasetJsonDataType.DateTime or DatasetJsonDataType.Time or DatasetJsonDataType.Uri:
                break;
            case DatasetJsonDataType.Decimal when value.Length == 0 || DatasetJsonReader.IsDecimalText(value):
                break;
            default:
                throw Fail(type == DatasetJsonDataType.Decimal ? DatasetJsonMessages.NotANumber(value) : DatasetJsonMessages.WrongValueType(type, "a string"));
        }

        WriteQuoted(value);
    }

    /// <summary>
    /// Writes the next value as a number in shortest round-trip form: for float, double and integer columns (an
    /// integer column takes only whole numbers below 2^63), and for decimal columns as that text in a string.
    /// </summary>
    /// <param name="value">A finite number.</param>
    /// <exception cref="DatasetJsonException">NaN or an infinity, a fraction in an integer column, or a column that takes no numbers.</exception>
    public void WriteNumber(double value)
    {
        var type = BeginValue();
        if (!double.IsFinite(value))
        {
            throw Fail(DatasetJsonMessages.NotFinite);
        }

        switch (type)
        {
            case DatasetJsonDataType.Float or DatasetJsonDataType.Double:
                AppendDouble(value);
                break;
            case DatasetJsonDataType.Integer:
                if (value != Math.Floor(value) || Math.Abs(value) >= 9.2233720368547758E18)
                {
                    throw Fail(DatasetJsonMessages.NotAnInteger(value.ToString("R", CultureInfo.InvariantCulture)));
                }

                AppendInteger((long)value);
                break;
            case DatasetJsonDataType.Decimal:
                Append("\""u8);
                AppendDouble(value);
                Append("\""u8);
                break;
            default:
                throw Fail(DatasetJsonMessages.WrongValueType(type, "a number"));
        }
    }

    /// <summary>Writes the next value as an integer: for integer, float and double columns, and decimal columns (as a string).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="DatasetJsonException">The column takes no numbers.</exception>
    public void WriteInteger(long value)
    {
        var type = BeginValue();
        switch (type)
        {
            case DatasetJsonDataType.Float or DatasetJsonDataType.Double or DatasetJsonDataType.Integer:
                AppendInteger(value);
                break;
            case DatasetJsonDataType.Decimal:
                Append("\""u8);
                AppendInteger(value);
                Append("\""u8);
                break;
            default:
                throw Fail(DatasetJsonMessages.WrongValueType(type, "a number"));
        }
    }

    /// <summary>
    /// Writes the next value as the given JSON number text, exactly (nothing is lost, e.g. <c>9007199254740993</c>):
    /// for integer (whole numbers only), float and double columns, and decimal columns (as a string).
    /// </summary>
    /// <param name="text">A JSON number.</param>
    /// <exception cref="DatasetJsonException">The text is not a JSON number, a fraction in an integer column, or the column takes no numbers.</exception>
    public void WriteNumberText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var type = BeginValue();
        if (!DatasetJsonReader.IsJsonNumber(text))
        {
            throw Fail(DatasetJsonMessages.NotANumber(text));
        }

        switch (type)
        {
            case DatasetJsonDataType.Float or DatasetJsonDataType.Double:
                AppendAscii(text);
                break;
            case DatasetJsonDataType.Integer:
                if (text.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
                {
                    throw Fail(DatasetJsonMessages.NotAnInteger(text));
                }

                AppendAscii(text);
                break;
            case DatasetJsonDataType.Decimal:
                WriteQuoted(text);
                break;
            default:
                throw Fail(DatasetJsonMessages.WrongValueType(type, "a number"));
        }
    }

    /// <summary>Writes the next value as <c>true</c> or <c>false</c>; for boolean columns.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="DatasetJsonException">The column is not boolean.</exception>
    public void WriteBoolean(bool value)
    {
        var type = BeginValue();
        if (type != DatasetJsonDataType.Boolean)
        {
            throw Fail(DatasetJsonMessages.WrongValueType(type, "true or false"));
        }

        Append(value ? "true"u8 : "false"u8);
    }

    /// <summary>Writes the next value, whatever its kind, as the Write method for that kind does.</summary>
    /// <param name="value">The value.</param>
    public void WriteValue(DatasetJsonValue value)
    {
        switch (value.ValueKind)
        {
            case DatasetJsonValueKind.Null:
                WriteNull();
                break;
            case DatasetJsonValueKind.String:
                WriteString(value.StringValue);
                break;
            case DatasetJsonValueKind.Boolean:
                WriteBoolean(value.BooleanValue);
                break;
            default:
                if (value.IsDouble)
                {
                    WriteNumber(value.RawDouble);
                }
                else if (value.IsInteger)
                {
                    WriteInteger(value.RawInteger);
                }
                else
                {
                    WriteNumberText(value.NumberTextValue);
                }

                break;
        }
    }

    /// <summary>Ends the current row. The mirror of <see cref="DatasetJsonReader.Read"/>.</summary>
    /// <exception cref="DatasetJsonException">The row has fewer values than there are columns, or more rows than <c>records</c> were written.</exception>
    public void EndRow()
    {
        if (_column < 0)
        {
            BeginRow();
        }

        if (_column != _types.Length)
        {
            throw Fail(DatasetJsonMessages.WrongCount(_types.Length, _column), column: null);
        }

        Append(_options.Form == DatasetJsonForm.Json ? "]"u8 : "]\n"u8);
        _column = -1;
        _rowCount++;
    }

    /// <summary>Writes one whole row.</summary>
    /// <param name="values">One value per column, in column order.</param>
    /// <exception cref="DatasetJsonException">Wrong number of values or a value the column's type does not take.</exception>
    public void WriteRow(ReadOnlySpan<DatasetJsonValue> values)
    {
        if (values.Length != _types.Length)
        {
            throw Fail(DatasetJsonMessages.WrongCount(_types.Length, values.Length), column: null);
        }

        foreach (var value in values)
        {
            WriteValue(value);
        }

        EndRow();
    }

    /// <summary>Copies every remaining row of <paramref name="source"/>, numbers as their exact text.</summary>
    /// <param name="source">A reader whose columns match this writer's in number.</param>
    public void Write(DatasetJsonReader source)
    {
        ArgumentNullException.ThrowIfNull(source);
        while (source.Read())
        {
            for (var i = 0; i < source.FieldCount; i++)
            {
                WriteValue(source.GetValue(i));
            }

            EndRow();
        }
    }

    /// <summary>
    /// Checks that <c>records</c> rows were written, closes the JSON (or finishes the compressed stream) and flushes.
    /// Call once, after the last row.
    /// </summary>
    /// <exception cref="DatasetJsonException">The rows written differ from <c>records</c>, or a row is unfinished.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            return;
        }

        if (_column >= 0)
        {
            throw Fail(DatasetJsonMessages.WrongCount(_types.Length, _column), column: null);
        }

        if (_rowCount != _metadata.Records)
        {
            throw new DatasetJsonException(DatasetJsonMessages.RecordsMismatch(_metadata.Records, _rowCount), _filePath, _rowCount);
        }

        if (_options.Form == DatasetJsonForm.Json)
        {
            Append(_rowCount == 0 ? "]}\n"u8 : "\n]}\n"u8);
        }

        Flush();
        if (!ReferenceEquals(_sink, _output))
        {
            _sink.Dispose(); // writes the gzip trailer; the output itself stays open
        }

        _output.Flush();
        _completed = true;
    }

    /// <summary>Flushes buffered bytes and, unless <see cref="DatasetJsonWriterOptions.LeaveOpen"/>, disposes the stream. Does not call <see cref="Complete"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_completed)
            {
                Flush();
                if (!ReferenceEquals(_sink, _output))
                {
                    _sink.Dispose();
                }
            }
        }
        finally
        {
            if (!_options.LeaveOpen)
            {
                _output.Dispose();
            }
        }
    }

    private void WriteMetadata()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            var m = _metadata;
            json.WriteStartObject();
            json.WriteString(DatasetJsonNames.CreationDateTime, m.CreationDateTime);
            json.WriteString(DatasetJsonNames.DatasetJsonVersion, m.Version);
            WriteOptional(json, DatasetJsonNames.FileOid, m.FileOid);
            WriteOptional(json, DatasetJsonNames.DbLastModifiedDateTime, m.DbLastModifiedDateTime);
            WriteOptional(json, DatasetJsonNames.Originator, m.Originator);
            if (m.SourceSystem is { } source)
            {
                json.WriteStartObject(DatasetJsonNames.SourceSystem);
                json.WriteString(DatasetJsonNames.SourceSystemName, source.Name);
                json.WriteString(DatasetJsonNames.SourceSystemVersion, source.Version);
                json.WriteEndObject();
            }

            WriteOptional(json, DatasetJsonNames.StudyOid, m.StudyOid);
            WriteOptional(json, DatasetJsonNames.MetaDataVersionOid, m.MetaDataVersionOid);
            WriteOptional(json, DatasetJsonNames.MetaDataRef, m.MetaDataRef);
            json.WriteString(DatasetJsonNames.ItemGroupOid, m.ItemGroupOid);
            json.WriteNumber(DatasetJsonNames.Records, m.Records);
            json.WriteString(DatasetJsonNames.Name, m.Name);
            json.WriteString(DatasetJsonNames.Label, m.Label);
            json.WriteStartArray(DatasetJsonNames.Columns);
            foreach (var c in m.Columns)
            {
                json.WriteStartObject();
                json.WriteString(DatasetJsonNames.ItemOid, c.ItemOid);
                json.WriteString(DatasetJsonNames.Name, c.Name);
                json.WriteString(DatasetJsonNames.Label, c.Label);
                json.WriteString(DatasetJsonNames.DataType, DatasetJsonNames.Of(c.DataType));
                if (c.TargetDataType is { } target)
                {
                    json.WriteString(DatasetJsonNames.TargetDataType, DatasetJsonNames.Of(target));
                }

                if (c.Length is { } length)
                {
                    json.WriteNumber(DatasetJsonNames.Length, length);
                }

                WriteOptional(json, DatasetJsonNames.DisplayFormat, c.DisplayFormat);
                if (c.KeySequence is { } key)
                {
                    json.WriteNumber(DatasetJsonNames.KeySequence, key);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (_options.Form == DatasetJsonForm.Json)
            {
                json.WriteStartArray(DatasetJsonNames.Rows);
            }
            else
            {
                json.WriteEndObject();
            }
        }

        Append(buffer.WrittenSpan);
        if (_options.Form != DatasetJsonForm.Json)
        {
            Append("\n"u8);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private void BeginRow()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException(DatasetJsonMessages.Completed);
        }

        if (_rowCount >= _metadata.Records)
        {
            throw new DatasetJsonException(DatasetJsonMessages.RecordsMismatch(_metadata.Records, _rowCount + 1), _filePath, _rowCount + 1);
        }

        if (_options.Form == DatasetJsonForm.Json)
        {
            Append(_rowCount == 0 ? "\n["u8 : ",\n["u8);
        }
        else
        {
            Append("["u8);
        }

        _column = 0;
    }

    // The type of the column the next value goes to; writes the separator before it.
    private DatasetJsonDataType BeginValue()
    {
        if (_column < 0)
        {
            BeginRow();
        }

        if (_column >= _types.Length)
        {
            throw Fail(DatasetJsonMessages.WrongCount(_types.Length, _column + 1), column: null);
        }

        if (_column > 0)
        {
            Append(","u8);
        }

        return _types[_column++];
    }

    private DatasetJsonException Fail(string problem) =>
        new(problem, _filePath, _rowCount + 1, _column > 0 && _column <= _types.Length ? _metadata.Columns[_column - 1].Name : null);

    private DatasetJsonException Fail(string problem, string? column) => new(problem, _filePath, _rowCount + 1, column);

    private void AppendDouble(double value)
    {
        Ensure(32);
        value.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture);
        _used += written;
    }

    private void AppendInteger(long value)
    {
        Ensure(24);
        value.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture);
        _used += written;
    }

    private void AppendAscii(string text)
    {
        Ensure(text.Length);
        _used += Encoding.ASCII.GetBytes(text, _buffer.AsSpan(_used));
    }

    // Hot path: text without characters to escape (almost all clinical text) is transcoded in one call.
    private void WriteQuoted(string value)
    {
        var rest = value.AsSpan();
        Ensure((rest.Length * 3) + 2);
        _buffer[_used++] = (byte)'"';
        while (true)
        {
            var i = rest.IndexOfAny(NeedsEscape);
            var chunk = i < 0 ? rest : rest[..i];
            _used += Encoding.UTF8.GetBytes(chunk, _buffer.AsSpan(_used));
            if (i < 0)
            {
                break;
            }

            Ensure(6 + ((rest.Length - i) * 3) + 1);
            var c = rest[i];
            _buffer[_used++] = (byte)'\\';
            switch (c)
            {
                case '"' or '\\':
                    _buffer[_used++] = (byte)c;
                    break;
                case '\n':
                    _buffer[_used++] = (byte)'n';
                    break;
                case '\r':
                    _buffer[_used++] = (byte)'r';
                    break;
                case '\t':
                    _buffer[_used++] = (byte)'t';
                    break;
                default:
                    _buffer[_used++] = (byte)'u';
                    ((int)c).TryFormat(_buffer.AsSpan(_used, 4), out _, "x4", CultureInfo.InvariantCulture);
                    _used += 4;
                    break;
            }

            rest = rest[(i + 1)..];
        }

        Ensure(1);
        _buffer[_used++] = (byte)'"';
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Ensure(int count)
    {
        if (_used + count <= _buffer.Length)
        {
            return;
        }

        Flush();
        if (count > _buffer.Length)
        {
            _buffer = new byte[Math.Max(count, _buffer.Length * 2)];
        }
    }

    private void Flush()
    {
        if (_used == 0)
        {
            return;
        }

        _sink.Write(_buffer, 0, _used);
        _used = 0;
    }
}
