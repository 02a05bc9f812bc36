namespace CdiscExport.Conformance.Language;

/// <summary>
/// One standard a rule cites under one authority, with the authority's rule ids for it (CDISC's CG ids, FDA's FB
/// ids, Pinnacle 21's ids for our own rules).
/// </summary>
/// <param name="Organization">CDISC, FDA, or the name the rule file gives (ours: CdiscExport).</param>
/// <param name="Standard">SDTMIG, SENDIG, TIG, ADaMIG, ...</param>
/// <param name="Version">The standard's version as written ("3.4").</param>
/// <param name="Substandard">TIG's substandard (SDTM, SEND, ADaM), or null.</param>
/// <param name="RuleIds">The rule ids this authority gives the rule for this standard.</param>
public sealed record RuleCitation(string Organization, string Standard, string Version, string? Substandard, IReadOnlyList<string> RuleIds);

/// <summary>An include list and an exclude list (of classes, domains or data structures); an empty include list means all.</summary>
public sealed record IncludeExclude(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    /// <summary>Nothing listed.</summary>
    public static IncludeExclude Empty { get; } = new([], []);
}

/// <summary>Which datasets a rule looks at.</summary>
/// <param name="Classes">SDTM observation classes (EVENTS, FINDINGS, ... or ALL).</param>
/// <param name="Domains">Domain or dataset names (ALL, and patterns such as SUPP--).</param>
/// <param name="IncludeSplitDatasets">CORE's <c>include_split_datasets</c>: true runs each split dataset on its own, false
/// leaves split datasets out, null (the default) runs a domain's splits together as one dataset.</param>
/// <param name="DataStructures">ADaM data structures (ADSL, BDS, OCCDS, OTHER), for ADaM rules.</param>
public sealed record RuleScope(IncludeExclude Classes, IncludeExclude Domains, bool? IncludeSplitDatasets, IncludeExclude DataStructures);

/// <summary>A node of a rule's <c>Check</c>: a tree of <c>all</c>/<c>any</c>/<c>not</c> over operator tests.</summary>
public abstract record Condition
{
    /// <summary>The tests of this tree, depth first.</summary>
    public abstract IEnumerable<Test> Tests();
}

/// <summary>True where every child is.</summary>
public sealed record AllOf(IReadOnlyList<Condition> Items) : Condition
{
    /// <inheritdoc/>
    public override IEnumerable<Test> Tests() => Items.SelectMany(i => i.Tests());
}

/// <summary>True where any child is.</summary>
public sealed record AnyOf(IReadOnlyList<Condition> Items) : Condition
{
    /// <inheritdoc/>
    public override IEnumerable<Test> Tests() => Items.SelectMany(i => i.Tests());
}

/// <summary>True where the child is not.</summary>
public sealed record NotOf(Condition Item) : Condition
{
    /// <inheritdoc/>
    public override IEnumerable<Test> Tests() => Item.Tests();
}

/// <summary>
/// A check the rule language cannot express, run as a named operation of the engine (our rules only): its name
/// and parameters, e.g. <c>operation: ig_required</c> with <c>datasets: SDTM</c>.
/// </summary>
/// <param name="Name">The operation (see <c>Operations/OperationRegistry</c>); several joined by '+' run in turn.</param>
/// <param name="Parameters">Its parameters as text; lists are written with '|'.</param>
public sealed record EngineOperation(string Name, IReadOnlyDictionary<string, string> Parameters) : Condition
{
    /// <inheritdoc/>
    public override IEnumerable<Test> Tests() => [];
}

/// <summary>
/// One operator test: <c>name</c> (the target variable, <c>--</c> standing for the domain prefix), <c>operator</c>,
/// and its parameters as written (<c>value</c>, <c>value_is_literal</c>, <c>prefix</c>, <c>within</c>, ...).
/// </summary>
/// <param name="Operator">The operator's name, e.g. <c>equal_to</c>.</param>
/// <param name="Name">The target, or null for operators without one.</param>
/// <param name="Parameters">Every other key of the test, values as read from YAML.</param>
/// <param name="Line">The line of the test in its rule file (1-based), for messages.</param>
public sealed record Test(string Operator, string? Name, IReadOnlyDictionary<string, object?> Parameters, int Line) : Condition
{
    /// <inheritdoc/>
    public override IEnumerable<Test> Tests() => [this];

    /// <summary>A parameter, or null when absent.</summary>
    public object? Param(string key) => Parameters.GetValueOrDefault(key);

    /// <summary>A boolean parameter; absent is <paramref name="fallback"/>.</summary>
    public bool Flag(string key, bool fallback = false) => Parameters.GetValueOrDefault(key) is bool b ? b : fallback;
}

/// <summary>One step of a rule's <c>Operations</c>: computes a column (<c>id</c>, e.g. <c>$distinct_visits</c>) before the check runs.</summary>
/// <param name="Id">The column the result goes to.</param>
/// <param name="Operator">The operation, e.g. <c>distinct</c>.</param>
/// <param name="Parameters">Every key of the step as read from YAML (<c>name</c>, <c>domain</c>, <c>group</c>, <c>filter</c>, ...).</param>
/// <param name="Line">The line of the step in its rule file.</param>
public sealed record OperationStep(string Id, string Operator, IReadOnlyDictionary<string, object?> Parameters, int Line)
{
    /// <summary>The <c>name</c> (target variable), or null.</summary>
    public string? Name => Parameters.GetValueOrDefault("name") as string;

    /// <summary>The <c>domain</c> the operation reads, or null for the dataset under evaluation.</summary>
    public string? Domain => Parameters.GetValueOrDefault("domain") as string;

    /// <summary>The <c>group</c> variables.</summary>
    public IReadOnlyList<string> Group => Parameters.GetValueOrDefault("group") is IEnumerable<object?> g ? g.Select(x => Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList() : [];

    /// <summary>The <c>filter</c> (variable to value), or empty.</summary>
    public IReadOnlyDictionary<string, object?> Filter => Parameters.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
}

/// <summary>A key of a <c>Match Datasets</c> join: the same name on both sides, or a left and a right name.</summary>
public sealed record MatchKey(string Left, string Right);

/// <summary>One dataset a rule joins to the one under evaluation (<c>Match Datasets</c>).</summary>
/// <param name="Name">The other dataset (a domain, SUPP--, RELREC, ...).</param>
/// <param name="Keys">The join keys.</param>
/// <param name="IsChild">CORE's <c>Child</c>: the dataset under evaluation is the child of the named one.</param>
/// <param name="Wildcard">The prefix that stands for the other dataset's domain in RELREC joins (default <c>**</c>).</param>
/// <param name="JoinType">inner (default) or left.</param>
public sealed record MatchDataset(string Name, IReadOnlyList<MatchKey> Keys, bool IsChild, string Wildcard, string JoinType);

/// <summary>What a rule reports: its message and the variables each finding shows.</summary>
public sealed record RuleOutcome(string Message, IReadOnlyList<string> OutputVariables);

/// <summary>
/// A conformance rule in CDISC CORE's rule language, as read from its YAML file: CORE's published rules unchanged,
/// and ours in the same language (with named operations of the engine where the language cannot express a check).
/// </summary>
public sealed record RuleDefinition
{
    /// <summary>The rule's id: CORE-NNNNNN for CORE's, our P21-style or INT- id for ours.</summary>
    public required string Id { get; init; }

    /// <summary>The file it was read from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Published, Deprecated (CORE moved it out of Published but its engine still runs it), or ours.</summary>
    public required string Status { get; init; }

    /// <summary>The standards it cites, with each authority's ids.</summary>
    public required IReadOnlyList<RuleCitation> Citations { get; init; }

    /// <summary>Record Data, Domain Presence Check, Dataset Metadata Check, Variable Metadata Check, ...</summary>
    public required string RuleType { get; init; }

    /// <summary>Record (one finding per record) or Dataset (one per dataset).</summary>
    public required string Sensitivity { get; init; }

    /// <summary>Fully Executable, Partially Executable, ...</summary>
    public required string Executability { get; init; }

    /// <summary>What the rule checks, in words.</summary>
    public required string Description { get; init; }

    /// <summary>Where it applies.</summary>
    public required RuleScope Scope { get; init; }

    /// <summary>The check tree; findings are the rows where it holds.</summary>
    public required Condition Check { get; init; }

    /// <summary>Columns computed before the check.</summary>
    public required IReadOnlyList<OperationStep> Operations { get; init; }

    /// <summary>Datasets joined before the check.</summary>
    public required IReadOnlyList<MatchDataset> MatchDatasets { get; init; }

    /// <summary>Message and output variables.</summary>
    public required RuleOutcome Outcome { get; init; }

    /// <summary>CORE's <c>Grouping_Variables</c> (Group sensitivity), or empty.</summary>
    public IReadOnlyList<string> GroupingVariables { get; init; } = [];

    /// <summary>Our rules only: the severity (CORE's rules carry none; theirs comes from the severity table).</summary>
    public string? Severity { get; init; }

    /// <summary>Our rules only: the Pinnacle 21 id of the check, when it has one.</summary>
    public string? P21Id { get; init; }

    /// <summary>Our rules only: the CORE rules that check the same thing; a finding of ours that one of them also
    /// raises (same dataset, record and variable) folds into theirs, which then carries both ids.</summary>
    public IReadOnlyList<string> SameAs { get; init; } = [];

    /// <summary>Our rules only: the topic the rule belongs to (structure/metadata, controlled terminology, ...).</summary>
    public string? Group { get; init; }

    /// <summary>Our rules only: where the rule applies, in words (the engine operation decides in code).</summary>
    public string? AppliesTo { get; init; }

    /// <summary>CDISC's conformance rule ids (CGnnnn).</summary>
    public IEnumerable<string> CdiscIds => Citations.Where(c => c.Organization == "CDISC").SelectMany(c => c.RuleIds).Distinct();

    /// <summary>FDA's business rule ids (FBnnnn).</summary>
    public IEnumerable<string> FdaIds => Citations.Where(c => c.Organization == "FDA").SelectMany(c => c.RuleIds).Distinct();

    /// <summary>Whether the rule cites <paramref name="standard"/> (e.g. SDTMIG) at <paramref name="version"/> (e.g. 3.3).</summary>
    public bool Cites(string standard, string version) =>
        Citations.Any(c => string.Equals(c.Standard, standard, StringComparison.OrdinalIgnoreCase) && c.Version == version);

    /// <summary>The versions of <paramref name="standard"/> the rule cites.</summary>
    public IEnumerable<string> VersionsOf(string standard) =>
        Citations.Where(c => string.Equals(c.Standard, standard, StringComparison.OrdinalIgnoreCase)).Select(c => c.Version).Distinct();
}
