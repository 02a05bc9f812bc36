using System.Diagnostics;
using System.Globalization;

namespace CdiscExport.Bench;

/// <summary>
/// One whole-process run: wall time and peak resident memory, measured by GNU time (<c>/usr/bin/time</c>), with the
/// exit code and what the process wrote.
/// </summary>
internal sealed record Measurement(double Seconds, long PeakKilobytes)
{
    /// <summary>The process's exit code (0 unless <see cref="ProcessOptions.SuccessExitCodes"/> allowed another).</summary>
    public int ExitCode { get; init; }

    /// <summary>What the process wrote on standard output.</summary>
    public string StandardOutput { get; init; } = string.Empty;

    /// <summary>What the process wrote on standard error.</summary>
    public string StandardError { get; init; } = string.Empty;

    /// <summary>CPU time (user + system) of the process and its children: what the run costs whatever else the machine is doing.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Peak resident memory in megabytes.</summary>
    public double PeakMegabytes => PeakKilobytes / 1024.0;

    /// <summary>The median wall time of <paramref name="runs"/>.</summary>
    public static double MedianSeconds(IEnumerable<Measurement> runs)
    {
        var s = runs.Select(m => m.Seconds).Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    /// <summary>The highest peak memory of <paramref name="runs"/>, in megabytes.</summary>
    public static double MaxPeakMegabytes(IEnumerable<Measurement> runs) => runs.Max(m => m.PeakMegabytes);
}

/// <summary>How a measured process is run beyond the defaults (exit code 0 only, the bench's own environment).</summary>
internal sealed record ProcessOptions
{
    /// <summary>Exit 0 only, no extra environment.</summary>
    public static ProcessOptions Default { get; } = new();

    /// <summary>Exit codes that count as a completed run (default: 0); any other fails the benchmark with the process's output.</summary>
    public IReadOnlySet<int> SuccessExitCodes { get; init; } = new HashSet<int> { 0 };

    /// <summary>Environment variables set for the process on top of the bench's own (default: none).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

internal static class ProcessMeasure
{
    public static Measurement Run(string program, params string[] arguments) => Run(ProcessOptions.Default, program, arguments);

    public static Measurement Run(ProcessOptions options, string program, params string[] arguments)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-f", "%e %M %U %S", "-o", report, program, .. arguments])
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (!options.SuccessExitCodes.Contains(process.ExitCode))
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        }

        // GNU time writes "Command exited with non-zero status N" before the format line when the process exits non-zero.
        var parts = File.ReadAllLines(report).Last().Split(' ');
        File.Delete(report);
        return new Measurement(double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture))
        {
            CpuSeconds = double.Parse(parts[2], CultureInfo.InvariantCulture) + double.Parse(parts[3], CultureInfo.InvariantCulture),
            ExitCode = process.ExitCode, StandardOutput = stdout.Result, StandardError = stderr.Result,
        };
    }
}
