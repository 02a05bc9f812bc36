using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Rules;
using CdiscExport.Testing;

namespace CdiscExport.Conformance.Tests.Operations;

/// <summary>The define.xml rules (DefineOps) on copies of the CDISC pilot package (SAS-written XPTs and CDISC's own define.xml), edited.</summary>
public sealed class DefineOpsPilotTests : IDisposable
{
    private static readonly string Pilot = Path.Combine(RepositoryPaths.Fixtures, "cdiscpilot01-sdtm");
    private readonly string temp = Directory.CreateTempSubdirectory("conf-pilot-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

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
}
