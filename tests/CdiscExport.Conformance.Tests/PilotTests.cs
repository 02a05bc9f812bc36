using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Reports;
using CdiscExport.Conformance.Rules;
using CdiscExport.Testing;

namespace CdiscExport.Conformance.Tests;

/// <summary>The CDISC pilot package (SAS-written XPTs and CDISC's own define.xml), and define.xml rules on copies of it.</summary>
public sealed class PilotTests : IDisposable
{
    private static readonly string Pilot = Path.Combine(RepositoryPaths.Fixtures, "cdiscpilot01-sdtm");
    private readonly string temp = Directory.CreateTempSubdirectory("conf-pilot-").FullName;

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

    /// <summary>Copies the pilot's top-level XPTs and an edited define.xml into a temp folder.</summary>
    private string Copy(string name, Func<string, string>? editDefine = null)
    {
        var dir = Path.Combine(temp, name);
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.EnumerateFiles(Pilot, "*.xpt"))
        {
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        }

        var define = File.ReadAllText(Path.Combine(Pilot, "define.xml"));
        define = define.Replace("Name=\"STDTMIG\"", "Name=\"SDTMIG\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "define.xml"), editDefine is null ? define : editDefine(define));
        return dir;
    }

    private static RuleResult Rule(string folder, string id) => ConformanceEngine.Run([folder]).Rules.Single(r => r.Rule.Id == id);

    public static TheoryData<string, string, string, string> DefineCases => new()
    {
        { "INT-DEF-001", "ItemRef to a missing ItemDef", "<ItemRef ItemOID=\"IT.DM.AGE\"", "<ItemRef ItemOID=\"IT.DM.NOPE\"" },
        { "INT-DEF-002", "dangling def:StandardOID", "def:StandardOID=\"STD.1\"", "def:StandardOID=\"STD.99\"" },
        { "SD0060", "define lacks TSVAL", "<ItemRef ItemOID=\"IT.TS.TSVAL\" Mandatory=\"No\" OrderNumber=\"7\" KeySequence=\"3\" Role=\"Result Qualifier\"/>", "" },
        { "SD0059", "AGE as text", "<ItemDef OID=\"IT.DM.AGE\" Name=\"AGE\" DataType=\"integer\"", "<ItemDef OID=\"IT.DM.AGE\" Name=\"AGE\" DataType=\"text\"" },
        { "INT-DEF-003", "order numbers swapped", "OrderNumber=\"15\" Role=\"Record Qualifier\"/>\n        <ItemRef ItemOID=\"IT.DM.AGEU\" Mandatory=\"No\" OrderNumber=\"16\"", "OrderNumber=\"16\" Role=\"Record Qualifier\"/>\n        <ItemRef ItemOID=\"IT.DM.AGEU\" Mandatory=\"No\" OrderNumber=\"15\"" },
    };

    [Theory]
    [MemberData(nameof(DefineCases))]
    public void DefineRule_EditedDefine_IsReported_AndPilotDefinePasses(string rule, string defect, string from, string to)
    {
        _ = defect;
        var clean = Rule(Copy("clean"), rule);
        clean.Findings.ShouldBeEmpty(string.Join("; ", clean.Findings.Select(f => f.Message)));
        var edited = Copy("edited", d =>
        {
            d.ShouldContain(from);
            return d.Replace(from, to, StringComparison.Ordinal);
        });
        Rule(edited, rule).Status.ShouldBe(RuleStatus.Issues);
    }

    [Fact]
    public void ValueLevelMetadata_DataTypeOfTheWhereClauseItem_IsChecked()
    {
        // CDISC's define says AGEMIN/AGEMAX TSVAL (e.g. 'P50Y') is integer: a real define.xml error.
        var pilot = Rule(Copy("vlm"), "SD1231");
        pilot.Findings.ShouldContain(f => f.Dataset == "TS" && f.Variable == "TSVAL" && f.Value == "P50Y");
        var fixedDefine = Copy("vlm-fixed", d => d.Replace("<ItemDef OID=\"IT.TS.TSVAL.2\" Name=\"TSVAL\" DataType=\"integer\"", "<ItemDef OID=\"IT.TS.TSVAL.2\" Name=\"TSVAL\" DataType=\"durationDatetime\"", StringComparison.Ordinal));
        Rule(fixedDefine, "SD1231").Findings.ShouldNotContain(f => f.Dataset == "TS" && f.Value == "P50Y");
    }

    [Fact]
    public void ValueLevelCodelist_ValueOutsideTheBoundCodelist_IsReported()
    {
        var pilot = Rule(Copy("vlmct"), "CT2004");
        pilot.Findings.ShouldContain(f => f.Dataset == "TS" && f.Variable == "TSVAL" && f.Value == "BOTH");
        var fixedDefine = Copy("vlmct-fixed", d =>
        {
            var i = d.IndexOf("<ItemDef OID=\"IT.TS.TSVAL.20\"", StringComparison.Ordinal);
            var j = d.IndexOf("<CodeListRef", i, StringComparison.Ordinal);
            var k = d.IndexOf("/>", j, StringComparison.Ordinal);
            return d[..j] + d[(k + 2)..];
        });
        Rule(fixedDefine, "CT2004").Findings.ShouldNotContain(f => f.Dataset == "TS" && f.Value == "BOTH");
    }

    [Fact]
    public void DefineCodelistValues_ValueOutsideTheItemCodelist_IsReported_AndPassesWithoutTheCodelist()
    {
        foreach (var rule in new[] { "SD0037", "INT-DEF-006" })
        {
            Rule(Copy("cl-" + rule), rule).Findings.ShouldContain(f => f.Dataset == "FA" && f.Variable == "FAOBJ" && f.Value == "PRURITIS");
            var fixedDefine = Copy("cl-fixed-" + rule, d => d.Replace("<CodeListRef CodeListOID=\"CL.FAOBJ\"/>", "", StringComparison.Ordinal));
            Rule(fixedDefine, rule).Findings.ShouldNotContain(f => f.Dataset == "FA");
        }
    }

    [Fact]
    public void DefineLeaf_MissingDocument_IsReported_AndPassesOnceItExists()
    {
        var dir = Copy("leaf");
        Rule(dir, "INT-DEF-004").Findings.ShouldContain(f => f.Value == "acrf.pdf");
        File.WriteAllText(Path.Combine(dir, "acrf.pdf"), "");
        Rule(dir, "INT-DEF-004").Findings.ShouldNotContain(f => f.Value == "acrf.pdf");
    }

    [Fact]
    public void DefineOrigins_NonStandardOriginType_IsReported()
    {
        Rule(Copy("origin"), "INT-DEF-005").Status.ShouldBe(RuleStatus.Passed);
        Rule(Copy("origin-bad", d => d.Replace("<def:Origin Type=\"Collected\" Source=\"Investigator\">", "<def:Origin Type=\"CRF\" Source=\"Investigator\">", StringComparison.Ordinal)), "INT-DEF-005")
            .Status.ShouldBe(RuleStatus.Issues);
    }

    [Fact]
    public void DefineStylesheet_MissingBesideDefine_IsANotice_AndPassesWhenShipped()
    {
        var dir = Copy("xsl");
        var r = Rule(dir, "INT-DEF-007");
        r.Findings.ShouldContain(f => f.Value == "define2-1.xsl" && f.Severity == Severity.Notice);
        File.WriteAllText(Path.Combine(dir, "define2-1.xsl"), "<xsl:stylesheet/>");
        Rule(dir, "INT-DEF-007").Status.ShouldBe(RuleStatus.Passed);
    }

    [Fact]
    public void DefineKeys_RecordsNotUniqueOnKeySequence_AreReported()
    {
        Rule(Copy("keys"), "SD1152").Status.ShouldBe(RuleStatus.Passed);
        var edited = Copy("keys-bad", d => d.Replace("<ItemRef ItemOID=\"IT.DM.USUBJID\" Mandatory=\"Yes\" OrderNumber=\"3\" KeySequence=\"2\"", "<ItemRef ItemOID=\"IT.DM.USUBJID\" Mandatory=\"Yes\" OrderNumber=\"3\"", StringComparison.Ordinal));
        Rule(edited, "SD1152").Findings.ShouldContain(f => f.Dataset == "DM" && f.Variable == "STUDYID");
    }

    [Fact]
    public void Labels_DefineLabelDiffers_IsReported()
    {
        var label = "Age";
        var edited = Copy("labels", d => d.Replace("<ItemDef OID=\"IT.DM.AGE\" Name=\"AGE\" DataType=\"integer\" Length=\"8\" SASFieldName=\"AGE\">\n        <Description>\n          <TranslatedText xml:lang=\"en\">Age</TranslatedText>",
            "<ItemDef OID=\"IT.DM.AGE\" Name=\"AGE\" DataType=\"integer\" Length=\"8\" SASFieldName=\"AGE\">\n        <Description>\n          <TranslatedText xml:lang=\"en\">Age in Years</TranslatedText>", StringComparison.Ordinal));
        _ = label;
        var result = Rule(edited, "SD1324");
        result.Findings.ShouldContain(f => f.Dataset == "DM" && f.Variable == "AGE");
    }

    [Fact]
    public void DatasetsRule_FileWithoutItemGroupDef_AndItemGroupDefWithoutFile()
    {
        var result = Rule(Copy("datasets"), "SD1063");
        result.Findings.ShouldContain(f => f.Value == "ft.xpt");
        var dir = Copy("datasets-extra");
        File.Copy(Path.Combine(dir, "ae.xpt"), Path.Combine(dir, "xx.xpt"));
        Rule(dir, "INT-STR-001").Findings.ShouldContain(f => f.Value == "xx.xpt");
    }

    [Fact]
    public void DefinePresent_MissingDefine_IsReject_AndNamedDefinePasses()
    {
        var dir = Copy("nodefine");
        Rule(dir, "DD0101").Status.ShouldBe(RuleStatus.Passed);
        File.Move(Path.Combine(dir, "define.xml"), Path.Combine(dir, "define_sdtm.xml"));
        var r = Rule(dir, "DD0101");
        r.Status.ShouldBe(RuleStatus.Issues);
        r.Findings.ShouldAllBe(f => f.Severity == Severity.Reject);
    }

    [Fact]
    public void Define_WithDoctype_IsRejectedAsUnreadable_NotResolved()
    {
        var dir = Copy("doctype", d => d.Replace("<ODM ", "<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ODM ", StringComparison.Ordinal));
        var r = Rule(dir, "INT-DEF-001");
        r.Status.ShouldBe(RuleStatus.Issues);
        r.Findings.ShouldContain(f => f.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase));
    }

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

    [Fact]
    public void Catalogue_HoldsEveryCuratedCheck_WithAnOperationOrAReason()
    {
        var catalogue = RuleCatalogue.Load(Core.Standards.StandardsLibrary.FindDefaultFolder(), includeDeprecated: true);
        catalogue.Rules.Count(r => r.Origin == RuleOrigin.Ours).ShouldBe(93);
        catalogue.Rules.Count(r => r.Origin == RuleOrigin.Core).ShouldBe(330);
        catalogue.Rules.Count(r => r.Origin == RuleOrigin.CoreDeprecated).ShouldBe(104);
        catalogue.Rules.Select(r => r.Id).Distinct().Count().ShouldBe(93 + 330 + 104);
        var unbuilt = catalogue.Rules.Where(r => r.Operation != "core").SelectMany(r => r.Operation.Split('+')).Where(o => !Operations.OperationRegistry.TryGet(o, out _)).Distinct().Order().ToList();
        unbuilt.ShouldBeEmpty();
        catalogue.Rules.Where(r => r.Origin != RuleOrigin.Ours).ShouldAllBe(r => r.CoreId == r.Id && r.Definition.Citations.Count > 0);
    }
}
