using System.Text;
using CdiscExport.Xpt;

namespace CdiscExport.Core.Datasets;

/// <summary>
/// Writes a <see cref="Dataset"/> as SAS XPORT through <see cref="XptWriter"/>. Character lengths are the longest value
/// actually present (at least 1), as FDA's Study Data Technical Conformance Guide asks; numbers take 8 bytes.
/// </summary>
public static class DatasetXpt
{
    /// <summary>The XPT description of <paramref name="dataset"/>: names, labels, types and lengths.</summary>
    public static XptDataset ToXptDataset(this Dataset dataset) =>
        new(dataset.Name, dataset.Label, dataset.Columns.Select(c => WithFormat(new XptVariable(
            c.Name,
            c.Metadata.Label,
            c.Metadata.Kind == VariableKind.Numeric ? XptVariableType.Numeric : XptVariableType.Character,
            c is CharacterColumn text ? c.Metadata.Length ?? LongestByteCount(text) : 8), c.Metadata.DisplayFormat)).ToList());

    // "DATE9." is format DATE, width 9; "8.2" is the unnamed numeric format, width 8, 2 decimals.
    private static XptVariable WithFormat(XptVariable variable, string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return variable;
        }

        return SasFormat.TryParse(format, out var parts)
            ? variable with { Format = parts.Name, FormatLength = parts.Width, FormatDecimals = parts.Decimals }
            : throw new ArgumentException($"{variable.Name}: \"{format}\" is not a SAS format (name, width, '.', decimals)");
    }

    /// <summary>Writes the whole dataset to <paramref name="output"/>; the stream is left open.</summary>
    /// <returns>The writer's notices: texts transliterated to ASCII (empty unless the options ask for it) and numbers
    /// written as the IBM maximum.</returns>
    public static DatasetXptNotices WriteXpt(this Dataset dataset, Stream output, XptWriterOptions options)
    {
        using var writer = XptWriter.Create(output, dataset.ToXptDataset(), options);
        foreach (var values in dataset.XptRows())
        {
            writer.WriteRow(values);
        }

        writer.Complete();
        return new DatasetXptNotices(writer.Transliterations.ToList(), writer.Overflows.ToList());
    }

    /// <summary>
    /// The records as XPT values, in variable order: a number, a missing number as <c>.</c>, a text. One array is
    /// refilled for each record (nothing is allocated per record), so use it before taking the next.
    /// </summary>
    public static IEnumerable<XptValue[]> XptRows(this Dataset dataset)
    {
        var values = new XptValue[dataset.Columns.Count];
        var numbers = new NumericColumn?[values.Length];
        var texts = new CharacterColumn?[values.Length];
        for (var c = 0; c < values.Length; c++)
        {
            switch (dataset.Columns[c])
            {
                case NumericColumn n:
                    numbers[c] = n;
                    break;
                case CharacterColumn t:
                    texts[c] = t;
                    break;
                default:
                    throw new InvalidOperationException("unknown column type");
            }
        }

        for (var row = 0; row < dataset.RowCount; row++)
        {
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = numbers[c] is { } n
                    ? n[row] is { } d ? XptValue.Number(d) : XptValue.Missing(SasMissingKind.Dot)
                    : XptValue.Text(texts[c]![row]);
            }

            yield return values;
        }
    }

    private static int LongestByteCount(CharacterColumn column)
    {
        var longest = 1;
        string? previous = null;
        for (var row = 0; row < column.Count; row++)
        {
            // A UTF-16 char takes at most 3 UTF-8 bytes, so only a value over a third of the longest so far can be
            // longer: most values are skipped on their length alone, and a value repeated from the row before (the
            // same string) is not measured again. ASCII text takes one byte per char.
            var value = column[row];
            if (value.Length * 3 > longest && !ReferenceEquals(value, previous))
            {
                longest = Math.Max(longest, Ascii.IsValid(value) ? value.Length : Encoding.UTF8.GetByteCount(value));
                previous = value;
            }
        }

        return longest;
    }
}

/// <summary>What <see cref="DatasetXpt.WriteXpt"/> wrote differently from the values given.</summary>
/// <param name="Transliterations">Non-ASCII texts written as ASCII, when the options ask for it.</param>
/// <param name="Overflows">Numbers that round to or beyond the IBM maximum (about 7.237e75), written as that maximum.</param>
public sealed record DatasetXptNotices(IReadOnlyList<XptTransliteration> Transliterations, IReadOnlyList<XptOverflow> Overflows);
