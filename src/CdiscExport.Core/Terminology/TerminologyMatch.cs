namespace CdiscExport.Core.Terminology;

/// <summary>How the release a <see cref="TerminologyLibrary"/> chose relates to the date asked for.</summary>
public enum TerminologyMatch
{
    /// <summary>The requested release itself is shipped.</summary>
    Exact,

    /// <summary>
    /// Not shipped; this is the latest shipped release before it. Terms added since are missing from it, so a value
    /// that only a newer release allows would be reported.
    /// </summary>
    EarlierRelease,

    /// <summary>
    /// Not shipped and older than every shipped release; this is the earliest one. Terms retired in between are
    /// missing from it.
    /// </summary>
    LaterRelease,
}
