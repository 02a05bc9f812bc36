using System.Diagnostics.CodeAnalysis;
using CdiscExport.Core.Standards;
using NodaTime;
using NodaTime.Text;

namespace CdiscExport.Core.Terminology;

/// <summary>
/// The SDTM controlled terminology releases the product ships (<c>specs/standards/ct/sdtm</c>), so that a package
/// is judged by the CT version it declares: lists them, loads one on first use, and picks the nearest shipped
/// release for a requested date.
/// </summary>
/// <remarks>
/// <para>The folder's catalogue, <see cref="CatalogueFileName"/>, lists each release: <c>Release Date,Completeness,File</c>
/// (e.g. <c>2019-12-20,CodelistValuesOnly,sdtmct-2019-12-20.partial.json.gz</c>). An NCI EVS text file (.txt, or
/// gzip .txt.gz) is a <see cref="TerminologyCompleteness.Full"/> release; CDISC CORE's terminology cache in JSON
/// (.json, .json.gz) a values-only one, whose codelists are named from the full releases (see
/// <see cref="Codelist.SubmissionValue"/>).</para>
/// <para>Loading the library reads only the catalogue. A release is read on its first <see cref="Get"/> and kept;
/// the full 2025-03-28 release takes a few hundred milliseconds. Safe to share between threads: concurrent first
/// requests for a release read it once.</para>
/// <para>A file of another release (e.g. a user's <c>--ct</c> file) is loaded with
/// <see cref="ControlledTerminology.Load(string)"/>, outside the library.</para>
/// </remarks>
public sealed class TerminologyLibrary
{
    /// <summary>The catalogue's file name in the library folder.</summary>
    public const string CatalogueFileName = "releases.csv";

    /// <summary>The publishing set of every release in the library.</summary>
    public const string PublishingSet = "SDTM";

    private const string CatalogueHeader = "Release Date,Completeness,File";

    private readonly Dictionary<LocalDate, Lazy<ControlledTerminology>> releases = [];

    private TerminologyLibrary(string folder, IReadOnlyList<TerminologyReleaseInfo> shipped)
    {
        Folder = folder;
        Releases = shipped;
        foreach (var release in shipped)
        {
            releases[release.ReleaseDate] = new Lazy<ControlledTerminology>(() => Read(release), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>The library folder, e.g. <c>specs/standards/ct/sdtm</c>.</summary>
    public string Folder { get; }

    /// <summary>The shipped releases, oldest first.</summary>
    public IReadOnlyList<TerminologyReleaseInfo> Releases { get; }

    /// <summary>Reads the catalogue of <paramref name="folder"/>; no release is loaded yet.</summary>
    /// <param name="folder">The library folder, e.g. <c>specs/standards/ct/sdtm</c>.</param>
    /// <exception cref="StandardsFormatException">The catalogue is missing or malformed, or names a file that is not
    /// in the folder; the message names the catalogue and line.</exception>
    public static TerminologyLibrary Load(string folder) => new(folder, ReadCatalogue(folder));

    /// <summary>The shipped release of <paramref name="releaseDate"/>, or null when that release is not shipped.</summary>
    public TerminologyReleaseInfo? Find(LocalDate releaseDate) =>
        Releases.FirstOrDefault(r => r.ReleaseDate == releaseDate);

    /// <summary>The shipped release of exactly <paramref name="releaseDate"/>, read on first request.</summary>
    /// <exception cref="KeyNotFoundException">That release is not shipped; the message lists those that are.</exception>
    /// <exception cref="StandardsFormatException">The release's file is malformed (names file and line).</exception>
    public ControlledTerminology Get(LocalDate releaseDate) =>
        TryGet(releaseDate, out var release)
            ? release
            : throw new KeyNotFoundException(TerminologyErrorMessages.ReleaseNotShipped(
                LocalDatePattern.Iso.Format(releaseDate), Releases.Select(r => r.Version)));

    /// <summary>The shipped release of exactly <paramref name="releaseDate"/>, read on first request.</summary>
    /// <param name="releaseDate">The release date.</param>
    /// <param name="release">The release, or null when it is not shipped.</param>
    /// <returns>Whether the release is shipped.</returns>
    /// <exception cref="StandardsFormatException">The release's file is malformed (names file and line).</exception>
    public bool TryGet(LocalDate releaseDate, [NotNullWhen(true)] out ControlledTerminology? release)
    {
        release = releases.TryGetValue(releaseDate, out var lazy) ? lazy.Value : null;
        return release is not null;
    }

    /// <summary>
    /// The shipped release nearest <paramref name="requested"/>: that release when shipped, else the latest shipped
    /// release before it, else (the request is older than every shipped release) the earliest shipped one.
    /// </summary>
    /// <remarks>
    /// Earlier is preferred because a package cannot use terms published after its CT version, while a later
    /// release also drops the terms CDISC retired since. <see cref="TerminologyChoice.Match"/> says which case
    /// applied, so a report can say that values were judged against another release.
    /// </remarks>
    public TerminologyChoice ChooseNearest(LocalDate requested)
    {
        var chosen = Releases[0];
        foreach (var release in Releases)
        {
            if (release.ReleaseDate > requested)
            {
                break;
            }

            chosen = release;
        }

        return new TerminologyChoice(requested, chosen);
    }

    /// <summary>
    /// The shipped release nearest <paramref name="requested"/>, as <see cref="ChooseNearest(LocalDate)"/> picks it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="requested"/> names a publishing set other than
    /// <see cref="PublishingSet"/> (e.g. ADaM CT).</exception>
    public TerminologyChoice ChooseNearest(TerminologyVersion requested)
    {
        if (requested.PublishingSet is { } set && !string.Equals(set, PublishingSet, StringComparison.Ordinal))
        {
            throw new ArgumentException(TerminologyErrorMessages.OtherPublishingSet(requested.ToString(), PublishingSet), nameof(requested));
        }

        return ChooseNearest(requested.ReleaseDate);
    }

    private ControlledTerminology Read(TerminologyReleaseInfo release) =>
        release.Completeness == TerminologyCompleteness.Full
            ? ControlledTerminology.Load(release.FilePath, release.ReleaseDate)
            : ControlledTerminology.LoadCoreCache(release.FilePath, release.ReleaseDate, release.Completeness, IdentityFromFullReleases);

    /// <summary>
    /// The name and submission value of codelist <paramref name="code"/> in the newest full release that has it:
    /// CORE's cache carries C-codes only, and define.xml, the IG metadata and CORE's rules also refer to codelists
    /// by submission value.
    /// </summary>
    private (string Name, string SubmissionValue)? IdentityFromFullReleases(string code)
    {
        for (var i = Releases.Count - 1; i >= 0; i--)
        {
            if (Releases[i].Completeness == TerminologyCompleteness.Full &&
                Get(Releases[i].ReleaseDate).FindByCode(code) is { Name: { } name, SubmissionValue: { } submissionValue })
            {
                return (name, submissionValue);
            }
        }

        return null;
    }

    private static List<TerminologyReleaseInfo> ReadCatalogue(string folder)
    {
        var path = Path.Combine(folder, CatalogueFileName);
        if (!File.Exists(path))
        {
            throw new StandardsFormatException(path, 0, TerminologyErrorMessages.FileNotFound);
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim() != CatalogueHeader)
        {
            throw new StandardsFormatException(path, 1, TerminologyErrorMessages.CatalogueHeader(CatalogueHeader));
        }

        var result = new List<TerminologyReleaseInfo>();
        for (var i = 1; i < lines.Length; i++)
        {
            long line = i + 1;
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length != 3)
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.CatalogueFieldCount(fields.Length, 3));
            }

            var date = LocalDatePattern.Iso.Parse(fields[0]);
            if (!date.Success)
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.CatalogueDate(fields[0]));
            }

            if (!Enum.TryParse<TerminologyCompleteness>(fields[1], ignoreCase: false, out var completeness) ||
                !Enum.IsDefined(completeness) || fields[1].Any(char.IsDigit))
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.CatalogueCompleteness(fields[1]));
            }

            var file = fields[2];
            var isText = file.EndsWith(".txt", StringComparison.Ordinal) || file.EndsWith(".txt.gz", StringComparison.Ordinal);
            var isJson = file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".json.gz", StringComparison.Ordinal);
            if (file != Path.GetFileName(file) || file.StartsWith('.') || !(isText || isJson))
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.CatalogueFileName(file));
            }

            if (isText != (completeness == TerminologyCompleteness.Full))
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.CatalogueFormatMismatch(file, completeness));
            }

            var filePath = Path.Combine(folder, file);
            if (!File.Exists(filePath))
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.CatalogueFileMissing(file));
            }

            if (result.Any(r => r.ReleaseDate == date.Value))
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.CatalogueDuplicateDate(fields[0]));
            }

            result.Add(new TerminologyReleaseInfo(date.Value, completeness, filePath));
        }

        if (result.Count == 0)
        {
            throw new StandardsFormatException(path, 0, TerminologyErrorMessages.CatalogueEmpty);
        }

        result.Sort((a, b) => a.ReleaseDate.CompareTo(b.ReleaseDate));
        return result;
    }
}
