using System.Diagnostics;

namespace CdiscExport.Testing;

/// <summary>
/// Finds independent tools (xmllint, chromium) for interop tests. A missing tool skips the test visibly, or fails it
/// when <c>CDISC_EXPORT_REQUIRE_INTEROP=1</c> (CI, where <c>.ci/run</c> installs them).
/// </summary>
internal static class ExternalTools
{
    public const string RequireInteropVariable = "CDISC_EXPORT_REQUIRE_INTEROP";

    /// <summary>The full path of <paramref name="tool"/> on PATH; skips or fails the test when absent.</summary>
    public static string Require(string tool, string debianPackage)
    {
        var path = Find(tool);
        if (path is not null)
        {
            return path;
        }

        var message = $"{tool} is not installed (Debian package {debianPackage}); .ci/run installs it.";
        if (Environment.GetEnvironmentVariable(RequireInteropVariable) == "1")
        {
            Assert.Fail(message + $" {RequireInteropVariable}=1 requires it.");
        }

        Assert.Skip(message);
        return "";
    }

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="file"/> and returns exit code and the combined output.</summary>
    public static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within 120 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
