using System.Text;
using CdiscExport.Testing;

namespace CdiscExport.Conformance.Tests.Rules;

/// <summary>
/// docs/p21-coverage.csv (written by specs/standards/conformance/p21-coverage.py) against its sources: one row per
/// P21 rule id of the crosswalk and configuration, a reason wherever a rule is not fully covered, and only rule ids
/// that exist, as shipped CORE YAML or as our rule files.
/// </summary>
public sealed class P21CoverageTests
{
    private static readonly string Conformance = RepositoryPaths.Get("specs", "standards", "conformance");

    private static readonly Lazy<List<Dictionary<string, string>>> Coverage = new(() => ReadCsv(RepositoryPaths.Get("docs", "p21-coverage.csv"), ','));

    private static readonly Lazy<List<Dictionary<string, string>>> Crosswalk = new(() => ReadCsv(Path.Combine(Conformance, "p21-core-crosswalk.tsv"), '\t'));

    [Fact]
    public void EveryCrosswalkId_AppearsExactlyOncePerStandard()
    {
        // The crosswalk names configurations "SDTM-IG 3.4 (FDA)"; the coverage table "SDTM-IG 3.4".
        var expected = Crosswalk.Value.Select(r => (Standard: r["standard_config"].Replace(" (FDA)", "", StringComparison.Ordinal), Id: r["p21_id"])).ToList();
        var actual = Coverage.Value.Select(r => (Standard: r["standard"], Id: r["p21_id"])).ToList();

        actual.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => $"{g.Key.Standard} {g.Key.Id}").ShouldBeEmpty("rows listed more than once");
        expected.Except(actual).Select(k => $"{k.Standard} {k.Id}").ShouldBeEmpty("crosswalk ids without a row");
        actual.Except(expected).Select(k => $"{k.Standard} {k.Id}").ShouldBeEmpty("rows for ids not in the crosswalk");
        expected.Select(k => k.Standard).Distinct().Order(StringComparer.Ordinal).ShouldBe(["ADaM-IG 1.3", "SDTM-IG 3.4"]);
    }

    [Fact]
    public void Status_IsOneOfThree_AndAgreesWithCoveredBy()
    {
        var bad = Coverage.Value.Where(r => r["status"] switch
        {
            "covered" or "covered_not_executable" => r["covered_by"].Length == 0,
            "not_covered" => r["covered_by"].Length > 0,
            _ => true,
        });

        bad.Select(r => $"{r["standard"]} {r["p21_id"]}: status '{r["status"]}', covered_by '{r["covered_by"]}'").ShouldBeEmpty();
    }

    [Fact]
    public void RowsNotFullyCovered_GiveAReason()
    {
        var silent = Coverage.Value.Where(r => r["status"] is ("not_covered" or "covered_not_executable") && (r["reason"].Trim().Length == 0 || r["reason_category"].Trim().Length == 0));

        silent.Select(r => $"{r["standard"]} {r["p21_id"]} ({r["status"]})").ShouldBeEmpty();
    }

    [Fact]
    public void CoveredBy_NamesOnlyShippedCoreRulesAndOurRuleFiles()
    {
        var shipped = new[] { "published", "deprecated" }
            .SelectMany(f => Directory.GetFiles(Path.Combine(Conformance, "core-rules", f), "CORE-*.yml"))
            .Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal);
        var ours = Directory.GetFiles(Path.Combine(Conformance, "rules"), "*.yml").Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal);
        shipped.ShouldNotBeEmpty();

        // A CORE-nnnnnn id is a shipped CORE rule; any other id is one of ours (rules/<id>.yml).
        var unknown = Coverage.Value
            .SelectMany(r => r["covered_by"].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(id => (Row: r, Id: id)))
            .Where(x => !ours.Contains(x.Id) && !(x.Id.StartsWith("CORE-", StringComparison.Ordinal) && shipped.Contains(x.Id)));

        unknown.Select(x => $"{x.Row["standard"]} {x.Row["p21_id"]}: {x.Id}").ShouldBeEmpty();
    }

    /// <summary>Reads a delimited file with a header row; fields may be quoted ("" for a quote inside).</summary>
    private static List<Dictionary<string, string>> ReadCsv(string path, char delimiter)
    {
        var records = ParseRecords(File.ReadAllText(path), delimiter).Where(f => f.Count > 1 || f[0].Length > 0).ToList();
        var header = records[0];
        return records.Skip(1).Select(fields =>
        {
            fields.Count.ShouldBe(header.Count, $"{Path.GetFileName(path)}: a record has {fields.Count} fields, the header {header.Count}");
            return header.Select((name, i) => (name, value: fields[i])).ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal);
        }).ToList();
    }

    private static IEnumerable<List<string>> ParseRecords(string text, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
