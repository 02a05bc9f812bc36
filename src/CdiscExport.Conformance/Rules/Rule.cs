using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Rules;

/// <summary>How bad a finding is, worst first.</summary>
public enum Severity
{
    /// <summary>FDA technical rejection.</summary>
    Reject = 0,

    /// <summary>Must be fixed or explained.</summary>
    Error = 1,

    /// <summary>Should be reviewed.</summary>
    Warning = 2,

    /// <summary>Informational.</summary>
    Notice = 3,
}

/// <summary>The outcome of running one rule.</summary>
public enum RuleStatus
{
    /// <summary>Ran on data in scope and found nothing.</summary>
    Passed,

    /// <summary>Ran and found at least one finding.</summary>
    Issues,

    /// <summary>Nothing in the package is in the rule's scope.</summary>
    NotApplicable,

    /// <summary>The rule cannot run here (content not shipped, dictionary not configured, ...); the reason says which.</summary>
    NotExecutable,

    /// <summary>The rule's evaluation failed; the reason holds the error.</summary>
    ExecutionError,
}

/// <summary>Where a rule comes from.</summary>
public enum RuleOrigin
{
    /// <summary>Ours: checks CORE does not publish (define.xml, ADaM, the study's response criteria, P21's checks).</summary>
    Ours,

    /// <summary>CDISC CORE's published rules, run as published.</summary>
    Core,

    /// <summary>Rules CDISC moved to Deprecated that its engine still runs; run on request.</summary>
    CoreDeprecated,
}

/// <summary>
/// One rule of the catalogue: its definition in CORE's rule language, where it comes from, and what the rule
/// language has no field for: the severity (with its basis) and the Pinnacle 21 id of the check.
/// </summary>
public sealed record Rule
{
    /// <summary>The rule as read from its YAML file.</summary>
    public required RuleDefinition Definition { get; init; }

    /// <summary>Ours, CORE's published, or CORE's deprecated.</summary>
    public required RuleOrigin Origin { get; init; }

    /// <summary>How bad its findings are.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Why that severity (our rule file; the Pinnacle 21 rule it stands for; no counterpart).</summary>
    public required string SeverityBasis { get; init; }

    /// <summary>The one Pinnacle 21 rule id of the check, or "" when P21 has none.</summary>
    public required string P21Id { get; init; }

    /// <summary>Parameters of an engine operation (ours), after a study's overrides.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rule's id (CORE-NNNNNN, or ours).</summary>
    public string Id => Definition.Id;

    /// <summary>For CORE's rules their id; for ours "".</summary>
    public string CoreId => Origin == RuleOrigin.Ours ? "" : Id;

    /// <summary>CDISC's conformance rule ids (CGnnnn), comma-separated.</summary>
    public string CdiscIds => string.Join(", ", Definition.CdiscIds);

    /// <summary>FDA's business rule ids (FBnnnn), comma-separated.</summary>
    public string FdaIds => string.Join(", ", Definition.FdaIds);

    /// <summary>The engine operation(s) of one of our rules, or "core" for a rule in CORE's language.</summary>
    public string Operation => Definition.Check is EngineOperation op ? op.Name : "core";

    /// <summary>The message of its findings.</summary>
    public string Message => Definition.Outcome.Message;

    /// <summary>What it checks.</summary>
    public string Description => Definition.Description;

    /// <summary>Where it applies, in words.</summary>
    public string Scope => Definition.AppliesTo ?? string.Join(", ", Definition.Scope.Domains.Include.DefaultIfEmpty("ALL"));

    /// <summary>The topic it belongs to.</summary>
    public string Group => Definition.Group ?? Definition.RuleType;

    /// <summary>Whether <paramref name="id"/> names this rule: its own id, a CDISC or FDA id, or its P21 id.</summary>
    public bool IsNamed(string id) =>
        string.Equals(id, Id, StringComparison.OrdinalIgnoreCase) || string.Equals(id, P21Id, StringComparison.OrdinalIgnoreCase) ||
        Definition.CdiscIds.Contains(id, StringComparer.OrdinalIgnoreCase) || Definition.FdaIds.Contains(id, StringComparer.OrdinalIgnoreCase) ||
        Definition.Citations.Where(c => c.Organization == "Pinnacle 21").SelectMany(c => c.RuleIds).Contains(id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns a copy with one parameter replaced (how a study overrides a rule's defaults).</summary>
    public Rule WithParameter(string key, string value)
    {
        var p = new Dictionary<string, string>(Parameters, StringComparer.OrdinalIgnoreCase) { [key] = value };
        return this with { Parameters = p };
    }
}

/// <summary>
/// The rule catalogue: our rules (<c>conformance/rules/*.yml</c>), CDISC CORE's published rules
/// (<c>conformance/core-rules/published</c>) and, on request, its deprecated ones, with the severities of CORE's
/// rules from <c>conformance/core-severity.csv</c>.
/// </summary>
internal sealed class RuleCatalogue
{
    /// <summary>Folder of our rules inside the standards folder.</summary>
    public const string OursFolder = "conformance/rules";

    /// <summary>Folder of CORE's published rules.</summary>
    public const string CoreFolder = "conformance/core-rules/published";

    /// <summary>Folder of CORE's deprecated rules.</summary>
    public const string DeprecatedFolder = "conformance/core-rules/deprecated";

    /// <summary>The severity table of CORE's rules.</summary>
    public const string SeverityTable = "conformance/core-severity.csv";

    private RuleCatalogue(IReadOnlyList<Rule> rules) => Rules = rules;

    /// <summary>The rules: ours first, then CORE's, each by id.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Loads the catalogue from a standards folder.</summary>
    /// <exception cref="RuleFormatException">A rule file is malformed (file and line in the message).</exception>
    public static RuleCatalogue Load(string standardsFolder, bool includeDeprecated = false)
    {
        var severities = LoadSeverities(Path.Combine(standardsFolder, SeverityTable));
        var rules = new List<Rule>();
        foreach (var d in ReadFiles(Path.Combine(standardsFolder, OursFolder)))
        {
            var path = d.SourcePath;
            if (!Enum.TryParse<Severity>(d.Severity, true, out var severity))
            {
                throw new RuleFormatException(path, 0, $"Severity \"{d.Severity}\" is not one of Reject, Error, Warning, Notice");
            }

            rules.Add(new Rule
            {
                Definition = d,
                Origin = RuleOrigin.Ours,
                Severity = severity,
                SeverityBasis = "our rule file",
                P21Id = d.P21Id ?? "",
                Parameters = d.Check is EngineOperation op ? op.Parameters : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            });
        }

        void AddCore(string folder, RuleOrigin origin)
        {
            foreach (var d in ReadFiles(Path.Combine(standardsFolder, folder)))
            {
                var (p21, severity, basis) = severities.GetValueOrDefault(d.Id, ("", Severity.Warning, "no entry in the severity table"));
                rules.Add(new Rule { Definition = d, Origin = origin, Severity = severity, SeverityBasis = basis, P21Id = p21 });
            }
        }

        AddCore(CoreFolder, RuleOrigin.Core);
        if (includeDeprecated)
        {
            AddCore(DeprecatedFolder, RuleOrigin.CoreDeprecated);
        }

        var duplicate = rules.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleFormatException(duplicate.Last().Definition.SourcePath, 0, $"rule id {duplicate.Key} appears twice; every rule needs its own id");
        }

        return new RuleCatalogue(rules);
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal) : [];

    /// <summary>
    /// The rule files of a folder in file-name order, parsed in parallel (reading 500 rules is a third of a second
    /// on one core); when files are malformed, the error of the first of them by name is the one thrown.
    /// </summary>
    private static RuleDefinition[] ReadFiles(string folder)
    {
        var paths = Files(folder).ToArray();
        var read = new RuleDefinition[paths.Length];
        var errors = new Exception?[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            try
            {
                read[i] = RuleReader.ReadFile(paths[i]);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }

        return read;
    }

    private static Dictionary<string, (string P21, Severity Severity, string Basis)> LoadSeverities(string path)
    {
        var result = new Dictionary<string, (string, Severity, string)>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return result;
        }

        var records = ParseCsv(File.ReadAllText(path));
        for (var n = 1; n < records.Count; n++)
        {
            var r = records[n];
            if (r.Count < 4)
            {
                continue;
            }

            if (!Enum.TryParse<Severity>(r[2], true, out var severity))
            {
                throw new RuleFormatException(path, n + 1, $"severity \"{r[2]}\" is not one of Reject, Error, Warning, Notice");
            }

            var basis = r[1].Length > 0 ? $"Pinnacle 21 {r[1]} ({r[3]})" : r[3];
            result[r[0]] = (r[1], severity, basis);
        }

        return result;
    }

    /// <summary>RFC 4180 records (quoted fields may hold commas, quotes and line breaks), read with CsvHelper.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        using var reader = CsvHelper.CsvReader.FromText(text, CsvHelper.CsvReaderOptions.Default with { Separator = ',', HasHeader = false });
        while (reader.Read())
        {
            var record = new List<string>(reader.FieldCount);
            for (var f = 0; f < reader.FieldCount; f++)
            {
                record.Add(reader.GetString(f));
            }

            records.Add(record);
        }

        return records;
    }

    /// <summary>Parses <c>key=value; key=value</c>.</summary>
    public static IReadOnlyDictionary<string, string> ParseParameters(string text)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            d[eq < 0 ? part : part[..eq].Trim()] = eq < 0 ? "true" : part[(eq + 1)..].Trim();
        }

        return d;
    }
}
