using System.Globalization;

namespace CdiscExport.Mapping.Specs;

/// <summary>
/// Loads <c>adam/adsl.yaml</c>, <c>adam/adrs.yaml</c> and <c>adam/response-criteria.yaml</c> the way the study file
/// and the dataset files are loaded: through <see cref="SpecNode"/>, with the same snake_case keys, every key checked
/// and every error a <see cref="SpecException"/> naming file, line and column.
/// </summary>
internal static class AdamSpecLoader
{
    /// <summary>The ADaM folder of a spec folder.</summary>
    public static string FolderOf(string specFolder) => Path.Combine(specFolder, "adam");

    /// <summary>True when the spec folder has an ADaM spec (<c>adam/adsl.yaml</c>).</summary>
    public static bool Exists(string specFolder) => File.Exists(Path.Combine(FolderOf(specFolder), "adsl.yaml"));

    /// <summary>The ADaM spec of <paramref name="specFolder"/>, or null when it has none.</summary>
    public static AdamSpec? Load(string specFolder)
    {
        if (!Exists(specFolder))
        {
            return null;
        }

        var folder = FolderOf(specFolder);
        return new AdamSpec(
            Adsl(Root(Path.Combine(folder, "adsl.yaml"))),
            Adrs(Root(Path.Combine(folder, "adrs.yaml"))),
            Criteria(Root(Path.Combine(folder, "response-criteria.yaml"))));
    }

    private static SpecNode Root(string path) =>
        File.Exists(path) ? SpecNode.Load(path) : throw new SpecException(path, 0, 0, null, "the ADaM spec file is missing (adam/ holds adsl.yaml, adrs.yaml and response-criteria.yaml)");

    private static AdslSpec Adsl(SpecNode root)
    {
        var map = root.Keys("label", "treatments", "add_on", "cycle", "arms", "age_groups", "suppdm_variables", "prior_therapy_category",
            "prior_drug_flags", "transplant_category", "end_of_study_category", "dlt_qnam", "variables");
        var spec = new AdslSpec();
        return spec with
        {
            Label = map.OptionalScalar("label") ?? spec.Label,
            Treatments = map.Optional("treatments")?.Strings() ?? [],
            AddOn = map.OptionalScalar("add_on"),
            Cycle = map.Optional("cycle") is { } cycle ? Cycle(cycle) : spec.Cycle,
            Arms = map.Optional("arms") is { } arms ? Arms(arms) : spec.Arms,
            AgeGroups = (map.Optional("age_groups")?.Items() ?? []).Select(AgeGroup).ToList(),
            SuppdmVariables = map.Optional("suppdm_variables")?.Strings() ?? [],
            PriorTherapyCategory = map.OptionalScalar("prior_therapy_category") ?? spec.PriorTherapyCategory,
            PriorDrugFlags = (map.Optional("prior_drug_flags")?.Entries() ?? []).Select(e => KeyValuePair.Create(e.Key, e.Value.Scalar())).ToList(),
            TransplantCategory = map.OptionalScalar("transplant_category") ?? spec.TransplantCategory,
            EndOfStudyCategory = map.OptionalScalar("end_of_study_category") ?? spec.EndOfStudyCategory,
            DltQnam = map.OptionalScalar("dlt_qnam") ?? spec.DltQnam,
            Variables = Variables(map.Required("variables")),
        };
    }

    private static AdrsSpec Adrs(SpecNode root)
    {
        var map = root.Keys("label", "parameters", "published", "published_source", "published_response_rate", "variables");
        var parameters = new List<ParameterSpec>();
        foreach (var item in map.Optional("parameters")?.Items() ?? [])
        {
            var p = item.Keys("paramcd", "param");
            var paramcd = p.RequiredScalar("paramcd");
            if (parameters.Any(q => q.Paramcd == paramcd))
            {
                throw item.Error($"parameter {paramcd} is listed twice");
            }

            parameters.Add(new ParameterSpec(paramcd, p.RequiredScalar("param")));
        }

        var published = new Dictionary<int, string>();
        foreach (var (key, value) in map.Optional("published")?.Entries() ?? [])
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var cohort))
            {
                throw value.Error($"published: \"{key}\" is not a TRT01PN number");
            }

            published[cohort] = value.Scalar();
        }

        var spec = new AdrsSpec();
        return spec with
        {
            Label = map.OptionalScalar("label") ?? spec.Label,
            Parameters = parameters,
            Published = published,
            PublishedSource = map.OptionalScalar("published_source"),
            PublishedResponseRate = map.OptionalScalar("published_response_rate"),
            Variables = Variables(map.Required("variables")),
        };
    }

    private static ResponseCriteriaSpec Criteria(SpecNode root)
    {
        var map = root.Keys("rule_set", "category", "pd_reference", "confirmation_days", "ne_tolerance", "cr_requires_marrow", "ncr_requires_marrow",
            "early_off_study_ne_days", "censor_at_add_on", "pd_requires_confirmation", "response_test_code", "evaluator", "labs");
        var spec = new ResponseCriteriaSpec();
        var ruleSet = map.Optional("rule_set");
        if (ruleSet is not null && !ResponseCriteriaSpec.RuleSets.Contains(ruleSet.Scalar()))
        {
            throw ruleSet.Error($"unknown rule set \"{ruleSet.Scalar()}\"", ResponseCriteriaSpec.RuleSets);
        }

        return spec with
        {
            RuleSet = ruleSet?.Scalar() ?? spec.RuleSet,
            Category = map.OptionalScalar("category") ?? spec.Category,
            PdReference = map.Optional("pd_reference") is { } pd
                ? pd.Scalar() switch
                {
                    "nadir" => PdReferenceSpec.Nadir,
                    "baseline" => PdReferenceSpec.Baseline,
                    var other => throw pd.Error($"pd_reference \"{other}\" is not known", ["nadir", "baseline"]),
                }
                : spec.PdReference,
            ConfirmationDays = map.Optional("confirmation_days") is { } days ? Whole(days, 0) : spec.ConfirmationDays,
            NeTolerance = map.Optional("ne_tolerance") is { } ne ? Whole(ne, 0) : spec.NeTolerance,
            CrRequiresMarrow = map.Optional("cr_requires_marrow") is { } cr ? Flag(cr) : spec.CrRequiresMarrow,
            NcrRequiresMarrow = map.Optional("ncr_requires_marrow") is { } ncr ? Flag(ncr) : spec.NcrRequiresMarrow,
            EarlyOffStudyNeDays = map.Optional("early_off_study_ne_days") is { } early ? Whole(early, 0) : spec.EarlyOffStudyNeDays,
            CensorAtAddOn = map.Optional("censor_at_add_on") is { } censor ? Flag(censor) : spec.CensorAtAddOn,
            PdRequiresConfirmation = map.Optional("pd_requires_confirmation") is { } pdc ? Flag(pdc) : spec.PdRequiresConfirmation,
            ResponseTestCode = map.OptionalScalar("response_test_code") ?? spec.ResponseTestCode,
            Evaluator = map.OptionalScalar("evaluator") ?? spec.Evaluator,
            Labs = map.Optional("labs") is { } labs ? Labs(labs) : spec.Labs,
        };
    }

    private static LabCodingSpec Labs(SpecNode node)
    {
        var map = node.Keys("m_protein", "urine_m_protein", "marrow_plasma_cells", "immunofixation_method");
        var labs = new LabCodingSpec();
        return labs with
        {
            MProtein = map.OptionalScalar("m_protein") ?? labs.MProtein,
            UrineMProtein = map.OptionalScalar("urine_m_protein") ?? labs.UrineMProtein,
            MarrowPlasmaCells = map.OptionalScalar("marrow_plasma_cells") ?? labs.MarrowPlasmaCells,
            ImmunofixationMethod = map.OptionalScalar("immunofixation_method") ?? labs.ImmunofixationMethod,
        };
    }

    private static CycleSpec Cycle(SpecNode node)
    {
        var map = node.Keys("drug", "length", "dosing_days");
        var days = (map.Optional("dosing_days")?.Items() ?? []).Select(d => Whole(d, 1)).ToList();
        return new CycleSpec(map.RequiredScalar("drug"), map.Optional("length") is { } length ? Whole(length, 1) : 21, days);
    }

    private static Dictionary<string, int> Arms(SpecNode node)
    {
        var arms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (armcd, number) in node.Entries())
        {
            arms[armcd] = Whole(number, 0);
        }

        return arms;
    }

    private static AgeGroupSpec AgeGroup(SpecNode node)
    {
        var map = node.Keys("label", "min", "max");
        return new AgeGroupSpec(map.RequiredScalar("label"), map.Optional("min")?.Number(), map.Optional("max")?.Number());
    }

    // Variables in output order; a variable listed twice would be two columns of one name, which no dataset can hold.
    private static List<VariableSpec> Variables(SpecNode node)
    {
        var variables = new List<VariableSpec>();
        foreach (var item in node.Items())
        {
            var map = item.Keys("name", "label", "origin", "source", "method", "codelist", "extended_values");
            var name = map.RequiredScalar("name");
            if (variables.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw map.Required("name").Error($"variable {name} is listed twice");
            }

            variables.Add(new VariableSpec(name, map.OptionalScalar("label"), map.OptionalScalar("origin"), map.OptionalScalar("source"),
                map.OptionalScalar("method"), map.OptionalScalar("codelist"), map.Optional("extended_values")?.Strings(),
                new SpecLocation(item.File, item.Line, item.Column)));
        }

        return variables;
    }

    private static int Whole(SpecNode node, int least) =>
        int.TryParse(node.Scalar(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= least
            ? n
            : throw node.Error($"\"{node.Scalar()}\" is not a whole number of at least {least}");

    private static bool Flag(SpecNode node) => node.Scalar() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var other => throw node.Error($"\"{other}\" is not true or false", ["true", "false"]),
    };
}
