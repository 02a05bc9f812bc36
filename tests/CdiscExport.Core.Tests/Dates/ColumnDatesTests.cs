using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using NodaTime;

namespace CdiscExport.Core.Tests.Dates;

public sealed class ColumnDatesTests
{
    [Theory]
    [InlineData("2006-05-14", 2006, 5, 14)]
    [InlineData("2006-05-14T10:30", 2006, 5, 14)]
    [InlineData("2006-05-14T10:30:15", 2006, 5, 14)]
    [InlineData("2006-05-14T99:99", 2006, 5, 14)] // a time that is not one does not hide the date
    public void CompleteDate_DateOrDateTime_TheDate(string iso, int year, int month, int day) =>
        ColumnDates.CompleteDate(iso).ShouldBe(new LocalDate(year, month, day));

    [Theory]
    [InlineData("")]
    [InlineData("2006")]
    [InlineData("2006-05")]
    [InlineData("2006---14")]
    [InlineData("2006-02-30")]
    [InlineData("14.05.2006")]
    public void CompleteDate_BlankPartialOrNotADate_Null(string iso) => ColumnDates.CompleteDate(iso).ShouldBeNull();

    [Fact]
    public void DatesOf_ReadOncePerColumn_SharedByEveryReader()
    {
        var column = new CharacterColumn(new VariableMetadata("LBDTC", "Date/Time", VariableKind.Character), ["2006-05-14", "", "2006-05", "2006-05-15T08:00"]);
        var dataset = new Dataset("LB", "Laboratory", [column]);

        var dates = dataset.DatesOf("LBDTC");

        dates.ShouldBe([new LocalDate(2006, 5, 14), null, null, new LocalDate(2006, 5, 15)]);
        ColumnDates.DatesOf(column).ShouldBeSameAs(dates);
    }

    [Fact]
    public void DatesOf_TypedColumn_TakesTheTypedValues_NotTheText()
    {
        // The text is not read: a column made from typed values gives those (the texts here would give nothing).
        var column = CharacterColumn.FromDateTimes(new VariableMetadata("AESTDTC", "Start Date/Time", VariableKind.Character),
            ["(not read)", "", "(not read)"],
            [PartialDateTime.Parse("2006-05-14T09:30").Value, null, PartialDateTime.Parse("2006-05").Value]);

        ColumnDates.DatesOf(column).ShouldBe([new LocalDate(2006, 5, 14), null, null]);
    }

    [Fact]
    public void TypedColumn_KeepsItsDateTimes_WithOtherMetadata_AndReordered()
    {
        var column = CharacterColumn.FromDateTimes(new VariableMetadata("AESTDTC", "Start", VariableKind.Character),
            ["2006-05-14", "2006-05"], [PartialDateTime.Parse("2006-05-14").Value, PartialDateTime.Parse("2006-05").Value]);

        var relabelled = (CharacterColumn)column.WithMetadata(column.Metadata with { Label = "Start Date/Time of Adverse Event" });
        relabelled.DateTimes.ShouldBeSameAs(column.DateTimes);

        var reordered = (CharacterColumn)column.Reorder([1, 0]);
        reordered.DateTimes!.Select(d => d?.ToString()).ShouldBe(["2006-05", "2006-05-14"]);
        reordered.GetText(0).ShouldBe("2006-05");
    }

    [Fact]
    public void DatesOf_AfterReorderInPlace_FollowsTheMovedValues()
    {
        // Values moved in place must not be judged by a reading taken before the move.
        var text = new CharacterColumn(new VariableMetadata("LBDTC", "Date/Time", VariableKind.Character), ["2006-05-14", "2006-05-15"]);
        var typed = CharacterColumn.FromDateTimes(new VariableMetadata("AESTDTC", "Start", VariableKind.Character),
            ["2006-05-14", "2006-05-15"], [PartialDateTime.Parse("2006-05-14").Value, PartialDateTime.Parse("2006-05-15").Value]);
        var dataset = new Dataset("LB", "Laboratory", [text, typed]);
        dataset.DatesOf("LBDTC").ShouldBe([new LocalDate(2006, 5, 14), new LocalDate(2006, 5, 15)]);

        dataset.ReorderInPlace([1, 0]);

        dataset.DatesOf("LBDTC").ShouldBe([new LocalDate(2006, 5, 15), new LocalDate(2006, 5, 14)]);
        dataset.DatesOf("AESTDTC").ShouldBe([new LocalDate(2006, 5, 15), new LocalDate(2006, 5, 14)]);
    }

    [Fact]
    public void FromDateTimes_ArraysOfDifferentLengths_AreRefused() =>
        Should.Throw<ArgumentException>(() => CharacterColumn.FromDateTimes(new VariableMetadata("AESTDTC", "Start", VariableKind.Character),
            ["2006-05-14"], [])).Message.ShouldContain("AESTDTC");
}
