using CdiscExport.Conformance.Engine;

namespace CdiscExport.Conformance.Operations;

/// <summary>The ADaM class of a dataset (ADaMIG 1.3 section 1.6; Define-XML def:Class).</summary>
internal enum AdamClass
{
    /// <summary>Subject-level analysis dataset.</summary>
    Adsl,

    /// <summary>Basic data structure: one or more records per subject per analysis parameter.</summary>
    Bds,

    /// <summary>Occurrence data structure (adverse events, medications, ...).</summary>
    Occds,

    /// <summary>ADaM other.</summary>
    Other,
}

/// <summary>
/// ADaM rules apply by the class of a dataset, not to every AD* dataset: the class its define.xml gives (def:Class),
/// else the one its variables show (PARAMCD with AVAL or AVALC: BDS; a --TERM or --DECOD: OCCDS), ADSL by name.
/// </summary>
internal static class AdamClasses
{
    /// <summary>The class of an ADaM dataset.</summary>
    public static AdamClass Of(DatasetData d)
    {
        if (DatasetDefinitions.GroupOf(d)?.Class is { Length: > 0 } declared)
        {
            switch (declared.Trim().ToUpperInvariant())
            {
                case "SUBJECT LEVEL ANALYSIS DATASET" or "ADSL":
                    return AdamClass.Adsl;
                case "BASIC DATA STRUCTURE" or "BDS":
                    return AdamClass.Bds;
                case "OCCURRENCE DATA STRUCTURE" or "OCCDS":
                    return AdamClass.Occds;
                case "ADAM OTHER" or "OTHER":
                    return AdamClass.Other;
            }
        }

        if (d.Name == "ADSL")
        {
            return AdamClass.Adsl;
        }

        if (d.Has("PARAMCD") && (d.Has("AVAL") || d.Has("AVALC")))
        {
            return AdamClass.Bds;
        }

        return d.Variables.Any(v => v.Name.Length > 4 && (v.Name.EndsWith("TERM", StringComparison.Ordinal) || v.Name.EndsWith("DECOD", StringComparison.Ordinal)))
            ? AdamClass.Occds
            : AdamClass.Other;
    }

    /// <summary>
    /// The datasets in the rule's scope (<see cref="RuleContext.InScope"/>), narrowed by its <c>adamClass</c> parameter
    /// (ADSL, BDS, OCCDS, OTHER, separated by '|') for ADaM datasets; SDTM datasets pass unchanged.
    /// </summary>
    public static IEnumerable<DatasetData> InScope(RuleContext c)
    {
        var classes = c.List("adamClass").Select(Parse).ToHashSet();
        return classes.Count == 0 ? c.InScope() : c.InScope().Where(d => !d.IsAdam || classes.Contains(Of(d)));
    }

    private static AdamClass Parse(string name) => name.ToUpperInvariant() switch
    {
        "ADSL" => AdamClass.Adsl,
        "BDS" => AdamClass.Bds,
        "OCCDS" => AdamClass.Occds,
        "OTHER" => AdamClass.Other,
        _ => throw new ArgumentException(ConformanceMessages.UnknownAdamClass(name)),
    };
}
