using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CdiscExport.Core.Csv;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Packages;
using CdiscExport.Mapping.Specs;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Export;

/// <summary>
/// The write stage of an export: each dataset as XPT into its submission folder and as CSV into the CSV folder, as
/// --formats asks. The files are written side by side, the largest datasets first so that the last file to finish is
/// a small one; when several fail, the error raised is the one of the first file in the order given, whichever thread
/// met it first, so that the same input always gives the same message.
/// </summary>
internal sealed class DatasetFiles(ExportOptions options, StudySpec spec, Action<string> report)
{
    private readonly XptWriterOptions _xpt = XptWriterOptions.Default with
    {
        Version = options.XptVersion,
        Created = options.CreatedAt.ToDateTimeUtc(),
        Modified = options.CreatedAt.ToDateTimeUtc(),
        TransliterateNonAscii = spec.TransliterateNonAscii,
    };

    private readonly ConcurrentBag<(string Dataset, XptOverflow Overflow)> _overflows = [];

    /// <summary>The texts transliterated to ASCII in the XPT files written so far.</summary>
    public Transliterations Transliterations { get; } = new(spec.Folder);

    /// <summary>The numbers written to XPT as the IBM maximum, by dataset, row and variable.</summary>
    public IReadOnlyList<(string Dataset, XptOverflow Overflow)> Overflows =>
        [.. _overflows.OrderBy(o => o.Dataset, StringComparer.Ordinal).ThenBy(o => o.Overflow.RowNumber).ThenBy(o => o.Overflow.Variable, StringComparer.Ordinal)];

    /// <summary>Writes every dataset: XPT into its folder, CSV into <paramref name="csvFolder"/>.</summary>
    public void Write(IReadOnlyList<(Dataset Dataset, string Folder)> datasets, string csvFolder)
    {
        var work = new List<(long Cells, Action Write)>();
        for (var i = 0; i < datasets.Count; i++)
        {
            var (dataset, folder) = datasets[i];
            var cells = (long)dataset.RowCount * dataset.Columns.Count;
            if (options.Formats.Contains("xpt"))
            {
                work.Add((cells, () => WriteXpt(dataset, folder)));
            }

            if (options.Formats.Contains("csv"))
            {
                work.Add((cells, () => WriteCsv(dataset, csvFolder)));
            }
        }

        var failures = new ExceptionDispatchInfo?[work.Count];
        Parallel.ForEach(
            Enumerable.Range(0, work.Count).OrderByDescending(i => work[i].Cells),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                try
                {
                    work[i].Write();
                }
                catch (Exception e)
                {
                    failures[i] = ExceptionDispatchInfo.Capture(e);
                }
            });
        failures.FirstOrDefault(f => f is not null)?.Throw();
    }

    private void WriteXpt(Dataset dataset, string folder)
    {
        report($"writing {dataset.Name} ({dataset.RowCount:N0} records)");
        Directory.CreateDirectory(folder);
        using var stream = File.Create(Path.Combine(folder, PackageLayout.DatasetFileName(dataset.Name, ".xpt")));
        foreach (var overflow in Transliterations.Write(dataset, stream, _xpt))
        {
            _overflows.Add((dataset.Name, overflow));
        }
    }

    private static void WriteCsv(Dataset dataset, string folder)
    {
        Directory.CreateDirectory(folder);
        using var stream = File.Create(Path.Combine(folder, PackageLayout.DatasetFileName(dataset.Name, ".csv")));
        using var writer = DatasetCsvWriter.Create(stream);
        writer.Write(dataset);
    }
}
