using System.Runtime.CompilerServices;
using CdiscExport.Core.Datasets;
using NodaTime;

namespace CdiscExport.Core.Dates;

/// <summary>
/// The dates of a column of ISO 8601 text (a --DTC variable), read once per column and shared by everything that
/// reads them: the SDTM derivations (--DY, EPOCH, --LOBXFL) and the ADaM step (TRTSDT, NCYCLES, ADT) all take the
/// same typed values instead of each parsing the text again. The reading is kept for as long as the column lives (or
/// until its values are moved in place, <see cref="Dataset.ReorderInPlace"/>).
/// </summary>
/// <example>
/// LBDTC of 574,978 records holds a few thousand distinct texts: each is parsed once, and a record sharing its string
/// instance with the record before is found without hashing.
/// </example>
public static class ColumnDates
{
    private static readonly ConditionalWeakTable<DatasetColumn, LocalDate?[]> Read = [];

    /// <summary>
    /// The complete date (year, month and day) of each row of <paramref name="variable"/>: null when the value is blank,
    /// partial or not a date. A time part is not needed and does not stop the date being read.
    /// </summary>
    public static IReadOnlyList<LocalDate?> DatesOf(this Dataset dataset, string variable) => DatesOf(dataset[variable]);

    /// <summary>The complete date of each row of <paramref name="column"/>, as <see cref="DatesOf(Dataset, string)"/>.</summary>
    /// <remarks>
    /// A column made from typed date-times (<see cref="CharacterColumn.FromDateTimes"/>, as the mapping makes every
    /// --DTC it converts from raw dates) gives them without reading its text; other columns are read once, and the
    /// reading kept.
    /// </remarks>
    public static IReadOnlyList<LocalDate?> DatesOf(DatasetColumn column) =>
        column is CharacterColumn { DateTimes: { } typed } ? CompleteDates(typed) : Read.GetValue(column, ReadColumn);

    /// <summary>Forgets the reading of <paramref name="column"/>: its values were moved in place.</summary>
    internal static void Forget(DatasetColumn column) => Read.Remove(column);

    // A pass over values already typed: nothing to parse, so nothing is kept.
    private static LocalDate?[] CompleteDates(IReadOnlyList<PartialDateTime?> values)
    {
        var dates = new LocalDate?[values.Count];
        for (var row = 0; row < dates.Length; row++)
        {
            dates[row] = values[row]?.Date;
        }

        return dates;
    }

    /// <summary>The complete date of one ISO 8601 text, or null: the whole text, else its first ten characters.</summary>
    public static LocalDate? CompleteDate(string iso) =>
        iso.Length < 10 ? null
        : PartialDateTime.TryParse(iso, out var value) ? value.Date
        : PartialDateTime.TryParse(iso.AsSpan(0, 10), out var date) ? date.Date
        : null;

    private static LocalDate?[] ReadColumn(DatasetColumn column)
    {
        var dates = new LocalDate?[column.Count];
        var distinct = new Dictionary<string, LocalDate?>(StringComparer.Ordinal);
        string? lastText = null;
        LocalDate? lastDate = null;
        for (var row = 0; row < dates.Length; row++)
        {
            var text = column.GetText(row);
            if (!ReferenceEquals(text, lastText))
            {
                if (!distinct.TryGetValue(text, out lastDate))
                {
                    lastDate = CompleteDate(text);
                    distinct.Add(text, lastDate);
                }

                lastText = text;
            }

            dates[row] = lastDate;
        }

        return dates;
    }
}
