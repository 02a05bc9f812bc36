using CdiscExport.Core.Datasets;

namespace CdiscExport.Mapping.Derivations;

/// <summary>A subject's reference dates from DM, as ISO 8601 text ("" when missing).</summary>
internal sealed record SubjectReference(string Rfstdtc, string Rfxstdtc, string Rfxendtc);

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
}
