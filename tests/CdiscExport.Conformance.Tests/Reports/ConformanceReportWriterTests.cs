using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Reports;
using CdiscExport.Testing;

namespace CdiscExport.Conformance.Tests.Reports;

/// <summary>The JSON, CSV and HTML reports of a run on the CDISC pilot package follow the contract.</summary>
public sealed class ConformanceReportWriterTests : IDisposable
{
    private static readonly string Pilot = Path.Combine(RepositoryPaths.Fixtures, "cdiscpilot01-sdtm");
    private readonly string temp = Directory.CreateTempSubdirectory("conf-reports-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Reports_FollowTheContract()
    {
        var result = ConformanceEngine.Run([Pilot]);
        var dir = Path.Combine(temp, "report");
        ConformanceReportWriter.Write(result, dir);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "conformance.json")));
        var root = json.RootElement;
        var summary = root.GetProperty("summary");
        foreach (var key in new[] { "reject", "error", "warning", "notice" })
        {
            summary.GetProperty(key).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Number);
        }

        summary.GetProperty("datasets")[0].EnumerateObject().Select(p => p.Name).ShouldBe(["dataset", "records", "reject", "error", "warning", "notice"]);
        var rules = root.GetProperty("rules");
        rules.GetArrayLength().ShouldBe(93 + 330);
        rules.EnumerateArray().Select(r => r.GetProperty("status").GetString()).ShouldAllBe(s => s == "passed" || s == "issues" || s == "not_applicable" || s == "not_executable" || s == "execution_error");
        var finding = root.GetProperty("findings")[0];
        finding.EnumerateObject().Select(p => p.Name).ShouldBe(["rule", "coreId", "p21Id", "alsoRule", "severity", "dataset", "variable", "row", "usubjid", "value", "message", "issue"]);
        var rowFinding = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("row").ValueKind == System.Text.Json.JsonValueKind.Number);
        rowFinding.GetProperty("row").GetInt64().ShouldBeGreaterThan(0);
        var csv = File.ReadAllLines(Path.Combine(dir, "conformance.csv"));
        csv[0].ShouldBe("rule,coreId,p21Id,alsoRule,severity,dataset,variable,row,usubjid,value,message,issue");
        csv.Length.ShouldBe(root.GetProperty("findings").GetArrayLength() + 1);
        var html = File.ReadAllText(Path.Combine(dir, "conformance.html"));
        html.ShouldContain("<h2>Dataset Summary</h2>");
        html.ShouldContain("<h2>Issue Summary</h2>");
        html.ShouldContain("<h2>Details</h2>");
        html.ShouldNotContain("<script");
    }
}
