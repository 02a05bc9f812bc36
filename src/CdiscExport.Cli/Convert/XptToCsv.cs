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
        long rows = 0;
        using var reader = XptRows.Open(input);
        using var target = File.Create(temporary);
        using var writer = DatasetCsvWriter.Create(target);
        var variables = reader.Dataset.Variables;
        writer.WriteHeader(variables.Select(v => v.Name));
        var count = variables.Count;
        while (reader.Read())
        {
            // Hot loop: no per-row allocation for numbers; repeated strings come from the reader's cache.
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
                    writer.WriteField(value.MissingKind == SasMissingKind.Dot ? string.Empty : SasMissing.ToText(value.MissingKind));
                }
            }

            writer.EndRecord();
            rows++;
        }

        return rows;
    });

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
