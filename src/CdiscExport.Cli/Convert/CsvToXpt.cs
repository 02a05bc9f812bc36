using System.Globalization;
using System.Runtime.CompilerServices;
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

    // The writing pass decodes character cells through the reader's per-column string pool: a value repeated down a
    // column (STUDYID, LBTESTCD, a unit) is one string, decoded once, which the XPT writer then recognises as the value
    // its field already holds.
    private static readonly CsvReaderOptions PooledOptions = Options with { PoolStrings = true };

    public static long Convert(string input, string output, int version, DateTime created, StandardsLibrary? standards, TextWriter messages)
    {
        var name = Path.GetFileNameWithoutExtension(input).ToUpperInvariant();
        var (standard, structure) = StandardOf(name, standards);
        var (headers, numeric, lengths) = Scan(input, standard, structure);
        var variables = Describe(input, name, headers, numeric, lengths, standard, structure, messages);
        var dataset = new XptDataset(name, standards?.Sdtmig.FindDataset(name)?.Label ?? standards?.Adamig.FindDataset(name)?.Label ?? string.Empty,
            variables.Select(v => v.Variable).ToList());

        return StagedFile.Write(output, temporary =>
        {
            using var stream = File.Create(temporary);
            using var writer = CreateWriter(input, stream, dataset, XptWriterOptions.Default with { Version = version, Created = created, Modified = created });
            using var reader = CsvReader.FromFile(input, PooledOptions);
            long rows;
            try
            {
                rows = WriteRows(reader, writer, variables, input);
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

    // Hot loop, run once per file: jitted fully optimised at once (a ReadyToRun or tier-0 body would run it to the end).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long WriteRows(CsvReader reader, XptWriter writer, List<(int Ordinal, XptVariable Variable)> variables, string input)
    {
        long rows = 0;
        var count = variables.Count;
        var ordinals = variables.Select(v => v.Ordinal).ToArray();
        var numbers = variables.Select(v => v.Variable.Type == XptVariableType.Numeric ? new NumberCells() : null).ToArray();
        var values = new XptValue[count];
        while (reader.Read())
        {
            for (var i = 0; i < count; i++)
            {
                values[i] = numbers[i] is { } cells
                    ? cells.Value(reader.GetSpan(ordinals[i]), input, reader.LineNumber, variables[i].Variable.Name)
                    : XptValue.Text(reader.GetString(ordinals[i]).TrimEnd(' '));
            }

            writer.WriteRow(values);
            rows++;
        }

        return rows;
    }

    // The standard whose metadata types the columns, and the structure its variables are looked up in.
    private static (ImplementationGuide? Standard, string Structure) StandardOf(string dataset, StandardsLibrary? standards)
    {
        var standard = standards is null ? null
            : standards.Sdtmig.FindDataset(dataset) is not null ? standards.Sdtmig
            : standards.Adamig.FindDataset(dataset) is not null ? standards.Adamig
            : null;
        return (standard, standard == standards?.Adamig && dataset != "ADSL" ? "BDS" : dataset);
    }

    // Columns the standard makes character need no number test: only their longest value is learned.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (string[] Headers, bool[] Numeric, int[] Lengths) Scan(string input, ImplementationGuide? standard, string structure)
    {
        using var reader = CsvReader.FromFile(input, Options);
        var headers = reader.Headers.ToArray();
        if (headers.Length == 0)
        {
            throw new UsageException($"{input}: the CSV has no header row");
        }

        var numeric = headers.Select(h => standard?.FindVariable(structure, h)?.Type != VariableDataType.Char).ToArray();
        var numbers = numeric.Select(n => n ? new NumberCells() : null).ToArray();
        var lengths = Enumerable.Repeat(1, headers.Length).ToArray();
        while (reader.Read())
        {
            if (reader.FieldCount > headers.Length)
            {
                throw new UsageException($"{input} line {reader.LineNumber}: {reader.FieldCount} fields, but the header names {headers.Length}");
            }

            for (var i = 0; i < headers.Length; i++)
            {
                var trimmed = reader.GetSpan(i).TrimEnd((byte)' ');
                lengths[i] = Math.Max(lengths[i], trimmed.Length);
                if (numbers[i] is { } cells && !cells.IsNumber(trimmed))
                {
                    numeric[i] = false;
                    numbers[i] = null;
                }
            }
        }

        return (headers, numeric, lengths);
    }

    private static List<(int Ordinal, XptVariable Variable)> Describe(string input, string dataset, string[] headers, bool[] numeric, int[] lengths,
        ImplementationGuide? standard, string structure, TextWriter messages)
    {
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

    /// <summary>
    /// One numeric column's cells, each distinct text parsed once: a small direct-mapped table from the cell's bytes to
    /// its value, which keeps what a column repeats (visit numbers, study days, reference ranges) and is overwritten by
    /// what it does not.
    /// </summary>
    private sealed class NumberCells
    {
        private const int Slots = 256;
        private const int MaxCached = 24;

        private readonly byte[] _keys = new byte[Slots * MaxCached];
        private readonly int[] _lengths = new int[Slots];
        private readonly XptValue[] _values = new XptValue[Slots];

        /// <summary>Whether a right-trimmed cell is a number, a SAS missing value or empty (the scan's test).</summary>
        public bool IsNumber(ReadOnlySpan<byte> trimmed) => TryValue(trimmed, out _);

        /// <summary>The value of a cell, trimmed both sides (empty is <c>.</c>).</summary>
        public XptValue Value(ReadOnlySpan<byte> cell, string file, long line, string variable)
        {
            var trimmed = cell.Trim((byte)' ');
            return TryValue(trimmed, out var value)
                ? value
                : throw new UsageException($"{file} line {line}, column {variable}: \"{Encoding.UTF8.GetString(trimmed)}\" is not a number");
        }

        private bool TryValue(ReadOnlySpan<byte> trimmed, out XptValue value)
        {
            if (trimmed.Length == 0)
            {
                value = XptValue.Missing();
                return true;
            }

            if (trimmed.Length > MaxCached)
            {
                return TryParse(trimmed, out value);
            }

            var slot = Slot(trimmed);
            var key = _keys.AsSpan(slot * MaxCached, MaxCached);
            if (_lengths[slot] == trimmed.Length && trimmed.SequenceEqual(key[..trimmed.Length]))
            {
                value = _values[slot];
                return true;
            }

            if (!TryParse(trimmed, out value))
            {
                return false;
            }

            trimmed.CopyTo(key);
            _lengths[slot] = trimmed.Length;
            _values[slot] = value;
            return true;
        }

        private static int Slot(ReadOnlySpan<byte> text)
        {
            var hash = (uint)text.Length;
            foreach (var b in text)
            {
                hash = (hash * 31) + b;
            }

            return (int)((hash ^ (hash >> 8)) % Slots);
        }

        private static bool TryParse(ReadOnlySpan<byte> trimmed, out XptValue value)
        {
            if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                value = XptValue.Number(number);
                return true;
            }

            var isMissing = SasMissing.TryParse(Encoding.ASCII.GetString(trimmed), out var kind);
            value = isMissing ? XptValue.Missing(kind) : default;
            return isMissing;
        }
    }
}
