using System.Reflection;
using CdiscExport.Cli.Commands;
using CdiscExport.Core.DatasetJson;
using CdiscExport.DatasetJson;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Convert;

/// <summary>
/// Conversions that write or read Dataset-JSON v1.1 (<c>.json</c>, <c>.ndjson</c>, <c>.dsjc</c>), streaming row by
/// row; the mapping of types and values is <see cref="DatasetJsonXpt"/>'s.
/// </summary>
internal static class DatasetJsonConvert
{
    /// <summary>The <c>sourceSystem</c> written: this tool and its version.</summary>
    public static DatasetJsonSourceSystem SourceSystem { get; } = new("CdiscExport",
        typeof(DatasetJsonConvert).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    /// <summary>XPT (or another Dataset-JSON file) to Dataset-JSON in the form of <paramref name="output"/>'s extension.</summary>
    /// <param name="input">The XPT or Dataset-JSON file read.</param>
    /// <param name="output">The Dataset-JSON file written (.json, .ndjson or .dsjc).</param>
    /// <param name="created">The <c>datasetJSONCreationDateTime</c> written.</param>
    /// <param name="messages">Where notes on values written differently go.</param>
    /// <param name="records">The input's record count when the caller knows it (it wrote the file), else null: an XPT
    /// file is then read once more to count them, as <c>records</c> comes before the rows.</param>
    public static long ToDatasetJson(string input, string output, DateTime created, TextWriter messages, long? records = null)
    {
        DatasetJsonForms.TryFromPath(output, out var form);
        if (XptRows.IsDatasetJson(input))
        {
            return StagedFile.Write(output, temporary => CopyDatasetJson(input, temporary, output, form));
        }

        using var source = XptRows.Open(input);
        var name = source.Dataset.Name;
        foreach (var variable in source.Dataset.Variables)
        {
            if (DatasetJsonXpt.UncarriedFields(variable) is { Count: > 0 } lost)
            {
                messages.WriteLine($"note: {Path.GetFileName(input)}: {variable.Name}: {string.Join(", ", lost)} not carried (Dataset-JSON has no place for it)");
            }
        }

        var columns = source.Dataset.Variables.Select(v => DatasetJsonXpt.ToColumn(name, v)).ToArray();
        var metadata = new DatasetJsonMetadata(DatasetJsonMetadata.FormatDateTime(created), DatasetJsonXpt.ItemGroupOid(name), records ?? source.CountRows(), name,
            source.Dataset.Label, columns) { SourceSystem = SourceSystem };
        long special = 0;
        var rows = StagedFile.Write(output, temporary =>
        {
            using var stream = File.Create(temporary);
            using var writer = DatasetJsonWriter.Create(stream, metadata, new DatasetJsonWriterOptions { Form = form, FilePath = output });
            try
            {
                while (source.Read())
                {
                    for (var i = 0; i < columns.Length; i++)
                    {
                        var value = source.GetValue(i);
                        if (value.IsMissing && value.MissingKind != SasMissingKind.Dot)
                        {
                            special++;
                        }

                        DatasetJsonXpt.WriteValue(writer, columns[i], value);
                    }

                    writer.EndRow();
                }
            }
            catch (DatasetJsonException e) when (e.FilePath is null)
            {
                throw new DatasetJsonException(e.Problem, input, e.RecordNumber, e.Column, e);
            }

            writer.Complete();
            return writer.RowCount;
        });
        if (special > 0)
        {
            messages.WriteLine(System.FormattableString.Invariant(
                $"warning: {Path.GetFileName(input)}: {special} special missing values (.A-.Z, ._) written as null: Dataset-JSON has one missing value"));
        }

        return rows;
    }

    /// <summary>
    /// Dataset-JSON (any form) to XPT. Numbers below the IBM range (about 5.4e-79, e.g. 1e-300) are written as 0, as
    /// SAS writes them, with a warning naming the first (record, column and value) and how many.
    /// </summary>
    public static long ToXpt(string input, string output, int version, DateTime created, TextWriter messages)
    {
        using var source = XptRows.Open(input);
        IReadOnlyList<XptUnderflow> underflows = [];
        var rows = StagedFile.Write(output, temporary =>
        {
            using var stream = File.Create(temporary);
            using var writer = XptWriter.Create(stream, source.Dataset, XptWriterOptions.Default with { Version = version, Created = created, Modified = created });
            var values = new XptValue[source.Dataset.Variables.Count];
            while (source.Read())
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = source.GetValue(i);
                }

                try
                {
                    writer.WriteRow(values);
                }
                catch (XptLimitException e)
                {
                    throw new UsageException($"{input} record {writer.RowCount + 1}: {e.Message}");
                }
            }

            writer.Complete();
            XptNoticeMessages.WriteOverflows(messages, source.Dataset.Name, writer.Overflows);
            underflows = writer.Underflows;
            return writer.RowCount;
        });
        if (underflows.Count > 0)
        {
            var first = underflows[0];
            messages.WriteLine(System.FormattableString.Invariant(
                $"warning: {Path.GetFileName(input)}: {underflows.Count} numbers below the XPT range (about 5.4e-79) written as 0; the first: record {first.RowNumber}, column {first.Variable}, {first.Value:R}"));
        }

        return rows;
    }

    // Dataset-JSON to Dataset-JSON: the metadata as read (a new form only), every value as its exact text.
    private static long CopyDatasetJson(string input, string temporary, string output, DatasetJsonForm form)
    {
        using var reader = DatasetJsonReader.Open(File.OpenRead(input), DatasetJsonReaderOptions.Default with { FilePath = input });
        using var stream = File.Create(temporary);
        using var writer = DatasetJsonWriter.Create(stream, reader.Metadata, new DatasetJsonWriterOptions { Form = form, FilePath = output });
        writer.Write(reader);
        writer.Complete();
        return writer.RowCount;
    }
}
