using System.Runtime.CompilerServices;
using System.Text;
using CdiscExport.Cli.Commands;
using CdiscExport.Core.Csv;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Convert;

/// <summary>
/// XPT (or Dataset-JSON) to CSV, row by row: numbers in shortest round-trip form, <c>.</c> as an empty cell, special
/// missing values as their SAS text (<c>.A</c> ... <c>.Z</c>, <c>._</c>) so that CSV to XPT gives them back, character
/// values right-trimmed. And XPT to XPT, keeping everything.
/// </summary>
internal static class XptToCsv
{
    public static long Convert(string input, string output) => StagedFile.Write(output, temporary =>
    {
        using var target = File.Create(temporary);
        using var writer = DatasetCsvWriter.Create(target);
        if (XptRows.IsDatasetJson(input))
        {
            using var rows = XptRows.Open(input);
            writer.WriteHeader(rows.Dataset.Variables.Select(v => v.Name));
            return WriteRows(rows, writer);
        }

        using var reader = XptReader.Open(File.OpenRead(input), XptReaderOptions.Default with { FilePath = input });
        writer.WriteHeader(reader.Dataset.Variables.Select(v => v.Name));
        return WriteRows(reader, writer);
    });

    // Hot loop, run once per file: jitted fully optimised at once (a ReadyToRun or tier-0 body would run it to the end).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long WriteRows(IXptRows reader, DatasetCsvWriter writer)
    {
        long rows = 0;
        var count = reader.Dataset.Variables.Count;
        while (reader.Read())
        {
            // No per-row allocation for numbers; repeated strings come from the reader's cache.
            for (var i = 0; i < count; i++)
            {
                var value = reader.GetValue(i);
                if (value.IsText)
                {
                    writer.WriteField(value.TextValue);
                }
                else if (value.IsNumber)
                {
                    writer.WriteNumber(value.NumberValue);
                }
                else
                {
                    writer.WriteField(MissingText(value.MissingKind));
                }
            }

            writer.EndRecord();
            rows++;
        }

        return rows;
    }

    // An XPT file straight from its row bytes: ASCII text is already UTF-8 and is written as it lies in the row (the
    // rare Latin-1 value goes through a string), and a number whose eight bytes are those of the row before is written
    // from the text formatted then. The same CSV as the value-by-value loop above.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long WriteRows(XptReader reader, DatasetCsvWriter writer)
    {
        long rows = 0;
        var variables = reader.Dataset.Variables;
        var count = variables.Count;
        var offsets = new int[count];
        var lengths = new int[count];
        var numeric = new bool[count];
        var numbers = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            offsets[i] = reader.GetFieldOffset(i);
            lengths[i] = variables[i].Length;
            numeric[i] = variables[i].Type == XptVariableType.Numeric;
            numbers[i] = numeric[i] ? new byte[NumberCacheLength] : [];
        }

        while (reader.Read())
        {
            var row = reader.GetRowBytes();
            for (var i = 0; i < count; i++)
            {
                var field = row.Slice(offsets[i], lengths[i]);
                if (numeric[i])
                {
                    WriteNumber(field, numbers[i], writer);
                }
                else
                {
                    var text = field.TrimEnd((byte)' ');
                    if (Ascii.IsValid(text))
                    {
                        writer.WriteUtf8Field(text);
                    }
                    else
                    {
                        writer.WriteField(Encoding.Latin1.GetString(text));
                    }
                }
            }

            writer.EndRecord();
            rows++;
        }

        return rows;
    }

    // A numeric column's cache: the field's bytes (up to 8), then its text's length and the text.
    private const int NumberCacheLength = 8 + 1 + DatasetCsvWriter.MaxNumberLength;

    private static void WriteNumber(ReadOnlySpan<byte> field, byte[] cache, DatasetCsvWriter writer)
    {
        var key = cache.AsSpan(0, field.Length);
        var length = cache[8];
        if (length > 0 && field.SequenceEqual(key))
        {
            writer.WriteUtf8Field(cache.AsSpan(9, length - 1));
            return;
        }

        var text = cache.AsSpan(9);
        var written = SasMissing.TryRead(field, out var kind)
            ? Encoding.ASCII.GetBytes(MissingText(kind), text)
            : DatasetCsvWriter.FormatNumber(IbmFloat.Decode(field), text);
        field.CopyTo(key);
        cache[8] = (byte)(written + 1);
        writer.WriteUtf8Field(text[..written]);
    }

    private static string MissingText(SasMissingKind kind) => kind == SasMissingKind.Dot ? string.Empty : SasMissing.ToText(kind);

    public static long Copy(string input, string output, int? version, DateTime? created, TextWriter messages) => StagedFile.Write(output, temporary =>
    {
        using var source = File.OpenRead(input);
        using var reader = XptReader.Open(source, XptReaderOptions.Default with { FilePath = input });
        using var target = File.Create(temporary);

        // Everything is kept: the header timestamps too, unless the caller pins them.
        var options = XptWriterOptions.Default with
        {
            Version = version ?? reader.Version,
            Created = created ?? reader.Created,
            Modified = created ?? reader.Modified,
            SasVersion = reader.SasVersion,
            OperatingSystem = reader.OperatingSystem,
        };
        XptWriter writer;
        try
        {
            writer = XptWriter.Create(target, reader.Dataset, options);
        }
        catch (ArgumentException e) when (e.ParamName == "options")
        {
            // The writer takes ASCII header texts only: a corrupt header's bytes are not copied.
            throw new UsageException($"{input}: the library header cannot be copied as it is ({e.Message}); the file is corrupt");
        }

        using var _ = writer;
        writer.Write(reader);
        writer.Complete();
        XptNoticeMessages.WriteOverflows(messages, reader.Dataset.Name, writer.Overflows);
        return writer.RowCount;
    });
}
