using NodaTime;

namespace CdiscExport.Core.Terminology;

/// <summary>
/// The shipped release <see cref="TerminologyLibrary.ChooseNearest(LocalDate)"/> picked for a requested date, and
/// whether it is that release.
/// </summary>
/// <param name="Requested">The release date asked for, e.g. the CT version a define.xml names.</param>
/// <param name="Release">The shipped release chosen; load it with <see cref="TerminologyLibrary.Get(LocalDate)"/>.</param>
public sealed record TerminologyChoice(LocalDate Requested, TerminologyReleaseInfo Release)
{
    /// <summary>Whether the chosen release is the requested one, an earlier one or a later one.</summary>
    public TerminologyMatch Match =>
        Release.ReleaseDate == Requested ? TerminologyMatch.Exact
        : Release.ReleaseDate < Requested ? TerminologyMatch.EarlierRelease
        : TerminologyMatch.LaterRelease;

    /// <summary>True when the requested release itself is shipped.</summary>
    public bool IsExact => Match == TerminologyMatch.Exact;
}
