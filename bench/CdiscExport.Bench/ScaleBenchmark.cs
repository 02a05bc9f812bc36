using System.Globalization;

namespace CdiscExport.Bench;

/// <summary>
/// <c>scale --subjects N[,N...]</c>: the whole export (mapping, ADaM, checks, XPT, define, reports) of the sample study
/// generated at N subjects, against R haven's whole process merely writing the same output datasets (Rscript start-up,
/// readRDS of the finished datasets, write_xpt of each), in one run. What R reads is prepared untimed from our output.
/// Prints time, peak memory and cost per output row. Then, since a change that speeds the export must not slow
/// <c>convert</c>, the LB conversions of <c>lb</c> at <c>--convert-rows</c> rows (default 200,000; 0 skips them), in the
/// same run. The CLI is published for this machine's runtime, ReadyToRun, as a user installs a tool.
/// </summary>
internal static class ScaleBenchmark
{
    public static int Run(string[] args)
    {
        var sizes = BenchArguments.Ints(args, "--subjects", "500,5000");
        var convertRows = BenchArguments.Int(args, "--convert-rows", 200_000);
        var work = BenchArguments.Work(args, Path.Combine("bench", "work", "scale"));
        var cli = PublishedCli.Publish(work);
        Console.WriteLine($"{"subjects",9} {"rows",10} {"export s",9} {"peak MB",8} {"us/row",7} {"KB/row",7} {"haven s",8} {"ratio",6}");
        foreach (var n in sizes)
        {
            var study = ScaledStudy.In(work, n);
            study.GenerateRaw();
            var ours = study.Export(cli);
            var files = PackageDatasets.Files(study.Package);
            var rows = files.Sum(PackageDatasets.CountRows);
            var rds = Path.Combine(work, $"datasets-{n}.rds");
            var list = string.Join(", ", files.Select(f => $"'{Path.GetFileNameWithoutExtension(f)}' = haven::read_xpt('{f}')"));
            ProcessMeasure.Run("Rscript", "--vanilla", "-e", $"saveRDS(list({list}), '{rds}')");
            var target = Path.Combine(work, $"r-{n}");
            Directory.CreateDirectory(target);
            var haven = ProcessMeasure.Run("Rscript", "--vanilla", "-e",
                $"d <- readRDS('{rds}'); for (n in names(d)) haven::write_xpt(d[[n]], file.path('{target}', paste0(n, '.xpt')), version = 5, name = toupper(n))");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n,9} {rows,10} {ours.Seconds,9:F2} {ours.PeakMegabytes,8:F0} {ours.Seconds * 1e6 / rows,7:F2} {ours.PeakKilobytes / (double)rows,7:F2} {haven.Seconds,8:F2} {ours.Seconds / haven.Seconds,6:F2}"));
        }

        if (convertRows > 0)
        {
            Console.WriteLine();
            LbBenchmark.Measure(Path.Combine(work, "convert"), cli, convertRows, 3,
                "at 1,000,000 rows: target <= 0.40", "at 1,000,000 rows: target <= 0.20");
        }

        return 0;
    }
}
