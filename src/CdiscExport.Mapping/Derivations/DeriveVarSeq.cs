using CdiscExport.Core.Datasets;

namespace CdiscExport.Mapping.Derivations;

/// <summary>--SEQ: the sequence number of each record within its subject.</summary>
internal static class DeriveVarSeqExtension
{
    /// <summary>
    /// Adds <paramref name="newVar"/> (e.g. AESEQ): 1, 2, 3... within each group of <paramref name="byVars"/> (usually
    /// USUBJID), numbering records in the order of <paramref name="order"/> and, for ties, file order. SDTMIG 4.1.5:
    /// --SEQ is unique within a subject. The dataset's own row order is not changed.
    /// </summary>
    /// <example>USUBJID 1 with AESTDTC 2006-05-02, 2006-05-01 gives AESEQ 2, 1.</example>
    public static Dataset DeriveVarSeq(this Dataset dataset, IReadOnlyList<string> byVars, IReadOnlyList<string> order, string newVar)
    {
        var rows = new ValueOrder(dataset, byVars.Concat(order).ToList()).SortedRows(dataset.RowCount);
        var groups = new ValueOrder(dataset, byVars);

        var seq = new double?[dataset.RowCount];
        var n = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            n = i > 0 && groups.Compare(rows[i - 1], rows[i]) == 0 ? n + 1 : 1;
            seq[rows[i]] = n;
        }

        return dataset.WithColumn(NumericColumn.FromArray(new VariableMetadata(newVar, "Sequence Number", VariableKind.Numeric), seq));
    }
}
