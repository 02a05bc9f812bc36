using System.Globalization;

namespace CdiscExport.Xpt;

/// <summary>Every message text of this library, in one place; tests check exception properties, not these words.</summary>
internal static class XptMessages
{
    public const string UnknownMissingKind = "Not a SAS missing value; use '.', 'A'-'Z' or '_'.";

    public static string NumericLength(int length) =>
        Invariant($"An IBM numeric is 3 to 8 bytes long (1 to 8 when reading), not {length}.");

    public static string NotA(string what, XptValue value) =>
        Invariant($"The value {value} is not a {what}; check IsNumber / IsMissing / IsText first.");

    public static string Located(string problem, string? filePath, long offset, string? member, string? variable)
    {
        var where = Invariant($"{filePath ?? "XPT input"} byte {offset} (record {(offset / XptLayout.RecordLength) + 1})");
        if (member is not null)
        {
            where += ", member " + member;
        }

        if (variable is not null)
        {
            where += ", variable " + variable;
        }

        return where + ": " + problem;
    }

    public const string NotXpt = "not a SAS transport file: the first record is not a LIBRARY or LIBV8 header. Check that the file is XPT, not a .sas7bdat or CSV.";
    public const string Truncated = "the file ends inside the headers; it is truncated or not an XPT file.";
    public const string TruncatedObservation = "the file ends inside an observation (trailing bytes are not blank padding); the file is truncated.";
    public const string BadFirstHeader = "the first library header does not start with 'SAS'; the file is corrupt.";
    public const string BadDateTime = "the datetime is not in ddMMMyy:hh:mm:ss form; the header is corrupt.";
    public const string BadNamestrLength = "the MEMBER header gives a NAMESTR length other than 140 or 136; the header is corrupt.";
    public const string BadVariableCount = "the NAMESTR header does not hold a valid variable count; the header is corrupt.";
    public const string BadVariableType = "the NAMESTR type is neither 1 (numeric) nor 2 (character); the NAMESTR is corrupt.";
    public const string BadVariableLength = "the NAMESTR length is out of range (numeric 2-8, character 1-32767); the NAMESTR is corrupt.";
    public const string BadVariablePosition = "the NAMESTR position puts the value outside the observation; the NAMESTR is corrupt.";
    public const string BadLabelBlock = "the LABELV8/LABELV9 block is inconsistent with the NAMESTRs; the file is corrupt.";

    public static string ExpectedHeader(string name) =>
        Invariant($"expected the {name} header record here; the file is corrupt or mixes V5 and V8 headers.");

    public static string BadOption(string option, string problem) => Invariant($"XptWriterOptions.{option} {problem}");

    public static string BadName(string? member, string? variable, string name, int limit) =>
        Invariant($"{Where(member, variable)}: name '{name}' is not a valid SAS name of at most {limit} characters (letters, digits, '_', not starting with a digit, not a reserved name). Rename it, or use V8 for names up to 32 characters.");

    public static string DuplicateName(string member, string variable) =>
        Invariant($"{member}.{variable}: the name is used twice (SAS names are case-insensitive). Rename one of them.");

    public static string TooLong(string? member, string? variable, string what, int length, int limit, int version) =>
        Invariant($"{Where(member, variable)}: {what} has {length} characters; XPT V{version} allows at most {limit}. Shorten it{(version == 5 && what != "dataset label" ? ", or write V8 (not accepted by the FDA)" : "")}.");

    public static string BadLength(string member, string variable, XptVariableType type, int length, int version) =>
        type == XptVariableType.Numeric
            ? Invariant($"{member}.{variable}: numeric length {length} is not allowed; use 3 to 8 (8 recommended).")
            : Invariant($"{member}.{variable}: character length {length} is not allowed; XPT V{version} allows 1 to {XptLayout.CharacterLimit(version)}.");

    public static string NonAscii(string? member, string? variable, long? row, string what) =>
        Invariant($"{Where(member, variable)}{(row is null ? "" : Invariant($" row {row}"))}: {what} contains non-ASCII characters, which XPT cannot store. Replace them, or set XptWriterOptions.TransliterateNonAscii to substitute ASCII and list each change.");

    public static string ValueTooLong(string member, string variable, long row, int length, int limit) =>
        Invariant($"{member}.{variable} row {row}: the text is {length} bytes but the variable's length is {limit}. Increase XptVariable.Length or shorten the value.");

    public static string WrongType(string member, string variable, long row, XptVariableType type, XptValue value) =>
        Invariant($"{member}.{variable} row {row}: a {type} variable cannot hold '{value}'. Pass XptValue.{(type == XptVariableType.Numeric ? "Number or XptValue.Missing" : "Text")}.");

    public static string WrongCount(string member, int expected, int actual) =>
        Invariant($"{member}: a row needs {expected} values, one per variable, but {actual} were given.");

    public static string NoVariables(string member) => Invariant($"{member}: a dataset needs at least one variable.");

    public const string Completed = "Complete() has been called; the file is finished and takes no more rows.";
    public const string NoCurrentRow = "There is no current row; call Read() and check that it returned true.";

    public static string IncompatibleSource(string member) =>
        Invariant($"{member}: the source reader's variables do not match this writer's in number and type; create the writer with source.Dataset.");

    public static string WrongReadType(string member, string variable, XptVariableType type) =>
        Invariant($"{member}.{variable} is {type}; use {(type == XptVariableType.Numeric ? "GetDouble" : "GetString")} or GetValue.");

    private static string Where(string? member, string? variable) =>
        member is null ? variable ?? "dataset" : variable is null ? member : member + "." + variable;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
