namespace CdiscExport.Conformance;

/// <summary>
/// The message texts of this library's exceptions, in one place: inputs that cannot be validated, and the reasons a
/// rule could not run that the reports show. (A finding's own text is part of its rule: the rule file's Outcome, or
/// its operation.) Tests check exception types and properties, not these words.
/// </summary>
internal static class ConformanceMessages
{
    public static string NoSuchInput(string input) =>
        $"{input}: no such file or folder; name a package root, a datasets folder, or .xpt or Dataset-JSON files.";

    public static string NoDatasetFiles(IReadOnlyList<string> inputs) =>
        $"{string.Join(", ", inputs)}: no .xpt or Dataset-JSON files found; name a package root (with m5/datasets) or a folder of .xpt files.";

    public static string UnknownTerminology(string asked) =>
        $"--ct {asked}: neither a file nor a CT version (give e.g. 2019-12-20, sdtmct-2019-12-20, or the path of an NCI EVS text file)";

    public static string UnknownAdamClass(string name) =>
        $"adamClass \"{name}\" is not one of ADSL, BDS, OCCDS, OTHER";

    public static string RuleTypeNotImplemented(string ruleType) =>
        $"rule type \"{ruleType}\" is not implemented";

    public static string OperatorNotImplemented(string op, int line) =>
        $"operator {op} (line {line}) is not implemented";

    public static string OperationNotImplemented(string operation, int line) =>
        $"operation {operation} (line {line}) is not implemented";

    public static string UnknownCheckNode(string node) =>
        $"unknown check node {node}";

    public static string TestWithoutName(string op, int line) =>
        $"{op} at line {line} has no name";

    public static string InvalidRegex(string pattern, string problem) =>
        $"the rule's regular expression {pattern} is not valid: {problem}";

    public static string NeedsStandardMetadata(string standard, string version) =>
        $"needs {standard} {version} metadata (domains, variables, Core status), which is not shipped";

    public static string NeedsClassVariablesToOrder(string? datasetClass) =>
        "needs the SDTM model's class variables (CDISC Library), which are not shipped, to order " + datasetClass + " variables";

    public static string NeedsClassVariablesForCustomDomain(string domain) =>
        $"needs the SDTM model's class variables for the custom domain {domain}, which are not shipped";

    public static string NotAnIsoDate(string operation, string? target, object value) =>
        $"{operation} of {target}: \"{value}\" is not an ISO 8601 date";

    public static string SuppQnamTwiceForOneParent(string qnam) =>
        $"multiple records with the same QNAM '{qnam}' match a single parent record";
}
