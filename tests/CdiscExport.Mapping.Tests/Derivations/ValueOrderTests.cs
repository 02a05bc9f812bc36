using CdiscExport.Core.Datasets;
using CdiscExport.Mapping.Derivations;

namespace CdiscExport.Mapping.Tests.Derivations;

/// <summary>The record order on text sort keys: numbers by value, other text ordinally, missing last, ties in file order.</summary>
public sealed class ValueOrderTests
{
    private static Dataset Data(params (string Name, string[] Values)[] columns) =>
        new("X", "X", columns.Select(c => (DatasetColumn)new CharacterColumn(new VariableMetadata(c.Name, c.Name, VariableKind.Character), c.Values)).ToList());

    [Fact]
    public void SortedRows_TextKey_OrdinalMissingLastTiesInFileOrder()
    {
        var data = Data(("K", ["b", "", "a", "b", "10", "9"]));

        new ValueOrder(data, ["K"]).SortedRows(data.RowCount).ShouldBe([4, 5, 2, 0, 3, 1]);
    }

    [Fact]
    public void SortedRows_KeyOfNumbers_ByValueEqualNumbersTie()
    {
        var data = Data(("N", ["10", "9.0", "", "9", "-1"]), ("T", ["x", "x", "x", "x", "x"]));

        new ValueOrder(data, ["N", "T"]).SortedRows(data.RowCount).ShouldBe([4, 1, 3, 0, 2]);
    }

    [Fact]
    public void SortedRows_KeysTooWideToPack_SameOrderAsComparingTexts()
    {
        // Three keys of 70,000 distinct values each and 70,000 rows need more than 64 bits: the comparing sort.
        const int count = 70_000;
        var random = new Random(7);
        string[] Column() => Enumerable.Range(0, count).Select(_ => random.Next(count).ToString("x5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var (a, b, c) = (Column(), Column(), Column());
        var data = Data(("A", a), ("B", b), ("C", c));

        var expected = Enumerable.Range(0, count)
            .OrderBy(r => a[r], StringComparer.Ordinal).ThenBy(r => b[r], StringComparer.Ordinal).ThenBy(r => c[r], StringComparer.Ordinal).ThenBy(r => r)
            .ToArray();

        new ValueOrder(data, ["A", "B", "C"]).SortedRows(count).ShouldBe(expected);
    }
}
