using CdiscExport.Core.Dates;
using CdiscExport.Core.Datasets;
using CdiscExport.Mapping.Algorithms;
using NodaTime;

namespace CdiscExport.Mapping.Derivations;

/// <summary>A subject's reference dates from DM, as ISO 8601 text ("" when missing).</summary>
internal sealed record SubjectReference(string Rfstdtc, string Rfxstdtc, string Rfxendtc)
{
    /// <summary>RFSTDTC's complete date, or null; read once per subject, not once per record of the subject.</summary>
    public LocalDate? RfstDate { get; } = ColumnDates.CompleteDate(Rfstdtc);

    /// <summary>RFXSTDTC's complete date, or null.</summary>
    public LocalDate? RfxstDate { get; } = ColumnDates.CompleteDate(Rfxstdtc);

    /// <summary>RFXENDTC's complete date, or null.</summary>
    public LocalDate? RfxendDate { get; } = ColumnDates.CompleteDate(Rfxendtc);
}

/// <summary>
/// The reference dates of every subject, read from the finished DM: RFSTDTC anchors --DY (SDTMIG 4.4.4), RFXSTDTC and
/// RFXENDTC bound the treatment epoch and the last observation before exposure (--LOBXFL).
/// </summary>
internal sealed class ReferenceDates
{
    private readonly Dictionary<string, SubjectReference> _subjects;

    private ReferenceDates(Dictionary<string, SubjectReference> subjects) => _subjects = subjects;

    public static ReferenceDates Empty { get; } = new(new Dictionary<string, SubjectReference>(StringComparer.Ordinal));

    public static ReferenceDates FromDm(Dataset dm)
    {
        string Get(string variable, int row) => dm.Has(variable) ? dm[variable].GetText(row) : string.Empty;
        var subjects = new Dictionary<string, SubjectReference>(StringComparer.Ordinal);
        for (var row = 0; row < dm.RowCount; row++)
        {
            subjects[Get("USUBJID", row)] = new SubjectReference(Get("RFSTDTC", row), Get("RFXSTDTC", row), Get("RFXENDTC", row));
        }

        return new ReferenceDates(subjects);
    }

    public bool IsEmpty => _subjects.Count == 0;

    public SubjectReference? Find(string usubjid) => _subjects.GetValueOrDefault(usubjid);

    /// <summary>
    /// The reference of each row's subject. A dataset's records come subject by subject, so the subject is looked up
    /// only when it changes from one row to the next.
    /// </summary>
    public SubjectReference?[] ForRows(DatasetColumn usubjid)
    {
        var result = new SubjectReference?[usubjid.Count];
        string? last = null;
        SubjectReference? reference = null;
        for (var row = 0; row < result.Length; row++)
        {
            var subject = usubjid.GetText(row);
            if (!string.Equals(subject, last, StringComparison.Ordinal))
            {
                reference = Find(subject);
                last = subject;
            }

            result[row] = reference;
        }

        return result;
    }
}
