using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CdiscExport.Cli.Tests.Fuzz;

/// <summary>One fuzz case: the mutated file, the command line that reads it, and what it writes.</summary>
/// <param name="Input">The mutated file the command reads.</param>
/// <param name="Args">The command line.</param>
/// <param name="Output">The file or folder the command writes, or null when it writes nothing.</param>
/// <param name="OutputIsFolder">Whether <paramref name="Output"/> is a folder (export, validate --report).</param>
internal sealed record FuzzCase(string Input, string[] Args, string? Output, bool OutputIsFolder);

/// <summary>
/// Runs seeded fuzz cases through <see cref="CliApp.Run(string[], TextWriter, TextWriter, CliEnvironment)"/> in-process,
/// each in a fresh temporary folder, and checks what must hold whatever the input: the exit code is 0, 1 or 2 (never 3,
/// never an exception escaping, never a hang), and the output is complete or absent (no staging folder, no
/// <c>.partial</c> file, nothing written on exit 2). Failing inputs are kept with their command line and messages.
/// </summary>
internal static class FuzzCampaign
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs <see cref="FuzzSettings.Cases"/> cases; <paramref name="prepare"/> writes case <c>i</c> into the folder it is given.</summary>
    /// <returns>The failures (empty when every case held), with a summary line first.</returns>
    public static (string Summary, IReadOnlyList<string> Failures) Run(string kind, FuzzSettings settings, Func<Random, string, FuzzCase> prepare)
    {
        var failures = new List<string>();
        var exits = new int[4];
        var clock = Stopwatch.StartNew();
        var environment = CliEnvironment.With(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1767225600" });
        for (var i = 0; i < settings.Cases; i++)
        {
            var caseSeed = unchecked(settings.Seed + i);
            var folder = Directory.CreateTempSubdirectory($"cdisc-fuzz-{kind}-").FullName;
            try
            {
                var fuzzCase = prepare(new Random(caseSeed), folder);
                var problem = RunOne(fuzzCase, environment with { CurrentDirectory = folder }, exits);
                if (problem is not null)
                {
                    failures.Add(Keep(kind, settings, caseSeed, fuzzCase, problem));
                }
            }
            finally
            {
                TryDelete(folder);
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"fuzz {kind}: {settings.Cases} cases from seed {settings.Seed} in {clock.Elapsed.TotalSeconds:F1} s; exit 0: {exits[0]}, 1: {exits[1]}, 2: {exits[2]}, 3: {exits[3]}; failures: {failures.Count}");
        if (settings.FoundFolder is { } found)
        {
            // A long campaign's record (docs/fuzzing.md): one line per kind, beside the inputs it kept.
            Directory.CreateDirectory(found);
            File.AppendAllText(Path.Combine(found, "summary.log"), summary + Environment.NewLine);
        }

        return (summary, failures);
    }

    private static string? RunOne(FuzzCase fuzzCase, CliEnvironment environment, int[] exits)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var task = Task.Run(() => CliApp.Run(fuzzCase.Args, output, error, environment));
        int exit;
        try
        {
            if (!task.Wait(CaseTimeout))
            {
                return $"no answer within {CaseTimeout.TotalSeconds} s (a hang)";
            }

            exit = task.Result;
        }
        catch (AggregateException e)
        {
            return "an exception escaped CliApp.Run: " + e.InnerException;
        }

        if (exit is >= 0 and <= 3)
        {
            exits[exit]++;
        }

        var messages = $"{Environment.NewLine}stdout:{Environment.NewLine}{output}{Environment.NewLine}stderr:{Environment.NewLine}{error}";
        if (exit is not (CliApp.Success or CliApp.Findings or CliApp.BadInput))
        {
            return $"exit {exit}{messages}{LogOf(error.ToString())}";
        }

        if (fuzzCase.Output is { } target)
        {
            var exists = fuzzCase.OutputIsFolder ? Directory.Exists(target) : File.Exists(target);
            if (exit == CliApp.BadInput && exists)
            {
                return $"exit 2 left {target} behind{messages}";
            }

            if (exit != CliApp.BadInput && !exists)
            {
                return $"exit {exit} without writing {target}{messages}";
            }

            var parent = Path.GetDirectoryName(target)!;
            var leftovers = Directory.EnumerateFileSystemEntries(parent)
                .Where(p => Path.GetFileName(p).Contains(".staging-", StringComparison.Ordinal) || p.EndsWith(".partial", StringComparison.Ordinal)
                            || Path.GetFileName(p).Contains(".old-", StringComparison.Ordinal))
                .ToList();
            if (leftovers.Count > 0)
            {
                return $"exit {exit} left {string.Join(", ", leftovers)}{messages}";
            }
        }

        return null;
    }

    // An internal error's log file holds the stack: shown with the failure.
    private static string LogOf(string error)
    {
        var at = error.IndexOf("details in ", StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var path = error[(at + "details in ".Length)..].Trim();
        return File.Exists(path) ? Environment.NewLine + "log:" + Environment.NewLine + File.ReadAllText(path) : string.Empty;
    }

    private static string Keep(string kind, FuzzSettings settings, int caseSeed, FuzzCase fuzzCase, string problem)
    {
        var found = settings.FoundFolder ?? Path.Combine(Path.GetTempPath(), "cdisc-fuzz-found");
        var name = string.Create(CultureInfo.InvariantCulture, $"{kind}-{caseSeed}");
        Directory.CreateDirectory(found);
        var kept = Path.Combine(found, name + Path.GetExtension(fuzzCase.Input));
        if (File.Exists(fuzzCase.Input))
        {
            File.Copy(fuzzCase.Input, kept, overwrite: true);
        }

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"kind {kind}, case seed {caseSeed} (campaign seed {settings.Seed})")
            .AppendLine(CultureInfo.InvariantCulture, $"input {fuzzCase.Input} (kept as {kept})")
            .AppendLine(CultureInfo.InvariantCulture, $"args {string.Join(' ', fuzzCase.Args)}")
            .AppendLine(problem)
            .ToString();
        File.WriteAllText(Path.Combine(found, name + ".txt"), report);
        return report;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open by a hung case: left for the temporary folder's cleaner.
        }
    }
}
