using System.Text.Json;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Reports;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Review.Findings;

/// <summary>One rule as the review page lists it.</summary>
/// <param name="Id">The rule's id (CORE-NNNNNN or ours).</param>
/// <param name="P21Id">Its Pinnacle 21 id, or "".</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Status">Its status as the reports spell it (passed, issues, not_applicable, not_executable, execution_error).</param>
/// <param name="Issues">Issues in all (listed or capped).</param>
/// <param name="Message">The rule's message, or the first listed finding's when the source does not carry the rule's.</param>
/// <param name="Reason">Why it did not run, or ran partly; null when it ran.</param>
public sealed record ReviewRule(string Id, string P21Id, Severity Severity, string Status, int Issues, string Message, string? Reason);

/// <summary>One listed finding.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Severity">Severity.</param>
/// <param name="Dataset">Dataset name, or null for package-level findings.</param>
/// <param name="Variable">Variable, or null.</param>
/// <param name="Row">Record number (1-based) in the dataset's file, or null.</param>
/// <param name="Usubjid">Subject, or null.</param>
/// <param name="Value">Value shown, or null.</param>
/// <param name="Message">Message.</param>
public sealed record ReviewFinding(string Rule, Severity Severity, string? Dataset, string? Variable, long? Row, string? Usubjid, string? Value, string Message);

/// <summary>
/// The conformance findings the review page shows: the rules that ran with their status and counts, the listed
/// findings, and the true totals by severity. Built from a run held in memory (<see cref="FromResult"/>, as export and
/// <c>review</c> on a package without a report do) or read back from a <c>conformance.json</c> written by
/// <see cref="ConformanceReportWriter"/> (<see cref="ReadJson"/>).
/// </summary>
public sealed class ReviewFindings
{
    private ReviewFindings(string source, string? judgedBy, string statusLine, IReadOnlyDictionary<Severity, int> totals,
        IReadOnlyDictionary<string, IReadOnlyDictionary<Severity, int>> byDataset, IReadOnlyList<ReviewRule> rules, IReadOnlyList<ReviewFinding> findings)
    {
        Source = source;
        JudgedBy = judgedBy;
        StatusLine = statusLine;
        Totals = totals;
        ByDataset = byDataset;
        Rules = rules;
        Findings = findings;
    }

    /// <summary>Where the findings come from, in words (a run made for the page, or the report file read).</summary>
    public string Source { get; }

    /// <summary>The standards the run judged by, in words, or null when unknown.</summary>
    public string? JudgedBy { get; }

    /// <summary>How many rules ran, found issues, were out of scope or could not run.</summary>
    public string StatusLine { get; }

    /// <summary>Issues per severity, true totals (capped issues included).</summary>
    public IReadOnlyDictionary<Severity, int> Totals { get; }

    /// <summary>Issues per severity in each dataset, by dataset name; package-level issues under "".</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<Severity, int>> ByDataset { get; }

    /// <summary>Every rule of the run, in catalogue order.</summary>
    public IReadOnlyList<ReviewRule> Rules { get; }

    /// <summary>The listed findings, in rule order.</summary>
    public IReadOnlyList<ReviewFinding> Findings { get; }

    /// <summary>The findings of a run held in memory.</summary>
    /// <param name="result">The run.</param>
    /// <param name="source">Where it comes from, in words.</param>
    public static ReviewFindings FromResult(ConformanceResult result, string source)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rules = result.Rules.Select(r => new ReviewRule(r.Rule.Id, r.Rule.P21Id, r.Rule.Severity, ConformanceReportWriter.Name(r.Status),
            r.IssueCount, r.Rule.Message, r.Reason)).ToList();
        var findings = result.Findings.Select(f => new ReviewFinding(f.AlsoRule is null ? f.Rule : f.Rule + " / " + f.AlsoRule, f.Severity, f.Dataset,
            f.Variable, f.Row, f.Usubjid, f.Value, f.Message)).ToList();

        // Issues per dataset counted as the reports count them.
        return new ReviewFindings(source, JudgedByText(result.Judged), result.StatusLine(), result.IssuesBySeverity(), result.IssuesByDataset(), rules, findings);
    }

    /// <summary>Reads the findings back from a <c>conformance.json</c> report.</summary>
    /// <param name="path">The report.</param>
    /// <param name="source">Where it comes from, in words.</param>
    /// <exception cref="InvalidDataException">The file is not a conformance report of ours; the message names it.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReviewFindings ReadJson(string path, string source)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream);
            return FromJson(json.RootElement, source);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a conformance report written by cdisc-export ({e.Message}); delete it to have the rules run again.", e);
        }
    }

    private static ReviewFindings FromJson(JsonElement root, string source)
    {
        var header = root.GetProperty("header");
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        string? judged = null;
        if (Text(header, "standard") is { } standard)
        {
            judged = $"{standard} {Text(header, "version")} ({Text(header, "versionSource")}); CT {Text(header, "controlledTerminology") ?? "not named"}; define.xml {Text(header, "defineXml") ?? "none"}";
        }

        var summary = root.GetProperty("summary");
        var totals = Enum.GetValues<Severity>().ToDictionary(s => s, s => summary.GetProperty(ConformanceReportWriter.Name(s)).GetInt32());
        var byDataset = new Dictionary<string, Dictionary<Severity, int>>(StringComparer.Ordinal);
        foreach (var d in summary.GetProperty("datasets").EnumerateArray())
        {
            foreach (var s in Enum.GetValues<Severity>())
            {
                Count(byDataset, d.GetProperty("dataset").GetString(), s, d.GetProperty(ConformanceReportWriter.Name(s)).GetInt32());
            }
        }

        var findings = new List<ReviewFinding>();
        foreach (var f in root.GetProperty("findings").EnumerateArray())
        {
            var rule = Text(f, "rule")!;
            findings.Add(new ReviewFinding(Text(f, "alsoRule") is { } also ? rule + " / " + also : rule, ParseSeverity(Text(f, "severity")), Text(f, "dataset"),
                Text(f, "variable"), f.GetProperty("row").ValueKind == JsonValueKind.Number ? f.GetProperty("row").GetInt64() : null, Text(f, "usubjid"),
                Text(f, "value"), Text(f, "message") ?? ""));
        }

        // The report lists findings but not the rules' messages: a rule with findings shows its first one's.
        var firstMessage = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            firstMessage.TryAdd(f.Rule.Split(" / ")[0], f.Message);
        }

        var rules = root.GetProperty("rules").EnumerateArray().Select(r =>
        {
            var id = Text(r, "rule")!;
            return new ReviewRule(id, Text(r, "p21Id") ?? "", ParseSeverity(Text(r, "severity")), Text(r, "status") ?? "", r.GetProperty("issues").GetInt32(),
                firstMessage.GetValueOrDefault(id, ""), Text(r, "reason"));
        }).ToList();
        var statusLine = Text(header, "rulesRun") ?? $"{rules.Count} rules";
        return new ReviewFindings(source, judged, statusLine, totals, Freeze(byDataset), rules, findings);
    }

    private static Severity ParseSeverity(string? text) =>
        Enum.TryParse<Severity>(text, ignoreCase: true, out var s) ? s : throw new FormatException($"severity \"{text}\" is not reject, error, warning or notice");

    private static void Count(Dictionary<string, Dictionary<Severity, int>> counts, string? dataset, Severity severity, int n)
    {
        var key = dataset ?? "";
        if (!counts.TryGetValue(key, out var c))
        {
            counts[key] = c = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0);
        }

        c[severity] += n;
    }

    private static Dictionary<string, IReadOnlyDictionary<Severity, int>> Freeze(Dictionary<string, Dictionary<Severity, int>> counts) =>
        counts.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<Severity, int>)kv.Value, StringComparer.Ordinal);

    private static string? JudgedByText(JudgedBy? j) =>
        j is null ? null : $"{j.Standard} {j.Version} ({j.Source}); CT {j.ControlledTerminology ?? "not named"}; define.xml {j.DefineVersion ?? "none"}";
}
