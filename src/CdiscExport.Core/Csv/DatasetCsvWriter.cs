using CdiscExport.Core.Datasets;
using CsvHelper;

namespace CdiscExport.Core.Csv;

/// <summary>
/// Writes a dataset as CSV the way the product promises it: RFC 4180 (CRLF, quotes only where needed, and around
/// values with leading blanks so no reader trims them), UTF-8 without BOM, a header row of variable names, numbers in
/// shortest round-trip form, missing numbers empty and character values right-trimmed (SAS pads with blanks;
/// trailing blanks carry no meaning).
/// </summary>
public sealed class DatasetCsvWriter : IDisposable
{
    /// <summary>The longest text <see cref="FormatNumber"/> writes.</summary>
    public const int MaxNumberLength = 32;

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        Separator = ',',
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        WriteByteOrderMark = false,
    };

    private readonly CsvWriter _csv;

    private DatasetCsvWriter(CsvWriter csv) => _csv = csv;

    /// <summary>Creates a writer on a stream (left open when the writer is disposed).</summary>
    public static DatasetCsvWriter Create(Stream output) => new(CsvWriter.Create(output, Options, true));

    /// <summary>Creates a writer on a text writer (left open when the writer is disposed).</summary>
    public static DatasetCsvWriter Create(TextWriter output) => new(CsvWriter.Create(output, Options, true));

    /// <summary>Writes the header row: the variable names in order.</summary>
    public void WriteHeader(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _csv.WriteField(name);
        }

        _csv.EndRecord();
    }

    /// <summary>Writes one record of already formatted fields; they are right-trimmed here.</summary>
    public void WriteRecord(IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            _csv.WriteField(field.AsSpan().TrimEnd(' '));
        }

        _csv.EndRecord();
    }

    /// <summary>Writes one field of the current record, right-trimmed; <see cref="EndRecord"/> ends the record.</summary>
    public void WriteField(ReadOnlySpan<char> field) => _csv.WriteField(field.TrimEnd(' '));

    /// <summary>Writes one field of the current record from UTF-8 bytes, quoted exactly as <see cref="WriteField"/> would
    /// quote the same text; the bytes are written as they are (not trimmed, not validated).</summary>
    public void WriteUtf8Field(ReadOnlySpan<byte> utf8) => _csv.WriteField(utf8);

    /// <summary>Writes a number in shortest round-trip form without allocating; null (missing) as an empty field.</summary>
    public void WriteNumber(double? value)
    {
        if (value is not { } v)
        {
            _csv.WriteField(ReadOnlySpan<char>.Empty);
            return;
        }

        Span<byte> buffer = stackalloc byte[MaxNumberLength];
        _csv.WriteField(buffer[..FormatNumber(v, buffer)]);
    }

    /// <summary>
    /// Formats a number as <see cref="WriteNumber"/> writes it (shortest round-trip form, invariant culture) into
    /// <paramref name="utf8"/>, for callers that write the same number many times (<see cref="WriteUtf8Field"/>).
    /// </summary>
    /// <param name="value">The number.</param>
    /// <param name="utf8">At least <see cref="MaxNumberLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int FormatNumber(double value, Span<byte> utf8)
    {
        int written;
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15 && !(value == 0 && double.IsNegative(value)))
        {
            // Whole numbers (--SEQ, --DY, VISITNUM) are most numbers in SDTM: integer formatting gives the same text as
            // the shortest round-trip form and is several times faster.
            _ = ((long)value).TryFormat(utf8, out written, default, System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            // The default format of double is the shortest text that parses back to the same value ("R" semantics).
            _ = value.TryFormat(utf8, out written, default, System.Globalization.CultureInfo.InvariantCulture);
        }

        return written;
    }

    /// <summary>Ends the current record.</summary>
    public void EndRecord() => _csv.EndRecord();

    /// <summary>Writes the whole dataset: header, then every record.</summary>
    public void Write(Dataset dataset)
    {
        WriteHeader(dataset.Columns.Select(c => c.Name));
        for (var row = 0; row < dataset.RowCount; row++)
        {
            foreach (var column in dataset.Columns)
            {
                _csv.WriteField(column.GetText(row).AsSpan().TrimEnd(' '));
            }

            _csv.EndRecord();
        }
    }

    /// <summary>Writes buffered records to the destination.</summary>
    public void Flush() => _csv.Flush();

    /// <inheritdoc/>
    public void Dispose() => _csv.Dispose();
}
