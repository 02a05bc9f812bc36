namespace CdiscExport.Core.Terminology;

/// <summary>
/// Every message text of the terminology loaders and parsers, in one place. Each states the problem and ends with
/// what to do; <see cref="Standards.StandardsFormatException"/> prefixes the file and line.
/// </summary>
internal static class TerminologyErrorMessages
{
    private const string EvsRemedy =
        "Use the NCI EVS file as published (tab-separated, UTF-8, gzip allowed), e.g. sdtm-terminology-2025-03-28.txt " +
        "from https://evs.nci.nih.gov/ftp1/CDISC/SDTM/.";

    private const string ShippedRemedy = "The file is shipped with CdiscExport; restore it from specs/standards.";

    public static string FileNotFound =>
        "file not found. Give the path of an NCI EVS terminology file, or point the library at specs/standards/ct/sdtm.";

    public static string EmptyFile => $"the file is empty; the first line must be the column header. {EvsRemedy}";

    public static string NotUtf8 => $"the line is not valid UTF-8 text (NCI EVS publishes UTF-8). Save the file as UTF-8. {EvsRemedy}";

    public static string CorruptGzip(string detail) => $"the gzip data is corrupt ({detail}). Copy or download the file again.";

    public static string GzipSizeMismatch(long actual, uint recorded) =>
        $"it decompresses to {actual} bytes but its trailer records {recorded}: the file was cut short or damaged";

    public static string MissingColumns(IEnumerable<string> missing, IEnumerable<string> expected) =>
        $"column(s) {Quoted(missing)} missing from the header. Expected the tab-separated NCI EVS columns {Quoted(expected)}. {EvsRemedy}";

    public static string FieldCount(int actual, int expected) =>
        $"{actual} tab-separated fields, but the header has {expected}; a field holds a tab or the line was cut. {EvsRemedy}";

    public static string EmptyValue(string column) => $"\"{column}\" is empty; every row needs one. {EvsRemedy}";

    public static string ExtensibleNotYesNo(string column, string value) =>
        $"\"{column}\" is \"{value}\" on a codelist row. Allowed values: Yes, No. {EvsRemedy}";

    public static string DuplicateCodelist(string code, long firstLine) =>
        $"codelist {code} appears twice (first on line {firstLine}). {EvsRemedy}";

    public static string TermsWithoutCodelist(string codelistCode) =>
        $"terms of codelist {codelistCode} but no codelist row for it (a row with that Code and an empty \"Codelist Code\"). " +
        "A subset must keep each codelist's own row with its terms.";

    public static string NoReleaseDateInFileName =>
        "the file name carries no release date (yyyy-mm-dd). Keep NCI's file name, e.g. sdtm-terminology-2025-03-28.txt, " +
        "or pass the release date to ControlledTerminology.Load(path, releaseDate).";

    public static string MalformedJson(string detail) => $"not valid JSON ({detail}). {ShippedRemedy}";

    public static string UnexpectedJson(string jsonPath, string expected) =>
        $"at {jsonPath}: expected {expected}. The file must be CDISC CORE's terminology cache converted to JSON " +
        $"(\"codelists\": C-code -> \"extensible\" and \"terms\" or \"allowed_terms\"). {ShippedRemedy}";

    public static string CompletenessMismatch(TerminologyCompleteness declared, TerminologyCompleteness found) =>
        $"the catalogue declares this release {declared}, but the file holds {found} data. Correct the catalogue's Completeness column.";

    public static string PackageDateMismatch(string package, string releaseDate) =>
        $"the file says it is package \"{package}\", not the release {releaseDate} the catalogue names. Correct the catalogue.";

    public static string CatalogueHeader(string expected) =>
        $"the header must be exactly \"{expected}\". {ShippedRemedy}";

    public static string CatalogueFieldCount(int actual, int expected) =>
        $"{actual} comma-separated fields; expected {expected} (release date, completeness, file). {ShippedRemedy}";

    public static string CatalogueDate(string text) =>
        $"release date \"{text}\" is not a date of the form yyyy-mm-dd. {ShippedRemedy}";

    public static string CatalogueCompleteness(string text) =>
        $"completeness \"{text}\" is not one of {string.Join(", ", Enum.GetNames<TerminologyCompleteness>())}. {ShippedRemedy}";

    public static string CatalogueDuplicateDate(string date) => $"release {date} is listed twice. {ShippedRemedy}";

    public static string CatalogueEmpty => $"the catalogue lists no release. {ShippedRemedy}";

    public static string CatalogueFileName(string file) =>
        $"file \"{file}\" must be a plain file name in the catalogue's folder, ending in .txt, .txt.gz, .json or .json.gz. {ShippedRemedy}";

    public static string CatalogueFileMissing(string file) => $"file \"{file}\" is listed but not in the folder. {ShippedRemedy}";

    public static string CatalogueFormatMismatch(string file, TerminologyCompleteness completeness) =>
        $"file \"{file}\" cannot hold a {completeness} release: NCI EVS text (.txt) is Full, CORE's JSON cache (.json) is " +
        $"{TerminologyCompleteness.CodelistValuesOnly} or {TerminologyCompleteness.MixedValuesOnly}. {ShippedRemedy}";

    public static string ReleaseNotShipped(string requested, IEnumerable<string> shipped) =>
        $"SDTM CT {requested} is not shipped (shipped: {string.Join(", ", shipped)}). " +
        "Use ChooseNearest for the nearest shipped release, or load the NCI EVS file with ControlledTerminology.Load.";

    public static string OtherPublishingSet(string requested, string publishingSet) =>
        $"{requested} is not {publishingSet} controlled terminology; this library holds {publishingSet} CT only.";

    public static string UnrecognisedVersion(string text) =>
        $"\"{text}\" is not a controlled terminology version. Accepted: a release date (2019-12-20), a CDISC Library " +
        "package name (sdtmct-2019-12-20) or a publishing set, \"CT\" and a date (SDTM CT 2019-12-20).";

    public static string NotADate(string text, string date) =>
        $"\"{text}\": {date} is not a calendar date. Release dates are written yyyy-mm-dd.";

    public static string PublishingSetConflict(string attribute, string version) =>
        $"def:Standard PublishingSet=\"{attribute}\" disagrees with Version=\"{version}\". Correct the define.xml.";

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
