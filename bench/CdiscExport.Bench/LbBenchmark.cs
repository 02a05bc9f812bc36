using System.Globalization;

namespace CdiscExport.Bench;

/// <summary>
/// The XPT benchmark of the SAS transport issue: a 1,000,000-row, 22-variable LB dataset; our csv -> xpt against R
/// haven's <c>write_xpt(readRDS(...), version = 5)</c> (Rscript start-up included), and our xpt -> csv against
/// <c>readstat -f in.xpt out.csv</c>, whole processes, alternating, on the same data in one run. What R needs
/// (read.csv -> saveRDS) and the haven-written XPT that both readers read are prepared untimed.
/// </summary>
internal static class LbBenchmark
{
    public static int Run(string[] args)
    {
        var rows = BenchArguments.Int(args, "--rows", 1_000_000);
        var runs = BenchArguments.Int(args, "--runs", 5);
        var work = BenchArguments.Work(args, Path.Combine("bench", "work"));
        var cli = PublishedCli.Publish(work);
        Measure(work, cli, rows, runs, "target <= 0.40", "target <= 0.20");
        return 0;
    }

    /// <summary>
    /// Both conversions of a <paramref name="rows"/>-row LB in <paramref name="work"/> with the published
    /// <paramref name="cli"/>, <paramref name="runs"/> times each beside haven and readstat; prints the medians, peaks
    /// and the two ratios (each followed by its <paramref name="toXptNote"/> / <paramref name="toCsvNote"/>).
    /// </summary>
    public static void Measure(string work, string cli, int rows, int runs, string toXptNote, string toCsvNote)
    {
        Directory.CreateDirectory(work);
        var csv = Path.Combine(work, "lb.csv");
        var rds = Path.Combine(work, "lb.rds");
        var havenXpt = Path.Combine(work, "lb-haven.xpt");

        Console.WriteLine($"preparing {rows:N0} rows in {work} (untimed)");
        LbGenerator.Write(csv, rows);
        var colClasses = string.Join(",", LbGenerator.Header.Select(h => h is "LBSEQ" or "LBSTRESN" or "LBSTNRLO" or "LBSTNRHI" or "VISITNUM" or "LBDY" ? "'numeric'" : "'character'"));
        ProcessMeasure.Run("Rscript", "--vanilla", "-e",
            $"d <- read.csv('{csv}', colClasses = c({colClasses}), na.strings = '', check.names = FALSE); for (n in names(d)) if (is.character(d[[n]])) d[[n]][is.na(d[[n]])] <- ''; saveRDS(d, '{rds}')");
        ProcessMeasure.Run("Rscript", "--vanilla", "-e", $"haven::write_xpt(readRDS('{rds}'), '{havenXpt}', version = 5, name = 'LB')");

        var results = new Dictionary<string, List<Measurement>>
        {
            ["ours csv->xpt"] = [], ["haven write_xpt"] = [], ["ours xpt->csv"] = [], ["readstat xpt->csv"] = [],
        };
        for (var run = 0; run < runs; run++)
        {
            results["ours csv->xpt"].Add(ProcessMeasure.Run("dotnet", cli, "convert", csv, Path.Combine(work, "ours.xpt"), "--datetime", "2026-01-01T00:00:00Z"));
            results["haven write_xpt"].Add(ProcessMeasure.Run("Rscript", "--vanilla", "-e", $"haven::write_xpt(readRDS('{rds}'), '{Path.Combine(work, "r.xpt")}', version = 5, name = 'LB')"));
            results["ours xpt->csv"].Add(ProcessMeasure.Run("dotnet", cli, "convert", havenXpt, Path.Combine(work, "ours.csv")));
            results["readstat xpt->csv"].Add(ProcessMeasure.Run("readstat", "-f", havenXpt, Path.Combine(work, "readstat.csv")));
            Console.WriteLine($"run {run + 1}/{runs} done");
        }

        Console.WriteLine();
        Console.WriteLine($"{"",-20} {"median s",9} {"peak MB",8}");
        foreach (var (name, list) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {Measurement.MedianSeconds(list),9:F2} {Measurement.MaxPeakMegabytes(list),8:F0}"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"csv->xpt: ours / haven    = {Measurement.MedianSeconds(results["ours csv->xpt"]) / Measurement.MedianSeconds(results["haven write_xpt"]):F2} ({toXptNote})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"xpt->csv: ours / readstat = {Measurement.MedianSeconds(results["ours xpt->csv"]) / Measurement.MedianSeconds(results["readstat xpt->csv"]):F2} ({toCsvNote})"));
    }
}
