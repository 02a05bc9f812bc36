using System.Text;
using CdiscExport.Mapping.Engine;
using CsvHelper;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// Reads a raw delimited form with CsvHelper as its <see cref="RawSettings"/> describe it: delimiter (given, or
/// detected from the header line and reported), quote, encoding, header line, lines skipped after the header, texts
/// meaning missing. Malformed quoting, a record with more fields than the header, and bytes that are not text in the
/// declared encoding are errors naming the file and line; nothing is repaired silently.
/// </summary>
internal static class RawFormReader
{
    /// <summary>The delimiters a header is searched for when the form's delimiter is to be detected.</summary>
    public static readonly char[] Delimiters = [',', ';', '\t', '|'];

    public static RawForm Read(string name, string path, RawSettings settings)
    {
        var strictEncoding = Strict(settings.Encoding);
        var bytes = File.ReadAllBytes(path);
        CheckEncoding(path, bytes, strictEncoding);
        var bom = Preamble(bytes, strictEncoding);
        var (start, preambleLines) = HeaderStart(path, bytes, bom, settings.HeaderRow);
        var (delimiter, note) = settings.Delimiter is { } given
            ? (given, (string?)null)
            : Detect(strictEncoding.GetString(HeaderLine(bytes, start)), settings.Quote);

        var options = CsvReaderOptions.Default with
        {
            Separator = delimiter,
            Quote = settings.Quote,
            DetectSeparatorHint = false,
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            SkipEmptyLines = true,
            // EDC exports repeat the same values (test names, units, visit labels) row after row: keep one copy of each.
            PoolStrings = true,
        };

        // Columns are sized for every line of the file (an upper bound on its records), so they never grow. A lone CR
        // ends a line too (the CSV reader takes LF, CRLF and CR), so it is counted: CR and LF, less the CRLF pairs.
        var text = bytes.AsSpan(start);
        var capacity = text.Count((byte)'\n') + text.Count((byte)'\r') - text.Count("\r\n"u8) + 1;
        string[][] columns;
        int[] lines;
        var count = 0;
        string[] headers;
        var missing = settings.Missing;
        try
        {
            // UTF-8 is what CsvHelper reads natively, so a UTF-8 file is read in place; another encoding is decoded first.
            using var reader = strictEncoding is UTF8Encoding
                ? CsvReader.Create(bytes.AsMemory(start), options)
                : CsvReader.FromText(strictEncoding.GetString(bytes.AsSpan(start)), options);
            headers = reader.Headers.Select(h => h.Trim()).ToArray();
            if (headers.Length == 0)
            {
                throw new MappingException(path, settings.HeaderRow, null, null, null,
                    MappingMessages.NoHeaderRow(settings.HeaderRow));
            }

            columns = new string[headers.Length][];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = new string[capacity];
            }

            lines = new int[capacity];
            var skipped = 0;
            while (reader.Read())
            {
                var line = (int)reader.LineNumber + preambleLines;
                if (skipped < settings.Skip)
                {
                    skipped++;
                    continue;
                }

                if (reader.FieldCount > headers.Length)
                {
                    throw new MappingException(path, line, null, null, null,
                        MappingMessages.TooManyFields(reader.FieldCount, headers.Length, delimiter, OtherDelimiter(headers, delimiter)));
                }

                for (var i = 0; i < columns.Length; i++)
                {
                    var value = i < reader.FieldCount ? reader.GetString(i).Trim() : string.Empty;
                    if (missing.Count > 0 && missing.Contains(value, StringComparer.Ordinal))
                    {
                        value = string.Empty;
                    }

                    columns[i][count] = value;
                }

                lines[count++] = line;
            }
        }
        catch (CsvFormatException e)
        {
            throw new MappingException(path, (int)e.LineNumber + preambleLines, null, null, null,
                MappingMessages.MalformedCsv(e.Message));
        }

        return new RawForm(name, path, headers, columns, lines, count) { DecimalMark = settings.DecimalMark, LayoutNote = note };
    }

    // A one-column header that holds another delimiter: the form's delimiter is not the one it was read with.
    private static char? OtherDelimiter(string[] headers, char delimiter) =>
        headers.Length == 1 && Delimiters.Where(d => d != delimiter).FirstOrDefault(d => headers[0].Contains(d)) is var other and not '\0' ? other : null;

    /// <summary>How a delimiter is named in messages: <c>';'</c>, <c>tab</c>.</summary>
    public static string Describe(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";

    // The delimiter that occurs most often outside quotes in the header line; a comma when none occurs (one column).
    // Ties go to the earlier of , ; tab |. The choice and the counts are the form's layout note.
    private static (char Delimiter, string Note) Detect(string header, char quote)
    {
        var counts = new int[Delimiters.Length];
        var quoted = false;
        foreach (var c in header)
        {
            if (c == quote)
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Delimiters, c) is var k and >= 0)
            {
                counts[k]++;
            }
        }

        var best = 0;
        for (var k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        var tally = string.Join(", ", Delimiters.Select((d, k) => $"{counts[k]} {Describe(d)}"));
        return (Delimiters[best], $"delimiter {Describe(Delimiters[best])} detected from the header ({tally})");
    }

    // Where the header line starts (after the byte order mark and header_row - 1 preamble lines), and how many lines
    // were passed over, to number the records as the file does.
    private static (int Start, int PreambleLines) HeaderStart(string path, byte[] bytes, int bom, int headerRow)
    {
        var start = bom;
        for (var line = 1; line < headerRow; line++)
        {
            var next = bytes.AsSpan(start).IndexOf((byte)'\n');
            if (next < 0)
            {
                throw new MappingException(path, line, null, null, null,
                    MappingMessages.EndsBeforeHeaderRow(headerRow));
            }

            start += next + 1;
        }

        return (start, headerRow - 1);
    }

    private static ReadOnlySpan<byte> HeaderLine(byte[] bytes, int start)
    {
        var span = bytes.AsSpan(start);
        var end = span.IndexOf((byte)'\n');
        return end < 0 ? span : span[..end];
    }

    private static Encoding Strict(Encoding encoding) =>
        encoding is UTF8Encoding ? new UTF8Encoding(false, throwOnInvalidBytes: true) : encoding;

    private static int Preamble(byte[] bytes, Encoding encoding)
    {
        var bom = encoding is UTF8Encoding ? new byte[] { 0xEF, 0xBB, 0xBF } : encoding.GetPreamble();
        return bom.Length > 0 && bytes.AsSpan().StartsWith(bom) ? bom.Length : 0;
    }

    private static void CheckEncoding(string path, byte[] bytes, Encoding encoding)
    {
        if (encoding is not UTF8Encoding)
        {
            return;
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return;
        }

        try
        {
            encoding.GetCharCount(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var line = 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
            throw new MappingException(path, line, null, null, null,
                MappingMessages.NotUtf8(e.BytesUnknown is { Length: > 0 } b ? b[0] : (byte)0));
        }
    }
}
