using System.Diagnostics;
using System.Globalization;

namespace CdiscExport.Bench;

/// <summary>One whole-process run: wall time and peak resident memory, measured by GNU time (<c>/usr/bin/time</c>).</summary>
internal sealed record Measurement(double Seconds, long PeakKilobytes);

internal static class ProcessMeasure
{
    public static Measurement Run(string program, params string[] arguments)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-f", "%e %M", "-o", report, program, .. arguments])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        }

        var parts = File.ReadAllLines(report).Last().Split(' ');
        File.Delete(report);
        return new Measurement(double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
