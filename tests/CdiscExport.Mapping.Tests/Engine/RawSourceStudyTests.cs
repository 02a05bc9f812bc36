using CdiscExport.Mapping.Engine;
using CdiscExport.Testing;

namespace CdiscExport.Mapping.Tests.Engine;

/// <summary>
/// Studies whose raw data is not CSV, mapped by spec alone (issue 17): one exported as CDISC ODM 1.3.2 clinical data
/// (the odmlib snapshot; forms are item groups), one as an Excel workbook (forms are sheets, cells as shown). Every
/// value of each fixture's <c>expected/</c> files, derived by scripts that never run this program, is reproduced.
/// </summary>
public sealed class RawSourceStudyTests
{
    private static readonly Dictionary<string, Lazy<MappingResult>> Results = new()
    {
        ["raw-odm-study"] = new(() => MappingEngine.Run(RepositoryPaths.Get("tests", "fixtures", "raw-odm-study", "spec"))),
        ["raw-excel-study"] = new(() => MappingEngine.Run(RepositoryPaths.Get("tests", "fixtures", "raw-excel-study", "spec"))),
    };

    public static TheoryData<string, string> Cases => new()
    {
        { "raw-odm-study", "dm" }, { "raw-odm-study", "ae" }, { "raw-excel-study", "dm" }, { "raw-excel-study", "ae" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_NonCsvSource_ReproducesEveryExpectedValue(string study, string name)
    {
        var dataset = Results[study].Value.Datasets.Single(d => d.Name == name.ToUpperInvariant());
        ExpectedValues.ShouldMatch(dataset, RepositoryPaths.Get("tests", "fixtures", study, "expected", name + ".csv"));
    }

    [Fact]
    public void Run_Odm_ItemGroupsNoDatasetUses_AreReadWithTheFileAndCountedAsSetAside()
    {
        var lines = Results["raw-odm-study"].Value.Reconciliation;
        lines.ShouldContain(l => l.Form == "IG.DM" && l.Dataset == "DM" && l.RowsMapped == l.RowsRead);
        // The lab item group is in the same file, so it was read; no dataset maps it, and its rows are said to be set aside.
        lines.ShouldContain(l => l.Form == "IG.LB.LB_ARRAY1" && l.Dataset == "" && l.RowsSetAside == l.RowsRead && l.RowsRead > 0);
    }

}
