using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Algorithms;

namespace CdiscExport.Mapping.Derivations;

/// <summary>EPOCH: the trial epoch a record falls in.</summary>
internal static class DeriveVarEpochExtension
{
    /// <summary>
    /// Adds <paramref name="newVar"/> (EPOCH, codelist EPOCH): SCREENING before the day of first exposure (RFXSTDTC),
    /// TREATMENT from that day to the day of last exposure (RFXENDTC), FOLLOW-UP after it. Missing when the date is
    /// not a complete date or the subject was never exposed (SDTMIG 4.1.3.1: EPOCH is null when it cannot be told).
    /// </summary>
    public static Dataset DeriveVarEpoch(this Dataset dataset, ReferenceDates references, string dateVar, string newVar)
    {
        var subjects = references.ForRows(dataset["USUBJID"]);
        var dates = dataset.DatesOf(dateVar);
        var epochs = new string[dataset.RowCount];
        for (var row = 0; row < dataset.RowCount; row++)
        {
            epochs[row] = string.Empty;
            var reference = subjects[row];
            if (reference is null || dates[row] is not { } date || reference.RfxstDate is not { } first)
            {
                continue;
            }

            epochs[row] = date < first ? "SCREENING"
                : reference.RfxendDate is { } last && date > last ? "FOLLOW-UP"
                : "TREATMENT";
        }

        return dataset.WithColumn(CharacterColumn.FromArray(new VariableMetadata(newVar, "Epoch", VariableKind.Character), epochs));
    }
}
