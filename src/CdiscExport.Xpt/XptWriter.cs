namespace CdiscExport.Xpt;

/// <summary>
/// Writes one dataset as a SAS transport (XPT) V5 or V8 file, streaming row by row: rows are never held.
/// </summary>
/// <remarks>
/// <para>Headers are validated and written by <see cref="Create"/>; each <see cref="WriteRow"/> appends one
/// observation; <see cref="Complete"/> pads the last record. Disposing without <see cref="Complete"/> leaves the
/// output unpadded (not a multiple of 80 bytes), so an interrupted write is detectable rather than silently valid.</para>
/// <para>V5 stores no row count: readers drop trailing all-blank observations as padding when the row is shorter
/// than 80 bytes, so a final row whose every value is blank text is lost on reading (see XPT-NOTES.md §8).</para>
/// <para>Not thread-safe.</para>
/// </remarks>
public sealed partial class XptWriter : IDisposable
{
    private const int OutputBufferSize = 65536;

    private readonly Stream _output;
    private readonly XptDataset _dataset;
    private readonly XptWriterOptions _options;
    private readonly int[] _offsets;
    private readonly byte[] _row;

    // What each field of _row holds from the previous row: consecutive rows repeat most values (the same subject,
    // date, unit), and a field that already holds the value is left as it is. Null (text) or not known (numbers) when
    // the field holds anything else.
    private readonly string?[] _fieldTexts;
    private readonly double[] _fieldNumbers;
    private readonly bool[] _fieldNumberKnown;
    private readonly byte[] _buffer;
    private readonly List<XptTransliteration> _transliterations = [];
    private readonly List<XptUnderflow> _underflows = [];
    private readonly List<XptOverflow> _overflows = [];
    private int _buffered;
    private long _bytesWritten;
    private long _rowCount;
    private bool _completed;
    private bool _disposed;

    private XptWriter(Stream output, XptDataset dataset, XptWriterOptions options)
    {
        _output = output;
        _dataset = dataset;
        _options = options;
        _offsets = new int[dataset.Variables.Count];
        var position = 0;
        for (var i = 0; i < _offsets.Length; i++)
        {
            _offsets[i] = position;
            position += dataset.Variables[i].Length;
        }

        _row = new byte[position];
        _fieldTexts = new string?[_offsets.Length];
        _fieldNumbers = new double[_offsets.Length];
        _fieldNumberKnown = new bool[_offsets.Length];
        _buffer = new byte[Math.Max(OutputBufferSize, position)];
    }

    /// <summary>
    /// Validates <paramref name="dataset"/> and <paramref name="options"/>, then writes the library and member headers.
    /// The mirror of <see cref="XptReader.Open"/>.
    /// </summary>
    /// <param name="output">Where the file goes; written forward only, so non-seekable streams work.</param>
    /// <param name="dataset">The member: name, label and variables.</param>
    /// <param name="options">Version, timestamps and text handling; <see cref="XptWriterOptions.Default"/> when null.</param>
    /// <returns>A writer positioned at the first observation.</returns>
    /// <exception cref="XptLimitException">A name, label, length or format is not allowed in the chosen version.</exception>
    /// <exception cref="ArgumentException">An option is invalid or the dataset has no variables.</exception>
    public static XptWriter Create(Stream output, XptDataset dataset, XptWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= XptWriterOptions.Default;
        ValidateOptions(options);
        var transliterations = new List<XptTransliteration>();
        dataset = ValidateDataset(dataset, options, transliterations);
        var writer = new XptWriter(output, dataset, options);
        writer._transliterations.AddRange(transliterations);
        writer.WriteHeaders();
        return writer;
    }

    /// <summary>The dataset as written (labels transliterated if that option is on).</summary>
    public XptDataset Dataset => _dataset;

    /// <summary>Rows written so far.</summary>
    public long RowCount => _rowCount;

    /// <summary>Every non-ASCII text replaced, in order, when <see cref="XptWriterOptions.TransliterateNonAscii"/> is on.</summary>
    public IReadOnlyList<XptTransliteration> Transliterations => _transliterations;

    /// <summary>Every non-zero number below the IBM range (about 5.4e-79) that was written as 0.</summary>
    public IReadOnlyList<XptUnderflow> Underflows => _underflows;

    /// <summary>Every number that rounds to or beyond the largest IBM magnitude (about 7.237e75), written as that maximum.</summary>
    public IReadOnlyList<XptOverflow> Overflows => _overflows;

    /// <summary>
    /// Appends one observation. Numeric variables take <see cref="XptValue.Number"/> or <see cref="XptValue.Missing(SasMissingKind)"/>
    /// (NaN and infinities are written as <c>.</c>; a magnitude that rounds to or beyond the IBM maximum, about 7.237e75,
    /// is written as that maximum and listed in <see cref="Overflows"/>); character variables take <see cref="XptValue.Text"/>
    /// (a missing value is written as blanks). The mirror of <see cref="XptReader.Read"/>.
    /// </summary>
    /// <param name="values">One value per variable, in variable order.</param>
    /// <exception cref="ArgumentException">Wrong number of values, or a value of the wrong type.</exception>
    /// <exception cref="XptLimitException">Text longer than the variable's length, or non-ASCII text.</exception>
    public void WriteRow(ReadOnlySpan<XptValue> values)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException(XptMessages.Completed);
        }

        var variables = _dataset.Variables;
        if (values.Length != variables.Count)
        {
            throw new ArgumentException(XptMessages.WrongCount(_dataset.Name, variables.Count, values.Length), nameof(values));
        }

        var rowNumber = _rowCount + 1;
        for (var i = 0; i < values.Length; i++)
        {
            var variable = variables[i];
            var field = _row.AsSpan(_offsets[i], variable.Length);
            if (variable.Type == XptVariableType.Numeric)
            {
                WriteNumber(i, values[i], variable, field, rowNumber);
            }
            else
            {
                WriteText(i, values[i], variable, field, rowNumber);
            }
        }

        // Only now is the row known to be valid, so a rejected row never leaves half an observation behind.
        Append(_row);
        _rowCount = rowNumber;
    }

    /// <summary>Copies every remaining row of <paramref name="source"/>. Create this writer with <c>source.Dataset</c> (or a compatible one).</summary>
    /// <param name="source">A reader whose variables match this writer's in number and type.</param>
    /// <exception cref="ArgumentException">The variables do not match.</exception>
    public void Write(XptReader source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sourceVariables = source.Dataset.Variables;
        var variables = _dataset.Variables;
        if (sourceVariables.Count != variables.Count)
        {
            throw new ArgumentException(XptMessages.IncompatibleSource(_dataset.Name), nameof(source));
        }

        for (var i = 0; i < variables.Count; i++)
        {
            if (sourceVariables[i].Type != variables[i].Type)
            {
                throw new ArgumentException(XptMessages.IncompatibleSource(_dataset.Name), nameof(source));
            }
        }

        var values = new XptValue[variables.Count];
        while (source.Read())
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = source.GetValue(i);
            }

            WriteRow(values);
        }
    }

    /// <summary>Pads the last record with blanks to 80 bytes and flushes. Call once, after the last row.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            return;
        }

        PadToRecord();
        Flush();
        _output.Flush();
        _completed = true;
    }

    /// <summary>Flushes buffered rows and, unless <see cref="XptWriterOptions.LeaveOpen"/>, disposes the stream. Does not call <see cref="Complete"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            Flush();
        }
        finally
        {
            if (!_options.LeaveOpen)
            {
                _output.Dispose();
            }
        }
    }

    private void WriteNumber(int index, XptValue value, XptVariable variable, Span<byte> field, long rowNumber)
    {
        if (value.IsMissing)
        {
            SasMissing.Write(value.MissingKind, field);
            _fieldNumberKnown[index] = false;
            return;
        }

        if (!value.IsNumber)
        {
            throw new ArgumentException(XptMessages.WrongType(_dataset.Name, variable.Name, rowNumber, variable.Type, value));
        }

        var number = value.NumberValue;
        if (_fieldNumberKnown[index] && BitConverter.DoubleToInt64Bits(number) == BitConverter.DoubleToInt64Bits(_fieldNumbers[index]))
        {
            return;
        }

        _fieldNumberKnown[index] = false;
        switch (IbmFloat.Encode(number, field))
        {
            case IbmEncodeResult.Exact:
                _fieldNumbers[index] = number;
                _fieldNumberKnown[index] = true;
                break;
            case IbmEncodeResult.Overflow:
                // IbmFloat wrote the largest magnitude with the value's sign.
                _overflows.Add(new XptOverflow(variable.Name, rowNumber, number));
                break;
            case IbmEncodeResult.Underflow:
                _underflows.Add(new XptUnderflow(variable.Name, rowNumber, number));
                break;
        }
    }

    private void WriteText(int index, XptValue value, XptVariable variable, Span<byte> field, long rowNumber)
    {
        if (value.IsMissing)
        {
            field.Fill(XptLayout.Blank);
            _fieldTexts[index] = null;
            return;
        }

        if (!value.IsText)
        {
            throw new ArgumentException(XptMessages.WrongType(_dataset.Name, variable.Name, rowNumber, variable.Type, value));
        }

        var text = value.TextValue;
        if (ReferenceEquals(text, _fieldTexts[index]))
        {
            return;
        }

        _fieldTexts[index] = null;
        if (!AsciiTransliteration.IsAscii(text))
        {
            if (!_options.TransliterateNonAscii)
            {
                throw new XptLimitException(XptMessages.NonAscii(_dataset.Name, variable.Name, rowNumber, "the value"), _dataset.Name, variable.Name, null, rowNumber);
            }

            var ascii = AsciiTransliteration.Transliterate(text);
            _transliterations.Add(new XptTransliteration(variable.Name, rowNumber, text, ascii));
            text = ascii;
        }

        if (text.Length > field.Length)
        {
            throw new XptLimitException(XptMessages.ValueTooLong(_dataset.Name, variable.Name, rowNumber, text.Length, field.Length), _dataset.Name, variable.Name, field.Length, rowNumber);
        }

        XptLayout.WritePadded(field, text);
        if (ReferenceEquals(text, value.TextValue))
        {
            // Only ASCII text is remembered: a transliterated value is reported on every row it appears in.
            _fieldTexts[index] = text;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_buffered + bytes.Length > _buffer.Length)
        {
            Flush();
        }

        bytes.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += bytes.Length;
    }

    private void Flush()
    {
        if (_buffered == 0)
        {
            return;
        }

        _output.Write(_buffer, 0, _buffered);
        _bytesWritten += _buffered;
        _buffered = 0;
    }
}
