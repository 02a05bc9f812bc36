using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CdiscExport.Conformance.Evaluation;
using CdiscExport.Conformance.Operations;
using CdiscExport.Conformance.Rules;
using CdiscExport.Core.Standards;
using CdiscExport.Core.Terminology;

namespace CdiscExport.Conformance.Engine;

/// <summary>
/// One finding: which rule, where, and what. A CORE rule's issue gives one finding per output variable (as CORE's
/// reports list them), all with the same <see cref="Issue"/> number.
/// </summary>
/// <param name="Rule">The rule's id (CORE-NNNNNN or ours).</param>
/// <param name="CoreId">The CORE rule it stands for, or "".</param>
/// <param name="P21Id">The one Pinnacle 21 id of the check, or "".</param>
/// <param name="Severity">Severity.</param>
/// <param name="Dataset">Dataset name (a split dataset's own name; STUDY for domain presence), or null.</param>
/// <param name="Variable">Variable, or null.</param>
/// <param name="Row">Record number (1-based), or null for dataset-level findings.</param>
/// <param name="Usubjid">Subject, or null.</param>
/// <param name="Value">Value shown, or null.</param>
/// <param name="Message">Message.</param>
public sealed record Finding(string Rule, string CoreId, string P21Id, Severity Severity, string? Dataset, string? Variable, long? Row, string? Usubjid, string? Value, string Message)
{
    /// <summary>The issue this finding belongs to, numbered within its rule from 1.</summary>
    public int Issue { get; init; }

    /// <summary>Our rule that raised the same finding, folded into this one (it then carries both ids), or null.</summary>
    public string? AlsoRule { get; init; }
}

/// <summary>The status of one rule after a run, its findings (capped per dataset) and true totals.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Status">passed, issues, not_applicable, not_executable, execution_error.</param>
/// <param name="Reason">Why it did not run, or ran partly; null when it ran.</param>
/// <param name="Findings">The findings listed (at most the cap per dataset).</param>
public sealed record RuleResult(Rule Rule, RuleStatus Status, string? Reason, IReadOnlyList<Finding> Findings)
{
    /// <summary>Findings in all, the listed and the capped.</summary>
    public int TotalFindings { get; init; } = -1;

    /// <summary>Issues (records, or datasets for dataset-level rules) in all.</summary>
    public int TotalIssues { get; init; } = -1;

    /// <summary>Datasets whose findings were capped, with how many were left out.</summary>
    public IReadOnlyDictionary<string, int> Capped { get; init; } = new Dictionary<string, int>();

    /// <summary>Issues of this rule (one of ours) listed under the CORE rule that checks the same thing, and counted there.</summary>
    public int FoldedIssues { get; init; }

    /// <summary>The total of findings (the listed when no total was set).</summary>
    public int FindingCount => TotalFindings >= 0 ? TotalFindings : Findings.Count;

    /// <summary>The total of issues.</summary>
    public int IssueCount => TotalIssues >= 0 ? TotalIssues : Findings.Select(f => f.Issue).Distinct().Count();
}

/// <summary>Records and counts per dataset.</summary>
public sealed record DatasetSummary(string Dataset, string FileName, long Records);

/// <summary>The standards a run judged by, as the report header names them.</summary>
/// <param name="Standard">e.g. SDTMIG.</param>
/// <param name="Version">e.g. 3.4.</param>
/// <param name="Source">Where the version came from (the define.xml, --standard, the default).</param>
public sealed record JudgedBy(string Standard, string Version, string Source)
{
    /// <summary>CT version, when known.</summary>
    public string? ControlledTerminology { get; init; }

    /// <summary>Define-XML version of the define.xml read, when one was.</summary>
    public string? DefineVersion { get; init; }

    /// <summary>Notes: a version not shipped and the nearest used instead, and the like.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The result of validating a package; <c>Elapsed</c> includes reading the files when the engine read them.</summary>
public sealed record ConformanceResult(IReadOnlyList<DatasetSummary> Datasets, IReadOnlyList<RuleResult> Rules, TimeSpan Elapsed)
{
    /// <summary>The standards judged by.</summary>
    public JudgedBy? Judged { get; init; }

    /// <summary>All listed findings in rule order.</summary>
    public IEnumerable<Finding> Findings => Rules.SelectMany(r => r.Findings);

    /// <summary>Whether any finding (listed or capped) is at least as severe as <paramref name="threshold"/>.</summary>
    public bool Reaches(Severity threshold) => Rules.Any(r => r.Rule.Severity <= threshold && r.FindingCount > 0) || Findings.Any(f => f.Severity <= threshold);

    /// <summary>
    /// Issues per severity in each dataset (<c>""</c> for the package as a whole): a listed issue at its findings'
    /// severity, one left out by the cap at its rule's. Datasets without issues are not listed. What the reports and
    /// the review page show per dataset.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<Severity, int>> IssuesByDataset()
    {
        var counts = new Dictionary<string, Dictionary<Severity, int>>(StringComparer.Ordinal);
        Dictionary<Severity, int> Of(string key) =>
            counts.TryGetValue(key, out var c) ? c : counts[key] = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0);
        foreach (var r in Rules)
        {
            foreach (var g in r.Findings.GroupBy(f => (f.Dataset, f.Issue)))
            {
                Of(g.Key.Dataset ?? "")[g.Min(f => f.Severity)]++;
            }

            foreach (var (dataset, n) in r.Capped)
            {
                Of(dataset)[r.Rule.Severity] += n;
            }
        }

        return counts.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<Severity, int>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Issues per severity, true totals: a listed issue counts at its findings' severity (the stricter of two rules
    /// when ours folded into CORE's), an issue left out by the cap at its rule's.
    /// </summary>
    public IReadOnlyDictionary<Severity, int> IssuesBySeverity()
    {
        var counts = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0);
        foreach (var r in Rules)
        {
            foreach (var g in r.Findings.GroupBy(f => f.Issue))
            {
                counts[g.Min(f => f.Severity)]++;
            }

            // Issues left out by the cap count at the rule's severity; issues folded into a CORE rule's count there.
            counts[r.Rule.Severity] += Math.Max(0, r.IssueCount - r.FoldedIssues - r.Findings.Select(f => f.Issue).Distinct().Count());
        }

        return counts;
    }

    /// <summary>One line: how many rules ran, found issues, were out of scope or could not run.</summary>
    public string StatusLine()
    {
        int Count(RuleStatus s) => Rules.Count(r => r.Status == s);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Rules.Count} rules: {Count(RuleStatus.Passed)} passed, {Count(RuleStatus.Issues)} with issues, {Count(RuleStatus.NotApplicable)} not applicable, {Count(RuleStatus.NotExecutable)} not executable, {Count(RuleStatus.ExecutionError)} execution errors");
    }
}

/// <summary>Options of a run.</summary>
public sealed record ValidationOptions
{
    /// <summary>Defaults: standards found beside the binaries, no MedDRA, every published rule.</summary>
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

    /// <summary>At most this many findings per rule and dataset are listed (0: all); totals always count every one.</summary>
    public int MaxFindingsPerRuleAndDataset { get; init; } = 1000;

    /// <summary>Only these rules (ids: CORE, CG, FDA, P21 or ours); null runs all.</summary>
    public IReadOnlyList<string>? RuleIds { get; init; }

    /// <summary>Also run the rules CDISC moved to Deprecated.</summary>
    public bool IncludeDeprecated { get; init; }

    /// <summary>The SDTMIG version to judge by (e.g. 3.3); null takes the package's define.xml, else 3.4.</summary>
    public string? SdtmigVersion { get; init; }

    /// <summary>The PRODUCT a CORE test-data folder's .env declares (sdtmig, sendig, ...); null for packages.</summary>
    public string? TestDataProduct { get; init; }

    /// <summary>The SDTM CT to judge by: a release date or name (2019-12-20, sdtmct-2019-12-20) or an NCI EVS text
    /// file; null takes the define.xml's, else the latest shipped release.</summary>
    public string? ControlledTerminology { get; init; }
}

/// <summary>Runs the catalogue's rules (ours and CORE's) over a package.</summary>
public static class ConformanceEngine
{
    /// <summary>Loads the package at <paramref name="inputs"/> and runs every rule.</summary>
    /// <param name="inputs">Folders or files, as <see cref="Package.Load"/> takes them, or one folder in CORE's test-data layout.</param>
    /// <param name="options">Options of the run, or null for the defaults.</param>
    /// <param name="loaded">Given the package once loaded, for a caller that uses it after the run (the review page), or null.</param>
    public static ConformanceResult Run(IReadOnlyList<string> inputs, ValidationOptions? options = null, Action<Package>? loaded = null)
    {
        options ??= ValidationOptions.Default;
        var clock = Stopwatch.StartNew();

        // The standards and the rule files do not depend on the package: they are read while it loads (the largest
        // dataset keeps one core busy; the other is free once the small files are read).
        var folder = options.StandardsFolder ?? StandardsLibrary.FindDefaultFolder();
        var includeDeprecated = options.IncludeDeprecated;
        var library = Task.Run(() => Libraries(folder, includeDeprecated));
        Package package;
        if (inputs.Count == 1 && CoreTestDataPackage.IsTestData(inputs[0]))
        {
            package = CoreTestDataPackage.Load(inputs[0]);
            var env = CoreTestDataPackage.ReadEnvironment(inputs[0]);
            options = options with { SdtmigVersion = options.SdtmigVersion ?? env.Version, TestDataProduct = env.Product };
        }
        else
        {
            package = Package.Load(inputs, options.DefinePath);
        }

        loaded?.Invoke(package);
        Timing(clock, "conformance: package loaded");
        var (loadedStandards, loadedCatalogue) = library.GetAwaiter().GetResult();
        Timing(clock, "conformance: standards and rules read");
        var result = Run(package, options with { StandardsFolder = folder }, loadedStandards, loadedCatalogue);
        return result with { Elapsed = clock.Elapsed };
    }

    /// <summary>Runs every rule over a loaded package.</summary>
    public static ConformanceResult Run(Package package, ValidationOptions? options = null)
    {
        options ??= ValidationOptions.Default;
        var folder = options.StandardsFolder ?? StandardsLibrary.FindDefaultFolder();
        var (standards, catalogue) = Libraries(folder, options.IncludeDeprecated);
        return Run(package, options with { StandardsFolder = folder }, standards, catalogue);
    }

    // The standards and the rule files are read once per folder in a process: both are immutable once read (CT releases
    // are read on first request, behind a Lazy), and a process that validates many packages (the test suite, a fuzz
    // campaign of the CLI in-process) would otherwise spend most of each run reading them again. A folder whose files
    // fail to read is not kept, so the error is raised again on the next run.
    private static readonly ConcurrentDictionary<(string Folder, bool Deprecated), Lazy<(StandardsLibrary, RuleCatalogue)>> LoadedLibraries = new();

    private static (StandardsLibrary Standards, RuleCatalogue Catalogue) Libraries(string folder, bool includeDeprecated)
    {
        var key = (Path.GetFullPath(folder), includeDeprecated);
        var lazy = LoadedLibraries.GetOrAdd(key, k => new Lazy<(StandardsLibrary, RuleCatalogue)>(() => (StandardsLibrary.Load(k.Folder), RuleCatalogue.Load(k.Folder, k.Deprecated))));
        try
        {
            return lazy.Value;
        }
        catch
        {
            LoadedLibraries.TryRemove(new KeyValuePair<(string, bool), Lazy<(StandardsLibrary, RuleCatalogue)>>(key, lazy));
            throw;
        }
    }

    private static ConformanceResult Run(Package package, ValidationOptions options, StandardsLibrary standards, RuleCatalogue catalogue)
    {
        var clock = Stopwatch.StartNew();
        var folder = options.StandardsFolder!;
        var (judged, ct) = JudgedByOf(package, options, standards);
        Timing(clock, "conformance: controlled terminology chosen");
        var product = options.TestDataProduct ?? "sdtmig";
        // Library operations answer from the IG's metadata; only SDTMIG 3.4's is shipped. For another version it is
        // the nearest: it gives domain labels and classes, but which variables a domain has (and their Core status)
        // differ between versions, so those operations are not executable there (Study.GuideIsNearest).
        var study = Study.ForStandard(package, standards.Sdtmig, product, judged.Standard, judged.Version, d => d.Folder.Kind == PackageKind.Sdtm);
        var env = new RunEnvironment(package, standards, folder, options) { Study = study, Terminology = ct, Judged = judged };
        var timings = Environment.GetEnvironmentVariable("CDISC_EXPORT_TIMINGS") == "1";
        var rules = Select(catalogue, options, judged);

        // Rules only read the package and each builds its own frames, so they run in parallel; results keep catalogue
        // order, so reports do not depend on scheduling.
        var results = new RuleResult[rules.Count];
        Parallel.For(0, rules.Count, i =>
        {
            var ruleClock = Stopwatch.StartNew();
            results[i] = RunRule(rules[i], env);
            if (timings && ruleClock.Elapsed.TotalSeconds >= (Environment.GetEnvironmentVariable("CDISC_EXPORT_RULE_THRESHOLD") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : 0.1))
            {
                // Profiling aid (CDISC_EXPORT_TIMINGS=1): the rules that cost a tenth of a second or more.
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ruleClock.Elapsed.TotalSeconds,8:F2} s  rule {rules[i].Id} ({rules[i].Operation})"));
            }
        });

        var folded = FoldDuplicates(results);
        var capped = folded.Select(r => Cap(r, options.MaxFindingsPerRuleAndDataset)).ToList();
        var summaries = package.Datasets.Select(d => new DatasetSummary(d.Name, d.FileName, d.RowCount)).ToList();
        Timing(clock, "conformance: rules run");
        return new ConformanceResult(summaries, capped, clock.Elapsed) { Judged = judged };
    }

    private static void Timing(Stopwatch clock, string what)
    {
        if (Environment.GetEnvironmentVariable("CDISC_EXPORT_TIMINGS") == "1")
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,8:F2} s  {what}"));
        }
    }

    /// <summary>
    /// The standard, version and CT the package is judged by, and where each came from: the options, else the SDTM
    /// define.xml's declarations (Define-XML 2.1 def:Standards; 2.0 and 1.0 def:StandardName/Version), else the
    /// defaults (SDTMIG 3.4, the latest shipped CT). A version the product does not ship metadata for is named in
    /// the notes with the one used instead, so that no package is judged by a version it does not declare unawares.
    /// </summary>
    private static (JudgedBy Judged, ControlledTerminology Ct) JudgedByOf(Package package, ValidationOptions options, StandardsLibrary standards)
    {
        var notes = new List<string>();
        var define = package.Folders.Where(f => f.Kind == PackageKind.Sdtm).Select(f => f.Define).FirstOrDefault(d => d is not null)
                     ?? package.Folders.Select(f => f.Define).FirstOrDefault(d => d is not null);
        var declared = define?.DeclaredStandards ?? [];
        string version, source;
        if (options.SdtmigVersion is { } v)
        {
            (version, source) = (v, options.TestDataProduct is null ? "--standard" : "the test data's .env");
        }
        else if (declared.FirstOrDefault(d => d.Type == Odm.DeclaredStandard.ImplementationGuide && d.Name == "SDTMIG") is { } ig)
        {
            (version, source) = (ig.Version, $"declared in {Path.GetFileName(define!.Path)} (Define-XML {DefineVersionText(define.Version)})");
        }
        else
        {
            (version, source) = ("3.4", define is null ? "default: no define.xml declares a version" : "default: the define.xml declares no SDTMIG version");
        }

        if (version != standards.Sdtmig.Version)
        {
            notes.Add($"SDTMIG {version} metadata is not shipped: SDTMIG {standards.Sdtmig.Version}'s, the nearest, gives domain labels and classes; rules that need which variables a domain has or their Core status are not executable, except that a variable the dataset has is Required, or has a role, where SDTMIG {standards.Sdtmig.Version} says so; CORE rules run only where they cite SDTMIG {version}.");
        }

        var library = standards.TerminologyLibrary;
        ControlledTerminology ct;
        string? ctText;
        if (options.ControlledTerminology is { } asked)
        {
            if (File.Exists(asked))
            {
                ct = ControlledTerminology.Load(Path.GetFullPath(asked));
                ctText = $"{ct.Version} (--ct {Path.GetFileName(asked)})";
            }
            else if (TerminologyVersion.TryParse(asked, out var requested))
            {
                (ct, ctText) = Nearest(library, requested, "--ct", notes);
            }
            else
            {
                throw new ArgumentException(ConformanceMessages.UnknownTerminology(asked));
            }
        }
        else if (declared.FirstOrDefault(d => d.Type == Odm.DeclaredStandard.Terminology && (d.PublishingSet is null or "SDTM")) is { } dct &&
                 TerminologyVersion.TryParse(dct.Version, out var defined))
        {
            (ct, ctText) = Nearest(library, defined, "declared in the define.xml", notes);
        }
        else
        {
            var latest = library.Releases.Last(r => r.Completeness == TerminologyCompleteness.Full);
            ct = library.Get(latest.ReleaseDate);
            ctText = $"{ct.Version} (default: no CT version declared)";
        }

        var judged = new JudgedBy("SDTMIG", version, source)
        {
            ControlledTerminology = ctText,
            DefineVersion = define is null ? null : DefineVersionText(define.Version),
            Notes = notes,
        };
        return (judged, ct);
    }

    private static (ControlledTerminology, string) Nearest(TerminologyLibrary library, TerminologyVersion requested, string source, List<string> notes)
    {
        var choice = library.ChooseNearest(requested.ReleaseDate);
        var ct = library.Get(choice.Release.ReleaseDate);
        if (!choice.IsExact)
        {
            notes.Add($"CT {requested.Version} is not shipped: judged by CT {ct.Version}, the nearest shipped release ({choice.Match switch { TerminologyMatch.EarlierRelease => "the latest before it", _ => "the earliest after it" }}).");
        }

        if (ct.Completeness != TerminologyCompleteness.Full)
        {
            notes.Add($"CT {ct.Version} is shipped as codelist values only ({ct.Completeness}): extensibility and values are checked, term codes and synonyms are not.");
        }

        return (ct, $"{ct.Version} ({source}{(choice.IsExact ? "" : $", asked {requested.Version}")})");
    }

    private static string DefineVersionText(Odm.DefineXmlVersion v) => v switch
    {
        Odm.DefineXmlVersion.Define10 => "1.0",
        Odm.DefineXmlVersion.Define20 => "2.0",
        _ => "2.1",
    };

    /// <summary>The rules to run: those named by <see cref="ValidationOptions.RuleIds"/>, else all; CORE's only when they cite the version judged by.</summary>
    private static List<Rule> Select(RuleCatalogue catalogue, ValidationOptions options, JudgedBy judged)
    {
        var rules = new List<Rule>();
        foreach (var baseRule in catalogue.Rules)
        {
            if (options.RuleIds is { Count: > 0 } ids && !ids.Any(baseRule.IsNamed))
            {
                continue;
            }

            var rule = baseRule;
            if (options.RuleParameters.TryGetValue(rule.Id, out var overrides))
            {
                foreach (var (k, v) in overrides)
                {
                    rule = rule.WithParameter(k, v);
                }
            }

            rules.Add(rule);
        }

        _ = judged;
        return rules;
    }

    private static RuleResult RunRule(Rule rule, RunEnvironment env)
    {
        if (rule.Operation == "core")
        {
            // A CORE rule runs on a package of the SDTMIG version it cites (CORE's own rule selection).
            var version = env.Judged?.Version ?? "3.4";
            if (!rule.Definition.Cites("SDTMIG", version) && !rule.Definition.Cites("SENDIG", version) && env.Options.TestDataProduct is null)
            {
                return new RuleResult(rule, RuleStatus.NotApplicable,
                    $"cites SDTMIG {string.Join(", ", rule.Definition.VersionsOf("SDTMIG").Order(StringComparer.Ordinal))}, not {version}, the version the package is judged by", []);
            }

            return RunCoreRule(rule, env);
        }

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

    /// <summary>A rule in CORE's language: its issues become one finding per output variable.</summary>
    private static RuleResult RunCoreRule(Rule rule, RunEnvironment env)
    {
        var run = RuleRunner.Run(rule.Definition, env.Study!);
        var findings = new List<Finding>();
        var n = 0;
        foreach (var issue in run.Issues)
        {
            n++;
            var values = issue.Values.Count > 0 ? issue.Values : [(Variable: "", Value: Language.Value.Null)];
            foreach (var (variable, value) in values)
            {
                var text = value.ToString();
                findings.Add(new Finding(rule.Id, rule.CoreId, rule.P21Id, rule.Severity, issue.Dataset, variable.Length == 0 ? null : variable,
                    issue.Record, issue.Usubjid, text.Length == 0 ? null : text, issue.Message) { Issue = n });
            }
        }

        return new RuleResult(rule, run.Status, run.Reason, findings) { TotalIssues = n };
    }

    /// <summary>
    /// Where one of our rules and a CORE rule it names (<c>Same As</c>) raise the same finding (dataset, record and
    /// variable), one finding results: CORE's, carrying our id too. Our rule keeps its other findings.
    /// </summary>
    private static RuleResult[] FoldDuplicates(RuleResult[] results)
    {
        var byId = results.Select((r, i) => (r, i)).ToDictionary(x => x.r.Rule.Id, x => x.i, StringComparer.OrdinalIgnoreCase);
        foreach (var (ours, i) in results.Select((r, i) => (r, i)).Where(x => x.r.Rule.Origin == RuleOrigin.Ours && x.r.Rule.Definition.SameAs.Count > 0).ToList())
        {
            var kept = new List<Finding>(results[i].Findings);
            foreach (var coreId in ours.Rule.Definition.SameAs)
            {
                if (!byId.TryGetValue(coreId, out var c) || results[c].Findings.Count == 0)
                {
                    continue;
                }

                var core = results[c];
                var keys = core.Findings.Select((f, k) => (Key: (f.Dataset, f.Row, Variable: NamedVariable(f)), k)).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().k);
                var coreFindings = core.Findings.ToList();
                var folded = 0;
                kept.RemoveAll(f =>
                {
                    if (!keys.TryGetValue((f.Dataset, f.Row, f.Variable), out var k))
                    {
                        return false;
                    }

                    // The one issue keeps the stricter severity of the two rules (on each of its findings, one per
                    // output variable); the finding of the variable ours reported carries our id, so that the rows
                    // with alsoRule = ours are the findings our rule made.
                    var issue = coreFindings[k].Issue;
                    for (var m = 0; m < coreFindings.Count; m++)
                    {
                        if (coreFindings[m].Issue == issue)
                        {
                            coreFindings[m] = coreFindings[m] with { Severity = (Severity)Math.Min((int)coreFindings[m].Severity, (int)ours.Rule.Severity) };
                        }
                    }

                    coreFindings[k] = coreFindings[k] with { AlsoRule = ours.Rule.Id, P21Id = coreFindings[k].P21Id.Length > 0 ? coreFindings[k].P21Id : ours.Rule.P21Id };
                    folded++;
                    return true;
                });
                if (folded > 0)
                {
                    results[c] = core with { Findings = coreFindings };
                }
            }

            var moved = results[i].Findings.Count - kept.Count;
            if (moved > 0)
            {
                // The rule still found these issues: its status stays "issues", and the reason says where they are listed.
                var keptIssues = kept.Select(f => f.Issue).ToHashSet();
                results[i] = results[i] with
                {
                    Findings = kept,
                    TotalIssues = results[i].IssueCount,
                    FoldedIssues = results[i].Findings.Select(f => f.Issue).Where(n => !keptIssues.Contains(n)).Distinct().Count(),
                    Reason = string.Create(CultureInfo.InvariantCulture, $"{moved} of its findings are listed under {string.Join(", ", ours.Rule.Definition.SameAs)} (the same check), carrying this rule's id"),
                };
            }
        }

        return results;
    }

    /// <summary>
    /// The variable a finding is about: its own, or, where a Value Check with Dataset Metadata reports the variable
    /// by name (output <c>variable_name</c>, as CORE-000356 does), the variable it names.
    /// </summary>
    private static string? NamedVariable(Finding f) =>
        string.Equals(f.Variable, "variable_name", StringComparison.OrdinalIgnoreCase) && f.Value is { Length: > 0 } named ? named : f.Variable;

    /// <summary>
    /// Lists at most <paramref name="max"/> issues per dataset (0: all), each with all its findings, and keeps the true
    /// totals and how many issues of each dataset were left out.
    /// </summary>
    private static RuleResult Cap(RuleResult r, int max)
    {
        var issues = r.IssueCount;
        var total = r.Findings.Count;
        if (max <= 0)
        {
            return r with { TotalFindings = total, TotalIssues = issues };
        }

        var perDataset = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var capped = new Dictionary<string, int>(StringComparer.Ordinal);
        var listed = new List<Finding>();
        foreach (var f in r.Findings)
        {
            var key = f.Dataset ?? "";
            if (!perDataset.TryGetValue(key, out var seen))
            {
                perDataset[key] = seen = [];
            }

            if (seen.Contains(f.Issue) || seen.Count < max)
            {
                seen.Add(f.Issue);
                listed.Add(f);
            }
            else if (seen.Add(-f.Issue - 1))
            {
                // A capped issue is counted once however many variables it shows.
                capped[key] = capped.GetValueOrDefault(key) + 1;
            }
        }

        return r with { Findings = listed, TotalFindings = total, TotalIssues = issues, Capped = capped };
    }
}

/// <summary>What every rule sees.</summary>
internal sealed record RunEnvironment(Package Package, StandardsLibrary Standards, string StandardsFolder, ValidationOptions Options)
{
    /// <summary>The package as CORE's rules see it (its SDTM datasets).</summary>
    public Study? Study { get; init; }

    /// <summary>The SDTM CT release the package is judged by.</summary>
    public ControlledTerminology? Terminology { get; init; }

    /// <summary>The standards the package is judged by.</summary>
    public JudgedBy? Judged { get; init; }
}

/// <summary>One run of one of our engine operations: parameters in, findings and status out.</summary>
internal sealed class RuleContext
{
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
        var usubjid = ds is not null && row is int r && ds.Has("USUBJID") ? ds.Text(r, "USUBJID") : null;
        Findings.Add(new Finding(Rule.Id, Rule.CoreId, Rule.P21Id, Rule.Severity, ds?.Name, variable, row + 1, string.IsNullOrEmpty(usubjid) ? null : usubjid,
            string.IsNullOrEmpty(value) ? null : value, message) { Issue = Findings.Count + 1 });
    }
}
