using System.Diagnostics;
using CdiscExport.Conformance.Operations;
using CdiscExport.Conformance.Rules;
using CdiscExport.Core.Standards;

namespace CdiscExport.Conformance.Engine;

/// <summary>One finding: which rule, where, and what.</summary>
public sealed record Finding(string Rule, string CoreId, string P21Id, Severity Severity, string? Dataset, string? Variable, long? Row, string? Usubjid, string? Value, string Message);

/// <summary>The status of one rule after a run.</summary>
public sealed record RuleResult(Rule Rule, RuleStatus Status, string? Reason, IReadOnlyList<Finding> Findings);

/// <summary>Records and counts per dataset.</summary>
public sealed record DatasetSummary(string Dataset, string FileName, long Records);

/// <summary>The result of validating a package; <c>Elapsed</c> includes reading the files when the engine read them.</summary>
public sealed record ConformanceResult(IReadOnlyList<DatasetSummary> Datasets, IReadOnlyList<RuleResult> Rules, TimeSpan Elapsed)
{
    /// <summary>All findings in rule order.</summary>
    public IEnumerable<Finding> Findings => Rules.SelectMany(r => r.Findings);

    /// <summary>Whether any finding is at least as severe as <paramref name="threshold"/>.</summary>
    public bool Reaches(Severity threshold) => Findings.Any(f => f.Severity <= threshold);
}

/// <summary>Options of a run.</summary>
public sealed record ValidationOptions
{
    /// <summary>Defaults: standards found beside the binaries, no MedDRA.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>The <c>specs/standards</c> folder; null finds it.</summary>
    public string? StandardsFolder { get; init; }

    /// <summary>A define.xml to use instead of the one in each folder.</summary>
    public string? DefinePath { get; init; }

    /// <summary>A MedDRA dictionary folder; rules needing MedDRA are not executable without it.</summary>
    public string? MedDraFolder { get; init; }

    /// <summary>Overrides of rule parameters, keyed by rule id (e.g. the study's response criteria for INT-ADRS-*).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> RuleParameters { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>At most this many findings per rule and dataset; the rest are counted in one closing finding.</summary>
    public int MaxFindingsPerRuleAndDataset { get; init; } = 1000;
}

/// <summary>Runs every rule of the catalogue over a package.</summary>
public static class ConformanceEngine
{
    /// <summary>Loads the package at <paramref name="inputs"/> and runs every rule.</summary>
    /// <param name="inputs">Folders or files, as <see cref="Package.Load"/> takes them.</param>
    /// <param name="options">Options of the run, or null for the defaults.</param>
    /// <param name="readAhead">Files of the package already read, or null.</param>
    public static ConformanceResult Run(IReadOnlyList<string> inputs, ValidationOptions? options = null, ReadAhead? readAhead = null)
    {
        options ??= ValidationOptions.Default;
        var clock = Stopwatch.StartNew();
        var package = Package.Load(inputs, options.DefinePath, readAhead);
        if (Environment.GetEnvironmentVariable("CDISC_EXPORT_TIMINGS") == "1")
        {
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,8:F2} s  conformance: package loaded"));
        }

        var result = Run(package, options);
        return result with { Elapsed = clock.Elapsed };
    }

    /// <summary>Runs every rule over a loaded package.</summary>
    public static ConformanceResult Run(Package package, ValidationOptions? options = null)
    {
        options ??= ValidationOptions.Default;
        var clock = Stopwatch.StartNew();
        var folder = options.StandardsFolder ?? StandardsLibrary.FindDefaultFolder();
        var standards = StandardsLibrary.Load(folder);
        var catalogue = RuleCatalogue.Load(folder);
        var env = new RunEnvironment(package, standards, folder, options);
        var timings = Environment.GetEnvironmentVariable("CDISC_EXPORT_TIMINGS") == "1";
        var rules = catalogue.Rules.Select(baseRule =>
        {
            var rule = baseRule;
            if (options.RuleParameters.TryGetValue(rule.Id, out var overrides))
            {
                foreach (var (k, v) in overrides)
                {
                    rule = rule.WithParameter(k, v);
                }
            }

            return rule;
        }).ToList();

        // Rules only read the package and each writes its own context, so they run in parallel; results keep
        // catalogue order, so reports do not depend on scheduling.
        var results = new RuleResult[rules.Count];
        Parallel.For(0, rules.Count, i =>
        {
            var ruleClock = Stopwatch.StartNew();
            results[i] = RunRule(rules[i], env);
            if (timings && ruleClock.Elapsed.TotalSeconds >= 0.1)
            {
                // Profiling aid (CDISC_EXPORT_TIMINGS=1): the rules that cost a tenth of a second or more.
                Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ruleClock.Elapsed.TotalSeconds,8:F2} s  rule {rules[i].Id} ({rules[i].Operation})"));
            }
        });

        var summaries = package.Datasets.Select(d => new DatasetSummary(d.Name, d.FileName, d.RowCount)).ToList();
        return new ConformanceResult(summaries, results, clock.Elapsed);
    }

    private static RuleResult RunRule(Rule rule, RunEnvironment env)
    {
        var ctx = new RuleContext(rule, env);
        var ops = new List<Operation>();
        foreach (var name in rule.Operation.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!OperationRegistry.TryGet(name, out var op))
            {
                return new RuleResult(rule, RuleStatus.NotExecutable, $"operation \"{name}\" is not implemented yet", []);
            }

            ops.Add(op);
        }

        try
        {
            foreach (var op in ops)
            {
                op(ctx);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new RuleResult(rule, RuleStatus.ExecutionError, $"{e.GetType().Name}: {e.Message}", ctx.Findings);
        }

        if (ctx.NotExecutableReason is not null)
        {
            return new RuleResult(rule, RuleStatus.NotExecutable, ctx.NotExecutableReason, ctx.Findings);
        }

        var status = ctx.Findings.Count > 0 ? RuleStatus.Issues : ctx.Applicable ? RuleStatus.Passed : RuleStatus.NotApplicable;
        return new RuleResult(rule, status, status == RuleStatus.NotApplicable ? "nothing in the package is in this rule's scope" : null, ctx.Findings);
    }
}

/// <summary>What every rule sees.</summary>
public sealed record RunEnvironment(Package Package, StandardsLibrary Standards, string StandardsFolder, ValidationOptions Options);

/// <summary>One rule's run: parameters in, findings and status out.</summary>
public sealed class RuleContext
{
    private readonly Dictionary<string, int> perDataset = new(StringComparer.Ordinal);

    internal RuleContext(Rule rule, RunEnvironment env)
    {
        Rule = rule;
        Env = env;
    }

    /// <summary>The rule.</summary>
    public Rule Rule { get; }

    /// <summary>Package, standards and options.</summary>
    public RunEnvironment Env { get; }

    /// <summary>The package.</summary>
    public Package Package => Env.Package;

    /// <summary>Findings so far.</summary>
    public List<Finding> Findings { get; } = [];

    /// <summary>Whether anything was in scope.</summary>
    public bool Applicable { get; set; }

    /// <summary>Set when the rule cannot run.</summary>
    public string? NotExecutableReason { get; private set; }

    /// <summary>Marks the rule as not executable.</summary>
    public void NotExecutable(string reason) => NotExecutableReason = reason;

    /// <summary>A parameter or its default.</summary>
    public string Param(string key, string fallback = "") => Rule.Parameters.TryGetValue(key, out var v) ? v : fallback;

    /// <summary>A list parameter (values separated by '|').</summary>
    public IReadOnlyList<string> List(string key, string fallback = "") =>
        Param(key, fallback).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Datasets in scope per the <c>datasets</c> parameter: names or domains separated by '|', or SDTM, ADAM, SUPP, ALL
    /// (default ALL); <c>exclude</c> removes some.
    /// </summary>
    public IEnumerable<DatasetData> InScope()
    {
        var scope = List("datasets", "ALL");
        var exclude = List("exclude").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var d in Package.Datasets)
        {
            if (exclude.Contains(d.Name) || exclude.Contains(d.Domain) || (exclude.Contains("SUPP") && d.IsSupp))
            {
                continue;
            }

            var hit = scope.Any(s => s.ToUpperInvariant() switch
            {
                "ALL" => true,
                "SDTM" => !d.IsAdam,
                "ADAM" => d.IsAdam,
                "BDS" => d.IsAdam && d.Name != "ADSL",
                "SUPP" => d.IsSupp,
                _ => string.Equals(s, d.Name, StringComparison.OrdinalIgnoreCase) || (!d.IsSupp && string.Equals(s, d.Domain, StringComparison.OrdinalIgnoreCase)),
            });
            if (hit)
            {
                yield return d;
            }
        }
    }

    /// <summary>Records a finding; row is the 0-based index (reported 1-based), null for dataset-level.</summary>
    public void Report(DatasetData? ds, string? variable, int? row, string? value, string message)
    {
        Applicable = true;
        var key = ds?.Name ?? "";
        perDataset.TryGetValue(key, out var n);
        perDataset[key] = n + 1;
        var max = Env.Options.MaxFindingsPerRuleAndDataset;
        if (n > max)
        {
            return;
        }

        if (n == max)
        {
            Findings.Add(new Finding(Rule.Id, Rule.CoreId, Rule.P21Id, Rule.Severity, ds?.Name, null, null, null, null,
                $"more than {max} findings of this rule in {ds?.Name}; only the first {max} are listed"));
            return;
        }

        var usubjid = ds is not null && row is int r && ds.Has("USUBJID") ? ds.Text(r, "USUBJID") : null;
        Findings.Add(new Finding(Rule.Id, Rule.CoreId, Rule.P21Id, Rule.Severity, ds?.Name, variable, row + 1, string.IsNullOrEmpty(usubjid) ? null : usubjid,
            string.IsNullOrEmpty(value) ? null : value, message));
    }
}
