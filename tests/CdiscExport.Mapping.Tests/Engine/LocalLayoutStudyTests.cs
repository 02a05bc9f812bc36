using System.Globalization;
using CdiscExport.Core.Datasets;
using CdiscExport.Mapping.Engine;
using CdiscExport.Testing;
using CsvHelper;

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
        var expected = ReadCsv(Path.Combine(Fixture, "expected", name + ".csv"));
        dataset.RowCount.ShouldBe(expected.Count);
        for (var row = 0; row < expected.Count; row++)
        {
            foreach (var (variable, value) in expected[row])
            {
                Value(dataset, variable, row).ShouldBe(value, $"{dataset.Name}.{variable} row {row + 1}");
            }
        }
    }

    [Fact]
    public void Run_LocalLayout_ReconcilesEveryRawRowAndLeavesTheUnusedFileUnread()
    {
        var lines = Result.Reconciliation.Select(l => string.Join("|", l.Form, l.RowsRead, l.Dataset, l.RowsMapped, l.RowsSetAside, l.Reason));
        lines.ShouldBe(ReadCsv(Path.Combine(Fixture, "expected", "reconciliation.csv")).Select(r => string.Join("|", r.Values)));
    }

    [Fact]
    public void Run_LocalLayout_ReportsTheDelimiterItDetected()
    {
        Result.RawNotes.ShouldNotBeNull().ShouldHaveSingleItem()
            .ShouldEndWith("unerwuenschte_ereignisse.csv: delimiter ';' detected from the header (0 ',', 4 ';', 0 tab, 0 '|')");
    }

    private static string Value(Dataset dataset, string variable, int row) => dataset[variable] switch
    {
        NumericColumn n => n[row] is { } d ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        CharacterColumn t => t[row],
        _ => throw new InvalidOperationException(variable),
    };

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = CsvReader.FromText(File.ReadAllText(path), CsvReaderOptions.Default with { HasHeader = true });
        var headers = reader.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(headers.Select((h, i) => (h, v: reader.GetString(i))).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal));
        }

        return rows;
    }
}
