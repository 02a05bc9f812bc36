using CdiscExport.Mapping.Raw;

namespace CdiscExport.Mapping;

/// <summary>
/// The home of this project's message texts: those of the raw-form readers (CSV, Excel, ODM clinical data) and of the
/// mapping engine, each carried by a <see cref="Engine.MappingException"/> (raw file, line, column, variable) or a
/// <see cref="Specs.SpecException"/> (spec file, line, column), and the algorithms'. The spec loader's texts are still
/// beside its code (Specs/), to move here. Tests check exception properties, not these words.
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

    public static string DerivationNeedsVariable(string missing) =>
        $"{missing} A derivation of this dataset (its derive: steps, visits, or SUPPQUAL for supp:) needs it: map it under variables:.";

    public static string NotANumber(string text, string variable) => $"\"{text}\" is not a number, but {variable} is numeric";

    // The algorithms': what the spec asks (a SpecException at its line) and what a raw value cannot give (a
    // MappingException at the raw line).
    public const string ElseNotLast = "\"else\" must be the last branch";

    public const string PatternNeedsGroup = "the pattern needs a group in parentheses: the part to extract";

    public static string NotKnown(string key, string value) => $"{key} \"{value}\" is not known";

    public static string NoSuchColumn(string form, string path, string column) => $"form \"{form}\" ({path}) has no column \"{column}\"";

    public static string AtLine(string path, int line, string problem) => $"{path} line {line}: {problem}";

    public static string NeedsAnAlgorithm(string? key, string value) =>
        $"\"{key}\" needs an algorithm, e.g. {{copy: COLUMN}} or {{constant: \"{value}\"}}";

    public static string UnknownAlgorithm(string name) => $"unknown algorithm \"{name}\"";

    public static string DefaultWithoutMap(string name) => $"default: is the value for what map: does not list; give {name} a map:";

    public static string MappedTwice(string key) => $"\"{key}\" is mapped twice";

    public static string NoSuchCodelist(string codelist, string? terminologyVersion) =>
        $"codelist \"{codelist}\" is not in the controlled terminology" + (terminologyVersion is null ? string.Empty : " " + terminologyVersion);

    public static string NotExtensible(string codelist, IEnumerable<string> extensions) =>
        $"codelist {codelist} is not extensible, so it cannot take sponsor values ({string.Join(", ", extensions)})";

    public static string NotInCodelist(string raw, string codelist, string code, bool extensible) =>
        $"\"{raw}\" is not in codelist {codelist} ({code}, {(extensible ? "extensible" : "non-extensible")}); " +
        "add it to this variable's map: in the spec" + (extensible ? ", or list it under extensions:" : string.Empty);

    public static string CodeNotInCodelist(string code, string codelist) => $"\"{code}\" is not in codelist {codelist}";

    public static string NoDecode(string codelist, string code, string? termCode) => $"codelist {codelist} has no term for {code} ({termCode})";

    public static string NotARegex(string problem) => $"not a valid regular expression: {problem}";

    public static string NoMatch(string value, string pattern) => $"\"{value}\" does not match the pattern {pattern}";

    public static string TableRowWithoutKey(string table, string key) => $"table \"{table}\": this row has no key column \"{key}\"";

    public static string TableKeyTwice(string table, IEnumerable<string> key) => $"table \"{table}\": the key {string.Join("/", key)} appears twice";

    public static string NoSuchTable(string table) => $"the study file has no table \"{table}\"";

    public static string TableKeyCount(string table, IReadOnlyCollection<string> keys) =>
        $"table \"{table}\" is keyed on {string.Join(", ", keys)}: give {keys.Count} key value(s)";

    public static string TableWithoutColumn(string table, string column) => $"table \"{table}\" has no column \"{column}\"";

    public static string NotInTable(IEnumerable<string> key, string table, string file) =>
        $"\"{string.Join("/", key)}\" is not in table \"{table}\" ({file}); add a row for it";

    public static string BadDateFormat(string format, string? timeFormat, string problem) =>
        $"date format \"{format}\"{(timeFormat is null ? string.Empty : $" / \"{timeFormat}\"")} is not valid: {problem}";

    public static string UnclosedTemplate(string template) => $"template \"{template}\" has a '{{' without its '}}'";

    public static string NoFactor(string from, string to) => $"no conversion factor from \"{from}\" to \"{to}\"; add \"{from} > {to}\" to factors:";

    public static string NotInMap(string value, IEnumerable<string> keys) =>
        $"\"{value}\" is not in the map ({string.Join(", ", keys.Select(k => $"\"{k}\""))}); add it, or give default:";

    public static string NoStudyAttribute(string key) => $"the study file defines no \"{key}\"";

    public static string NotJoined(string form) => $"\"{form}\" is not a form joined in this block";
}
