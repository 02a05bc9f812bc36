using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CdiscExport.Bench;

/// <summary>
/// <c>scale --subjects N[,N...]</c>: the whole export (mapping, ADaM, checks, XPT, define, reports) of the sample study
/// generated at N subjects, against R haven's whole process merely writing the same output datasets (Rscript start-up,
/// readRDS of the finished datasets, write_xpt of each), in one run. What R reads is prepared untimed from our output.
/// Prints time, peak memory and cost per output row. The CLI is published for this machine's runtime, ReadyToRun, as a
/// user installs a tool.
/// </summary>
internal static class ScaleBenchmark
{
    public static int Run(string[] args)
    {
        var sizes = (Value(args, "--subjects") ?? "500,5000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var work = Path.GetFullPath(Value(args, "--work") ?? Path.Combine("bench", "work", "scale"));
        Directory.CreateDirectory(work);
        var cli = PublishCli(work);
        var spec = Path.Combine(StudyGenerator.Root(), "specs", "bortezomib-lenalidomide-ph1");
        Console.WriteLine($"{"subjects",9} {"rows",10} {"export s",9} {"peak MB",8} {"us/row",7} {"KB/row",7} {"haven s",8} {"ratio",6}");
        foreach (var n in sizes)
        {
            var raw = Path.Combine(work, $"raw-{n}");
            var output = Path.Combine(work, $"out-{n}");
            StudyGenerator.Generate(Path.Combine(StudyGenerator.Root(), "samples", "bortezomib-lenalidomide-ph1", "raw"), raw, n, "SUBJID");
            var ours = ProcessMeasure.Run("dotnet", cli, "export", spec, "--raw", raw, "--out", output, "--datetime", "2026-01-01T00:00:00Z", "--fail-on", "reject");
            var files = Directory.GetFiles(output, "*.xpt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            var rows = files.Sum(CountRows);
            var rds = Path.Combine(work, $"datasets-{n}.rds");
            var list = string.Join(", ", files.Select(f => $"'{Path.GetFileNameWithoutExtension(f)}' = haven::read_xpt('{f}')"));
            ProcessMeasure.Run("Rscript", "--vanilla", "-e", $"saveRDS(list({list}), '{rds}')");
            var target = Path.Combine(work, $"r-{n}");
            Directory.CreateDirectory(target);
            var haven = ProcessMeasure.Run("Rscript", "--vanilla", "-e",
                $"d <- readRDS('{rds}'); for (n in names(d)) haven::write_xpt(d[[n]], file.path('{target}', paste0(n, '.xpt')), version = 5, name = toupper(n))");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n,9} {rows,10} {ours.Seconds,9:F2} {ours.PeakKilobytes / 1024.0,8:F0} {ours.Seconds * 1e6 / rows,7:F2} {ours.PeakKilobytes / (double)rows,7:F2} {haven.Seconds,8:F2} {ours.Seconds / haven.Seconds,6:F2}"));
        }

        return 0;
    }

    private static long CountRows(string xpt)
    {
        using var stream = File.OpenRead(xpt);
        using var reader = Xpt.XptReader.Open(stream);
        long n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static string PublishCli(string work)
    {
        var output = Path.Combine(work, "cli");
        var project = Path.Combine(StudyGenerator.Root(), "src", "CdiscExport.Cli");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", output, "--nologo", "-v", "q"]))!;
        publish.WaitForExit();
        return publish.ExitCode == 0 ? Path.Combine(output, "cdisc-export.dll") : throw new InvalidOperationException("dotnet publish of the CLI failed");
    }
}
