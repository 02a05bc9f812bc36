using System.Globalization;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// What a conformance run means for the command that ran it, in one place for <c>export</c> and <c>validate</c>: the
/// issue counts the console shows, the study file's explanations, and the exit code <c>--fail-on</c> gives.
/// </summary>
/// <param name="Result">The run.</param>
/// <param name="Explained">Rules whose findings the study file explains (rule id to why); empty for <c>validate</c>.</param>
internal sealed record ConformanceVerdict(ConformanceResult Result, IReadOnlyDictionary<string, string> Explained)
{
    /// <summary>The severities <c>--fail-on</c> accepts.</summary>
    public static readonly string[] FailOnValues = ["reject", "error", "warning"];

    /// <summary>Issues per severity, as validate counts them: one per record (or dataset) a rule faults.</summary>
    public string IssuesLine()
    {
        var issues = Result.IssuesBySeverity();
        return string.Create(CultureInfo.InvariantCulture,
            $"issues: reject {issues[Severity.Reject]}, error {issues[Severity.Error]}, warning {issues[Severity.Warning]}, notice {issues[Severity.Notice]}");
    }

    /// <summary>
    /// The study file's explained rules, each with how many issues it explains: those stay in every report but do not
    /// decide the exit code. An explanation that explains nothing is said too, so that it does not outlive the data it
    /// was written for.
    /// </summary>
    public IEnumerable<string> Explanations()
    {
        foreach (var (rule, reason) in Explained.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var count = Result.Findings.Where(f => Explains(rule, f)).Select(f => (f.Rule, f.Issue)).Distinct().Count();
            yield return Result.Rules.Any(r => r.Rule.Id == rule || r.Rule.P21Id == rule)
                ? string.Create(CultureInfo.InvariantCulture, $"  {rule}: {count} issues explained in study.yaml ({reason})")
                : $"  {rule}: explained in study.yaml, but there is no such conformance rule";
        }
    }

    /// <summary>
    /// 1 (<see cref="CliApp.Findings"/>) when an issue not explained reaches <paramref name="failOn"/>, else 0: a
    /// listed issue at its findings' severity or its rule's, an issue left out of the listing (the cap) at its rule's.
    /// With nothing explained this is <see cref="ConformanceResult.Reaches"/>.
    /// </summary>
    public int ExitCode(string failOn)
    {
        var threshold = Enum.Parse<Severity>(failOn, ignoreCase: true);

        // An issue is explained when any of its findings is (a folded issue names our rule on one finding of several).
        var explainedIssues = Result.Findings.Where(f => Explained.Keys.Any(rule => Explains(rule, f))).Select(f => (f.Rule, f.Issue)).ToHashSet();
        bool Unexplained(Finding f) => !explainedIssues.Contains((f.Rule, f.Issue));
        bool RuleExplained(RuleResult r) => Explained.Keys.Any(rule => rule == r.Rule.Id || (r.Rule.P21Id.Length > 0 && rule == r.Rule.P21Id));
        var reaches = Result.Findings.Any(f => f.Severity <= threshold && Unexplained(f))
            || Result.Rules.Any(r => r.Rule.Severity <= threshold
                && (r.Findings.Any(Unexplained) || (r.FindingCount > r.Findings.Count && !RuleExplained(r))));
        return reaches ? CliApp.Findings : CliApp.Success;
    }

    /// <summary>
    /// Whether an explanation keyed by <paramref name="rule"/> covers a finding: the rule that reported it, our rule
    /// folded into it (a finding of one of ours and of CORE's for the same check is listed once, under CORE's id), or
    /// its Pinnacle 21 id, so that an explanation survives a rule being matched to CORE's.
    /// </summary>
    private static bool Explains(string rule, Finding f) =>
        f.Rule == rule || f.AlsoRule == rule || (f.P21Id.Length > 0 && f.P21Id == rule);
}
