using CdiscExport.Core.Datasets;
using CdiscExport.Mapping.Algorithms;

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
        var usubjid = dataset["USUBJID"];
        var dates = dataset[dateVar];
        var values = dataset[valueVar];
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < dataset.RowCount; row++)
        {
            var date = dates.GetText(row);
            var first = references.Find(usubjid.GetText(row))?.Rfxstdtc ?? string.Empty;
            if (values.IsMissing(row) || !IsOnOrBefore(date, first))
            {
                continue;
            }

            var key = string.Join('\u001f', byVars.Select(v => dataset[v].GetText(row)));
            if (!best.TryGetValue(key, out var current) || string.CompareOrdinal(date, dates.GetText(current)) >= 0)
            {
                best[key] = row;
            }
        }

        var flags = new string[dataset.RowCount];
        Array.Fill(flags, string.Empty);
        foreach (var row in best.Values)
        {
            flags[row] = "Y";
        }

        return dataset.WithColumn(new CharacterColumn(new VariableMetadata(newVar, "Last Observation Before Exposure Flag", VariableKind.Character), flags));
    }

    private static bool IsOnOrBefore(string date, string reference)
    {
        if (!IsoDates.TryDate(date, out var d) || !IsoDates.TryDate(reference, out var r))
        {
            return false;
        }

        if (d != r)
        {
            return d < r;
        }

        // Same day: both times known -> compare them; otherwise the sample counts as pre-dose.
        return date.Length <= 10 || reference.Length <= 10 || string.CompareOrdinal(date, reference) <= 0;
    }
}
