using System.Diagnostics;

namespace CdiscExport.Testing;

/// <summary>
/// Runs an independent tool (R, readstat, pandas, xmllint) for an interop test. A missing tool makes the test report
/// itself skipped, visibly; under CI (<c>CDISC_EXPORT_REQUIRE_INTEROP=1</c>, set by .ci/run) it fails instead, so an
/// install step that went missing cannot pass silently.
/// </summary>
internal static class ExternalTool
{
    public static string Require(string program, string why)
    {
        var path = Find(program);
        if (path is not null)
        {
            return path;
        }

        var message = $"{program} is not installed ({why})";
        if (Environment.GetEnvironmentVariable("CDISC_EXPORT_REQUIRE_INTEROP") == "1")
        {
            Assert.Fail(message + "; CDISC_EXPORT_REQUIRE_INTEROP=1 forbids skipping");
        }

        Assert.Skip(message);
        return string.Empty;
    }

    public static (int ExitCode, string Output, string Error) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in 2 minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string? Find(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
