using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CdiscExport.Bench;

/// <summary>
/// The <c>cdisc-export</c> CLI as a user installs it: published in Release for this machine's runtime (ReadyToRun,
/// framework-dependent), so every benchmark measures the same build.
/// </summary>
internal static class PublishedCli
{
    /// <summary>Publishes the CLI into <c>WORK/cli</c> and returns the path of <c>cdisc-export.dll</c> (run it with <c>dotnet</c>).</summary>
    public static string Publish(string work)
    {
        var output = Path.Combine(work, "cli");
        var project = Path.Combine(StudyGenerator.Root(), "src", "CdiscExport.Cli");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", output, "--nologo", "-v", "q"]))!;
        publish.WaitForExit();
        return publish.ExitCode == 0 ? Path.Combine(output, "cdisc-export.dll") : throw new InvalidOperationException("dotnet publish of the CLI failed");
    }
}
