using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using CdiscExport.Adam;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Reports;
using CdiscExport.Conformance.Rules;
using CdiscExport.Core.Csv;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Define;
using CdiscExport.Mapping.Engine;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Export;

/// <summary>
/// The export job: map the study, then write the package (XPT, CSV, reports) into a staged folder that replaces
/// --out only when everything is written.
/// </summary>
internal static class PackageExporter
{
    public static int Export(ExportOptions options, TextWriter output, TextWriter error)
    {
        var progress = ProgressDisplay.ForConsole(error);
        try
        {
            return Export(options, output, progress);
        }
        finally
        {
            progress.Done();
        }
    }

    private static int Export(ExportOptions options, TextWriter output, ProgressDisplay progress)
    {
        using var staged = new StagedFolder(options.OutFolder);
        var created = options.CreatedAt.ToDateTimeUtc();
        var xptOptions = XptWriterOptions.Default with { Version = options.XptVersion, Created = created, Modified = created };

        // Mapping, the writers and the ADaM lane all report progress; the display is one line that is not safe to
        // rewrite from two threads at once.
        void Report(string what)
        {
            lock (progress)
            {
                progress.Report(what);
            }
        }

        // Each SDTM dataset is written as soon as it is mapped, on the thread that mapped it, while the others are
        // still being mapped (LB takes longest; the smaller datasets are written meanwhile). A write error is kept and
        // raised after mapping, for the first dataset in spec order: a mapping error still comes first, as when mapping
        // and writing ran one after the other, and the staged folder is deleted either way.
        var writeFailures = new ConcurrentDictionary<string, ExceptionDispatchInfo>(StringComparer.Ordinal);
        var transliterations = new Transliterations(options.SpecFolder);
        void WriteMapped(MappedDatasets mapped)
        {
            var sdtm = new PackageLayout(staged.Path, mapped.StudyId);
            var datasetXptOptions = xptOptions with { TransliterateNonAscii = mapped.TransliterateNonAscii };
            foreach (var dataset in mapped.Datasets)
            {
                try
                {
                    WriteSdtmDataset(dataset, options, sdtm, datasetXptOptions, transliterations, Report);
                }
                catch (Exception e)
                {
                    writeFailures[dataset.Name] = ExceptionDispatchInfo.Capture(e);
                    return;
                }
            }
        }

        var result = MappingEngine.Run(options.SpecFolder, options.RawFolder, null, Report, WriteMapped);
        foreach (var dataset in result.Datasets)
        {
            if (writeFailures.TryGetValue(dataset.Name, out var failure))
            {
                failure.Throw();
            }
        }

        var layout = new PackageLayout(staged.Path, result.StudyId);
        xptOptions = xptOptions with { TransliterateNonAscii = result.TransliterateNonAscii };
        Directory.CreateDirectory(layout.Sdtm);
        Directory.CreateDirectory(layout.Reports);

        // ADaM is derived and written on another thread while this one writes the SDTM define.xml and the
        // reconciliation, all from the mapped datasets in memory: the two lanes share no file and no mutable state.
        // That lane finishes first, and then reads the SDTM files back for the conformance checks while ADaM is still
        // being derived (the check reads them again only if they changed since). No file is started once ADaM is done:
        // the check waits for the one under way and reads the rest itself, on both cores.
        var adamLane = Task.Run(() => WriteAdam(result, options, layout, xptOptions, transliterations, Report));
        var readAhead = new ReadAhead();
        var readAheadLane = Task.CompletedTask;
        try
        {
            if (options.DefineFormat is { } defineFormat)
            {
                Report("writing SDTM define.xml");
                var define = DefineFiles.WriteDefine(layout.Sdtm, result.Datasets, DefineKind.Sdtm, result.StudyId, result.StudyAttributes, result.Standards,
                    options.CreatedAt, "." + defineFormat);
                if (options.DatasetJsonForms.Any())
                {
                    Report("writing SDTM Dataset-JSON");
                    DatasetJsonFiles.Write(layout.Sdtm, result.Datasets, define, options.DatasetJsonForms, options.CreatedAt);
                }
            }

            Report("writing reconciliation report");
            WriteReconciliation(Path.Combine(layout.Reports, "reconciliation.csv"), result.Reconciliation);
            if (options.Formats.Contains("xpt"))
            {
                Report("reading SDTM datasets back for conformance");
                readAheadLane = Task.Run(() =>
                {
                    foreach (var dataset in result.Datasets.OrderByDescending(d => d.RowCount).TakeWhile(_ => !adamLane.IsCompleted))
                    {
                        readAhead.Read(Path.Combine(layout.Sdtm, dataset.Name.ToLowerInvariant() + ".xpt"));
                    }
                });
            }
        }
        catch
        {
            // This lane's error is the one a sequential export meets first; the ADaM lane must stop writing into the
            // staged folder before the staged folder is deleted.
            Task.WaitAny(adamLane);
            throw;
        }

        // GetResult rethrows the lane's own exception (not an AggregateException), as the sequential export would; the
        // files being read back are let go before the staged folder is deleted.
        AdamResult? adam;
        try
        {
            adam = adamLane.GetAwaiter().GetResult();
        }
        catch
        {
            Task.WaitAny(readAheadLane);
            throw;
        }

        ConformanceResult? conformance;
        Package? checkedPackage = null;
        try
        {
            conformance = CheckConformance(layout, options, progress, readAhead, p => checkedPackage = p);
        }
        finally
        {
            Task.WaitAny(readAheadLane);
        }

        readAheadLane.GetAwaiter().GetResult();
        if (result.TransliterateNonAscii)
        {
            transliterations.Write(Path.Combine(layout.Reports, "transliteration.csv"));
        }

        if (conformance is not null)
        {
            progress.Report("writing review page");
            ReviewFiles.WriteReview(layout, checkedPackage!, conformance, options.CreatedAt);
        }

        staged.Commit();

        var written = new PackageLayout(options.OutFolder, result.StudyId);
        foreach (var note in result.RawNotes ?? [])
        {
            output.WriteLine($"raw: {note}");
        }

        if (result.TransliterateNonAscii)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"xpt: {transliterations.Count} texts transliterated to ASCII (each listed in {Path.Combine(written.Reports, "transliteration.csv")})"));
        }

        output.WriteLine($"{result.StudyId}: {result.Datasets.Count} SDTM datasets written to {written.Sdtm}");
        foreach (var dataset in result.Datasets)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {dataset.Name,-8} {dataset.RowCount,7} records {dataset.Columns.Count,4} variables"));
        }

        if (adam is not null)
        {
            output.WriteLine($"{result.StudyId}: ADaM datasets written to {written.Adam}");
            foreach (var dataset in adam.Datasets)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {dataset.Name,-8} {dataset.RowCount,7} records {dataset.Columns.Count,4} variables"));
            }

            foreach (var warning in adam.Warnings)
            {
                output.WriteLine($"  warning: {warning}");
            }
        }

        output.WriteLine(Summarise(conformance, written.Reports));
        var explained = result.ExplainedFindings ?? new Dictionary<string, string>();
        foreach (var line in Explanations(conformance, explained))
        {
            output.WriteLine(line);
        }

        var threshold = Enum.Parse<Severity>(options.FailOn, ignoreCase: true);
        if (conformance is null)
        {
            return CliApp.Success;
        }

        // An issue is explained when any of its findings is (a folded issue names our rule on one finding of several).
        var explainedIssues = conformance.Findings.Where(f => explained.Keys.Any(rule => Explains(rule, f))).Select(f => (f.Rule, f.Issue)).ToHashSet();
        return conformance.Findings.Any(f => f.Severity <= threshold && !explainedIssues.Contains((f.Rule, f.Issue)))
            ? CliApp.Findings
            : CliApp.Success;
    }

    /// <summary>One SDTM dataset as XPT (and a CSV copy); several may be written at once, each to its own files.</summary>
    private static void WriteSdtmDataset(Dataset dataset, ExportOptions options, PackageLayout layout, XptWriterOptions xptOptions,
        Transliterations transliterations, Action<string> report)
    {
        report($"writing {dataset.Name} ({dataset.RowCount:N0} records)");

        // The CSV copy is written beside the XPT file (the last dataset mapped, LB, is written while the other core has
        // nothing left to map); an XPT error is still the one raised when both fail.
        var csv = options.Formats.Contains("csv")
            ? Task.Run(() =>
            {
                Directory.CreateDirectory(layout.Csv);
                using var stream = File.Create(Path.Combine(layout.Csv, dataset.Name.ToLowerInvariant() + ".csv"));
                using var writer = DatasetCsvWriter.Create(stream);
                writer.Write(dataset);
            })
            : Task.CompletedTask;
        try
        {
            if (options.Formats.Contains("xpt"))
            {
                Directory.CreateDirectory(layout.Sdtm);
                using var stream = File.Create(Path.Combine(layout.Sdtm, dataset.Name.ToLowerInvariant() + ".xpt"));
                transliterations.Write(dataset, stream, xptOptions);
            }
        }
        catch
        {
            Task.WaitAny(csv);
            throw;
        }

        csv.GetAwaiter().GetResult();
    }

    /// <summary>
    /// The study file's explained rules, each with how many findings it explains: those findings stay in every report
    /// but do not decide the exit code. An explanation that explains nothing is said too, so that it does not outlive
    /// the data it was written for.
    /// </summary>
    private static IEnumerable<string> Explanations(ConformanceResult? conformance, IReadOnlyDictionary<string, string> explained)
    {
        if (conformance is null)
        {
            yield break;
        }

        foreach (var (rule, reason) in explained.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var count = conformance.Findings.Where(f => Explains(rule, f)).Select(f => (f.Rule, f.Issue)).Distinct().Count();
            yield return conformance.Rules.Any(r => r.Rule.Id == rule || r.Rule.P21Id == rule)
                ? string.Create(CultureInfo.InvariantCulture, $"  {rule}: {count} issues explained in study.yaml ({reason})")
                : $"  {rule}: explained in study.yaml, but there is no such conformance rule";
        }
    }

    /// <summary>
    /// Whether an explanation keyed by <paramref name="rule"/> covers a finding: the rule that reported it, our rule
    /// folded into it (a finding of one of ours and of CORE's for the same check is listed once, under CORE's id), or
    /// its Pinnacle 21 id, so that an explanation survives a rule being matched to CORE's.
    /// </summary>
    private static bool Explains(string rule, Finding f) =>
        f.Rule == rule || f.AlsoRule == rule || (f.P21Id.Length > 0 && f.P21Id == rule);

    /// <summary>
    /// The conformance rules run on the package just written (XPT, or the Dataset-JSON files define.xml describes when
    /// no XPT is written, and define.xml, as a reviewer receives them), with the reports in reports/. Findings at or above --fail-on make the exit code 1; the package is written all the
    /// same, so that the data manager can read the reports and the datasets side by side.
    /// </summary>
    private static ConformanceResult? CheckConformance(PackageLayout layout, ExportOptions options, ProgressDisplay progress, ReadAhead readAhead,
        Action<Package> loaded)
    {
        if (options.DefineFormat is null)
        {
            return null;
        }

        progress.Report("checking conformance");
        var result = RelativeTo(ConformanceEngine.Run([layout.Root], readAhead: readAhead, loaded: loaded), layout.Root);
        ConformanceReportWriter.Write(result, layout.Reports);
        return result;
    }

    // Reports name files relative to the package root: the staging folder's name means nothing once the package is
    // swapped in, and reruns into another folder stay byte-identical.
    private static ConformanceResult RelativeTo(ConformanceResult result, string root)
    {
        var prefix = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string? Strip(string? text) => text?.Replace(prefix, string.Empty, StringComparison.Ordinal);
        return result with
        {
            Rules = result.Rules.Select(r => r with
            {
                Reason = Strip(r.Reason),
                Findings = r.Findings.Select(f => f with { Message = Strip(f.Message)!, Value = Strip(f.Value) }).ToList(),
            }).ToList(),
        };
    }

    private static string Summarise(ConformanceResult? result, string reports)
    {
        if (result is null)
        {
            return "conformance: not checked (no XPT or Dataset-JSON written)";
        }

        // Issues, as validate counts them: one per record (or dataset) a rule faults, whatever its output variables.
        var issues = result.IssuesBySeverity();
        return string.Create(CultureInfo.InvariantCulture,
            $"conformance: issues: reject {issues[Severity.Reject]}, error {issues[Severity.Error]}, warning {issues[Severity.Warning]}, notice {issues[Severity.Notice]} (reports in {reports})");
    }

    /// <summary>
    /// ADaM (when the spec folder has adam/*.yaml): ADSL and ADRS as XPT (and CSV copies) in the ADaM folder, and the
    /// best-response-by-cohort report (CSV and HTML).
    /// </summary>
    private static AdamResult? WriteAdam(MappingResult result, ExportOptions options, PackageLayout layout, XptWriterOptions xptOptions,
        Transliterations transliterations, Action<string> report)
    {
        if (!AdamProgram.HasAdamSpec(options.SpecFolder))
        {
            return null;
        }

        report("deriving ADaM");
        var adam = AdamProgram.Run(result, options.SpecFolder);
        Directory.CreateDirectory(layout.Adam);
        foreach (var dataset in adam.Datasets)
        {
            var name = dataset.Name.ToLowerInvariant();
            report($"writing {dataset.Name} ({dataset.RowCount:N0} records)");
            if (options.Formats.Contains("xpt"))
            {
                using var stream = File.Create(Path.Combine(layout.Adam, name + ".xpt"));
                transliterations.Write(dataset, stream, xptOptions);
            }

            if (options.Formats.Contains("csv"))
            {
                Directory.CreateDirectory(layout.Csv);
                using var stream = File.Create(Path.Combine(layout.Csv, name + ".csv"));
                using var writer = DatasetCsvWriter.Create(stream);
                writer.Write(dataset);
            }
        }

        if (options.DefineFormat is { } defineFormat)
        {
            report("writing ADaM define.xml");
            var define = DefineFiles.WriteDefine(layout.Adam, adam.Datasets, DefineKind.Adam, result.StudyId, result.StudyAttributes, result.Standards,
                options.CreatedAt, "." + defineFormat);
            if (options.DatasetJsonForms.Any())
            {
                report("writing ADaM Dataset-JSON");
                DatasetJsonFiles.Write(layout.Adam, adam.Datasets, define, options.DatasetJsonForms, options.CreatedAt);
            }
        }

        report("writing best-response report");
        using (var csv = File.Create(Path.Combine(layout.Reports, "best-response-by-cohort.csv")))
        {
            adam.BestResponseByCohort.WriteCsv(csv);
        }

        using (var html = File.Create(Path.Combine(layout.Reports, "best-response-by-cohort.html")))
        {
            adam.BestResponseByCohort.WriteHtml(html, result.StudyId);
        }

        return adam;
    }

    private static void WriteReconciliation(string path, IReadOnlyList<ReconciliationLine> lines)
    {
        using var stream = File.Create(path);
        using var writer = DatasetCsvWriter.Create(stream);
        writer.WriteHeader(["FORM", "ROWS_READ", "DATASET", "ROWS_MAPPED", "ROWS_SET_ASIDE", "REASON"]);
        foreach (var l in lines)
        {
            writer.WriteRecord([l.Form, Invariant(l.RowsRead), l.Dataset, Invariant(l.RowsMapped), Invariant(l.RowsSetAside), l.Reason]);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
