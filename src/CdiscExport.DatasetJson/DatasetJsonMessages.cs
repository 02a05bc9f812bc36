using System.Globalization;

namespace CdiscExport.DatasetJson;

/// <summary>Every message text of this library, in one place; tests check exception properties, not these words.</summary>
internal static class DatasetJsonMessages
{
    public static string Located(string problem, string? filePath, long? record, string? column)
    {
        var where = filePath ?? "Dataset-JSON input";
        where += record is { } r ? Invariant($" record {r}") : " metadata";
        if (column is not null)
        {
            where += ", column " + column;
        }

        return where + ": " + problem;
    }

    public static string BadAttribute(string attribute, string? value, string allowed) =>
        $"\"{attribute}\" is \"{value}\"; it must be {allowed}.";

    public static string MissingAttribute(string attribute) =>
        $"the required attribute \"{attribute}\" is missing or empty.";

    public static string ColumnProblem(string? column, string problem) => $"column {column ?? "(unnamed)"}: {problem}.";

    public static string UnknownAttribute(string attribute) =>
        $"unknown attribute \"{attribute}\"; Dataset-JSON v1.1 allows no others (additionalProperties is false).";

    public static string UnknownDataType(string text) =>
        $"dataType \"{text}\" is not one of {DatasetJsonNames.AllowedDataTypes}.";

    public static string UnknownTargetDataType(string text) =>
        $"targetDataType \"{text}\" is not integer or decimal.";

    public static string WrongJsonType(string attribute, string expected) => $"\"{attribute}\" must be {expected}.";

    public static string Malformed(string detail) => $"not well-formed JSON ({detail}).";

    public const string NotUtf8 = "a string is not valid Unicode text (bytes that are not UTF-8, or a \\uD800-\\uDFFF escape without its pair), which Dataset-JSON requires; the file is corrupt or was saved in another encoding.";

    public const string NotAnObject = "the file does not start with a JSON object; a Dataset-JSON file starts with its metadata object.";
    public const string Truncated = "the file ends before the metadata is complete; it is truncated.";
    public const string TruncatedRows = "the file ends inside the rows; it is truncated.";
    public const string RowsBeforeColumns = "\"rows\" comes before \"columns\" or \"records\"; write the attributes in the specification's order so the file can be streamed.";
    public const string NotARow = "a record must be a JSON array of values.";
    public const string NestedValue = "a value must be a string, number, true, false or null, not an array or object.";
    public const string TrailingContent = "there is content after the dataset; a file holds one dataset.";
    public const string BadCompression = "the compressed data is corrupt (DSJC is gzip, zlib or deflate over NDJSON).";

    public static string WrongCount(int expected, int actual) =>
        Invariant($"the record has {actual} values, but there are {expected} columns.");

    public static string RecordsMismatch(long declared, long actual) =>
        Invariant($"\"records\" is {declared}, but {actual} rows were {(actual > declared ? "found or written (more)" : "found or written")}; records must equal the number of rows.");

    public static string WrongValueType(DatasetJsonDataType type, string found) =>
        $"a {DatasetJsonNames.Of(type)} column cannot hold {found}.";

    public static string NotAnInteger(string text) => $"an integer column cannot hold {text}.";

    public static string NotANumber(string text) => $"\"{text}\" is not a number.";

    public const string NotFinite = "NaN and infinities have no JSON number; write null for a missing value.";

    public const string Completed = "Complete() was already called; no more rows can be written.";

    public const string NoCurrentRow = "There is no current row: call Read() first and check that it returned true.";

    public static string NotA(string what, DatasetJsonValueKind kind) =>
        $"The value is {kind}, not {what}; check the kind first.";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
