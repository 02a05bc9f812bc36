using System.Globalization;
using CdiscExport.Conformance.Engine;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Cli.Export;

/// <summary>
/// What a study's spec tells the conformance checks of its export: the standards folder it names, and its response
/// criteria as the parameters of our best-response rules (INT-ADRS-*), so that the rules judge ADRS by the window,
/// parameters and categories the study derived it with, not by their defaults.
/// </summary>
internal static class StudyConformance
{
    /// <summary>The response rules the study's criteria parameterise.</summary>
    public static readonly string[] ResponseRules = ["INT-ADRS-001", "INT-ADRS-002", "INT-ADRS-003", "INT-ADRS-004"];

    /// <summary>The options of the export's conformance run.</summary>
    public static ValidationOptions OptionsFor(StudySpec spec) => ValidationOptions.Default with
    {
        StandardsFolder = spec.StandardsFolder,
        RuleParameters = spec.Adam is { } adam ? ResponseRuleParameters(adam) : new Dictionary<string, IReadOnlyDictionary<string, string>>(),
    };

    // ADRS as the ADaM step derives it: OVR is the per-visit investigator response, BOR the best response maintained
    // for the confirmation window (the rules' "confirmed BOR").
    private static Dictionary<string, IReadOnlyDictionary<string, string>> ResponseRuleParameters(AdamSpec adam)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["visitParam"] = "OVR",
            ["borParams"] = "BOR",
            ["confirmedParams"] = "BOR",
            ["confirmDays"] = adam.Criteria.ConfirmationDays.ToString(CultureInfo.InvariantCulture),
        };
        return ResponseRules.ToDictionary(rule => rule, _ => (IReadOnlyDictionary<string, string>)parameters, StringComparer.Ordinal);
    }
}
