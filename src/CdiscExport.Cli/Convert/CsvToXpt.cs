using System.Globalization;
using System.Text;
using CdiscExport.Cli.Commands;
using CdiscExport.Core.Standards;
using CdiscExport.Xpt;
using CsvHelper;

namespace CdiscExport.Cli.Convert;

/// <summary>
/// CSV to XPT in two streaming passes: the first learns each column's type and longest value without holding rows,
/// the second writes. A CSV named after a standard dataset (<c>lb.csv</c>, <c>adsl.csv</c>) takes its variables' types,
/// labels and order from SDTMIG 3.4 / ADaMIG 1.3; otherwise a column whose every value is a number (or a SAS missing
/// value such as <c>.A</c>) is numeric and the rest are character. Empty numeric cells are missing (<c>.</c>).
/// </summary>
internal static class CsvToXpt
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    public static long Convert(string input, string output, int version, DateTime created, StandardsLibrary? standards, TextWriter messages)
    {
        var name = Path.GetFileNameWithoutExtension(input).ToUpperInvariant();
        var (headers, numeric, lengths) = Scan(input);
        var variables = Describe(input, name, headers, numeric, lengths, standards, messages);
        var dataset = new XptDataset(name, standards?.Sdtmig.FindDataset(name)?.Label ?? standards?.Adamig.FindDataset(name)?.Label ?? string.Empty,
            variables.Select(v => v.Variable).ToList());

        return StagedFile.Write(output, temporary =>
        {
            long rows = 0;
            using var stream = File.Create(temporary);
            using var writer = CreateWriter(input, stream, dataset, XptWriterOptions.Default with { Version = version, Created = created, Modified = created });
            using var reader = CsvReader.FromFile(input, Options);
            var values = new XptValue[variables.Count];
            try
            {
                while (reader.Read())
                {
                    for (var i = 0; i < variables.Count; i++)
                    {
                        var span = reader.GetSpan(variables[i].Ordinal);
                        values[i] = variables[i].Variable.Type == XptVariableType.Numeric
                            ? ParseNumber(span, input, reader.LineNumber, variables[i].Variable.Name)
                            : XptValue.Text(Encoding.UTF8.GetString(span).TrimEnd(' '));
                    }

                    writer.WriteRow(values);
                    rows++;
                }
            }
            catch (XptLimitException e)
            {
                // A value the XPT version cannot hold (non-ASCII text in V5): the message names the CSV's line.
                throw new UsageException($"{input} line {reader.LineNumber}: {e.Message}");
            }

            writer.Complete();
            XptNoticeMessages.WriteOverflows(messages, name, writer.Overflows);
            return rows;
        });
    }

    // A name or label the XPT version does not allow is the CSV's: the message names it.
    private static XptWriter CreateWriter(string input, Stream stream, XptDataset dataset, XptWriterOptions options)
    {
        try
        {
            return XptWriter.Create(stream, dataset, options);
        }
        catch (XptLimitException e)
        {
            throw new UsageException($"{input}: {e.Message}");
        }
    }

    private static (string[] Headers, bool[] Numeric, int[] Lengths) Scan(string input)
    {
        using var reader = CsvReader.FromFile(input, Options);
        var headers = reader.Headers.ToArray();
        if (headers.Length == 0)
        {
            throw new UsageException($"{input}: the CSV has no header row");
        }

        var numeric = Enumerable.Repeat(true, headers.Length).ToArray();
        var lengths = Enumerable.Repeat(1, headers.Length).ToArray();
        while (reader.Read())
        {
            if (reader.FieldCount > headers.Length)
            {
                throw new UsageException($"{input} line {reader.LineNumber}: {reader.FieldCount} fields, but the header names {headers.Length}");
            }

            for (var i = 0; i < headers.Length; i++)
            {
                var span = reader.GetSpan(i);
                var trimmed = span.TrimEnd((byte)' ');
                lengths[i] = Math.Max(lengths[i], trimmed.Length);
                if (numeric[i] && trimmed.Length > 0 && !double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    && !SasMissing.TryParse(Encoding.ASCII.GetString(trimmed), out _))
                {
                    numeric[i] = false;
                }
            }
        }

        return (headers, numeric, lengths);
    }

    private static List<(int Ordinal, XptVariable Variable)> Describe(string input, string dataset, string[] headers, bool[] numeric, int[] lengths, StandardsLibrary? standards, TextWriter messages)
    {
        var standard = standards is null ? null
            : standards.Sdtmig.FindDataset(dataset) is not null ? standards.Sdtmig
            : standards.Adamig.FindDataset(dataset) is not null ? standards.Adamig
            : null;
        var structure = standard == standards?.Adamig && dataset != "ADSL" ? "BDS" : dataset;
        var result = new List<(int Order, int Ordinal, XptVariable Variable)>();
        for (var i = 0; i < headers.Length; i++)
        {
            var meta = standard?.FindVariable(structure, headers[i]);
            if (standard is not null && meta is null)
            {
                messages.WriteLine($"note: {headers[i]} is not a {standard.Name} {standard.Version} variable of {dataset}; its type is inferred");
            }

            var isNumeric = meta is null ? numeric[i] : meta.Type == VariableDataType.Num;
            if (isNumeric && !numeric[i])
            {
                throw new UsageException($"{input}: column {headers[i]} is numeric in {standard!.Name} {standard.Version}, but the CSV holds text in it");
            }

            var label = meta?.Label ?? string.Empty;
            var variable = isNumeric ? XptVariable.Numeric(headers[i], label) : XptVariable.Character(headers[i], label, lengths[i]);
            result.Add((meta?.Order ?? int.MaxValue, i, variable));
        }

        return result.OrderBy(r => r.Order).ThenBy(r => r.Ordinal).Select(r => (r.Ordinal, r.Variable)).ToList();
    }

    private static XptValue ParseNumber(ReadOnlySpan<byte> span, string file, long line, string variable)
    {
        var trimmed = span.Trim((byte)' ');
        if (trimmed.Length == 0)
        {
            return XptValue.Missing();
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return XptValue.Number(value);
        }

        return SasMissing.TryParse(Encoding.ASCII.GetString(trimmed), out var kind)
            ? XptValue.Missing(kind)
            : throw new UsageException($"{file} line {line}, column {variable}: \"{Encoding.UTF8.GetString(trimmed)}\" is not a number");
    }
}
