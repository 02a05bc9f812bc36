using System.Runtime.CompilerServices;
using CdiscExport.Core.Datasets;
using NodaTime;

namespace CdiscExport.Core.Dates;

/// <summary>
/// The dates of a column of ISO 8601 text (a --DTC variable), read once per column and shared by everything that
/// reads them: the SDTM derivations (--DY, EPOCH, --LOBXFL) and the ADaM step (TRTSDT, NCYCLES, ADT) all take the
/// same typed values instead of each parsing the text again. Columns are immutable, so the reading is kept for as long
/// as the column lives.
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
    public static IReadOnlyList<LocalDate?> DatesOf(DatasetColumn column) => Read.GetValue(column, ReadColumn);

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
