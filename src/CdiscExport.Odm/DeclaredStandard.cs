namespace CdiscExport.Odm;

/// <summary>Where in a define.xml a <see cref="DeclaredStandard"/> was declared.</summary>
public enum DeclaredStandardSource
{
    /// <summary>A <c>def:Standard</c> in <c>def:Standards</c> (Define-XML 2.1).</summary>
    DefStandard,

    /// <summary><c>def:StandardName</c>/<c>def:StandardVersion</c> on MetaDataVersion (Define-XML 2.0 and 1.0).</summary>
    MetaDataVersion,

    /// <summary>
    /// A CodeList's <c>ExternalCodeList</c> whose Dictionary names CDISC/NCI terminology (a hint some Define-XML 2.0 and
    /// 1.0 files give; those versions have no place to declare the CT release).
    /// </summary>
    ExternalCodeList,
}

/// <summary>
/// A standard a define.xml declares: an implementation guide or a controlled terminology release, named as
/// Define-XML 2.1 names it whatever the file's version, so that a package is judged by the versions it declares.
/// </summary>
/// <param name="Name">
/// The standard in Define-XML 2.1's spelling: "SDTMIG", "ADaMIG", "SENDIG", "SDTMIG-MD"... for an IG, "CDISC/NCI"
/// for CT. A name this reader does not recognise stays as written (e.g. PhUSE's test "XYZ-IG").
/// </param>
/// <param name="Type">"IG" or "CT" (Define-XML 2.0 and 1.0 declare only the IG).</param>
/// <param name="Version">The version as written: "3.1.2", "1.1", "2023-12-15".</param>
/// <param name="NameAsWritten">The name as the file spells it: "SDTM-IG" (2.0), "CDISC SDTM" (1.0), "STDTMIG" (CDISC's pilot).</param>
/// <param name="Source">Where the file declares it.</param>
/// <example>
/// CDISC's pilot define.xml (2.1) declares SDTMIG 3.3 (written "STDTMIG"), SDTMIG-MD 1.1 and CDISC/NCI CT 2020-12-18
/// for the SDTM and DEFINE-XML publishing sets; the SAS CST sample define (2.0, <c>def:StandardName="SDTM-IG"</c>)
/// declares SDTMIG 3.1.2 and no CT.
/// </example>
public sealed record DeclaredStandard(string Name, string Type, string Version, string NameAsWritten, DeclaredStandardSource Source)
{
    /// <summary>The Type of an implementation guide.</summary>
    public const string ImplementationGuide = "IG";

    /// <summary>The Type of a controlled terminology release.</summary>
    public const string Terminology = "CT";

    /// <summary>The Name of CDISC controlled terminology (published by NCI EVS), as Define-XML 2.1 writes it.</summary>
    public const string CdiscNci = "CDISC/NCI";

    /// <summary>For CT, the publishing set (SDTM, ADaM, SEND, DEFINE-XML...); null when the file does not say (always in 2.0 and 1.0).</summary>
    public string? PublishingSet { get; init; }

    /// <summary>def:Standard/@Status (e.g. "Final"); null when the file does not say (always in 2.0 and 1.0).</summary>
    public string? Status { get; init; }

    /// <summary>
    /// Implementation guide names as Define-XML 2.1's StandardName codelist spells them, keyed by the written name in
    /// upper case without '-', ' ', '_' and '/', so that "SDTM-IG", "SDTM IG" and "SDTMIG" meet.
    /// </summary>
    /// <remarks>
    /// Three keys are not spellings of the 2.1 term: "CDISCSDTM" and "CDISCADAM" are how Define-XML 1.0 files name the
    /// IG ("CDISC SDTM" with def:StandardVersion "3.1.1" is SDTMIG 3.1.1), and "STDTMIG" is the misspelling in CDISC's
    /// own pilot define.xml (SDTM-MSG 2.0), which many packages copy. The schema check still reports that spelling;
    /// recognising it here only lets the package be judged against the SDTMIG version it means.
    /// </remarks>
    private static readonly Dictionary<string, string> IgNames = new(StringComparer.Ordinal)
    {
        ["SDTMIG"] = "SDTMIG",
        ["STDTMIG"] = "SDTMIG",
        ["CDISCSDTM"] = "SDTMIG",
        ["SDTMIGAP"] = "SDTMIG-AP",
        ["SDTMIGMD"] = "SDTMIG-MD",
        ["SDTMIGPGX"] = "SDTMIG-PGx",
        ["ADAMIG"] = "ADaMIG",
        ["CDISCADAM"] = "ADaMIG",
        ["SENDIG"] = "SENDIG",
        ["SENDIGAR"] = "SENDIG-AR",
        ["SENDIGDART"] = "SENDIG-DART",
        ["SENDIGGENETOX"] = "SENDIG-GENETOX",
        ["BIMO"] = "BIMO",
    };

    /// <summary>ExternalCodeList Dictionary values that name CDISC terminology, keyed as <see cref="IgNames"/>.</summary>
    private static readonly HashSet<string> CtDictionaries = new(StringComparer.Ordinal)
    {
        "CDISC", "CDISCNCI", "CDISCCT", "NCI", "NCICT", "NCIEVS", "CDISCTERMINOLOGY", "CDISCCONTROLLEDTERMINOLOGY",
    };

    /// <summary>The standards <paramref name="document"/> declares, in file order (see <see cref="DefineDocument.DeclaredStandards"/>).</summary>
    internal static OdmList<DeclaredStandard> Of(DefineDocument document)
    {
        var mdv = document.Study.MetaDataVersion;
        var found = new List<DeclaredStandard>();
        foreach (var s in mdv.Standards)
        {
            var name = s.Type == Terminology ? CanonicalTerminologyName(s.Name) : CanonicalIgName(s.Name);
            found.Add(new DeclaredStandard(name, s.Type, s.Version, s.Name, DeclaredStandardSource.DefStandard)
            {
                PublishingSet = s.PublishingSet,
                Status = s.Status,
            });
        }

        if (mdv.StandardName is { } standardName)
        {
            found.Add(new DeclaredStandard(CanonicalIgName(standardName), ImplementationGuide, mdv.StandardVersion ?? "",
                standardName, DeclaredStandardSource.MetaDataVersion));
        }

        // Define-XML 2.1 declares its CT in def:Standards; only the older versions need the hint.
        if (document.DefineXmlVersion != DefineXmlVersion.Define21)
        {
            foreach (var external in mdv.CodeLists.Select(c => c.External).OfType<ExternalCodeList>())
            {
                var version = external.Version?.Trim() ?? "";
                if (external.Dictionary is { } dictionary && CtDictionaries.Contains(Key(dictionary)) && version.Length > 0
                    && !found.Any(f => f.Type == Terminology && f.Version == version))
                {
                    found.Add(new DeclaredStandard(CdiscNci, Terminology, version, dictionary, DeclaredStandardSource.ExternalCodeList));
                }
            }
        }

        return new OdmList<DeclaredStandard>(found);
    }

    private static string CanonicalIgName(string written) => IgNames.GetValueOrDefault(Key(written)) ?? written;

    private static string CanonicalTerminologyName(string written) => CtDictionaries.Contains(Key(written)) ? CdiscNci : written;

    private static string Key(string written) =>
        string.Concat(written.Where(c => c is not ('-' or ' ' or '_' or '/'))).ToUpperInvariant();
}
