using System.CommandLine;
using System.Globalization;
using CdiscExport.Cli.Export;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Reports;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// <c>validate &lt;package-dir | files...&gt; [--define &lt;file&gt;] [--report &lt;dir&gt;] [--fail-on reject|error|warning]
/// [--rule ID]... [--standard sdtmig/X.Y] [--ct RELEASE] [--max-findings N] [--include-deprecated]</c>:
/// runs the conformance rules (CDISC CORE's and ours) judged by the package's declared versions and writes
/// conformance.json/.csv/.html; prints what it was judged by and how many rules ran, and on what.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>The version of <c>--standard sdtmig/3.3</c> (also accepted: <c>SDTMIG 3.3</c>, <c>3.3</c>, <c>3-3</c>).</summary>
    private static string? StandardVersion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^(?:sdtmig[/ ]?)?v?(\d+)[.-](\d+)(?:[.-](\d+))?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!m.Success)
        {
            throw new UsageException($"--standard {text}: give the SDTMIG version as sdtmig/3.4, sdtmig/3.3, sdtmig/3.2 or sdtmig/3.1.2");
        }

        return m.Groups[3].Success ? $"{m.Groups[1].Value}.{m.Groups[2].Value}.{m.Groups[3].Value}" : $"{m.Groups[1].Value}.{m.Groups[2].Value}";
    }

    public static Command Create(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var inputs = new Argument<string[]>("package-dir | files") { Description = "A package root (with m5/datasets), a datasets folder (XPT or Dataset-JSON .json, .ndjson, .dsjc), such files, or a CDISC CORE test-data folder (_datasets.csv, _variables.csv, one CSV per dataset, .env).", Arity = ArgumentArity.OneOrMore };
        var define = new Option<FileInfo?>("--define") { HelpName = "define.xml", Description = "The define.xml to use instead of the one in the folder." };
        var report = new Option<DirectoryInfo?>("--report") { HelpName = "dir", Description = "Where to write the reports (default ./conformance-report/, never inside the package)." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when findings reach this severity.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("reject", "error", "warning");
        var rule = new Option<string[]>("--rule") { HelpName = "id", Description = "Run only this rule (a CORE, CDISC CG, FDA, P21 or our id); repeatable.", AllowMultipleArgumentsPerToken = false };
        var standard = new Option<string?>("--standard") { HelpName = "sdtmig/X.Y", Description = "Judge by this standard version, e.g. sdtmig/3.3 (default: what the define.xml declares, else sdtmig/3.4)." };
        var ct = new Option<string?>("--ct") { HelpName = "release|file", Description = "Judge codelist values by this SDTM CT: a release (2019-12-20, sdtmct-2019-12-20; the nearest shipped one is used) or an NCI EVS text file (default: what the define.xml declares, else the latest shipped)." };
        var maxFindings = new Option<int>("--max-findings") { HelpName = "N", Description = "List at most N issues per rule and dataset (0: all); totals always count every one.", DefaultValueFactory = _ => 1000 };
        var deprecated = new Option<bool>("--include-deprecated") { Description = "Also run the CORE rules CDISC moved to Deprecated." };
        var command = new Command("validate", "Check an SDTM/ADaM package against the conformance rules (CDISC CORE's and ours) and write reports.") { inputs, define, report, failOn, rule, standard, ct, maxFindings, deprecated };
        command.SetAction(parse => CommandErrors.Guard(error, environment, () => ReportFolder(parse.GetValue(report), environment), () =>
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

            var reportDir = ReportFolder(parse.GetValue(report), environment);
            foreach (var p in paths.Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(p)!))
            {
                var root = p.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if ((reportDir + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
                {
                    throw new UsageException($"--report {reportDir} lies inside the package being checked ({p}); choose a folder outside it.");
                }
            }

            var max = parse.GetValue(maxFindings);
            if (max < 0)
            {
                throw new UsageException($"--max-findings {max}: give 0 (list all) or a positive number");
            }

            var options = ValidationOptions.Default with
            {
                DefinePath = definePath,
                RuleIds = parse.GetValue(rule) is { Length: > 0 } ids ? ids : null,
                SdtmigVersion = StandardVersion(parse.GetValue(standard)),
                ControlledTerminology = parse.GetValue(ct),
                MaxFindingsPerRuleAndDataset = max,
                IncludeDeprecated = parse.GetValue(deprecated),
            };
            ConformanceResult result;
            try
            {
                result = ConformanceEngine.Run(paths, options);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            // An unknown --rule is a usage error, checked before anything is written: no empty report is left behind.
            if (options.RuleIds is { } wanted && result.Rules.Count == 0)
            {
                throw new UsageException($"--rule {string.Join(", ", wanted)}: no rule has that id (give a CORE id such as CORE-000001, a CDISC CG id, an FDA id, a P21 id such as SD0056, or one of ours)");
            }

            // The reports are written beside the folder and moved in once all are complete: a failure leaves none half-written.
            using (var staged = new StagedFolder(reportDir))
            {
                ConformanceReportWriter.Write(result, staged.Path);
                staged.CommitFiles();
            }

            var verdict = new ConformanceVerdict(result, new Dictionary<string, string>());
            if (result.Judged is { } judged)
            {
                output.WriteLine($"judged by {judged.Standard} {judged.Version} ({judged.Source}); CT {judged.ControlledTerminology}; define.xml {judged.DefineVersion ?? "none"}");
                foreach (var note in judged.Notes)
                {
                    output.WriteLine("  " + note);
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Datasets.Count} datasets in {result.Elapsed.TotalSeconds:0.00} s; {verdict.IssuesLine()}"));
            output.WriteLine(result.StatusLine());

            output.WriteLine($"reports: {reportDir}");
            return verdict.ExitCode(parse.GetRequiredValue(failOn));
        }, () => parse.GetValue(define)?.FullName ?? parse.GetValue(inputs)?.FirstOrDefault()));
        return command;
    }

    private static string ReportFolder(DirectoryInfo? report, CliEnvironment environment) =>
        Path.GetFullPath(report?.FullName ?? Path.Combine(environment.Folder, "conformance-report"));
}
