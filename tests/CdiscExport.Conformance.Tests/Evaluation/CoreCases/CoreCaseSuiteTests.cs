using System.Text;
using CdiscExport.Conformance.Rules;
using CdiscExport.Testing;

namespace CdiscExport.Conformance.Tests.Evaluation.CoreCases;

/// <summary>
/// Every test case CDISC publishes with its SDTMIG 3.4 rules, run through the shipped rules and compared with CORE's
/// own expected rows as a multiset of (dataset, record, variable, value). A case listed in KnownFailures.csv must
/// fail (with the reason written there); every other case must pass.
/// </summary>
public sealed class CoreCaseSuiteTests
{
    private static readonly Lazy<Dictionary<string, string>> Known = new(() =>
        File.ReadAllLines(RepositoryPaths.Get("tests", "CdiscExport.Conformance.Tests", "Evaluation", "CoreCases", "KnownFailures.csv"))
            .Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(',', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal));

    public static TheoryData<string> Published => new(CoreCase.All("rules").Where(c => c.HasBaseline).Select(c => c.Name));

    public static TheoryData<string> Deprecated => new(CoreCase.All("deprecated-rules").Where(c => c.HasBaseline).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Published))]
    public void PublishedCase_MatchesCoresExpectedRows(string name) => Check(name);

    [Theory]
    [MemberData(nameof(Deprecated))]
    public void DeprecatedCase_MatchesCoresExpectedRows(string name) => Check(name);

    private static void Check(string name)
    {
        var c = Find(name);
        var (passes, detail) = Compare(c);
        if (Known.Value.TryGetValue(name, out var reason))
        {
            passes.ShouldBeFalse($"{name} is listed in KnownFailures.csv ({reason}) but now passes: take it off the list");
        }
        else
        {
            passes.ShouldBeTrue(detail);
        }
    }

    internal static CoreCase Find(string name)
    {
        var parts = name.Split('/');
        return new CoreCase(parts[0], parts[1], parts[2], parts[3], Path.Combine(CoreCase.Root, parts[0], parts[1], parts[2], parts[3]));
    }

    internal static (bool Passes, string Detail) Compare(CoreCase c)
    {
        var expected = c.Expected();
        var (actual, run) = c.Actual();
        var want = expected.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        var got = actual.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        var missing = want.Where(kv => got.GetValueOrDefault(kv.Key) < kv.Value).Select(kv => kv.Key).ToList();
        var extra = got.Where(kv => want.GetValueOrDefault(kv.Key) < kv.Value).Select(kv => kv.Key).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return (true, "");
        }

        var sb = new StringBuilder();
        sb.Append(c.Name).Append(": status ").Append(run.Status).Append(run.Reason is null ? "" : " (" + run.Reason + ")")
          .Append(", expected ").Append(expected.Count).Append(" rows, got ").Append(actual.Count);
        foreach (var m in missing.Take(4))
        {
            sb.Append("\n  missing ").Append(m);
        }

        foreach (var e in extra.Take(4))
        {
            sb.Append("\n  extra   ").Append(e);
        }

        return (false, sb.ToString());
    }

    /// <summary>Writes every case's outcome to CORE_CASE_REPORT when set (a development aid; asserts nothing else).</summary>
    [Fact]
    public void Report_WhenAsked()
    {
        var path = Environment.GetEnvironmentVariable("CORE_CASE_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var sb = new StringBuilder();
        foreach (var folder in new[] { "rules", "deprecated-rules" })
        {
            foreach (var c in CoreCase.All(folder).Where(c => c.HasBaseline))
            {
                try
                {
                    var (ok, detail) = Compare(c);
                    sb.AppendLine(ok ? "PASS " + c.Name : "FAIL " + detail.Replace("\n", "\n     ", StringComparison.Ordinal));
                }
                catch (Exception e)
                {
                    sb.AppendLine("FAIL " + c.Name + ": exception " + e.GetType().Name + ": " + e.Message);
                }
            }
        }

        File.WriteAllText(path, sb.ToString());
        _ = RuleStatus.Passed;
    }
}
