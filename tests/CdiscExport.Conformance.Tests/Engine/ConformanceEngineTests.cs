using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Rules;
using CdiscExport.Testing;

namespace CdiscExport.Conformance.Tests.Engine;

/// <summary>A whole run of the engine: on the CDISC pilot package (SAS-written XPTs and CDISC's own define.xml) and on a small package.</summary>
public sealed class ConformanceEngineTests : IDisposable
{
    private static readonly string Pilot = Path.Combine(RepositoryPaths.Fixtures, "cdiscpilot01-sdtm");
    private readonly string temp = Directory.CreateTempSubdirectory("conf-engine-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    /// <remarks>How long the pilot takes is measured by the bench (<c>bench -- validate</c>, target 30 s), not here.</remarks>
    [Fact]
    public void Pilot_Validates_EveryRuleHasAStatus_AndStdtmigSchemaErrorIsReported()
    {
        var result = ConformanceEngine.Run([Pilot]);
        result.Rules.Count.ShouldBe(93 + 330);
        result.Rules.ShouldNotContain(r => r.Status == RuleStatus.ExecutionError, string.Join("; ", result.Rules.Where(r => r.Status == RuleStatus.ExecutionError).Select(r => r.Rule.Id + ": " + r.Reason)));
        result.Rules.Where(r => r.Status == RuleStatus.NotExecutable).ShouldAllBe(r => !string.IsNullOrEmpty(r.Reason));
        result.Findings.ShouldContain(f => f.Rule == "INT-DEF-001" && f.Message.Contains("STDTMIG"));
        result.Datasets.Single(d => d.Dataset == "LB").Records.ShouldBe(3488);
    }

    [Fact]
    public void Rows_AreOneBasedRecordNumbers()
    {
        var p = MiniPackage.Create();
        p["LB"].Set(2, "LBDY", 7);
        var root = p.Write(Path.Combine(temp, "rows"));
        var f = ConformanceEngine.Run([root]).Findings.Single(f => (f.Rule == "SD1086" || f.AlsoRule == "SD1086") && f.Variable == "LBDY");
        f.Row.ShouldBe(3);
        f.Usubjid.ShouldBe("S1-002");
    }
}
