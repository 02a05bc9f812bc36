using System.Globalization;

namespace CdiscExport.Bench;

/// <summary>
/// <c>validate [--subjects 5000] [--runs 3] [--work DIR] [--rebuild] [--timings] [--validate-options "..."]</c>: the
/// conformance issues' speed targets. <c>cdisc-export validate</c> with every rule on the sample study's package at N subjects, against R haven's
/// whole process merely reading the same XPT files (Rscript start-up, <c>haven::read_xpt</c> of every SDTM and ADaM file
/// into one list, as a validator holds the package), and readstat converting each file to CSV as a second anchor;
/// whole processes, alternating, repeated, in one run. The CDISC pilot package (<c>tests/fixtures/cdiscpilot01-sdtm</c>)
/// is measured the same way. The package is generated and exported untimed into <c>WORK/out-N</c>, or reused when a
/// complete one is there (<see cref="ScaledStudy"/>, as <c>scale</c> lays it out); reports go to a temporary folder and
/// the package is checked unchanged after every run. With <c>--validate-options</c> (e.g. <c>"--include-deprecated
/// --max-findings 0"</c>) validate runs with those options, and the target is the second issue's: no option makes it
/// slower than haven's read.
/// </summary>
internal static class ValidateBenchmark
{
    /// <summary>The issue's targets: validate at most half of haven's read (with options: no slower than it); peak memory under 1 GB at 5,000 subjects.</summary>
    private const double TargetRatio = 0.5;
    private const double TargetRatioWithOptions = 1.0;
    private const double TargetPeakMegabytes = 1024;

    /// <summary>
    /// The CDISC pilot validates "in seconds": every rule within 30 s, whole process. This was an assertion in
    /// <c>PilotTests</c> (a wall-clock limit in a test fails on a loaded machine and proves nothing about the code);
    /// it is measured here instead.
    /// </summary>
    private const double PilotTargetSeconds = 30;

    public static int Run(string[] args)
    {
        var validateOptions = (BenchArguments.Value(args, "--validate-options") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var target = validateOptions.Length > 0 ? TargetRatioWithOptions : TargetRatio;
        var sizes = BenchArguments.Ints(args, "--subjects", "5000");
        var runs = BenchArguments.Int(args, "--runs", 3);
        var work = BenchArguments.Work(args, Path.Combine("bench", "work", "validate"));
        var cli = PublishedCli.Publish(work);

        var packages = new List<PackageUnderTest>();
        foreach (var n in sizes)
        {
            var study = ScaledStudy.In(work, n);
            if (study.IsExported && !BenchArguments.Flag(args, "--rebuild"))
            {
                Console.WriteLine($"reusing {study.Package} (exported {Directory.GetLastWriteTimeUtc(study.Package):u}; --rebuild to export again)");
            }
            else
            {
                Console.WriteLine($"generating and exporting {n:N0} subjects into {study.Package} (untimed)");
                study.GenerateRaw();
                study.Export(cli);
            }

            packages.Add(PackageUnderTest.Prepare(string.Create(CultureInfo.InvariantCulture, $"{n} subjects"), study.Package, work));
        }

        packages.Add(PackageUnderTest.Prepare("cdiscpilot01", Path.Combine(StudyGenerator.Root(), "tests", "fixtures", "cdiscpilot01-sdtm"), work));

        for (var run = 0; run < runs; run++)
        {
            foreach (var package in packages)
            {
                package.Validate.Add(RunValidate(cli, package, ProcessOptions.Default, validateOptions));
                package.HavenRead.Add(ProcessMeasure.Run("Rscript", "--vanilla", package.RScript));
                package.ReadstatCsv.Add(RunReadstat(package, work));
            }

            Console.WriteLine($"run {run + 1}/{runs} done");
        }

        Console.WriteLine();
        foreach (var package in packages)
        {
            Console.WriteLine($"{package.Label}: {package.Validate[0].StandardOutput.Split('\n')[0].Trim()}");
        }

        Console.WriteLine();
        Console.WriteLine($"median of {runs} runs (peak: highest of the runs); ratio = validate{(validateOptions.Length > 0 ? " " + string.Join(' ', validateOptions) : "")} / haven read (target <= {target:F2})");
        Console.WriteLine($"{"package",-15} {"files",5} {"rows",9} {"validate s",10} {"peak MB",8} {"rows/s",9} {"haven s",8} {"peak MB",8} {"rows/s",9} {"ratio",6} {"readstat s",10} {"peak MB",8}");
        foreach (var p in packages)
        {
            double validate = Measurement.MedianSeconds(p.Validate), haven = Measurement.MedianSeconds(p.HavenRead);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Label,-15} {p.Files.Count,5} {p.Rows,9} {validate,10:F2} {Measurement.MaxPeakMegabytes(p.Validate),8:F0} {p.Rows / validate,9:F0} {haven,8:F2} {Measurement.MaxPeakMegabytes(p.HavenRead),8:F0} {p.Rows / haven,9:F0} {validate / haven,6:F2} {Measurement.MedianSeconds(p.ReadstatCsv),10:F2} {Measurement.MaxPeakMegabytes(p.ReadstatCsv),8:F0}"));
        }

        // Every run as well as the median: on a shared machine the spread says how far to trust the ratio.
        Console.WriteLine();
        foreach (var p in packages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Label,-15} runs (s): validate {Runs(p.Validate)}; haven {Runs(p.HavenRead)}; readstat {Runs(p.ReadstatCsv)}"));
        }

        Console.WriteLine();
        foreach (var p in packages.Take(sizes.Count))
        {
            var ratio = Measurement.MedianSeconds(p.Validate) / Measurement.MedianSeconds(p.HavenRead);
            var peak = Measurement.MaxPeakMegabytes(p.Validate);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Label}: validate / haven read = {ratio:F2} (target <= {target:F2}: {(ratio <= target ? "met" : "missed")}); validate peak {peak:F0} MB (target < {TargetPeakMegabytes:F0}: {(peak < TargetPeakMegabytes ? "met" : "missed")})"));
        }

        var pilot = packages[^1];
        var pilotSeconds = Measurement.MedianSeconds(pilot.Validate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pilot.Label}: validate {pilotSeconds:F2} s (target <= {PilotTargetSeconds:F0} s: {(pilotSeconds <= PilotTargetSeconds ? "met" : "missed")})"));

        if (BenchArguments.Flag(args, "--timings"))
        {
            // One more run per package, untimed, for where the time goes: the CLI's own step and rule timings.
            foreach (var package in packages)
            {
                var profiled = RunValidate(cli, package, ProcessOptions.Default with { Environment = new Dictionary<string, string> { ["CDISC_EXPORT_TIMINGS"] = "1" } }, validateOptions);
                Console.WriteLine();
                Console.WriteLine($"{package.Label}: CDISC_EXPORT_TIMINGS=1 ({profiled.Seconds:F2} s whole process)");
                Console.Write(profiled.StandardError);
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>cdisc-export validate PACKAGE --report TMP --fail-on reject [OPTIONS]</c>: every rule. Exit 1 (reject findings) is a
    /// completed run; 2 or 3 fails the benchmark. The report folder is outside the package and removed afterwards; the
    /// package must be exactly as before.
    /// </summary>
    private static Measurement RunValidate(string cli, PackageUnderTest package, ProcessOptions options, string[] validateOptions)
    {
        var report = Path.Combine(Path.GetTempPath(), $"cdisc-export-bench-report-{Guid.NewGuid():N}");
        try
        {
            var measurement = ProcessMeasure.Run(options with { SuccessExitCodes = new HashSet<int> { 0, 1 } },
                "dotnet", [cli, "validate", package.Folder, "--report", report, "--fail-on", "reject", .. validateOptions]);
            if (!Directory.Exists(report))
            {
                throw new InvalidOperationException($"validate wrote no report into {report}");
            }

            var after = Snapshot(package.Folder);
            if (!after.SequenceEqual(package.Contents, StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"validate changed the package it checked ({package.Folder}): {string.Join(", ", after.Except(package.Contents).Concat(package.Contents.Except(after)).Take(5))}");
            }

            return measurement;
        }
        finally
        {
            if (Directory.Exists(report))
            {
                Directory.Delete(report, recursive: true);
            }
        }
    }

    /// <summary><c>readstat -f FILE.xpt FILE.csv</c> for every file, one process each: summed time, highest peak.</summary>
    private static Measurement RunReadstat(PackageUnderTest package, string work)
    {
        var target = Path.Combine(work, $"readstat-{package.Label.Replace(' ', '-')}");
        Directory.CreateDirectory(target);
        var each = package.Files.Select((f, i) => ProcessMeasure.Run("readstat", "-f", f, Path.Combine(target, string.Create(CultureInfo.InvariantCulture, $"{i:D3}-{Path.GetFileNameWithoutExtension(f)}.csv")))).ToList();
        return new Measurement(each.Sum(m => m.Seconds), each.Max(m => m.PeakKilobytes));
    }

    private static string Runs(IEnumerable<Measurement> runs) =>
        string.Join(' ', runs.Select(m => m.Seconds.ToString("F2", CultureInfo.InvariantCulture)));

    /// <summary>Every file and folder under <paramref name="folder"/> with its size and last write time, in ordinal order.</summary>
    private static List<string> Snapshot(string folder) =>
        new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(folder, i.FullName)} {(i as FileInfo)?.Length} {i.LastWriteTimeUtc.Ticks}"))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>One package under test: its XPT files and rows (counted untimed), R's read script, and the runs so far.</summary>
    private sealed record PackageUnderTest(string Label, string Folder, IReadOnlyList<string> Files, long Rows, string RScript, List<string> Contents)
    {
        public List<Measurement> Validate { get; } = [];

        public List<Measurement> HavenRead { get; } = [];

        public List<Measurement> ReadstatCsv { get; } = [];

        public static PackageUnderTest Prepare(string label, string folder, string work)
        {
            var files = PackageDatasets.Files(folder);
            var script = Path.Combine(work, $"read-{label.Replace(' ', '-')}.R");
            File.WriteAllText(script, $"""
                # haven reads every XPT file `cdisc-export validate` reads in {folder}, keeping them all as a validator does.
                files <- c({string.Join(",\n  ", files.Select(f => "'" + f.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'"))})
                datasets <- lapply(files, haven::read_xpt)
                invisible(datasets)

                """);
            return new PackageUnderTest(label, folder, files, files.Sum(PackageDatasets.CountRows), script, Snapshot(folder));
        }
    }
}
