using CdiscExport.Core.Datasets;

namespace CdiscExport.Adam;

/// <summary>
/// ADSL's subjects by USUBJID, for derivations that aggregate a source dataset per subject in one pass into arrays
/// indexed by ADSL row (instead of collecting a list of rows per subject and looking each subject up again).
/// </summary>
/// <remarks>
/// Every record of a subject lands on the first ADSL row with that USUBJID (its representative), so ADSL rows that
/// repeat a USUBJID read the same aggregate, as a lookup by USUBJID would give them.
/// </remarks>
internal sealed class SubjectRows
{
    private readonly Dictionary<string, int> _firstRow;
    private readonly int[] _representative;

    /// <summary>Indexes the subjects of <paramref name="adsl"/>.</summary>
    public SubjectRows(Dataset adsl)
    {
        var usubjid = adsl.Text(Derivations.Usubjid);
        _firstRow = new Dictionary<string, int>(adsl.RowCount, StringComparer.Ordinal);
        _representative = new int[adsl.RowCount];
        for (var r = 0; r < adsl.RowCount; r++)
        {
            _firstRow.TryAdd(usubjid[r], r);
            _representative[r] = _firstRow[usubjid[r]];
        }
    }

    /// <summary>The number of ADSL rows.</summary>
    public int Count => _representative.Length;

    /// <summary>The ADSL row that holds the aggregate of ADSL row <paramref name="adslRow"/>'s subject.</summary>
    public int RepresentativeOf(int adslRow) => _representative[adslRow];

    /// <summary>
    /// For each record of <paramref name="source"/>, the representative ADSL row of its subject; -1 when ADSL does
    /// not have the subject.
    /// </summary>
    public int[] Map(Dataset source)
    {
        var usubjid = source.Text(Derivations.Usubjid);
        var rows = new int[source.RowCount];
        string? previous = null;
        var previousRow = -1;
        for (var r = 0; r < rows.Length; r++)
        {
            // Source datasets are sorted by subject: most records repeat the previous record's USUBJID.
            var u = usubjid[r];
            if (!string.Equals(u, previous, StringComparison.Ordinal))
            {
                previous = u;
                previousRow = _firstRow.GetValueOrDefault(u, -1);
            }

            rows[r] = previousRow;
        }

        return rows;
    }
}
