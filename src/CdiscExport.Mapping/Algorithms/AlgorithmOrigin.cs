using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// The Define-XML origin of a variable, told from the algorithm that fills it: a raw value read as it is (copy, date,
/// number, controlled-terminology lookup) is Collected; a constant or a value from a sponsor table is Assigned; anything
/// computed (concatenation, joins, conversions, conditions) is Derived, with a method saying how.
/// </summary>
internal static class AlgorithmOrigin
{
    public static (string Origin, string? Method) Of(IAlgorithm algorithm) => algorithm switch
    {
        CopyAlgorithm or DateAlgorithm or NumberAlgorithm or CtAlgorithm => ("Collected", null),
        ConstantAlgorithm => ("Assigned", null),
        LookupAlgorithm => ("Assigned", "Assigned from a sponsor-defined table in the study spec."),
        CtDecodeAlgorithm => ("Assigned", "Decode of the paired test-code codelist term."),
        TemplateAlgorithm => ("Derived", "Concatenation of identifying values."),
        AggregateAlgorithm => ("Derived", "Earliest or latest value of the subject's records in another form."),
        ConvertUnitAlgorithm => ("Derived", "Original result converted to standard units."),
        RangeIndicatorAlgorithm => ("Derived", "Standard result compared with the standard reference range: LOW, NORMAL or HIGH."),
        _ => ("Derived", "Derived by conditions on the collected values (see the study spec)."),
    };

    public static string DerivationMethod(DerivationSpec derivation) => derivation.Name switch
    {
        "seq" => "Sequence number within USUBJID, ordered by " + string.Join(", ", derivation.Options.Optional("order")?.Strings() ?? []) + ".",
        "study_day" => "Study day relative to DM.RFSTDTC: date - RFSTDTC + 1 on or after RFSTDTC, date - RFSTDTC before it (no day 0).",
        "epoch" => "SCREENING before DM.RFXSTDTC, TREATMENT from RFXSTDTC to RFXENDTC, FOLLOW-UP after.",
        "visit" => "Visit from the raw visit label by the study's visit schedule; unscheduled visits numbered after the preceding scheduled visit.",
        _ => "Last non-missing result on or before the date of first exposure (DM.RFXSTDTC) within each test.",
    };
}
