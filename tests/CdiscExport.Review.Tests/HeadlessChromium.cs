using System.Diagnostics;
using CdiscExport.Testing;

namespace CdiscExport.Review.Tests;

/// <summary>
/// Opens a page in headless Chromium and returns the document as Chromium built it (after the page's script ran, with
/// virtual time so that its timers and promises settle) and every message the page's console received. A missing
/// chromium skips the test visibly (fails it under CDISC_EXPORT_REQUIRE_INTEROP=1, as in CI).
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>The page at <paramref name="file"/>, opened with the address fragment <paramref name="fragment"/> (without '#').</summary>
    public static ChromiumPage Open(string file, string? fragment = null)
    {
        var chromium = ExternalTool.RequireOnPath("chromium", "chromium");
        var profile = Path.Combine(Path.GetTempPath(), $"chromium-profile-{Guid.NewGuid():N}");
        var address = new Uri(file).AbsoluteUri + (fragment is null ? "" : "#" + fragment);
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}",
                     "--virtual-time-budget=10000", "--enable-logging=stderr", "--v=0", "--dump-dom", address])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start chromium");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish with {address} in 2 minutes");
            }

            // Chromium logs every console message (log, warning, error) and every uncaught exception as a CONSOLE line;
            // the page writes none on purpose, so any of them is a failure.
            var console = stderr.Result.Split('\n')
                .Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal) || line.Contains("Uncaught", StringComparison.Ordinal))
                .ToList();
            process.ExitCode.ShouldBe(0, stderr.Result);
            return new ChromiumPage(stdout.Result, console, clock.Elapsed);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A helper process may still hold a file in the throw-away profile.
            }
        }
    }
}

/// <summary>A page as Chromium left it.</summary>
/// <param name="Dom">The serialised document.</param>
/// <param name="Console">Console messages and uncaught exceptions, as Chromium logged them.</param>
/// <param name="Elapsed">The whole Chromium process.</param>
internal sealed record ChromiumPage(string Dom, IReadOnlyList<string> Console, TimeSpan Elapsed);
