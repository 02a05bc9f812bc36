using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CdiscExport.Bench;

/// <summary>
/// <c>review [--subjects 5000] [--runs 3] [--work DIR] [--rebuild]</c>: the review-page issue's target. The whole
/// process of <c>cdisc-export review PACKAGE --out TMP/review.html</c> on the sample study's package at N subjects
/// (reading the package and its conformance report, drawing the charts, compressing every dataset into the page) must
/// take under 5 seconds. Then, when <c>chromium</c> is installed, the page is opened headless: the time until its
/// script has drawn the first page of the first dataset (the page's own <c>data-since-load-ms</c>, counted from
/// navigation start), the whole Chromium process against the same process opening an empty page, and the rows the
/// table put into the document (one page of them, never all). The package is generated and exported untimed into
/// <c>WORK/out-N</c>, or reused when a complete one is there (<see cref="ScaledStudy"/>).
/// </summary>
internal static partial class ReviewBenchmark
{
    private const double TargetSeconds = 5;

    public static int Run(string[] args)
    {
        var subjects = BenchArguments.Int(args, "--subjects", 5000);
        var runs = BenchArguments.Int(args, "--runs", 3);
        var work = BenchArguments.Work(args, Path.Combine("bench", "work", "review"));
        var cli = PublishedCli.Publish(work);
        var study = ScaledStudy.In(work, subjects);
        if (study.IsExported && !BenchArguments.Flag(args, "--rebuild"))
        {
            Console.WriteLine($"reusing {study.Package} (--rebuild to export again)");
        }
        else
        {
            Console.WriteLine($"generating and exporting {subjects:N0} subjects into {study.Package} (untimed)");
            study.GenerateRaw();
            study.Export(cli);
        }

        var rows = PackageDatasets.Files(study.Package).Sum(PackageDatasets.CountRows);
        var page = Path.Combine(work, $"review-{subjects}.html");
        var measured = new List<Measurement>();
        for (var run = 0; run < runs; run++)
        {
            measured.Add(ProcessMeasure.Run("dotnet", cli, "review", study.Package, "--out", page));
        }

        Console.WriteLine(measured[0].StandardOutput.TrimEnd());
        var median = Measurement.MedianSeconds(measured);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review, {subjects:N0} subjects ({rows:N0} records, page {new FileInfo(page).Length / 1048576.0:F1} MB): median {median:F2} s of {runs} runs ({string.Join(' ', measured.Select(m => m.Seconds.ToString("F2", CultureInfo.InvariantCulture)))}), peak {Measurement.MaxPeakMegabytes(measured):F0} MB; target < {TargetSeconds:F0} s: {(median < TargetSeconds ? "met" : "missed")}"));

        MeasurePageLoad(page, work, runs);
        return median < TargetSeconds ? 0 : 1;
    }

    /// <summary>Opens the page in headless Chromium, if installed, and prints how long it took to show its first table.</summary>
    private static void MeasurePageLoad(string page, string work, int runs)
    {
        var chromium = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Console.WriteLine("page load: skipped, chromium is not installed (Debian package chromium)");
            return;
        }

        var empty = Path.Combine(work, "empty.html");
        File.WriteAllText(empty, "<!DOCTYPE html><html lang=\"en\"><head><title>empty</title></head><body></body></html>\n");
        var loads = new List<(double Page, double Empty, int Script, int Rows)>();
        for (var run = 0; run < runs; run++)
        {
            var (pageSeconds, dom) = DumpDom(chromium, page, work);
            var (emptySeconds, _) = DumpDom(chromium, empty, work);
            var shown = DataSinceLoad().Match(dom);
            var rowsInTable = DatasetRows().Match(dom) is { Success: true } body ? DataRecord().Matches(body.Value).Count : -1;
            loads.Add((pageSeconds, emptySeconds, shown.Success ? int.Parse(shown.Groups[1].Value, CultureInfo.InvariantCulture) : -1, rowsInTable));
        }

        foreach (var (p, e, s, r) in loads)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page load: chromium --headless --dump-dom {p:F2} s (empty page {e:F2} s, difference {p - e:F2} s); first table drawn {s} ms after navigation start; {r} records in the table's DOM"));
        }
    }

    private static (double Seconds, string Dom) DumpDom(string chromium, string file, string work)
    {
        var profile = Path.Combine(work, $"chromium-profile-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}", "--run-all-compositor-stages-before-draw",
                     "--virtual-time-budget=30000", "--dump-dom", new Uri(file).AbsoluteUri])
        {
            start.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start chromium");
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A helper process of Chromium may still hold a file; the profile is under WORK and harmless.
        }

        return (seconds, stdout.Result);
    }

    [GeneratedRegex("id=\"dataset-view\".*?data-since-load-ms=\"(\\d+)\"", RegexOptions.Singleline)]
    private static partial Regex DataSinceLoad();

    [GeneratedRegex("id=\"dataset-view\".*?</tbody>", RegexOptions.Singleline)]
    private static partial Regex DatasetRows();

    [GeneratedRegex("<tr data-record=")]
    private static partial Regex DataRecord();
}
