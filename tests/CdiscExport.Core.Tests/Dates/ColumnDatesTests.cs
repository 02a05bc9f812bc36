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
}
