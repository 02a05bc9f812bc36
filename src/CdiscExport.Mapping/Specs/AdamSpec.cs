namespace CdiscExport.Mapping.Specs;

/// <summary>One variable of an ADaM dataset as the study's spec declares it (order, label, origin, method).</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Label">Label; null takes the ADaMIG label.</param>
/// <param name="Origin">Define-XML origin (Predecessor, Derived, Assigned); null infers it from <paramref name="Source"/>.</param>
/// <param name="Source">For Predecessor variables, the SDTM variable, e.g. <c>DM.AGE</c>.</param>
/// <param name="Method">How the value is derived (the Define-XML method).</param>
/// <param name="Codelist">Submission value of the codelist that constrains the values (e.g. ONCRSR).</param>
/// <param name="ExtendedValues">Values beyond the codelist (e.g. nCR); null when none are declared.</param>
/// <param name="Location">Where the spec declares it, for errors found after loading; null for a variable built in code.</param>
public sealed record VariableSpec(
    string Name,
    string? Label = null,
    string? Origin = null,
    string? Source = null,
    string? Method = null,
    string? Codelist = null,
    IReadOnlyList<string>? ExtendedValues = null,
    SpecLocation? Location = null);

/// <summary>A place in a spec file.</summary>
/// <param name="FilePath">The spec file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SpecLocation(string FilePath, int Line, int Column)
{
    /// <summary>An error at this place.</summary>
    /// <param name="key">The key at fault, if any.</param>
    /// <param name="reason">What is wrong.</param>
    public SpecException Error(string? key, string reason) => new(FilePath, Line, Column, key, reason);
}

/// <summary>An age group: label and inclusive bounds.</summary>
/// <param name="Label">AGEGR1 value, e.g. <c>&lt;65</c>.</param>
/// <param name="Min">Lowest age in the group, if bounded.</param>
/// <param name="Max">Highest age in the group, if bounded.</param>
public sealed record AgeGroupSpec(string Label, double? Min, double? Max);

/// <summary>How cycles are recognised in EX: the drug whose doses mark the cycle, the cycle length and dosing days.</summary>
/// <param name="Drug">EXTRT of the drug that marks cycles, e.g. BORTEZOMIB.</param>
/// <param name="Length">Cycle length in days.</param>
/// <param name="DosingDays">Planned dosing days within a cycle (1-based), e.g. 1, 4, 8, 11.</param>
public sealed record CycleSpec(string Drug, int Length, IReadOnlyList<int> DosingDays);

/// <summary><c>adam/adsl.yaml</c>: the ADSL parameters and variables.</summary>
public sealed record AdslSpec
{
    /// <summary>Dataset label.</summary>
    public string Label { get; init; } = "Subject-Level Analysis Dataset";

    /// <summary>EXTRT values of the study treatment (TRTSDT/TRTEDT, SAFFL, DOSREDFL).</summary>
    public IReadOnlyList<string> Treatments { get; init; } = [];

    /// <summary>EXTRT of the add-on drug (DEXFL, DEXSTDT), if any.</summary>
    public string? AddOn { get; init; }

    /// <summary>Cycle recognition for NCYCLES.</summary>
    public CycleSpec Cycle { get; init; } = new(string.Empty, 21, []);

    /// <summary>ARMCD to TRTxxPN/TRTxxAN number.</summary>
    public IReadOnlyDictionary<string, int> Arms { get; init; } = new Dictionary<string, int>();

    /// <summary>AGEGR1 groups.</summary>
    public IReadOnlyList<AgeGroupSpec> AgeGroups { get; init; } = [];

    /// <summary>SUPPDM QNAMs copied to ADSL under the same name (e.g. DISSTAT).</summary>
    public IReadOnlyList<string> SuppdmVariables { get; init; } = [];

    /// <summary>CMCAT of prior therapy lines (PRTHNUM and the prior-drug flags).</summary>
    public string PriorTherapyCategory { get; init; } = string.Empty;

    /// <summary>Prior-drug flag name to the word matched case-insensitively in CMTRT, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PriorDrugFlags { get; init; } = [];

    /// <summary>PRCAT of prior stem-cell transplants (PRSCTFL).</summary>
    public string TransplantCategory { get; init; } = string.Empty;

    /// <summary>DSSCAT of the end-of-study disposition record (EOSSTT, DCSREAS).</summary>
    public string EndOfStudyCategory { get; init; } = "END OF STUDY";

    /// <summary>SUPPAE QNAM of the dose-limiting toxicity flag.</summary>
    public string DltQnam { get; init; } = "AEDLT";

    /// <summary>Variables in output order (each once).</summary>
    public IReadOnlyList<VariableSpec> Variables { get; init; } = [];
}

/// <summary>One ADRS parameter.</summary>
/// <param name="Paramcd">PARAMCD.</param>
/// <param name="Param">PARAM.</param>
public sealed record ParameterSpec(string Paramcd, string Param);

/// <summary><c>adam/adrs.yaml</c>: the ADRS parameters, variables and the published table to compare against.</summary>
public sealed record AdrsSpec
{
    /// <summary>Dataset label.</summary>
    public string Label { get; init; } = "Response Analysis Dataset";

    /// <summary>The parameters: OVR, BOR, UBOR, OVRLB, BORLB.</summary>
    public IReadOnlyList<ParameterSpec> Parameters { get; init; } = [];

    /// <summary>The published best response by TRT01PN, e.g. <c>"2 PR, 1 MR"</c>.</summary>
    public IReadOnlyDictionary<int, string> Published { get; init; } = new Dictionary<int, string>();

    /// <summary>Where the published table comes from.</summary>
    public string? PublishedSource { get; init; }

    /// <summary>The published CR + nCR + PR rate among evaluable subjects, e.g. <c>10/17 (59%)</c>.</summary>
    public string? PublishedResponseRate { get; init; }

    /// <summary>Variables in output order (each once).</summary>
    public IReadOnlyList<VariableSpec> Variables { get; init; } = [];
}

/// <summary>LB coding of the M-protein tests.</summary>
/// <param name="MProtein">LBTESTCD of serum M-protein and of immunofixation.</param>
/// <param name="UrineMProtein">LBTESTCD of 24-hour urine M-protein.</param>
/// <param name="MarrowPlasmaCells">LBTESTCD of marrow plasma cells.</param>
/// <param name="ImmunofixationMethod">LBMETHOD of immunofixation.</param>
public sealed record LabCodingSpec(
    string MProtein = "MCPROT",
    string UrineMProtein = "MPROTEXR",
    string MarrowPlasmaCells = "PLSTCECE",
    string ImmunofixationMethod = "IMMUNOFIXATION ELECTROPHORESIS");

/// <summary>What progression is measured from, as <c>pd_reference</c> says.</summary>
public enum PdReferenceSpec
{
    /// <summary><c>nadir</c>: the lowest value since baseline up to the previous assessment.</summary>
    Nadir,

    /// <summary><c>baseline</c>: the baseline value.</summary>
    Baseline,
}

/// <summary><c>adam/response-criteria.yaml</c>: the rule set and its named parameters.</summary>
public sealed record ResponseCriteriaSpec
{
    /// <summary>The rule sets a study can name in <c>rule_set</c>.</summary>
    public static IReadOnlyList<string> RuleSets { get; } = ["modified-ebmt"];

    /// <summary>Rule set: <c>modified-ebmt</c>.</summary>
    public string RuleSet { get; init; } = "modified-ebmt";

    /// <summary>RSCAT of the investigator's assessments and ADRS PARCAT1.</summary>
    public string Category { get; init; } = "EBMT BLADE MYELOMA 1998";

    /// <summary>What progression is measured from.</summary>
    public PdReferenceSpec PdReference { get; init; } = PdReferenceSpec.Nadir;

    /// <summary>Minimum days a response must be maintained.</summary>
    public int ConfirmationDays { get; init; } = 42;

    /// <summary>NE assessments tolerated between a response and its confirmation.</summary>
    public int NeTolerance { get; init; }

    /// <summary>CR needs marrow.</summary>
    public bool CrRequiresMarrow { get; init; }

    /// <summary>nCR needs marrow.</summary>
    public bool NcrRequiresMarrow { get; init; }

    /// <summary>No assessment on or after first dose + days: NE. Null: no such rule.</summary>
    public int? EarlyOffStudyNeDays { get; init; }

    /// <summary>Censor best response at the add-on start.</summary>
    public bool CensorAtAddOn { get; init; } = true;

    /// <summary>PD needs a confirming repeat to end the window.</summary>
    public bool PdRequiresConfirmation { get; init; } = true;

    /// <summary>RSTESTCD of the investigator's per-visit response.</summary>
    public string ResponseTestCode { get; init; } = "OVRLRESP";

    /// <summary>RSEVAL of the investigator's per-visit response.</summary>
    public string Evaluator { get; init; } = "INVESTIGATOR";

    /// <summary>M-protein LB coding.</summary>
    public LabCodingSpec Labs { get; init; } = new();
}

/// <summary>A study's ADaM spec: the files under <c>&lt;spec folder&gt;/adam</c>, loaded with the study file.</summary>
/// <param name="Adsl"><c>adam/adsl.yaml</c>.</param>
/// <param name="Adrs"><c>adam/adrs.yaml</c>.</param>
/// <param name="Criteria"><c>adam/response-criteria.yaml</c>.</param>
public sealed record AdamSpec(AdslSpec Adsl, AdrsSpec Adrs, ResponseCriteriaSpec Criteria);
