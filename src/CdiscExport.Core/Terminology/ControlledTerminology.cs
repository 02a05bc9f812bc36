using System.Text.RegularExpressions;
using CdiscExport.Core.Standards;

namespace CdiscExport.Core.Terminology;

/// <summary>
/// One release of CDISC controlled terminology (e.g. SDTM CT 2025-03-28) read from the NCI EVS tab-separated text
/// file: codelists by C-code and by submission value.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed partial class ControlledTerminology
{
    private const string CodeColumn = "Code";
    private const string CodelistCodeColumn = "Codelist Code";
    private const string ExtensibleColumn = "Codelist Extensible (Yes/No)";
    private const string CodelistNameColumn = "Codelist Name";
    private const string SubmissionValueColumn = "CDISC Submission Value";
    private const string SynonymsColumn = "CDISC Synonym(s)";
    private const string DefinitionColumn = "CDISC Definition";
    private const string PreferredTermColumn = "NCI Preferred Term";

    private readonly List<Codelist> codelists;
    private readonly Dictionary<string, Codelist> byCode;
    private readonly Dictionary<string, Codelist> bySubmissionValue;

    private ControlledTerminology(string version, List<Codelist> codelists)
    {
        Version = version;
        this.codelists = codelists;
        byCode = codelists.ToDictionary(c => c.Code, StringComparer.Ordinal);
        bySubmissionValue = new Dictionary<string, Codelist>(StringComparer.Ordinal);
        foreach (var codelist in codelists)
        {
            bySubmissionValue.TryAdd(codelist.SubmissionValue, codelist);
        }
    }

    /// <summary>The release date taken from the file name, e.g. "2025-03-28".</summary>
    public string Version { get; }

    /// <summary>All codelists, in file order.</summary>
    public IEnumerable<Codelist> Codelists => codelists;

    /// <summary>
    /// Loads an NCI EVS CDISC terminology text file (tab-separated, header
    /// <c>Code, Codelist Code, Codelist Extensible (Yes/No), Codelist Name, CDISC Submission Value,
    /// CDISC Synonym(s), CDISC Definition, NCI Preferred Term</c>). A row with an empty "Codelist Code" is a
    /// codelist; the others are its terms.
    /// </summary>
    /// <param name="path">The file; its name must contain the release date (yyyy-mm-dd), as NCI names them.</param>
    /// <exception cref="StandardsFormatException">The file is missing or malformed, or its name carries no date;
    /// the message names file and line.</exception>
    public static ControlledTerminology Load(string path)
    {
        var date = ReleaseDate().Match(System.IO.Path.GetFileName(path));
        if (!date.Success)
        {
            throw new StandardsFormatException(path, 0, StandardsErrorMessages.NoReleaseDateInFileName);
        }

        var headers = new List<(string Code, string Name, string SubmissionValue, bool Extensible, long Line)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new Dictionary<string, List<Term>>(StringComparer.Ordinal);
        var firstTermLine = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var csv = MetadataCsvReader.Open(path, true,
                   CodeColumn, CodelistCodeColumn, ExtensibleColumn, CodelistNameColumn, SubmissionValueColumn,
                   SynonymsColumn, DefinitionColumn, PreferredTermColumn))
        {
            while (csv.Read())
            {
                var code = csv.Get(CodeColumn);
                if (code.Length == 0)
                {
                    throw csv.Error(StandardsErrorMessages.EmptyValue(CodeColumn));
                }

                var codelistCode = csv.Get(CodelistCodeColumn);
                if (codelistCode.Length == 0)
                {
                    if (!seen.Add(code))
                    {
                        throw csv.Error(StandardsErrorMessages.DuplicateCodelist(code));
                    }

                    var extensible = csv.Get(ExtensibleColumn) switch
                    {
                        "Yes" => true,
                        "No" => false,
                        var other => throw csv.Error(StandardsErrorMessages.NotAllowed(ExtensibleColumn, other, "Yes, No")),
                    };
                    headers.Add((code, csv.Get(CodelistNameColumn), csv.Get(SubmissionValueColumn), extensible, csv.Line));
                }
                else
                {
                    if (!terms.TryGetValue(codelistCode, out var list))
                    {
                        terms[codelistCode] = list = [];
                        firstTermLine[codelistCode] = csv.Line;
                    }

                    var synonyms = csv.Get(SynonymsColumn)
                        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    list.Add(new Term(code, csv.Get(SubmissionValueColumn), synonyms, csv.Get(DefinitionColumn),
                        csv.Get(PreferredTermColumn)));
                }
            }
        }

        foreach (var (codelistCode, line) in firstTermLine)
        {
            if (!seen.Contains(codelistCode))
            {
                throw new StandardsFormatException(path, line, StandardsErrorMessages.TermsWithoutCodelist(codelistCode));
            }
        }

        var result = headers
            .Select(h => new Codelist(h.Code, h.Name, h.SubmissionValue, h.Extensible,
                terms.TryGetValue(h.Code, out var list) ? list.ToArray() : []))
            .ToList();
        return new ControlledTerminology(date.Value, result);
    }

    /// <summary>The codelist with NCI C-code <paramref name="cCode"/> (e.g. "C66731"), or null.</summary>
    public Codelist? FindByCode(string cCode) => byCode.GetValueOrDefault(cCode);

    /// <summary>The codelist with submission value <paramref name="name"/> (e.g. "SEX", "ONCRSR"), or null.</summary>
    public Codelist? FindBySubmissionValue(string name) => bySubmissionValue.GetValueOrDefault(name);

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseDate();
}
