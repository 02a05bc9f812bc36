using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Terminology;

namespace CdiscExport.Conformance.Operations;

/// <summary>
/// The CT releases a codelist value is judged by. The run's release (<see cref="RunEnvironment.Terminology"/>) first;
/// when that is not the release the package declares, a value it lacks is not yet wrong: it may have been published
/// between them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>No CT version declared (a Define-XML 2.0 define has no place for one, and no --ct): the run uses the latest
/// shipped release, which has retired terms an older package used (LBTESTCD BUN, EGTESTCD QTCB, EPOCH SCREEN). A value
/// in any shipped release of the codelist is not reported.</item>
/// <item>The declared release is not shipped (2020-12-18) and the run uses the nearest earlier one (2019-12-20): a
/// value found in the earliest shipped release after the declared date is not reported either, since it may have been
/// added by the declared release.</item>
/// </list>
/// Either way only values no candidate release has are reported; a value the declared release lacks but a later one
/// added is missed, which is the price of never reporting a term the package's own release holds.
/// </remarks>
internal sealed class TerminologyReleases
{
    private readonly Lazy<IReadOnlyList<ControlledTerminology>> others;

    private TerminologyReleases(ControlledTerminology run, Lazy<IReadOnlyList<ControlledTerminology>> others, string? why)
    {
        Run = run;
        this.others = others;
        Why = why;
    }

    /// <summary>The release of the run.</summary>
    public ControlledTerminology Run { get; }

    /// <summary>Why other releases are consulted, for messages; null when only the run's release counts.</summary>
    public string? Why { get; }

    /// <summary>The releases to consult for a rule's run.</summary>
    public static TerminologyReleases For(RuleContext c)
    {
        var run = c.Env.Terminology ?? c.Env.Standards.SdtmTerminology;
        var library = c.Env.Standards.TerminologyLibrary;
        var declared = Declared(c, out var file);
        if (file || (declared is { } exact && exact == run.ReleaseDate))
        {
            return new TerminologyReleases(run, new Lazy<IReadOnlyList<ControlledTerminology>>(() => []), null);
        }

        if (declared is not { } date)
        {
            return new TerminologyReleases(run, new Lazy<IReadOnlyList<ControlledTerminology>>(() =>
                library.Releases.Where(r => r.ReleaseDate != run.ReleaseDate).Select(r => library.Get(r.ReleaseDate)).ToList()),
                "no CT version is declared, so values of any shipped release are accepted");
        }

        var after = library.Releases.FirstOrDefault(r => r.ReleaseDate > date && r.ReleaseDate != run.ReleaseDate);
        return new TerminologyReleases(run, new Lazy<IReadOnlyList<ControlledTerminology>>(() => after is null ? [] : [library.Get(after.ReleaseDate)]),
            after is null ? null : $"CT {date:yyyy-MM-dd} is declared but not shipped, so values of CT {after.Version} are accepted too");
    }

    /// <summary>Whether <paramref name="value"/> is a submission value (exact case) of one of <paramref name="codelists"/> in the run's release.</summary>
    public static bool InAny(IEnumerable<Codelist> codelists, string value) =>
        codelists.Any(l => l.FindBySubmissionValue(value) is { } t && string.Equals(t.SubmissionValue, value, StringComparison.Ordinal));

    /// <summary>
    /// Whether a value the run's release lacks is a submission value (exact case) of the codelist with one of
    /// <paramref name="codes"/> in another candidate release.
    /// </summary>
    /// <remarks>
    /// A release shipped as <see cref="TerminologyCompleteness.MixedValuesOnly"/> lists preferred terms and synonyms
    /// among its values; it does not vouch for a value that the run's release (<paramref name="runLists"/>) knows as
    /// a preferred term or synonym rather than a submission value ("Male" for SEX M).
    /// </remarks>
    public bool InOtherRelease(IReadOnlyList<string> codes, IReadOnlyList<Codelist> runLists, string value)
    {
        if (Why is null)
        {
            return false;
        }

        var synonym = runLists.Any(l => l.FindBySynonym(value) is { } t && !string.Equals(t.SubmissionValue, value, StringComparison.Ordinal));
        foreach (var release in others.Value)
        {
            if (synonym && release.Completeness == TerminologyCompleteness.MixedValuesOnly)
            {
                continue;
            }

            if (InAny(codes.Select(release.FindByCode).OfType<Codelist>(), value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The CT release date the package declares (--ct or its define.xml), or null; <paramref name="file"/> when --ct names a file.</summary>
    private static NodaTime.LocalDate? Declared(RuleContext c, out bool file)
    {
        file = false;
        if (c.Env.Options.ControlledTerminology is { } asked)
        {
            if (File.Exists(asked))
            {
                file = true;
                return null;
            }

            return TerminologyVersion.TryParse(asked, out var v) ? v.ReleaseDate : null;
        }

        var define = c.Package.Folders.Where(f => f.Kind == PackageKind.Sdtm).Select(f => f.Define).FirstOrDefault(d => d is not null)
                     ?? c.Package.Folders.Select(f => f.Define).FirstOrDefault(d => d is not null);
        var ct = define?.DeclaredStandards.FirstOrDefault(d => d.Type == Odm.DeclaredStandard.Terminology && (d.PublishingSet is null or "SDTM"));
        return ct is not null && TerminologyVersion.TryParse(ct.Version, out var declared) ? declared.ReleaseDate : null;
    }
}
