using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Raw;
using CdiscExport.Testing;

namespace CdiscExport.Mapping.Tests.Raw;

/// <summary>
/// The workbook reader on tests/fixtures/excel/formats.xlsx (written by make_workbook.py beside it): every cell is
/// expected as Excel shows it for its number format, written down from the format codes, not from the reader.
/// </summary>
public sealed class ExcelWorkbookReaderTests
{
    private static readonly string Book = RepositoryPaths.Get("tests", "fixtures", "excel", "formats.xlsx");

    private static readonly RawSettings LabLayout = RawSettings.Default with { HeaderRow = 2, Skip = 1 };

    public static TheoryData<int, string, string> ShownValues => new()
    {
        // record, column, shown text
        { 0, "SUBJID", "1001" },
        { 0, "VISIT", "Screening" },
        { 0, "LBDAT", "14.05.2006" },          // dd.mm.yyyy
        { 0, "LBTIM", "08:30" },               // hh:mm
        { 0, "RESULT", "13.5" },               // 13.456 as 0.0
        { 0, "PCT", "50%" },                   // 0.5 as 0%
        { 0, "AMOUNT", "1,234.50" },           // #,##0.00
        { 0, "NOTE", "padded text" },          // trimmed
        { 0, "FLAG", "TRUE" },
        { 0, "BIG", "123456789012" },          // General, 12 digits
        { 1, "LBDAT", "21-May-06" },           // d-mmm-yy
        { 1, "LBTIM", "14:05" },
        { 1, "RESULT", "0.666666666666667" },  // General: 15 significant digits
        { 1, "PCT", "13%" },                   // 12.5% rounds half away from zero
        { 1, "AMOUNT", "-7.00" },
        { 1, "NOTE", "NA" },
        { 1, "FLAG", "FALSE" },
        { 1, "BIG", "1E+20" },
        { 2, "LBDAT", "2006-06-02" },          // yyyy-mm-dd
        { 2, "LBTIM", "" },                    // empty cell
        { 2, "RESULT", "0.333333333333333" },
        { 2, "PCT", "" },
        { 2, "AMOUNT", "0.00" },
        { 2, "BIG", "1.23456789012346E+16" },
        { 3, "VISIT", "" },
        { 3, "LBDAT", "06/09/2006" },          // mm/dd/yyyy
        { 3, "RESULT", "42.00" },              // 0.00
        { 3, "PCT", "100%" },
        { 3, "AMOUNT", "1,000,000.00" },
        { 3, "NOTE", "=not a formula" },       // text that looks like a formula
        { 3, "BIG", "0.000012" },              // General, no exponent above 1E-9
    };

    [Theory]
    [MemberData(nameof(ShownValues))]
    public void Read_CellsWithNumberFormats_AreReadAsShown(int record, string column, string expected)
    {
        var lb = Sheet(ExcelWorkbookReader.Read(Book, LabLayout, ["LB"]), "LB");

        lb.Get(record, lb.Ordinal(column)).ShouldBe(expected);
    }

    [Fact]
    public void Read_PreambleLabelRowAndEmptyRows_LeaveTheRecordsWithTheirSheetRows()
    {
        var forms = ExcelWorkbookReader.Read(Book, LabLayout, ["LB"]);

        ExcelWorkbookReader.SheetNames(Book).ShouldBe(["LB", "DM", "Offset"]);
        var lb = forms.ShouldHaveSingleItem();
        lb.Headers.ShouldBe(["SUBJID", "VISIT", "LBDAT", "LBTIM", "LBTEST", "RESULT", "PCT", "AMOUNT", "NOTE", "FLAG", "BIG"]);
        lb.RowCount.ShouldBe(4); // row 6 is empty, and so are the formatted rows after row 8
        Enumerable.Range(0, lb.RowCount).Select(lb.LineOf).ShouldBe([4, 5, 7, 8]);
        lb.Path.ShouldBe($"{Book} sheet LB");
        lb.DecimalMark.ShouldBe('.');
    }

    [Fact]
    public void Read_DecimalComma_FormatsNumbersWithIt()
    {
        var lb = Sheet(ExcelWorkbookReader.Read(Book, LabLayout with { DecimalMark = ',' }, ["LB"]), "LB");

        lb.Get(0, lb.Ordinal("RESULT")).ShouldBe("13,5");
        lb.Get(0, lb.Ordinal("AMOUNT")).ShouldBe("1.234,50");
        lb.Get(2, lb.Ordinal("RESULT")).ShouldBe("0,333333333333333");
        lb.Get(0, lb.Ordinal("LBDAT")).ShouldBe("14.05.2006");
        lb.DecimalMark.ShouldBe(',');
    }

    [Fact]
    public void Read_MissingTexts_BecomeBlank()
    {
        var lb = Sheet(ExcelWorkbookReader.Read(Book, LabLayout with { Missing = ["NA"] }, ["LB"]), "LB");

        lb.Get(1, lb.Ordinal("NOTE")).ShouldBe("");
    }

    [Fact]
    public void Read_AllSheets_ReadsEachInWorkbookOrderWithTheSameLayout()
    {
        var forms = ExcelWorkbookReader.Read(Book, RawSettings.Default with { HeaderRow = 3 });

        forms.Select(f => f.Name).ShouldBe(["LB", "DM", "Offset"]);
        forms[1].RowCount.ShouldBe(0); // DM has 3 rows: its header row 3 is its last record, and nothing follows
    }

    [Fact]
    public void Read_OneSheetAskedFor_ReadsOnlyIt()
    {
        var dm = ExcelWorkbookReader.Read(Book, RawSettings.Default, ["DM"]).ShouldHaveSingleItem();

        dm.Name.ShouldBe("DM");
        dm.Headers.ShouldBe(["SUBJID", "SEX", "BRTHDAT", "HEIGHT"]);
        dm.RowCount.ShouldBe(2);
        dm.Get(0, dm.Ordinal("SUBJID")).ShouldBe("1001");
        dm.Get(0, dm.Ordinal("BRTHDAT")).ShouldBe("31-Jan-1970");
        dm.Get(1, dm.Ordinal("BRTHDAT")).ShouldBe("01-Dec-1965");
        dm.Get(0, dm.Ordinal("HEIGHT")).ShouldBe("165.5");
        dm.Get(1, dm.Ordinal("HEIGHT")).ShouldBe("180");
        dm.LineOf(0).ShouldBe(2);
    }

    [Fact]
    public void Read_SheetStartingBelowRowOne_KeepsExcelsRowNumbers()
    {
        var offset = ExcelWorkbookReader.Read(Book, RawSettings.Default with { HeaderRow = 3 }, ["Offset"]).ShouldHaveSingleItem();

        offset.Headers.ShouldBe(["", "SUBJID", "VALUE"]); // column A is empty: its name is blank, as in a CSV
        offset.RowCount.ShouldBe(2);
        offset.LineOf(0).ShouldBe(5);
        offset.LineOf(1).ShouldBe(7);
        offset.Get(0, offset.Ordinal("SUBJID")).ShouldBe("A-1");
        offset.Get(0, offset.Ordinal("VALUE")).ShouldBe("2.5");
        offset.Get(1, offset.Ordinal("SUBJID")).ShouldBe("");
        offset.Get(1, offset.Ordinal("VALUE")).ShouldBe("only a value");
    }

    [Fact]
    public void Read_SheetNotInTheWorkbook_FailsListingTheSheets()
    {
        var e = Should.Throw<MappingException>(() => ExcelWorkbookReader.Read(Book, RawSettings.Default, ["AE"]));

        e.RawFile.ShouldBe(Book);
        e.Reason.ShouldContain("LB, DM, Offset");
    }

    [Fact]
    public void Read_HeaderRowPastTheData_FailsNamingTheSheet()
    {
        var e = Should.Throw<MappingException>(() => ExcelWorkbookReader.Read(Book, RawSettings.Default with { HeaderRow = 40 }, ["DM"]));

        e.RawFile.ShouldBe($"{Book} sheet DM");
    }

    [Fact]
    public void Read_ValueRightOfTheLastNamedColumn_FailsAtItsCell()
    {
        // With the header on row 1 (the preamble), LB names columns A and D only; row 2's names run on to K.
        var e = Should.Throw<MappingException>(() => ExcelWorkbookReader.Read(Book, RawSettings.Default, ["LB"]));

        e.RawFile.ShouldBe($"{Book} sheet LB");
        e.Line.ShouldBe(2);
        e.RawColumn.ShouldBe("E");
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02 })]
    [InlineData(new byte[] { (byte)'S', (byte)'U', (byte)'B', (byte)'J', (byte)'I', (byte)'D', (byte)'\n' })]
    public void Read_NotAWorkbook_FailsNamingTheFile(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "book-" + Guid.NewGuid() + ".xlsx");
        File.WriteAllBytes(path, bytes);
        try
        {
            var e = Should.Throw<MappingException>(() => ExcelWorkbookReader.Read(path, RawSettings.Default));

            e.RawFile.ShouldBe(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(-1234.25, "-1234.25")]
    [InlineData(1e15, "1E+15")]
    [InlineData(999999999999999, "999999999999999")]
    [InlineData(1e-10, "1E-10")]
    [InlineData(0.1 + 0.2, "0.3")]
    public void General_Numbers_ShowFifteenSignificantDigits(double number, string expected) =>
        ExcelWorkbookReader.General(number, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);

    private static RawForm Sheet(IReadOnlyList<RawForm> forms, string name) => forms.Single(f => f.Name == name);
}
