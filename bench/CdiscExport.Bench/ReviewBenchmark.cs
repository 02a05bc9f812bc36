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
/// navigation start), the same with LB filtered and sorted, and the rows the
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
        var cpu = measured.Select(m => m.CpuSeconds).Order().ElementAt(measured.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"review, {subjects:N0} subjects ({rows:N0} records, page {new FileInfo(page).Length / 1048576.0:F1} MB): median {median:F2} s of {runs} runs ({string.Join(' ', measured.Select(m => m.Seconds.ToString("F2", CultureInfo.InvariantCulture)))}), CPU (user + system) median {cpu:F2} s, peak {Measurement.MaxPeakMegabytes(measured):F0} MB; target < {TargetSeconds:F0} s: {(median < TargetSeconds ? "met" : "missed")}"));

        // On a shared machine the wall time says more about the neighbours than about review: the load average beside it.
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"load average (1, 5, 15 min) after the runs: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} on {Environment.ProcessorCount} cores");
        }

        MeasurePageLoad(page, work, runs);
        return median < TargetSeconds ? 0 : 1;
    }

    /// <summary>
    /// Opens the page in headless Chromium, if installed, as it opens and with its largest dataset (LB) filtered and
    /// sorted, and prints when the page had loaded and when its table was drawn (real clock, from navigation start), how
    /// long decoding, filtering, sorting and drawing took, and how many rows are in the table's DOM. A copy of the page
    /// with a small probe script appended reports these on the console (Chromium's virtual time, which --dump-dom needs
    /// to wait for the script, would not count the script's own work).
    /// </summary>
    private static void MeasurePageLoad(string page, string work, int runs)
    {
        var chromium = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Console.WriteLine("page load: skipped, chromium is not installed (Debian package chromium)");
            return;
        }

        var probed = Path.Combine(work, "review-probe.html");
        var html = File.ReadAllText(page);
        var end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        File.WriteAllText(probed, html[..end] + Probe + html[end..]);
        for (var run = 0; run < runs; run++)
        {
            foreach (var (what, fragment) in new[] { ("as opened", ""), ("LB filtered to LBTESTCD MCPROT, sorted by LBSTRESN descending", "#ds=LB&f.LBTESTCD==MCPROT&sort=LBSTRESN&desc=1") })
            {
                var (seconds, console) = Open(chromium, new Uri(probed).AbsoluteUri + fragment, work);
                var m = ProbeLine().Match(console);
                Console.WriteLine(m.Success
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"page load, {what}: loaded {m.Groups["loaded"].Value} ms, table drawn {m.Groups["table"].Value} ms after navigation start (decode, filter, sort, draw {m.Groups["work"].Value} ms); {m.Groups["matching"].Value} of {m.Groups["total"].Value} records match, {m.Groups["rows"].Value} rows in the DOM (chromium process {seconds:F2} s)")
                    : $"page load, {what}: no table drawn within 20 s (chromium process {seconds:F2} s)");
            }
        }
    }

    // Appended to a copy of the page: once the dataset table is drawn, one console line with the page's own timings.
    private const string Probe = """
        <script>
        (function () {
          var t = setInterval(function () {
            var s = document.querySelector('#dataset-view .status[data-ms]');
            if (s) {
              clearInterval(t);
              var n = performance.getEntriesByType('navigation')[0];
              console.log('REVIEW-PROBE loaded=' + Math.round(n.loadEventEnd) + ' table=' + s.getAttribute('data-since-load-ms') + ' work=' + s.getAttribute('data-ms') +
                ' matching=' + s.getAttribute('data-matching') + ' total=' + s.getAttribute('data-total') + ' rows=' + document.querySelectorAll('#dataset-view tbody tr').length);
            }
          }, 20);
        })();
        </script>

        """;

    private static (double Seconds, string Console) Open(string chromium, string address, string work)
    {
        var profile = Path.Combine(work, $"chromium-profile-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                     "--timeout=20000", "--dump-dom", address])
        {
            start.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start chromium");
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
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

        return (seconds, stderr.Result);
    }

    [GeneratedRegex("REVIEW-PROBE loaded=(?<loaded>\\d+) table=(?<table>\\d+) work=(?<work>\\d+) matching=(?<matching>\\d+) total=(?<total>\\d+) rows=(?<rows>\\d+)")]
    private static partial Regex ProbeLine();
}
