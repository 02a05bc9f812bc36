using System.Text;

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

    /// <summary>The rule cannot run here (operation not built, dictionary not configured, ...); the reason says which.</summary>
    NotExecutable,

    /// <summary>The rule's operation failed; a defect of ours.</summary>
    ExecutionError,
}

/// <summary>One rule of the catalogue: our id, the public ids, scope, severity, texts, and the operation implementing it.</summary>
public sealed record Rule(
    string Id,
    string CoreId,
    string P21Id,
    string Scope,
    string Group,
    Severity Severity,
    string Operation,
    IReadOnlyDictionary<string, string> Parameters,
    string Message,
    string Description)
{
    /// <summary>Returns a copy with one parameter replaced (how a study overrides a rule's defaults).</summary>
    public Rule WithParameter(string key, string value)
    {
        var p = new Dictionary<string, string>(Parameters, StringComparer.OrdinalIgnoreCase) { [key] = value };
        return this with { Parameters = p };
    }
}

/// <summary>The rule catalogue, loaded from <c>specs/standards/conformance/rules.csv</c>.</summary>
public sealed class RuleCatalogue
{
    /// <summary>File name of the catalogue inside the standards folder.</summary>
    public const string RelativePath = "conformance/rules.csv";

    private RuleCatalogue(IReadOnlyList<Rule> rules) => Rules = rules;

    /// <summary>The rules, in catalogue order.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Loads the catalogue from a standards folder.</summary>
    public static RuleCatalogue Load(string standardsFolder) => LoadFile(Path.Combine(standardsFolder, RelativePath));

    /// <summary>Loads a catalogue file. Columns: id, core_id, p21_id, scope, group, severity, operation, parameters, message, description.</summary>
    public static RuleCatalogue LoadFile(string path)
    {
        var records = ParseCsv(File.ReadAllText(path));
        if (records.Count == 0)
        {
            throw new FormatException($"{path}: empty; the catalogue needs a header row.");
        }

        var header = records[0].Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        foreach (var col in new[] { "id", "core_id", "p21_id", "scope", "group", "severity", "operation", "parameters", "message", "description" })
        {
            if (!header.ContainsKey(col))
            {
                throw new FormatException($"{path}: column \"{col}\" is missing from the header.");
            }
        }

        var rules = new List<Rule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n < records.Count; n++)
        {
            var rec = records[n];
            string F(string col) => header[col] < rec.Count ? rec[header[col]] : "";
            var id = F("id");
            if (!seen.Add(id))
            {
                throw new FormatException($"{path} record {n + 1}: rule id \"{id}\" appears twice; every rule needs its own id.");
            }

            if (!Enum.TryParse<Severity>(F("severity"), true, out var severity))
            {
                throw new FormatException($"{path} record {n + 1}: severity \"{F("severity")}\" is not one of Reject, Error, Warning, Notice.");
            }

            rules.Add(new Rule(id, F("core_id"), F("p21_id"), F("scope"), F("group"), severity, F("operation"), ParseParameters(F("parameters")), F("message"), F("description")));
        }

        return new RuleCatalogue(rules);
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
            if (eq < 0)
            {
                d[part] = "true";
            }
            else
            {
                d[part[..eq].Trim()] = part[(eq + 1)..].Trim();
            }
        }

        return d;
    }
}
