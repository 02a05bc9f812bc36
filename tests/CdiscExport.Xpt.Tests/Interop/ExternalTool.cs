using System.Diagnostics;

namespace CdiscExport.Xpt.Tests.Interop;

/// <summary>Runs an independent reader (R haven, readstat, pandas) and skips the test visibly when it is absent.</summary>
internal static class ExternalTool
{
    public const string Python = "/usr/bin/python3"; // Debian's pandas lives only under the system interpreter

    /// <summary>The full path of <paramref name="name"/> on PATH (or the path itself if absolute), else skips the test.</summary>
    public static string RequireOnPath(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : throw SkipException(name);
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw SkipException(name);
    }

    /// <summary>Skips unless <paramref name="check"/> (a quick probe such as "import pandas") exits with 0.</summary>
    public static void RequireWorking(string tool, string what, params string[] arguments)
    {
        var (exit, _, _) = Run(tool, arguments);
        if (exit != 0)
        {
            Assert.Skip($"{what} not installed");
        }
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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

    public static string RunOk(string fileName, params string[] arguments)
    {
        var (exit, stdout, stderr) = Run(fileName, arguments);
        if (exit != 0)
        {
            throw new ShouldAssertException($"{Path.GetFileName(fileName)} exited with {exit}: {stderr}");
        }

        return stdout;
    }

    private static Exception SkipException(string name)
    {
        Assert.Skip($"{name} not installed");
        return new UnreachableException();
    }
}
