namespace CdiscExport.Adam.Response;

/// <summary>
/// A myeloma response rule set (modified EBMT now; IMWG later): classifies each visit from the M-protein labs and
/// derives best overall response from per-visit assessments. Implementations take their named parameters from the
/// study's <c>adam/response-criteria.yaml</c>.
/// </summary>
public interface IResponseCriteria
{
    /// <summary>The rule set's name in the spec, e.g. <c>modified-ebmt</c>.</summary>
    string Name { get; }

    /// <summary>The criteria as ADRS PARCAT1 and RSCAT give them, e.g. <c>EBMT BLADE MYELOMA 1998</c>.</summary>
    string Category { get; }

    /// <summary>The parameters in force.</summary>
    ResponseCriteriaParameters Parameters { get; }

    /// <summary>Per-visit response from the M-protein labs, one per post-first-dose date with M-protein results.</summary>
    IReadOnlyList<Assessment> ClassifyVisits(IReadOnlyList<MProteinMeasurement> labs, NodaTime.LocalDate firstDose);

    /// <summary>The assessments that count for best response: on treatment, up to censoring and the first confirmed progression.</summary>
    IReadOnlyList<Assessment> FilterWindow(IReadOnlyList<Assessment> assessments, ResponseWindow window);

    /// <summary>Best overall response; with <paramref name="confirm"/> a response counts only when maintained.</summary>
    BestResponse ComputeBestResponse(IReadOnlyList<Assessment> assessments, ResponseWindow window, bool confirm);
}
