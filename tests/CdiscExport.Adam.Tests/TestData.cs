using CdiscExport.Core.Datasets;
using NodaTime;

namespace CdiscExport.Adam.Tests;

/// <summary>Tiny inline datasets for derivation tests (admiral style: a few rows, compared by key).</summary>
internal static class TestData
{
    /// <summary>A dataset from named columns: string[] makes a character column, double?[] a numeric one.</summary>
    public static Dataset Make(string name, params (string Name, object Values)[] columns) =>
        new(name, name, columns.Select(c => c.Values switch
        {
            string?[] s => (DatasetColumn)new CharacterColumn(new VariableMetadata(c.Name, c.Name, VariableKind.Character), s),
            double?[] d => new NumericColumn(new VariableMetadata(c.Name, c.Name, VariableKind.Numeric), d),
            _ => throw new ArgumentException($"column {c.Name}: string?[] or double?[]"),
        }).ToList());

    /// <summary>The text values of a column.</summary>
    public static string[] TextOf(this Dataset d, string variable) =>
        Enumerable.Range(0, d.RowCount).Select(r => d[variable].GetText(r)).ToArray();

    /// <summary>The numeric values of a column.</summary>
    public static double?[] NumbersOf(this Dataset d, string variable) =>
        Enumerable.Range(0, d.RowCount).Select(r => d.Number(variable)[r]).ToArray();

    /// <summary>Day <paramref name="n"/> of a study starting 2005-01-01 (day 1).</summary>
    public static LocalDate Day(int n) => new LocalDate(2005, 1, 1).PlusDays(n - 1);
}
