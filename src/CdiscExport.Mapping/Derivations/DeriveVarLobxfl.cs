using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Algorithms;
using NodaTime;

namespace CdiscExport.Mapping.Derivations;

/// <summary>--LOBXFL: the last observation before exposure.</summary>
internal static class DeriveVarLobxflExtension
{
    /// <summary>
    /// Adds <paramref name="newVar"/> (e.g. LBLOBXFL = "Y") to the last record with a non-missing
    /// <paramref name="valueVar"/> on or before the day of first exposure (RFXSTDTC), within each group of
    /// <paramref name="byVars"/> (SDTMIG 3.4, 4.5.9: USUBJID and the test's identifying variables). A record on the day of
    /// first dose counts as before exposure (samples are drawn before the dose); when both carry a time, the times
    /// decide. Ties on date keep the later record in file order (a re-draw replaces the first draw).
    /// </summary>
    public static Dataset DeriveVarLobxfl(this Dataset dataset, ReferenceDates references, IReadOnlyList<string> byVars, string dateVar, string valueVar, string newVar)
    {
        var subjects = references.ForRows(dataset["USUBJID"]);
        var dates = dataset[dateVar];
        var values = dataset[valueVar];
        var groups = GroupIds(dataset, byVars);
        var completeDates = dataset.DatesOf(dateVar);
        var best = new Dictionary<int, int>();
        for (var row = 0; row < dataset.RowCount; row++)
        {
            if (values.IsMissing(row) || subjects[row] is not { } reference || !IsOnOrBefore(dates.GetText(row), completeDates[row], reference))
            {
                continue;
            }

            var date = dates.GetText(row);
            if (!best.TryGetValue(groups[row], out var current) || string.CompareOrdinal(date, dates.GetText(current)) >= 0)
            {
                best[groups[row]] = row;
            }
        }

        var flags = new string[dataset.RowCount];
        Array.Fill(flags, string.Empty);
        foreach (var row in best.Values)
        {
            flags[row] = "Y";
        }

        return dataset.WithColumn(CharacterColumn.FromArray(new VariableMetadata(newVar, "Last Observation Before Exposure Flag", VariableKind.Character), flags));
    }

    // One number per distinct combination of the variables' texts, so that no key text is built per record.
    private static int[] GroupIds(Dataset dataset, IReadOnlyList<string> variables) =>
        RowGroups.Of(dataset.RowCount, variables.Select(v => ColumnValues.Of(dataset[v]))).Groups.ToArray();

    // A record without a complete date, or of a subject never exposed, is never before exposure.
    private static bool IsOnOrBefore(string date, LocalDate? completeDate, SubjectReference reference)
    {
        if (completeDate is not { } d || reference.RfxstDate is not { } r)
        {
            return false;
        }

        if (d != r)
        {
            return d < r;
        }

        // Same day: both times known -> compare them; otherwise the sample counts as pre-dose.
        return date.Length <= 10 || reference.Rfxstdtc.Length <= 10 || string.CompareOrdinal(date, reference.Rfxstdtc) <= 0;
    }
}
