using System.Collections.Concurrent;
using System.Globalization;
using CdiscExport.Cli.Commands;
using CdiscExport.Core.Csv;
using CdiscExport.Core.Datasets;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Export;

/// <summary>
/// The texts an export wrote to XPT transliterated to ASCII (<c>xpt: transliterate: true</c> in the study file),
/// value by value, for <c>reports/transliteration.csv</c>; and, without that key, the error for a non-ASCII text
/// that names the key rather than the writer's option. Datasets are written side by side: changes are collected
/// from several threads and listed in dataset, row and variable order.
/// </summary>
internal sealed class Transliterations(string specFolder)
{
    private readonly ConcurrentBag<(string Dataset, XptTransliteration Change)> _changes = [];

    public int Count => _changes.Count;

    /// <summary>Writes <paramref name="dataset"/> as XPT, keeping its transliterations.</summary>
    /// <returns>The numbers written as the IBM maximum.</returns>
    /// <exception cref="UsageException">A text is not ASCII and the study file does not ask for transliteration.</exception>
    public IReadOnlyList<XptOverflow> Write(Dataset dataset, Stream stream, XptWriterOptions options)
    {
        try
        {
            var notices = dataset.WriteXpt(stream, options);
            foreach (var change in notices.Transliterations)
            {
                _changes.Add((dataset.Name, change));
            }

            return notices.Overflows;
        }
        catch (XptLimitException e) when (!options.TransliterateNonAscii && e.Limit is null && e.Message.Contains("non-ASCII", StringComparison.Ordinal))
        {
            var where = e.RowNumber is { } row
                ? string.Create(CultureInfo.InvariantCulture, $"{dataset.Name}.{e.Variable} row {row}")
                : $"{dataset.Name}{(e.Variable is null ? "" : "." + e.Variable)}";
            throw new UsageException(
                $"{where}: the text contains non-ASCII characters, which XPT v5 cannot store. Add `xpt: transliterate: true` to " +
                $"{Path.Combine(specFolder, "study.yaml")} to write them as ASCII (each change listed in reports/transliteration.csv), or correct the raw data.");
        }
    }

    /// <summary>The report: DATASET, VARIABLE, ROW (blank for a label), ORIGINAL, WRITTEN.</summary>
    public void Write(string path)
    {
        using var stream = File.Create(path);
        using var writer = DatasetCsvWriter.Create(stream);
        writer.WriteHeader(["DATASET", "VARIABLE", "ROW", "ORIGINAL", "WRITTEN"]);
        var ordered = _changes
            .OrderBy(c => c.Dataset, StringComparer.Ordinal)
            .ThenBy(c => c.Change.RowNumber ?? 0)
            .ThenBy(c => c.Change.Variable ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => c.Change.Original, StringComparer.Ordinal);
        foreach (var (dataset, change) in ordered)
        {
            writer.WriteRecord([dataset, change.Variable ?? string.Empty, change.RowNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, change.Original, change.Written]);
        }
    }
}
