using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Algorithms;

namespace CdiscExport.Mapping.Derivations;

/// <summary>--DY, --STDY, --ENDY: the study day of a date.</summary>
internal static class DeriveVarDyExtension
{
    /// <summary>
    /// Adds <paramref name="newVar"/>: the study day of <paramref name="dateVar"/> relative to the subject's RFSTDTC
    /// (SDTMIG 4.4.4): the day of RFSTDTC is day 1, the day before is day -1; there is no day 0. Missing when either
    /// date is not a complete date.
    /// </summary>
    /// <example>RFSTDTC 2006-05-14: 2006-05-14 gives 1, 2006-05-15 gives 2, 2006-05-13 gives -1.</example>
    public static Dataset DeriveVarDy(this Dataset dataset, ReferenceDates references, string dateVar, string newVar)
    {
        var subjects = references.ForRows(dataset["USUBJID"]);
        var dates = dataset.DatesOf(dateVar);
        var days = new double?[dataset.RowCount];
        for (var row = 0; row < dataset.RowCount; row++)
        {
            if (subjects[row]?.RfstDate is { } start && dates[row] is { } date)
            {
                days[row] = StudyDay.ComputeStudyDay(start, date);
            }
        }

        return dataset.WithColumn(NumericColumn.FromArray(new VariableMetadata(newVar, "Study Day", VariableKind.Numeric), days));
    }
}
