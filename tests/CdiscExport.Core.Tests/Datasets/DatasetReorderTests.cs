using CdiscExport.Core.Datasets;
using Shouldly;

namespace CdiscExport.Core.Tests.Datasets;

public class DatasetReorderTests
{
    private static Dataset Sample()
    {
        var text = new CharacterColumn(new VariableMetadata("USUBJID", "Subject", VariableKind.Character), ["C", "A", "", "B"]);
        var numbers = NumericColumn.FromArray(new VariableMetadata("AGE", "Age", VariableKind.Numeric), [3, 1, null, 2]);

        // A copy with other metadata shares its storage with the original: it must be moved once, not twice.
        var alias = text.WithMetadata(new VariableMetadata("SUBJID", "Subject again", VariableKind.Character));
        return new Dataset("DM", "Demographics", [text, numbers, alias]);
    }

    [Fact]
    public void ReorderInPlace_GivesWhatReorderGives_ColumnsSharingStorageIncluded()
    {
        int[] order = [1, 3, 0, 2];
        var copied = Sample().Reorder(order);
        var dataset = Sample();
        var inPlace = dataset.ReorderInPlace(order);

        inPlace.ShouldBeSameAs(dataset);
        foreach (var column in copied.Columns)
        {
            Enumerable.Range(0, 4).Select(inPlace[column.Name].GetText).ShouldBe(Enumerable.Range(0, 4).Select(column.GetText), column.Name);
        }

        inPlace.Text("USUBJID").GetText(0).ShouldBe("A");
        inPlace.Number("AGE")[3].ShouldBeNull();
    }

    [Fact]
    public void ReorderInPlace_OfTheOrderAlreadyHeld_ChangesNothing()
    {
        var dataset = Sample();
        dataset.ReorderInPlace([0, 1, 2, 3]).ShouldBeSameAs(dataset);
        Enumerable.Range(0, 4).Select(dataset["USUBJID"].GetText).ShouldBe(["C", "A", "", "B"]);
        Enumerable.Range(0, 4).Select(dataset["SUBJID"].GetText).ShouldBe(["C", "A", "", "B"]);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]       // too short
    [InlineData(new[] { 0, 1, 1, 2 })]    // a row twice, one never
    [InlineData(new[] { 0, 1, 2, 4 })]    // past the last row
    [InlineData(new[] { 0, 1, 2, -1 })]
    public void ReorderInPlace_OfANonPermutation_ThrowsAndChangesNothing(int[] order)
    {
        var dataset = Sample();
        Should.Throw<ArgumentException>(() => dataset.ReorderInPlace(order)).Message.ShouldContain("not a permutation of the 4 rows");
        Enumerable.Range(0, 4).Select(dataset["USUBJID"].GetText).ShouldBe(["C", "A", "", "B"]);
    }
}
