using System.Text.RegularExpressions;
using CdiscExport.Core.Standards;
using NodaTime;
using NodaTime.Text;

namespace CdiscExport.Core.Terminology;

/// <summary>
/// One release of CDISC controlled terminology (e.g. SDTM CT 2025-03-28): its codelists by C-code and by submission
/// value. Read from an NCI EVS text file (<see cref="Load(string)"/>) or taken from the shipped releases of a
/// <see cref="TerminologyLibrary"/>.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed partial class ControlledTerminology
{
    private readonly Dictionary<string, Codelist> byCode;
    private readonly Dictionary<string, Codelist> bySubmissionValue;

    private ControlledTerminology(LocalDate releaseDate, TerminologyCompleteness completeness, string sourcePath, IReadOnlyList<Codelist> codelists)
    {
        ReleaseDate = releaseDate;
        Version = LocalDatePattern.Iso.Format(releaseDate);
        Completeness = completeness;
        SourcePath = sourcePath;
        Codelists = codelists;
        byCode = new Dictionary<string, Codelist>(codelists.Count, StringComparer.Ordinal);
        bySubmissionValue = new Dictionary<string, Codelist>(codelists.Count, StringComparer.Ordinal);
        foreach (var codelist in codelists)
        {
            byCode.TryAdd(codelist.Code, codelist);
            if (codelist.SubmissionValue is not null)
            {
                bySubmissionValue.TryAdd(codelist.SubmissionValue, codelist);
            }
        }
    }

    /// <summary>The release date as text, e.g. "2025-03-28" (define.xml's <c>def:Standard Version</c>).</summary>
    public string Version { get; }

    /// <summary>The release date, e.g. 2025-03-28.</summary>
    public LocalDate ReleaseDate { get; }

    /// <summary>How much of the release is held: <see cref="TerminologyCompleteness.Full"/> for an NCI EVS file.</summary>
    public TerminologyCompleteness Completeness { get; }

    /// <summary>The file the release was read from.</summary>
    public string SourcePath { get; }

    /// <summary>All codelists, in file order.</summary>
    public IReadOnlyList<Codelist> Codelists { get; }

    /// <summary>
    /// Loads an NCI EVS CDISC terminology text file, plain or gzip-compressed: tab-separated UTF-8 with the header
    /// <c>Code, Codelist Code, Codelist Extensible (Yes/No), Codelist Name, CDISC Submission Value,
    /// CDISC Synonym(s), CDISC Definition, NCI Preferred Term</c> (in any order; other columns are ignored). A row
    /// with an empty "Codelist Code" is a codelist; the others are its terms. Values are trimmed.
    /// </summary>
    /// <param name="path">The file; its name must contain the release date (yyyy-mm-dd), as NCI names them, e.g.
    /// <c>SDTM Terminology 2019-12-20.txt</c> or <c>sdtm-terminology-2025-03-28.txt.gz</c>.</param>
    /// <returns>A <see cref="TerminologyCompleteness.Full"/> release.</returns>
    /// <exception cref="StandardsFormatException">The file is missing, its name carries no date, or it is malformed
    /// (a missing column, a row with another number of fields, an empty Code or submission value, an extensibility
    /// other than Yes/No, a codelist twice, terms without their codelist row, bytes that are not UTF-8, corrupt
    /// gzip); <see cref="StandardsFormatException.FilePath"/> and <see cref="StandardsFormatException.Line"/>
    /// locate it.</exception>
    public static ControlledTerminology Load(string path)
    {
        var date = ReleaseDateInName().Match(Path.GetFileName(path));
        var parsed = date.Success ? LocalDatePattern.Iso.Parse(date.Value) : null;
        if (parsed is null || !parsed.Success)
        {
            throw new StandardsFormatException(path, 0, TerminologyErrorMessages.NoReleaseDateInFileName);
        }

        return Load(path, parsed.Value);
    }

    /// <summary>
    /// Loads an NCI EVS CDISC terminology text file as <see cref="Load(string)"/> does, for a file whose name does
    /// not carry its release date.
    /// </summary>
    /// <param name="path">The file, plain or gzip-compressed.</param>
    /// <param name="releaseDate">The release the file holds.</param>
    /// <returns>A <see cref="TerminologyCompleteness.Full"/> release.</returns>
    /// <exception cref="StandardsFormatException">The file is missing or malformed; names file and line.</exception>
    public static ControlledTerminology Load(string path, LocalDate releaseDate) =>
        new(releaseDate, TerminologyCompleteness.Full, path, EvsTextReader.Read(path));

    /// <summary>
    /// Loads a release from CDISC CORE's terminology cache in JSON (see <see cref="CoreCacheJsonReader"/>), naming
    /// its codelists with <paramref name="identityOf"/>.
    /// </summary>
    /// <exception cref="StandardsFormatException">The file is missing or malformed, holds another package than
    /// <paramref name="releaseDate"/>, or is not as complete as <paramref name="declared"/>.</exception>
    internal static ControlledTerminology LoadCoreCache(
        string path, LocalDate releaseDate, TerminologyCompleteness declared, Func<string, (string Name, string SubmissionValue)?> identityOf)
    {
        var contents = CoreCacheJsonReader.Read(path, identityOf);
        var version = LocalDatePattern.Iso.Format(releaseDate);
        if (contents.Package is { } package && !package.EndsWith("-" + version, StringComparison.Ordinal))
        {
            throw new StandardsFormatException(path, 0, TerminologyErrorMessages.PackageDateMismatch(package, version));
        }

        if (contents.Completeness != declared)
        {
            throw new StandardsFormatException(path, 0, TerminologyErrorMessages.CompletenessMismatch(declared, contents.Completeness));
        }

        return new ControlledTerminology(releaseDate, contents.Completeness, path, contents.Codelists);
    }

    /// <summary>The codelist with NCI C-code <paramref name="cCode"/> (e.g. "C66731"), or null.</summary>
    public Codelist? FindByCode(string cCode) => byCode.GetValueOrDefault(cCode);

    /// <summary>The codelist with submission value <paramref name="name"/> (e.g. "SEX", "ONCRSR"), or null.</summary>
    /// <remarks>Exact and case-sensitive. In a values-only release the names are borrowed (see
    /// <see cref="Codelist.SubmissionValue"/>).</remarks>
    public Codelist? FindBySubmissionValue(string name) => bySubmissionValue.GetValueOrDefault(name);

    /// <inheritdoc />
    public override string ToString() => $"CT {Version} ({Completeness}, {Codelists.Count} codelists)";

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseDateInName();
}
