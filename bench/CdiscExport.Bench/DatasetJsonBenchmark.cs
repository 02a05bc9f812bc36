using System.Globalization;

namespace CdiscExport.Bench;

/// <summary>
/// The Dataset-JSON benchmark of the Dataset-JSON issue: the 1,000,000-row, 22-variable LB dataset as XPT; our
/// xpt -> ndjson and ndjson -> xpt, each against our own xpt -> csv on the same file in the same run (whole processes,
/// alternating), with peak memory. Targets: at most 1.5x the xpt -> csv time, peak under 400 MB. The XPT (written by
/// our csv -> xpt) and the NDJSON read back are prepared untimed.
/// </summary>
internal static class DatasetJsonBenchmark
{
    public static int Run(string[] args)
    {
        var rows = BenchArguments.Int(args, "--rows", 1_000_000);
        var runs = BenchArguments.Int(args, "--runs", 3);
        var work = BenchArguments.Work(args, Path.Combine("bench", "work", "dsj"));
        var csv = Path.Combine(work, "lb.csv");
        var xpt = Path.Combine(work, "lb.xpt");
        var ndjson = Path.Combine(work, "lb.ndjson");
        const string Pinned = "2026-01-01T00:00:00Z";

        Console.WriteLine($"preparing {rows:N0} rows in {work} (untimed)");
        LbGenerator.Write(csv, rows);
        var cli = PublishedCli.Publish(work);
        ProcessMeasure.Run("dotnet", cli, "convert", csv, xpt, "--datetime", Pinned);
        ProcessMeasure.Run("dotnet", cli, "convert", xpt, ndjson, "--datetime", Pinned);

        var results = new Dictionary<string, List<Measurement>>
        {
            ["ours xpt->csv"] = [], ["ours xpt->ndjson"] = [], ["ours ndjson->xpt"] = [], ["ours xpt->dsjc"] = [], ["ours dsjc->xpt"] = [],
        };
        var dsjc = Path.Combine(work, "out.dsjc");
        for (var run = 0; run < runs; run++)
        {
            results["ours xpt->csv"].Add(ProcessMeasure.Run("dotnet", cli, "convert", xpt, Path.Combine(work, "out.csv")));
            results["ours xpt->ndjson"].Add(ProcessMeasure.Run("dotnet", cli, "convert", xpt, Path.Combine(work, "out.ndjson"), "--datetime", Pinned));
            results["ours ndjson->xpt"].Add(ProcessMeasure.Run("dotnet", cli, "convert", ndjson, Path.Combine(work, "out.xpt"), "--datetime", Pinned));
            results["ours xpt->dsjc"].Add(ProcessMeasure.Run("dotnet", cli, "convert", xpt, dsjc, "--datetime", Pinned));
            results["ours dsjc->xpt"].Add(ProcessMeasure.Run("dotnet", cli, "convert", dsjc, Path.Combine(work, "out2.xpt"), "--datetime", Pinned));
            Console.WriteLine($"run {run + 1}/{runs} done");
        }

        var sameXpt = File.ReadAllBytes(Path.Combine(work, "out.xpt")).AsSpan().SequenceEqual(File.ReadAllBytes(xpt));
        Console.WriteLine();
        Console.WriteLine($"{"",-20} {"median s",9} {"peak MB",8} {"x xpt->csv",11}");
        var baseline = Measurement.MedianSeconds(results["ours xpt->csv"]);
        foreach (var (name, list) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-20} {Measurement.MedianSeconds(list),9:F2} {Measurement.MaxPeakMegabytes(list),8:F0} {Measurement.MedianSeconds(list) / baseline,11:F2}"));
        }

        Console.WriteLine();
        foreach (var name in new[] { "ours xpt->ndjson", "ours ndjson->xpt" })
        {
            var ratio = Measurement.MedianSeconds(results[name]) / baseline;
            var peak = Measurement.MaxPeakMegabytes(results[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name[5..]}: {ratio:F2} x xpt->csv (target <= 1.50), peak {peak:F0} MB (target < 400): {(ratio <= 1.5 && peak < 400 ? "met" : "NOT met")}"));
        }

        Console.WriteLine($"ndjson->xpt output identical to the XPT it came from: {(sameXpt ? "yes" : "NO")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sizes: xpt {new FileInfo(xpt).Length / 1e6:F0} MB, csv {new FileInfo(Path.Combine(work, "out.csv")).Length / 1e6:F0} MB, ndjson {new FileInfo(ndjson).Length / 1e6:F0} MB, dsjc {new FileInfo(dsjc).Length / 1e6:F0} MB"));
        return 0;
    }
}
