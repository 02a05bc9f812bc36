using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CdiscExport.Conformance.Language;

/// <summary>A rule file that cannot be read: the file, the line and what is wrong.</summary>
public sealed class RuleFormatException(string path, int line, string message)
    : Exception($"{path}:{line}: {message}")
{
    /// <summary>The rule file.</summary>
    public string FilePath { get; } = path;

    /// <summary>The line (1-based), or 0 when the file as a whole is at fault.</summary>
    public int Line { get; } = line;
}

/// <summary>
/// Reads rules in CDISC CORE's YAML rule language. Plain scalars are typed as CORE's engine types them (PyYAML,
/// YAML 1.1): <c>1</c> is an integer, <c>1.5</c> a float, <c>true</c>/<c>yes</c>/<c>on</c> booleans, <c>~</c> and
/// <c>null</c> null; quoted scalars are always text. The distinction matters: <c>value: 1</c> never equals the
/// text "1" of a character variable.
/// </summary>
public static partial class RuleReader
{
    /// <summary>Reads one rule file (CORE's <c>rule.yml</c> layout).</summary>
    /// <exception cref="RuleFormatException">The file is not valid YAML or lacks what a rule needs.</exception>
    public static RuleDefinition ReadFile(string path) => Read(File.ReadAllText(path), path);

    /// <summary>Reads every rule document of <paramref name="yaml"/> (one or more, separated by <c>---</c>).</summary>
    public static IReadOnlyList<RuleDefinition> ReadAll(string yaml, string path)
    {
        var stream = Load(yaml, path);
        return stream.Documents.Select(d => FromRoot(d.RootNode, path)).ToList();
    }

    /// <summary>Reads the single rule document of <paramref name="yaml"/>.</summary>
    public static RuleDefinition Read(string yaml, string path)
    {
        var stream = Load(yaml, path);
        if (stream.Documents.Count != 1)
        {
            throw new RuleFormatException(path, 0, $"expected one rule document, found {stream.Documents.Count}");
        }

        return FromRoot(stream.Documents[0].RootNode, path);
    }

    private static YamlStream Load(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new RuleFormatException(path, (int)e.Start.Line, "not valid YAML: " + e.Message);
        }

        return stream;
    }

    private static RuleDefinition FromRoot(YamlNode root, string path)
    {
        if (root is not YamlMappingNode map)
        {
            throw new RuleFormatException(path, Line(root), "a rule is a mapping of keys (Core, Check, Outcome, ...)");
        }

        var core = Map(map, "Core", path) ?? throw new RuleFormatException(path, Line(map), "Core is missing");
        var id = Text(core, "Id", path) ?? throw new RuleFormatException(path, Line(map), "Core: Id is missing");
        var scope = Map(map, "Scope", path);
        var outcome = Map(map, "Outcome", path) ?? throw new RuleFormatException(path, Line(map), "Outcome is missing");
        var checkNode = Child(map, "Check") ?? throw new RuleFormatException(path, Line(map), "Check is missing");

        return new RuleDefinition
        {
            Id = id,
            SourcePath = path,
            Status = Text(core, "Status", path) ?? "",
            Citations = Citations(Child(map, "Authorities"), path),
            RuleType = Text(map, "Rule Type", path) ?? "Record Data",
            Sensitivity = Text(map, "Sensitivity", path) ?? "Record",
            Executability = Text(map, "Executability", path) ?? "",
            Description = Text(map, "Description", path) ?? "",
            Scope = new RuleScope(
                IncludeExcludeOf(scope is null ? null : Map(scope, "Classes", path), path),
                IncludeExcludeOf(scope is null ? null : Map(scope, "Domains", path), path),
                scope is not null && Map(scope, "Domains", path) is { } domains && Child(domains, "include_split_datasets") is YamlScalarNode split
                    ? Scalar(split) as bool? : null,
                IncludeExcludeOf(scope is null ? null : Map(scope, "Data Structures", path), path)),
            Check = ConditionOf(checkNode, path),
            Operations = (Child(map, "Operations") as YamlSequenceNode)?.Children.Select(n => OperationOf(n, path)).ToList() ?? [],
            MatchDatasets = (Child(map, "Match Datasets") as YamlSequenceNode)?.Children.Select(n => MatchOf(n, path)).ToList() ?? [],
            Outcome = new RuleOutcome(Text(outcome, "Message", path) ?? "", Strings(Child(outcome, "Output Variables"))),
            GroupingVariables = Strings(Child(map, "Grouping_Variables")),
            Severity = Text(map, "Severity", path),
            P21Id = Text(map, "P21 Id", path),
            SameAs = Strings(Child(map, "Same As")),
            Group = scope is null ? null : Text(scope, "Group", path),
            AppliesTo = scope is null ? null : Text(scope, "Applies To", path),
        };
    }

    private static List<RuleCitation> Citations(YamlNode? node, string path)
    {
        var result = new List<RuleCitation>();
        if (node is not YamlSequenceNode authorities)
        {
            return result;
        }

        foreach (var authority in authorities.Children.OfType<YamlMappingNode>())
        {
            var organization = Text(authority, "Organization", path) ?? "";
            foreach (var standard in (Child(authority, "Standards") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
            {
                var ids = new List<string>();
                foreach (var reference in (Child(standard, "References") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
                {
                    if (Child(reference, "Rule Identifier") is YamlMappingNode ruleId && Text(ruleId, "Id", path) is { } rid)
                    {
                        ids.Add(rid);
                    }
                }

                result.Add(new RuleCitation(organization, Text(standard, "Name", path) ?? "", Text(standard, "Version", path) ?? "",
                    Text(standard, "Substandard", path), ids));
            }
        }

        return result;
    }

    private static IncludeExclude IncludeExcludeOf(YamlMappingNode? node, string path) =>
        node is null ? IncludeExclude.Empty : new IncludeExclude(Strings(Child(node, "Include")), Strings(Child(node, "Exclude")));

    private static Condition ConditionOf(YamlNode node, string path)
    {
        if (node is not YamlMappingNode map)
        {
            throw new RuleFormatException(path, Line(node), "a check is a mapping: all, any, not, or an operator test");
        }

        // Our named operations: operation: name, parameters: { key: value }.
        if (Child(map, "operation") is YamlScalarNode operation)
        {
            var arguments = Child(map, "parameters") is YamlMappingNode p
                ? p.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => (kv.Value as YamlScalarNode)?.Value ?? "", StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            return new EngineOperation(operation.Value ?? "", arguments);
        }

        // A node with all/any/not is a branch; CORE reads "all" and "any" both when both are present and joins them.
        var branches = new List<Condition>();
        if (Child(map, "all") is { } all)
        {
            branches.Add(new AllOf(Sequence(all, path).Select(n => ConditionOf(n, path)).ToList()));
        }

        if (Child(map, "any") is { } any)
        {
            branches.Add(new AnyOf(Sequence(any, path).Select(n => ConditionOf(n, path)).ToList()));
        }

        if (Child(map, "not") is { } not)
        {
            branches.Add(new NotOf(ConditionOf(not, path)));
        }

        if (branches.Count > 0)
        {
            return branches.Count == 1 ? branches[0] : new AllOf(branches);
        }

        var op = Text(map, "operator", path) ?? throw new RuleFormatException(path, Line(map), "a test needs an operator");
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            if (key is not ("operator" or "name"))
            {
                parameters[key] = ToObject(v);
            }
        }

        return new Test(op, Text(map, "name", path), parameters, Line(map));
    }

    private static OperationStep OperationOf(YamlNode node, string path)
    {
        if (node is not YamlMappingNode map)
        {
            throw new RuleFormatException(path, Line(node), "an operation is a mapping with id and operator");
        }

        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            parameters[((YamlScalarNode)k).Value ?? ""] = ToObject(v);
        }

        return new OperationStep(
            Text(map, "id", path) ?? throw new RuleFormatException(path, Line(map), "an operation needs an id"),
            Text(map, "operator", path) ?? throw new RuleFormatException(path, Line(map), "an operation needs an operator"),
            parameters, Line(map));
    }

    private static MatchDataset MatchOf(YamlNode node, string path)
    {
        if (node is not YamlMappingNode map)
        {
            throw new RuleFormatException(path, Line(node), "a Match Datasets entry is a mapping with Name and Keys");
        }

        var keys = new List<MatchKey>();
        foreach (var key in (Child(map, "Keys") as YamlSequenceNode)?.Children ?? [])
        {
            if (key is YamlScalarNode s)
            {
                keys.Add(new MatchKey(s.Value ?? "", s.Value ?? ""));
            }
            else if (key is YamlMappingNode m)
            {
                var pairs = m.Children.ToDictionary(kv => (((YamlScalarNode)kv.Key).Value ?? "").ToLowerInvariant(), kv => (kv.Value as YamlScalarNode)?.Value ?? "");
                keys.Add(new MatchKey(pairs.GetValueOrDefault("left", ""), pairs.GetValueOrDefault("right", "")));
            }
        }

        return new MatchDataset(
            Text(map, "Name", path) ?? throw new RuleFormatException(path, Line(map), "a Match Datasets entry needs a Name"),
            keys,
            Child(map, "Child") is YamlScalarNode c && Scalar(c) is true,
            Text(map, "Wildcard", path) ?? "**",
            Text(map, "Join Type", path) ?? "inner");
    }

    /// <summary>A YAML node as CORE's engine would see it: string, long, double, bool, null, list or map.</summary>
    internal static object? ToObject(YamlNode node) => node switch
    {
        YamlScalarNode s => Scalar(s),
        YamlSequenceNode seq => seq.Children.Select(ToObject).ToList(),
        YamlMappingNode m => m.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => ToObject(kv.Value), StringComparer.Ordinal) as IReadOnlyDictionary<string, object?>,
        _ => null,
    };

    /// <summary>PyYAML's resolution of a scalar (YAML 1.1 core types); quoted and block scalars stay text.</summary>
    internal static object? Scalar(YamlScalarNode s)
    {
        var v = s.Value ?? "";
        if (s.Style != ScalarStyle.Plain)
        {
            return v;
        }

        if (v is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (v is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON")
        {
            return true;
        }

        if (v is "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF")
        {
            return false;
        }

        if (IntPattern().IsMatch(v) && long.TryParse(v.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        if (FloatPattern().IsMatch(v) && double.TryParse(v.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        return v;
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_]*)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$")]
    private static partial Regex FloatPattern();

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static YamlMappingNode? Map(YamlMappingNode map, string key, string path) => Child(map, key) switch
    {
        null => null,
        YamlMappingNode m => m,
        YamlScalarNode { Value: null or "" } => null,
        var other => throw new RuleFormatException(path, Line(other), $"{key} must be a mapping"),
    };

    private static string? Text(YamlMappingNode map, string key, string path) => Child(map, key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        var other => throw new RuleFormatException(path, Line(other), $"{key} must be a single value"),
    };

    private static IEnumerable<YamlNode> Sequence(YamlNode node, string path) =>
        node as YamlSequenceNode ?? throw new RuleFormatException(path, Line(node), "all and any take a list of checks");

    private static List<string> Strings(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        YamlScalarNode { Value: { Length: > 0 } v } => [v],
        _ => [],
    };

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
