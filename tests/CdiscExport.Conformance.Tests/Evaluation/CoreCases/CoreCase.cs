using System.Globalization;
using System.Text.RegularExpressions;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Evaluation;
using CdiscExport.Conformance.Language;
using CdiscExport.Conformance.Rules;
using CdiscExport.Core.Standards;
using CdiscExport.Testing;

namespace CdiscExport.Conformance.Tests.Evaluation.CoreCases;

/// <summary>
/// One test case of CDISC CORE's published rules (<c>tests/fixtures/core-rules-sdtmig34</c>): a folder in CORE's
/// test-data layout and the rows CORE's engine reported for it (<c>results/results.csv</c>).
/// </summary>
public sealed partial record CoreCase(string Folder, string RuleId, string Kind, string Number, string CasePath)
{
    public static readonly string Root = Path.Combine(RepositoryPaths.Fixtures, "core-rules-sdtmig34");

    /// <summary>"rules/CORE-000001/negative/01".</summary>
    public string Name => $"{Folder}/{RuleId}/{Kind}/{Number}";

    public string ResultsPath => Path.Combine(CasePath, "results", "results.csv");

    public bool HasBaseline => File.Exists(ResultsPath);

    /// <summary>Every case of the rules in <paramref name="folder"/> (rules or deprecated-rules).</summary>
    public static IEnumerable<CoreCase> All(string folder) =>
        Directory.EnumerateDirectories(Path.Combine(Root, folder), "CORE-*").Order(StringComparer.Ordinal)
            .SelectMany(rule => new[] { "negative", "positive" }.SelectMany(kind =>
                Directory.Exists(Path.Combine(rule, kind))
                    ? Directory.EnumerateDirectories(Path.Combine(rule, kind)).Order(StringComparer.Ordinal)
                        .Select(c => new CoreCase(folder, Path.GetFileName(rule), kind, Path.GetFileName(c), c))
                    : []));

    /// <summary>The shipped rule file for this case's rule.</summary>
    public string ShippedRulePath => Path.Combine(RepositoryPaths.Specs, "standards", "conformance", "core-rules",
        Folder == "rules" ? "published" : "deprecated", RuleId + ".yml");

    /// <summary>CORE's expected rows, normalised.</summary>
    public List<Row> Expected()
    {
        var rows = RuleCatalogue.ParseCsv(File.ReadAllText(ResultsPath).TrimStart('\uFEFF'));
        return rows.Skip(1).Where(r => r.Count >= 3).Select(r => Row.Of(r[0], r[1], r[2], r.Count > 3 ? r[3] : "")).ToList();
    }

    /// <summary>Runs the shipped rule on the case's data as `validate --rule` does and returns our rows.</summary>
    internal (List<Row> Rows, RuleRun Run) Actual()
    {
        var data = Path.Combine(CasePath, "data");
        var rule = RuleReader.ReadFile(ShippedRulePath);
        var package = CoreTestDataPackage.Load(data);
        var env = CoreTestDataPackage.ReadEnvironment(data);
        // The study as the engine builds it: SDTMIG 3.4's metadata, the nearest for older versions; SENDIG gets none.
        var study = Study.ForStandard(package, Guide.Value, env.Product, env.Product.ToUpperInvariant(), env.Version);
        var run = RuleRunner.Run(rule, study);
        var rows = new List<Row>();
        foreach (var issue in run.Issues)
        {
            foreach (var (variable, value) in issue.Values)
            {
                rows.Add(Row.Of(issue.Dataset, issue.Record?.ToString(CultureInfo.InvariantCulture) ?? "", variable, value.ToString()));
            }
        }

        if (run.Status == RuleStatus.ExecutionError)
        {
            rows.Add(Row.Of("", "", "EXECUTION_ERROR", ""));
        }

        return (rows, run);
    }

    private static readonly Lazy<ImplementationGuide> Guide = new(() =>
        StandardsLibrary.Load(Path.Combine(RepositoryPaths.Specs, "standards")).Sdtmig);

    public override string ToString() => Name;

    /// <summary>One reported (dataset, record, variable, value), the value normalised: numbers by value, lists by their items.</summary>
    public sealed record Row(string Dataset, string Record, string Variable, string Value)
    {
        /// <summary>A row; an EXECUTION_ERROR row keeps neither dataset nor message (their wording is the engine's own).</summary>
        public static Row Of(string dataset, string record, string variable, string value) =>
            variable == "EXECUTION_ERROR"
                ? new("", "", variable, "")
                : new(dataset.Trim().ToUpperInvariant(), RecordText(record), variable.Trim().ToUpperInvariant(), Normalise(value));

        private static string RecordText(string r) =>
            double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? ((long)d).ToString(CultureInfo.InvariantCulture) : r.Trim();

        /// <summary>"1.0" and "1" alike; "['A', 'B']" and "['B', 'A']" alike (CORE builds lists from sets).</summary>
        public static string Normalise(string v)
        {
            var s = v.Trim();
            if (s is "null" or "None" or "nan")
            {
                return "";
            }

            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                return d.ToString("R", CultureInfo.InvariantCulture);
            }

            if (s.StartsWith('[') && s.EndsWith(']'))
            {
                return "[" + string.Join(", ", ListItems(s[1..^1]).Select(Normalise).Order(StringComparer.Ordinal)) + "]";
            }

            return s;
        }
    }

    /// <summary>The items of a Python list's repr (without its brackets): quoted texts unquoted, other tokens as written.</summary>
    private static IEnumerable<string> ListItems(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == ','))
            {
                i++;
            }

            if (i >= s.Length)
            {
                yield break;
            }

            if (s[i] is '\'' or '"')
            {
                var quote = s[i++];
                var sb = new System.Text.StringBuilder();
                while (i < s.Length && s[i] != quote)
                {
                    if (s[i] == '\\' && i + 1 < s.Length)
                    {
                        i++;
                    }

                    sb.Append(s[i++]);
                }

                i++;
                yield return sb.ToString();
            }
            else
            {
                var start = i;
                while (i < s.Length && s[i] != ',')
                {
                    i++;
                }

                yield return s[start..i].Trim();
            }
        }
    }
}
