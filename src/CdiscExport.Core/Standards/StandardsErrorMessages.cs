namespace CdiscExport.Core.Standards;

/// <summary>
/// Every message text of the standards and terminology loaders, in one place. Each states the problem and ends
/// with what to do; <see cref="StandardsFormatException"/> prefixes the file and line.
/// </summary>
internal static class StandardsErrorMessages
{
    private const string RestoreRemedy = "The file must be the unmodified CDISC/NCI file; restore it from specs/standards.";

    public static string FileNotFound =>
        "file not found. Point the loader at the specs/standards folder shipped with CdiscExport.";

    public static string MalformedCsv(string parserMessage) => $"{parserMessage} {RestoreRemedy}";

    public static string MissingColumn(string column, IEnumerable<string> expected) =>
        $"column \"{column}\" is missing. Expected columns: {string.Join(", ", expected)}. {RestoreRemedy}";

    public static string EmptyValue(string column) => $"\"{column}\" is empty; every row needs one. {RestoreRemedy}";

    public static string NotAWholeNumber(string column, string value) =>
        $"\"{column}\" is \"{value}\", not a whole number. {RestoreRemedy}";

    public static string NotAllowed(string column, string value, string allowed) =>
        $"\"{column}\" is \"{value}\". Allowed values: {allowed}. {RestoreRemedy}";

    public static string UnknownDataStructure(string structure, IEnumerable<string> known) =>
        $"data structure \"{structure}\" is not described in DataStructures.csv (known: {string.Join(", ", known)}). {RestoreRemedy}";

    public static string NoReleaseDateInFileName =>
        "the file name carries no release date (yyyy-mm-dd). Keep NCI's file name, e.g. sdtm-terminology-2025-03-28.txt.";

    public static string DuplicateCodelist(string code) => $"codelist {code} appears twice. {RestoreRemedy}";

    public static string TermsWithoutCodelist(string codelistCode) =>
        $"terms of codelist {codelistCode} but no codelist row for it (a row with that Code and an empty \"Codelist Code\"). " +
        "A subset must keep each codelist's own row with its terms.";

    public static string StandardsFolderNotFound(IEnumerable<string> starts, string marker) =>
        $"No specs/standards folder (with {marker}/) found in or above {string.Join(" or ", starts)}. " +
        "Run from a CdiscExport checkout or installation, or pass the folder to StandardsLibrary.Load explicitly.";
}
