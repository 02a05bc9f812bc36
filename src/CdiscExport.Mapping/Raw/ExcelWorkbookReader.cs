using System.Globalization;
using System.Text;
using CdiscExport.Mapping.Engine;
using ExcelDataReader;
using ExcelNumberFormat;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// Reads an Excel workbook (<c>.xlsx</c>, <c>.xlsm</c>, or the older binary <c>.xls</c>) with ExcelDataReader: one
/// raw form per sheet, named by the sheet, its cells as Excel shows them.
/// </summary>
/// <remarks>
/// <para>
/// "As shown" means: a cell holding text is its text; a number or date is formatted with the cell's number format by
/// ExcelNumberFormat, as Excel displays it (<c>dd.mm.yyyy</c> gives <c>14.05.2006</c>, <c>d-mmm-yy</c> gives
/// <c>14-May-06</c>, <c>0.0</c> gives <c>5.3</c> for 5.25, <c>0%</c> gives <c>50%</c>, <c>#,##0</c> gives
/// <c>1,234</c>); month and day names are English, whatever the machine's language. A number in the <c>General</c>
/// format is shown with at most 15 significant digits, the precision Excel keeps and shows in its formula bar
/// (0.1 + 0.2 is <c>0.3</c>, 1/3 is <c>0.333333333333333</c>), without exponent from 1E-9 up to 1E15 and in
/// Excel's exponent form beyond (<c>1E+16</c>); unlike Excel's grid it does not round further to fit the column
/// width. Booleans are <c>TRUE</c> and <c>FALSE</c>; an error cell (<c>#N/A</c>) and an empty cell are "". The
/// decimal mark of formatted numbers is <see cref="RawSettings.DecimalMark"/> (the thousands separator is then the
/// other of <c>.</c> and <c>,</c>), so a workbook typed with decimal commas reads the same whether a value was
/// entered as a number or as text. A formula cell is the value Excel saved with it (it is not recalculated).
/// Values are trimmed, and a text listed in <see cref="RawSettings.Missing"/> is "".
/// </para>
/// <para>
/// <see cref="RawSettings.HeaderRow"/> is the 1-based row holding the column names (rows above it are a preamble),
/// and the <see cref="RawSettings.Skip"/> rows after it are skipped (a row of labels or units). The columns are those
/// up to the last non-empty header cell. Empty rows are ignored; a value to the right of the last named column is an
/// error. Each record's line is its row number as Excel shows it. A form's path is
/// <c>&lt;file&gt; sheet &lt;name&gt;</c>, so an error reads <c>book.xlsx sheet LB line 12, column LBORRES</c>.
/// A file that is not a readable workbook, or a sheet asked for that the workbook does not have, is a
/// <see cref="MappingException"/> naming the file.
/// </para>
/// </remarks>
internal static class ExcelWorkbookReader
{
    private static readonly Lazy<bool> CodePages = new(() =>
    {
        // ExcelDataReader decodes the text of .xls files with Windows code pages, which .NET provides only on request.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>Reads the sheets of the workbook at <paramref name="path"/>, one form per sheet.</summary>
    /// <param name="path">The workbook.</param>
    /// <param name="settings">The layout of the sheets: header row, rows to skip, missing texts, decimal mark.</param>
    /// <param name="sheets">The sheets to read, by name; all of them when null.</param>
    /// <returns>The forms, in the workbook's sheet order.</returns>
    /// <exception cref="MappingException">The file is not a readable workbook, or a sheet asked for is not in it.</exception>
    public static IReadOnlyList<RawForm> Read(string path, RawSettings settings, IReadOnlyCollection<string>? sheets = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(settings);
        _ = CodePages.Value;
        var culture = Culture(settings.DecimalMark);
        var forms = new List<RawForm>();
        var names = new List<string>();
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                names.Add(reader.Name);
                if (sheets is null || sheets.Contains(reader.Name, StringComparer.Ordinal))
                {
                    forms.Add(ReadSheet(reader, path, settings, culture));
                }
            }
            while (reader.NextResult());
        }
        catch (MappingException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ExcelDataReader reports a damaged or foreign file with exceptions of its own, of the zip and XML layers or
            // plain InvalidDataException; all mean the same to a user.
            throw Unreadable(path, e);
        }

        if (sheets is not null)
        {
            foreach (var sheet in sheets)
            {
                if (!names.Contains(sheet, StringComparer.Ordinal))
                {
                    throw new MappingException(path, 0, null, null, null,
                        MappingMessages.NoSuchSheet(sheet, names));
                }
            }
        }

        return forms;
    }

    /// <summary>The names of the workbook's sheets, in order, without reading their cells.</summary>
    /// <param name="path">The workbook.</param>
    /// <returns>The sheet names: the forms <see cref="Read"/> would return.</returns>
    /// <exception cref="MappingException">The file is not a readable workbook.</exception>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _ = CodePages.Value;
        var names = new List<string>();
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                names.Add(reader.Name);
            }
            while (reader.NextResult());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Unreadable(path, e);
        }

        return names;
    }

    private static MappingException Unreadable(string path, Exception e) =>
        new(path, 0, null, null, null,
            $"not a readable Excel workbook ({e.GetType().Name}: {e.Message.TrimEnd('.')}); save it again from Excel as .xlsx");

    private static RawForm ReadSheet(IExcelDataReader reader, string file, RawSettings settings, CultureInfo culture)
    {
        var name = reader.Name;
        var path = $"{file} sheet {name}";
        var row = 0;
        string[]? headers = null;
        List<string>[] columns = [];
        var lines = new List<int>();
        var missing = settings.Missing;
        // Sheets repeat the same values (test names, units, visits) row after row: keep one copy of each short text.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            row++;
            if (row < settings.HeaderRow)
            {
                continue;
            }

            if (row == settings.HeaderRow)
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Shown(reader, i, culture).Trim();
                }

                var width = cells.Length;
                while (width > 0 && cells[width - 1].Length == 0)
                {
                    width--;
                }

                if (width == 0)
                {
                    throw new MappingException(path, row, null, null, null,
                        MappingMessages.EmptyHeaderRow(row));
                }

                headers = cells[..width];
                columns = headers.Select(_ => new List<string>()).ToArray();
                continue;
            }

            if (row <= settings.HeaderRow + settings.Skip || headers is null)
            {
                continue;
            }

            var values = new string[headers.Length];
            var empty = true;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = Shown(reader, i, culture).Trim();
                if (value.Length > 0 && missing.Count > 0 && missing.Contains(value, StringComparer.Ordinal))
                {
                    value = string.Empty;
                }

                if (i >= headers.Length)
                {
                    if (value.Length > 0)
                    {
                        throw new MappingException(path, row, ColumnLetters(i), null, null,
                            MappingMessages.ValueRightOfLastColumn(value, headers[^1], settings.HeaderRow));
                    }

                    continue;
                }

                if (value.Length is > 0 and <= 64)
                {
                    value = pool.TryGetValue(value, out var pooled) ? pooled : pool[value] = value;
                }

                values[i] = value;
                empty &= value.Length == 0;
            }

            if (empty)
            {
                continue;
            }

            for (var i = 0; i < headers.Length; i++)
            {
                columns[i].Add(values[i] ?? string.Empty);
            }

            lines.Add(row);
        }

        if (headers is null)
        {
            throw new MappingException(path, 0, null, null, null,
                MappingMessages.SheetShorterThanHeaderRow(row, settings.HeaderRow));
        }

        return new RawForm(name, path, headers, columns.Select(c => c.ToArray()).ToArray(), lines.ToArray(), lines.Count)
        {
            DecimalMark = settings.DecimalMark,
        };
    }

    /// <summary>The cell as Excel shows it (see the class remarks).</summary>
    private static string Shown(IExcelDataReader reader, int i, CultureInfo culture)
    {
        var value = reader.GetValue(i);
        switch (value)
        {
            case null:
                return string.Empty;
            case string text:
                return text;
            case bool flag:
                return flag ? "TRUE" : "FALSE";
        }

        var formatString = reader.GetNumberFormatString(i);
        if (formatString is not null && !formatString.Equals("General", StringComparison.OrdinalIgnoreCase))
        {
            var format = new NumberFormat(formatString);
            if (format.IsValid)
            {
                return format.Format(value, culture);
            }
        }

        return value switch
        {
            double number => General(number, culture),
            DateTime date => date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, culture) ?? string.Empty,
        };
    }

    /// <summary>A number in the General format: 15 significant digits, exponent only outside 1E-9 .. 1E15.</summary>
    internal static string General(double number, CultureInfo culture)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return string.Empty;
        }

        var rounded = double.Parse(number.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(rounded);
        if (rounded == 0)
        {
            return "0";
        }

        if (magnitude is >= 1e-9 and < 1e15)
        {
            return ((decimal)rounded).ToString(culture);
        }

        // Excel writes 1.23456789012346E+20 and 1E-10.
        return rounded.ToString("0.##############E+0", culture);
    }

    private static CultureInfo Culture(char decimalMark)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = decimalMark.ToString();
        culture.NumberFormat.PercentDecimalSeparator = decimalMark.ToString();
        culture.NumberFormat.CurrencyDecimalSeparator = decimalMark.ToString();
        var group = decimalMark == ',' ? "." : ",";
        culture.NumberFormat.NumberGroupSeparator = group;
        culture.NumberFormat.PercentGroupSeparator = group;
        culture.NumberFormat.CurrencyGroupSeparator = group;
        return culture;
    }

    /// <summary>The column's letters as Excel shows them (0 is A, 26 is AA).</summary>
    private static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
