using System.Globalization;
using CdiscExport.Core.Datasets;
using CsvHelper;

namespace CdiscExport.Mapping.Tests.Engine;

/// <summary>
/// A fixture study's <c>expected/&lt;dataset&gt;.csv</c>: values derived without this program, compared cell by cell
/// (numbers as shortest round-trip text) with what the mapping produced; only the columns the file has are compared.
/// </summary>
internal static class ExpectedValues
{
    public static void ShouldMatch(Dataset dataset, string expectedCsv)
    {
        var expected = Read(expectedCsv);
        dataset.RowCount.ShouldBe(expected.Count, expectedCsv);
        for (var row = 0; row < expected.Count; row++)
        {
            foreach (var (variable, value) in expected[row])
            {
                Value(dataset, variable, row).ShouldBe(value, $"{expectedCsv}: {dataset.Name}.{variable} row {row + 1}");
            }
        }
    }

    public static List<Dictionary<string, string>> Read(string path)
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

    private static string Value(Dataset dataset, string variable, int row) => dataset[variable] switch
    {
        NumericColumn n => n[row] is { } d ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        CharacterColumn t => t[row],
        _ => throw new InvalidOperationException(variable),
    };
}
