using System.Text;
using CdiscExport.Mapping.Engine;
using CsvHelper;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// Reads a raw CSV form with CsvHelper: RFC 4180, a header row, UTF-8 with or without BOM unless the study
/// declares another encoding. Malformed quoting, a record with more fields than the header, and bytes that are not
/// text in the declared encoding are errors naming the file and line; nothing is repaired silently.
/// </summary>
internal static class RawFormReader
{
    public static RawForm Read(string name, string path, Encoding encoding, IReadOnlyList<string>? missing = null)
    {
        var strictEncoding = Strict(encoding);
        var bytes = File.ReadAllBytes(path);
        CheckEncoding(path, bytes, strictEncoding);
        var start = Preamble(bytes, strictEncoding);

        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            SkipEmptyLines = true,
            // EDC exports repeat the same values (test names, units, visit labels) row after row: keep one copy of each.
            PoolStrings = true,
        };

        // Columns are sized for every line of the file (an upper bound on its records), so they never grow.
        var capacity = bytes.AsSpan(start).Count((byte)'\n') + 1;
        string[][] columns;
        int[] lines;
        var count = 0;
        string[] headers;
        try
        {
            // UTF-8 is what CsvHelper reads natively, so a UTF-8 file is read in place; another encoding is decoded first.
            using var reader = strictEncoding is UTF8Encoding
                ? CsvReader.Create(bytes.AsMemory(start), options)
                : CsvReader.FromText(strictEncoding.GetString(bytes.AsSpan(start)), options);
            headers = reader.Headers.Select(h => h.Trim()).ToArray();
            if (headers.Length == 0)
            {
                throw new MappingException(path, 1, null, null, null, "the form has no header row");
            }

            columns = new string[headers.Length][];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = new string[capacity];
            }

            lines = new int[capacity];

            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                if (reader.FieldCount > headers.Length)
                {
                    throw new MappingException(path, line, null, null, null,
                        $"the record has {reader.FieldCount} fields but the header names {headers.Length}; " +
                        "a comma inside a value must be quoted");
                }

                for (var i = 0; i < columns.Length; i++)
                {
                    var value = i < reader.FieldCount ? reader.GetString(i).Trim() : string.Empty;
                    if (missing is { Count: > 0 } && missing.Contains(value, StringComparer.Ordinal))
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
            throw new MappingException(path, (int)e.LineNumber, null, null, null,
                $"malformed CSV ({e.Message.TrimEnd('.')}); check for an unbalanced quote");
        }

        return new RawForm(name, path, headers, columns, lines, count);
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
                $"byte 0x{(e.BytesUnknown is { Length: > 0 } b ? b[0] : 0):X2} is not valid UTF-8; " +
                "declare the file's encoding in the study file (raw: encoding: windows-1252, for example)");
        }
    }
}
