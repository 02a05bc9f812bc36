using System.Globalization;
using CdiscExport.Adam;
using CdiscExport.Cli.Commands;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Reports;
using CdiscExport.Core.Csv;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Define;
using CdiscExport.Core.Packages;
using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Specs;
using NodaTime;

namespace CdiscExport.Cli.Export;

/// <summary>
/// The export job, as one pipeline of named stages run one after the other: load the spec, map, derive ADaM, write
/// the datasets, write the defines (and the Dataset-JSON files they describe), check conformance, write the reports.
/// Each stage finishes before the next begins; what runs in parallel does so inside a stage (datasets mapped side by
/// side, files written side by side, rules run side by side). Everything is written into a staged folder that replaces
/// --out only when the last stage is done, so a failure at any stage leaves no half-written package.
/// </summary>
internal static class PackageExporter
{
    public static int Export(ExportOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var progress = ProgressDisplay.ForConsole(error, environment.Timings);
        try
        {
            return Export(options, output, progress.Report);
        }
        finally
        {
            progress.Done();
        }
    }

    private static int Export(ExportOptions options, TextWriter output, Action<string> progress)
    {
        // The display is one line that is not safe to rewrite from two threads at once; stages report from several.
        var gate = new object();
        void Report(string what)
        {
            lock (gate)
            {
                progress(what);
            }
        }

        var spec = StudySpec.Load(options.SpecFolder, options.RawFolder);
        using var staged = new StagedFolder(options.OutFolder);
        var layout = new PackageLayout(staged.Path, spec.StudyId);
        var files = new DatasetFiles(options, spec, Report);

        var sdtm = Map(spec, Report);
        var adam = DeriveAdam(sdtm, Report);
        WriteDatasets(files, layout, sdtm, adam);
        WriteDefines(options, layout, sdtm, adam, Report);

        // The SDTM datasets are on disk now and the checks read them back from there: only their shapes are kept (for
        // the summary), so that the memory the columns hold is free for the checks, where the export peaks.
        var sdtmShapes = DatasetShape.Of(sdtm.Datasets);
        sdtm = sdtm with { Datasets = [] };
        var (conformance, package) = Check(options, spec, layout, Report);
        WriteReports(options, layout, sdtm, adam, files, conformance, package, Report);
        staged.Commit();

        return Summarise(output, new PackageLayout(options.OutFolder, spec.StudyId), sdtm, sdtmShapes, adam, files, conformance, options.FailOn);
    }

    /// <summary>What the summary says of a written dataset.</summary>
    private sealed record DatasetShape(string Name, int RowCount, int ColumnCount)
    {
        public static IReadOnlyList<DatasetShape> Of(IEnumerable<Dataset> datasets) =>
            datasets.Select(d => new DatasetShape(d.Name, d.RowCount, d.Columns.Count)).ToList();
    }

    /// <summary>Map: the SDTM datasets from the raw forms (DM first, then the others side by side).</summary>
    private static MappingResult Map(StudySpec spec, Action<string> report) => MappingEngine.Run(spec, progress: report);

    /// <summary>Derive ADaM: ADSL, ADRS and the best-response table, when the spec has an <c>adam/</c> part.</summary>
    private static AdamResult? DeriveAdam(MappingResult sdtm, Action<string> report)
    {
        if (sdtm.Spec.Adam is null)
        {
            return null;
        }

        report("deriving ADaM");
        return AdamProgram.Run(sdtm);
    }

    /// <summary>Write: every dataset as XPT and CSV (as asked), the files side by side, the largest first.</summary>
    private static void WriteDatasets(DatasetFiles files, PackageLayout layout, MappingResult sdtm, AdamResult? adam)
    {
        Directory.CreateDirectory(layout.Reports);
        var datasets = sdtm.Datasets.Select(d => (Dataset: d, Folder: layout.Sdtm))
            .Concat((adam?.Datasets ?? []).Select(d => (Dataset: d, Folder: layout.Adam)))
            .ToList();
        files.Write(datasets, layout.Csv);
    }

    /// <summary>
    /// Define: define.xml and define.html of the SDTM and the ADaM folder, and the Dataset-JSON files, whose metadata
    /// (item OIDs, key sequence, data types) the define fixes. Nothing is written with CSV alone.
    /// </summary>
    private static void WriteDefines(ExportOptions options, PackageLayout layout, MappingResult sdtm, AdamResult? adam, Action<string> report)
    {
        if (options.DefineFormat is not { } format)
        {
            return;
        }

        void Write(string folder, IReadOnlyList<Dataset> datasets, DefineKind kind)
        {
            report($"writing {kind.ToString().ToUpperInvariant()} define.xml");
            Directory.CreateDirectory(folder);
            var define = DefineFiles.WriteDefine(folder, datasets, kind, sdtm.StudyId, sdtm.StudyAttributes, sdtm.Standards, options.CreatedAt, "." + format);
            if (options.DatasetJsonForms.Any())
            {
                report($"writing {kind.ToString().ToUpperInvariant()} Dataset-JSON");
                DatasetJsonFiles.Write(folder, datasets, define, options.DatasetJsonForms, options.CreatedAt);
            }
        }

        Write(layout.Sdtm, sdtm.Datasets, DefineKind.Sdtm);
        if (adam is not null)
        {
            Write(layout.Adam, adam.Datasets, DefineKind.Adam);
        }
    }

    /// <summary>
    /// Check: the conformance rules run on the package just written, as a reviewer receives it (the XPT files, or the
    /// Dataset-JSON files define.xml describes when no XPT is written, and define.xml), judged with the study's standards
    /// folder and its response criteria. Reports name files relative to the package root.
    /// </summary>
    private static (ConformanceResult? Result, Package? Package) Check(ExportOptions options, StudySpec spec, PackageLayout layout, Action<string> report)
    {
        if (options.DefineFormat is null)
        {
            return (null, null);
        }

        report("checking conformance");
        Package? loaded = null;
        var result = ConformanceEngine.Run([layout.Root], StudyConformance.OptionsFor(spec), loaded: p => loaded = p);
        return (RelativeTo(result, layout.Root), loaded);
    }

    /// <summary>
    /// Report: the conformance reports, the reconciliation of raw records, the transliterations, the best-response
    /// table and the review page.
    /// </summary>
    private static void WriteReports(ExportOptions options, PackageLayout layout, MappingResult sdtm, AdamResult? adam, DatasetFiles files,
        ConformanceResult? conformance, Package? package, Action<string> report)
    {
        report("writing reports");
        WriteReconciliation(layout.Report(PackageLayout.Reconciliation), sdtm.Reconciliation);
        if (sdtm.TransliterateNonAscii)
        {
            files.Transliterations.Write(layout.Report(PackageLayout.Transliteration));
        }

        if (adam is not null)
        {
            using (var csv = File.Create(layout.Report(PackageLayout.BestResponseCsv)))
            {
                adam.BestResponseByCohort.WriteCsv(csv);
            }

            using var html = File.Create(layout.Report(PackageLayout.BestResponseHtml));
            adam.BestResponseByCohort.WriteHtml(html, sdtm.StudyId);
        }

        if (conformance is not null)
        {
            ConformanceReportWriter.Write(conformance, layout.Reports);
            report("writing review page");
            ReviewFiles.WriteReview(layout, package!, conformance, options.CreatedAt);
        }
    }

    /// <summary>What the console says once the package is in place, and the exit code --fail-on gives.</summary>
    private static int Summarise(TextWriter output, PackageLayout written, MappingResult sdtm, IReadOnlyList<DatasetShape> sdtmShapes, AdamResult? adam,
        DatasetFiles files, ConformanceResult? conformance, string failOn)
    {
        foreach (var note in sdtm.RawNotes ?? [])
        {
            output.WriteLine($"raw: {note}");
        }

        XptNoticeMessages.WriteOverflows(output, files.Overflows);
        if (sdtm.TransliterateNonAscii)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"xpt: {files.Transliterations.Count} texts transliterated to ASCII (each listed in {written.Report(PackageLayout.Transliteration)})"));
        }

        output.WriteLine($"{sdtm.StudyId}: {sdtmShapes.Count} SDTM datasets written to {written.Sdtm}");
        ListDatasets(output, sdtmShapes);
        if (adam is not null)
        {
            output.WriteLine($"{sdtm.StudyId}: ADaM datasets written to {written.Adam}");
            ListDatasets(output, DatasetShape.Of(adam.Datasets));
            foreach (var warning in adam.Warnings)
            {
                output.WriteLine($"  warning: {warning}");
            }
        }

        if (conformance is null)
        {
            output.WriteLine("conformance: not checked (no XPT or Dataset-JSON written)");
            return CliApp.Success;
        }

        var verdict = new ConformanceVerdict(conformance, sdtm.ExplainedFindings ?? new Dictionary<string, string>());
        output.WriteLine($"conformance: {verdict.IssuesLine()} (reports in {written.Reports})");
        foreach (var line in verdict.Explanations())
        {
            output.WriteLine(line);
        }

        return verdict.ExitCode(failOn);
    }

    private static void ListDatasets(TextWriter output, IEnumerable<DatasetShape> datasets)
    {
        foreach (var dataset in datasets)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {dataset.Name,-8} {dataset.RowCount,7} records {dataset.ColumnCount,4} variables"));
        }
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
