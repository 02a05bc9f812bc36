using CdiscExport.Mapping.Engine;
using CdiscExport.Testing;

namespace CdiscExport.Mapping.Tests.Engine;

/// <summary>
/// A study exported by a German-language EDC (semicolons, decimal commas, Latin-1, local dates, coded values, a wide
/// lab form with units in its headers, an unreadable file no dataset uses) maps by spec alone: every value the
/// fixture's <c>expected/</c> files derive by hand from the raw files is reproduced.
/// </summary>
public sealed class LocalLayoutStudyTests
{
    private static readonly string Fixture = RepositoryPaths.Get("tests", "fixtures", "local-layout-study");

    private static readonly MappingResult Result = MappingEngine.Run(Path.Combine(Fixture, "spec"));

    public static TheoryData<string> Datasets => new() { "dm", "lb", "ae" };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Run_LocalLayout_ReproducesEveryExpectedValue(string name)
    {
        var dataset = Result.Datasets.Single(d => d.Name == name.ToUpperInvariant());
        ExpectedValues.ShouldMatch(dataset, Path.Combine(Fixture, "expected", name + ".csv"));
    }

    [Fact]
    public void Run_LocalLayout_ReconcilesEveryRawRowAndLeavesTheUnusedFileUnread()
    {
        var lines = Result.Reconciliation.Select(l => string.Join("|", l.Form, l.RowsRead, l.Dataset, l.RowsMapped, l.RowsSetAside, l.Reason));
        lines.ShouldBe(ExpectedValues.Read(Path.Combine(Fixture, "expected", "reconciliation.csv")).Select(r => string.Join("|", r.Values)));
    }

    [Fact]
    public void Run_LocalLayout_ReportsTheDelimiterItDetected()
    {
        Result.RawNotes.ShouldNotBeNull().ShouldHaveSingleItem()
            .ShouldEndWith("unerwuenschte_ereignisse.csv: delimiter ';' detected from the header (0 ',', 4 ';', 0 tab, 0 '|')");
    }

}
