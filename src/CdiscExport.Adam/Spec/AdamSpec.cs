using CdiscExport.Adam.Response;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CdiscExport.Adam.Spec;

/// <summary>One variable of an ADaM dataset as the study's spec declares it (order, label, origin, method).</summary>
public sealed class VariableSpec
{
    /// <summary>Variable name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Label; defaults to the ADaMIG label.</summary>
    public string? Label { get; set; }

    /// <summary>Define-XML origin: Predecessor, Derived, Assigned.</summary>
    public string? Origin { get; set; }

    /// <summary>For Predecessor variables, the SDTM variable, e.g. <c>DM.AGE</c>.</summary>
    public string? Source { get; set; }

    /// <summary>How the value is derived (becomes the Define-XML method).</summary>
    public string? Method { get; set; }

    /// <summary>Submission value of the codelist that constrains the values (e.g. ONCRSR).</summary>
    public string? Codelist { get; set; }

    /// <summary>Values beyond the codelist (e.g. nCR).</summary>
    public List<string>? ExtendedValues { get; set; }
}

/// <summary>An age group: label and inclusive bounds.</summary>
public sealed class AgeGroupSpec
{
    /// <summary>AGEGR1 value, e.g. <c>&lt;65</c>.</summary>
    public string Label { get; set; } = "";

    /// <summary>Lowest age in the group, if bounded.</summary>
    public double? Min { get; set; }

    /// <summary>Highest age in the group, if bounded.</summary>
    public double? Max { get; set; }
}

/// <summary>How cycles are recognised in EX: the drug whose doses mark the cycle, the cycle length and dosing days.</summary>
public sealed class CycleSpec
{
    /// <summary>EXTRT of the drug that marks cycles, e.g. BORTEZOMIB.</summary>
    public string Drug { get; set; } = "";

    /// <summary>Cycle length in days.</summary>
    public int Length { get; set; } = 21;

    /// <summary>Planned dosing days within a cycle (1-based), e.g. 1, 4, 8, 11.</summary>
    public List<int> DosingDays { get; set; } = [];
}

/// <summary><c>adam/adsl.yaml</c>: the ADSL parameters and variables.</summary>
public sealed class AdslSpec
{
    /// <summary>Dataset label.</summary>
    public string Label { get; set; } = "Subject-Level Analysis Dataset";

    /// <summary>EXTRT values of the study treatment (TRTSDT/TRTEDT, SAFFL, DOSREDFL).</summary>
    public List<string> Treatments { get; set; } = [];

    /// <summary>EXTRT of the add-on drug (DEXFL, DEXSTDT), if any.</summary>
    public string? AddOn { get; set; }

    /// <summary>Cycle recognition for NCYCLES.</summary>
    public CycleSpec Cycle { get; set; } = new();

    /// <summary>ARMCD to TRTxxPN/TRTxxAN number.</summary>
    public Dictionary<string, int> Arms { get; set; } = [];

    /// <summary>AGEGR1 groups.</summary>
    public List<AgeGroupSpec> AgeGroups { get; set; } = [];

    /// <summary>SUPPDM QNAMs copied to ADSL under the same name (e.g. DISSTAT).</summary>
    public List<string> SuppdmVariables { get; set; } = [];

    /// <summary>CMCAT of prior therapy lines (PRTHNUM and the prior-drug flags).</summary>
    public string PriorTherapyCategory { get; set; } = "";

    /// <summary>Prior-drug flag name to the word matched case-insensitively in CMTRT.</summary>
    public Dictionary<string, string> PriorDrugFlags { get; set; } = [];

    /// <summary>PRCAT of prior stem-cell transplants (PRSCTFL).</summary>
    public string TransplantCategory { get; set; } = "";

    /// <summary>DSSCAT of the end-of-study disposition record (EOSSTT, DCSREAS).</summary>
    public string EndOfStudyCategory { get; set; } = "END OF STUDY";

    /// <summary>SUPPAE QNAM of the dose-limiting toxicity flag.</summary>
    public string DltQnam { get; set; } = "AEDLT";

    /// <summary>Variables in output order.</summary>
    public List<VariableSpec> Variables { get; set; } = [];
}

/// <summary>One ADRS parameter.</summary>
public sealed class ParameterSpec
{
    /// <summary>PARAMCD.</summary>
    public string Paramcd { get; set; } = "";

    /// <summary>PARAM.</summary>
    public string Param { get; set; } = "";
}

/// <summary><c>adam/adrs.yaml</c>: the ADRS parameters, variables and the published table to compare against.</summary>
public sealed class AdrsSpec
{
    /// <summary>Dataset label.</summary>
    public string Label { get; set; } = "Response Analysis Dataset";

    /// <summary>The parameters: OVR, BOR, UBOR, OVRLB, BORLB.</summary>
    public List<ParameterSpec> Parameters { get; set; } = [];

    /// <summary>The published best response by TRT01PN, e.g. <c>"2 PR, 1 MR"</c>.</summary>
    public Dictionary<int, string> Published { get; set; } = [];

    /// <summary>Where the published table comes from.</summary>
    public string? PublishedSource { get; set; }

    /// <summary>The published CR + nCR + PR rate among evaluable subjects, e.g. <c>10/17 (59%)</c>.</summary>
    public string? PublishedResponseRate { get; set; }

    /// <summary>Variables in output order.</summary>
    public List<VariableSpec> Variables { get; set; } = [];
}

/// <summary>LB coding of the M-protein tests.</summary>
public sealed class LabCodingSpec
{
    /// <summary>LBTESTCD of serum M-protein and of immunofixation.</summary>
    public string MProtein { get; set; } = "MCPROT";

    /// <summary>LBTESTCD of 24-hour urine M-protein.</summary>
    public string UrineMProtein { get; set; } = "MPROTEXR";

    /// <summary>LBTESTCD of marrow plasma cells.</summary>
    public string MarrowPlasmaCells { get; set; } = "PLSTCECE";

    /// <summary>LBMETHOD of immunofixation.</summary>
    public string ImmunofixationMethod { get; set; } = "IMMUNOFIXATION ELECTROPHORESIS";
}

/// <summary><c>adam/response-criteria.yaml</c>: the rule set and its named parameters.</summary>
public sealed class ResponseCriteriaSpec
{
    /// <summary>Rule set: <c>modified-ebmt</c>.</summary>
    public string RuleSet { get; set; } = ModifiedEbmtCriteria.RuleSetName;

    /// <summary>RSCAT of the investigator's assessments and ADRS PARCAT1.</summary>
    public string Category { get; set; } = ModifiedEbmtCriteria.DefaultCategory;

    /// <summary><c>nadir</c> or <c>baseline</c>.</summary>
    public string PdReference { get; set; } = "nadir";

    /// <summary>Minimum days a response must be maintained.</summary>
    public int ConfirmationDays { get; set; } = 42;

    /// <summary>NE assessments tolerated between a response and its confirmation.</summary>
    public int NeTolerance { get; set; }

    /// <summary>CR needs marrow.</summary>
    public bool CrRequiresMarrow { get; set; }

    /// <summary>nCR needs marrow.</summary>
    public bool NcrRequiresMarrow { get; set; }

    /// <summary>No assessment on or after first dose + days: NE. Null: no such rule.</summary>
    public int? EarlyOffStudyNeDays { get; set; }

    /// <summary>Censor best response at the add-on start.</summary>
    public bool CensorAtAddOn { get; set; } = true;

    /// <summary>PD needs a confirming repeat to end the window.</summary>
    public bool PdRequiresConfirmation { get; set; } = true;

    /// <summary>RSTESTCD of the investigator's per-visit response.</summary>
    public string ResponseTestCode { get; set; } = "OVRLRESP";

    /// <summary>RSEVAL of the investigator's per-visit response.</summary>
    public string Evaluator { get; set; } = "INVESTIGATOR";

    /// <summary>M-protein LB coding.</summary>
    public LabCodingSpec Labs { get; set; } = new();

    /// <summary>The rule set with these parameters.</summary>
    public IResponseCriteria CreateCriteria()
    {
        var parameters = new ResponseCriteriaParameters
        {
            PdReference = PdReference.ToLowerInvariant() switch
            {
                "nadir" => Response.PdReference.Nadir,
                "baseline" => Response.PdReference.Baseline,
                _ => throw new AdamSpecException($"response-criteria: pdReference must be nadir or baseline, not '{PdReference}'"),
            },
            ConfirmationDays = ConfirmationDays,
            NeTolerance = NeTolerance,
            CrRequiresMarrow = CrRequiresMarrow,
            NcrRequiresMarrow = NcrRequiresMarrow,
            EarlyOffStudyNeDays = EarlyOffStudyNeDays,
            CensorAtAddOn = CensorAtAddOn,
            PdRequiresConfirmation = PdRequiresConfirmation,
        };
        return RuleSet switch
        {
            ModifiedEbmtCriteria.RuleSetName => new ModifiedEbmtCriteria(parameters, Category),
            _ => throw new AdamSpecException($"response-criteria: unknown ruleSet '{RuleSet}' (known: {ModifiedEbmtCriteria.RuleSetName})"),
        };
    }
}

/// <summary>A study's ADaM spec: the files under <c>&lt;spec folder&gt;/adam</c>.</summary>
public sealed record AdamSpec(AdslSpec Adsl, AdrsSpec Adrs, ResponseCriteriaSpec Criteria)
{
    /// <summary>Loads <c>adam/adsl.yaml</c>, <c>adam/adrs.yaml</c> and <c>adam/response-criteria.yaml</c>; unknown keys are errors.</summary>
    /// <exception cref="AdamSpecException">A file is missing or malformed; the message names file, line and column.</exception>
    public static AdamSpec Load(string specFolder)
    {
        var folder = Path.Combine(specFolder, "adam");
        return new AdamSpec(
            Read<AdslSpec>(Path.Combine(folder, "adsl.yaml")),
            Read<AdrsSpec>(Path.Combine(folder, "adrs.yaml")),
            Read<ResponseCriteriaSpec>(Path.Combine(folder, "response-criteria.yaml")));
    }

    private static T Read<T>(string path)
        where T : new()
    {
        if (!File.Exists(path))
        {
            throw new AdamSpecException($"{path}: the ADaM spec file is missing");
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<T>(File.ReadAllText(path)) ?? new T();
        }
        catch (YamlException e)
        {
            throw new AdamSpecException($"{path}:{e.Start.Line}:{e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }
}

/// <summary>The ADaM spec is missing or invalid.</summary>
public sealed class AdamSpecException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AdamSpecException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public AdamSpecException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
