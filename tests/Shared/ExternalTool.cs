using System.Diagnostics;

namespace CdiscExport.Testing;

/// <summary>
/// Runs an independent tool (R haven, readstat, pandas, xmllint, chromium) for an interop test. A missing tool makes
/// the test report itself skipped, visibly; under CI (<c>CDISC_EXPORT_REQUIRE_INTEROP=1</c>, set by .ci/run) it fails
/// instead, so an install step that went missing cannot pass silently.
/// </summary>
internal static class ExternalTool
{
    /// <summary>Debian's pandas lives only under the system interpreter, not the python3 first on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The variable that turns a missing tool from a skip into a failure (set by .ci/run).</summary>
    public const string RequireInteropVariable = "CDISC_EXPORT_REQUIRE_INTEROP";

    /// <summary>
    /// The full path of <paramref name="name"/> on PATH (or the path itself if absolute); else skips the test, naming
    /// the Debian package that provides it when <paramref name="debianPackage"/> is given.
    /// </summary>
    public static string RequireOnPath(string name, string? debianPackage = null)
    {
        var missing = debianPackage is null ? $"{name} not installed" : $"{name} is not installed (Debian package {debianPackage}); .ci/run installs it";
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : throw Unavailable(missing);
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw Unavailable(missing);
    }

    /// <summary>Skips unless a quick probe (such as <c>-c "import pandas"</c>) exits with 0.</summary>
    public static void RequireWorking(string tool, string what, params string[] arguments)
    {
        var (exit, _, _) = Run(tool, arguments);
        if (exit != 0)
        {
            throw Unavailable($"{what} not installed");
        }
    }

    /// <summary>Runs <paramref name="fileName"/> to completion (at most 2 minutes) and returns its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in 2 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs <paramref name="fileName"/> and returns its stdout; fails the test when it exits with non-zero.</summary>
    public static string RunOk(string fileName, params string[] arguments)
    {
        var (exit, stdout, stderr) = Run(fileName, arguments);
        return exit == 0 ? stdout : throw new ShouldAssertException($"{Path.GetFileName(fileName)} exited with {exit}: {stderr}");
    }

    private static Exception Unavailable(string message)
    {
        if (Environment.GetEnvironmentVariable(RequireInteropVariable) == "1")
        {
            Assert.Fail($"{message}; {RequireInteropVariable}=1 forbids skipping");
        }

        Assert.Skip(message);
        return new UnreachableException();
    }
}
