using System.CommandLine;
using System.Globalization;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Reports;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// <c>validate &lt;package-dir | files...&gt; [--define &lt;file&gt;] [--report &lt;dir&gt;] [--fail-on reject|error|warning]</c>:
/// runs every conformance rule and writes conformance.json/.csv/.html.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("package-dir | files") { Description = "A package root (with m5/datasets), a datasets folder, or .xpt files.", Arity = ArgumentArity.OneOrMore };
        var define = new Option<FileInfo?>("--define") { Description = "The define.xml to use instead of the one in the folder." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Where to write the reports (default ./conformance-report/, never inside the package)." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when findings reach this severity.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("reject", "error", "warning");
        var command = new Command("validate", "Check an SDTM/ADaM package against the conformance rules and write reports.") { inputs, define, report, failOn };
        command.SetAction(parse => CommandErrors.Guard(error, () =>
        {
            var paths = parse.GetRequiredValue(inputs).Select(Path.GetFullPath).ToList();
            foreach (var p in paths.Where(p => !Directory.Exists(p) && !File.Exists(p)))
            {
                throw new UsageException($"{p}: no such file or folder");
            }

            var definePath = parse.GetValue(define)?.FullName;
            if (definePath is not null && !File.Exists(definePath))
            {
                throw new UsageException($"--define {definePath}: no such file");
            }

            var reportDir = Path.GetFullPath(parse.GetValue(report)?.FullName ?? Path.Combine(Environment.CurrentDirectory, "conformance-report"));
            foreach (var p in paths.Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(p)!))
            {
                var root = p.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if ((reportDir + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
                {
                    throw new UsageException($"--report {reportDir} lies inside the package being checked ({p}); choose a folder outside it.");
                }
            }

            ConformanceResult result;
            try
            {
                result = ConformanceEngine.Run(paths, ValidationOptions.Default with { DefinePath = definePath });
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            ConformanceReportWriter.Write(result, reportDir);
            var threshold = Enum.Parse<Severity>(parse.GetRequiredValue(failOn), ignoreCase: true);
            var findings = result.Findings.ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Datasets.Count} datasets, {result.Rules.Count} rules in {result.Elapsed.TotalSeconds:0.00} s: reject {findings.Count(f => f.Severity == Severity.Reject)}, error {findings.Count(f => f.Severity == Severity.Error)}, warning {findings.Count(f => f.Severity == Severity.Warning)}, notice {findings.Count(f => f.Severity == Severity.Notice)}"));
            foreach (var g in result.Rules.GroupBy(r => r.Status).OrderBy(g => g.Key))
            {
                output.WriteLine($"  {ConformanceReportWriter.Name(g.Key),-16} {g.Count()} rules");
            }

            output.WriteLine($"reports: {reportDir}");
            return result.Reaches(threshold) ? CliApp.Findings : CliApp.Success;
        }));
        return command;
    }
}
