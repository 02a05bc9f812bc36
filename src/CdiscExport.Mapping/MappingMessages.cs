using CdiscExport.Mapping.Raw;

namespace CdiscExport.Mapping;

/// <summary>
/// The home of this project's message texts: those of the raw-form readers (CSV, Excel, ODM clinical data) and of the
/// mapping engine, each carried by a <see cref="Engine.MappingException"/> (raw file, line, column, variable) or a
/// <see cref="Specs.SpecException"/> (spec file, line, column). The spec loader's and the algorithms' texts are still
/// beside their code (Specs/, Algorithms/), to move here. Tests check exception properties, not these words.
/// </summary>
internal static class MappingMessages
{
    public const string ItemGroupDataWithoutOid = "ItemGroupData has no ItemGroupOID";

    public static string NoHeaderRow(int headerRow) =>
        headerRow == 1 ? "the form has no header row" : $"line {headerRow} (raw header_row) holds no column names";

    public static string EndsBeforeHeaderRow(int headerRow) =>
        $"the file ends before line {headerRow}, which raw header_row names as the header";

    public static string TooManyFields(int fields, int headers, char delimiter, char? otherDelimiter) =>
        $"the record has {fields} fields but the header names {headers}; " +
        (otherDelimiter is { } other
            ? $"the header is one column holding {RawFormReader.Describe(other)}s: is the form {RawFormReader.Describe(other)}-delimited (raw delimiter: \"{(other == '\t' ? "tab" : other)}\", or detect)?"
            : $"a {RawFormReader.Describe(delimiter)} inside a value must be quoted");

    public static string MalformedCsv(string problem) =>
        $"malformed CSV ({problem.TrimEnd('.')}); check for an unbalanced quote";

    public static string NotUtf8(byte first) =>
        $"byte 0x{first:X2} is not valid UTF-8; " +
        "declare the file's encoding in the study file (raw: encoding: latin-1, or cp1252, for example)";

    public static string NoSuchSheet(string sheet, IEnumerable<string> sheets) =>
        $"the workbook has no sheet \"{sheet}\"; its sheets are: {string.Join(", ", sheets)}";

    public static string EmptyHeaderRow(int row) =>
        $"the header row {row} is empty; set raw: header_row: to the row holding the column names";

    public static string ValueRightOfLastColumn(string value, string lastColumn, int headerRow) =>
        $"\"{value}\" stands right of the last named column ({lastColumn}); give the column a name in row {headerRow}";

    public static string SheetShorterThanHeaderRow(int rows, int headerRow) =>
        $"the sheet has {rows} rows, so no header in row {headerRow}; set raw: header_row:";

    public static string MalformedOdmXml(string problem) =>
        $"malformed XML ({problem.TrimEnd('.')}); an ODM export must be well-formed XML";

    public static string Unreadable(string problem) =>
        $"the file cannot be read ({problem.TrimEnd('.')})";

    public static string NotOdmRoot(string namespaceUri, string localName, string odmNamespace) =>
        $"the root element is {{{namespaceUri}}}{localName}, not an ODM 1.3 <ODM> element " +
        $"(namespace {odmNamespace}); only CDISC ODM 1.3.x files are read as clinical data";

    public static string ItemDataOutsideGroup(string element) =>
        $"{element} outside an ItemGroupData";

    public static string ItemDataWithoutOid(string element) =>
        $"{element} has no ItemOID";

    public static string ItemWithoutItemDef(string itemOid) =>
        $"ItemOID \"{itemOid}\" has no ItemDef in the MetaDataVersion the ClinicalData names (nor in those it includes)";

    public static string ItemGivenTwice(string itemOid, string groupOid) =>
        $"item \"{itemOid}\" is given twice in one ItemGroupData (ItemGroupOID {groupOid})";

    public static string DuplicateItemGroupColumn(string groupOid, string header) =>
        $"ItemGroup {groupOid} would have two columns named \"{header}\"; rename one of the ItemDefs";

    // The mapping engine's: forms, joins, derivations and typing.
    public const string LiteralRowsCannotJoin = "a block of literal rows cannot join a form";

    public static string NoSuchForm(string form, string path) => $"raw form \"{form}\" does not exist ({path})";

    public static string NoSuchColumn(string form, string column) => $"form \"{form}\" has no column \"{column}\"";

    public static string JoinFindsSeveral(string form, IReadOnlyList<int> lines) =>
        $"joins {lines.Count} records of form {form} (lines {string.Join(", ", lines)}); a join must find at most one";

    public static string JoinFindsNone(string form, string on, string key) => $"has no matching record in form {form} ({on} = \"{key}\")";

    public static string NoVariableYet(string dataset, string variable) => $"{dataset} has no variable \"{variable}\" at this point";

    public static string NeedsReferenceDates(string derivation) =>
        $"derivation \"{derivation}\" needs DM's reference dates: list dm among the study's datasets";

    public static string NoVisitsSection(string dataset) => $"{dataset} derives visits, but the study file has no visits: section";

    public static string VisitLabelMatchesNoRule(string label) => $"visit label \"{label}\" matches no rule in the study file's visits: section";

    public static string SortKeyNotAVariable(string key, string dataset) => $"sort key {key} is not a variable of {dataset}";

    public static string ValueTooLong(int limit, string dataset) =>
        $"the value is longer than the {limit} characters XPT v5 holds; only --TERM variables are split into SUPP{dataset}";

    public static string NotInIg(string variable, string igVersion, string dataset) =>
        $"{variable} is not an SDTMIG {igVersion} variable of {dataset} nor of its general observation class; put a non-standard variable under supp:";

    public static string NotANumber(string text, string variable) => $"\"{text}\" is not a number, but {variable} is numeric";
}
