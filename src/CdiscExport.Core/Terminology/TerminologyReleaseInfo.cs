using NodaTime;
using NodaTime.Text;

namespace CdiscExport.Core.Terminology;

/// <summary>A release a <see cref="TerminologyLibrary"/> ships, as its catalogue lists it; nothing is loaded.</summary>
/// <param name="ReleaseDate">The release date, e.g. 2019-12-20.</param>
/// <param name="Completeness">How much of the release the shipped file holds.</param>
/// <param name="FilePath">The shipped file.</param>
public sealed record TerminologyReleaseInfo(LocalDate ReleaseDate, TerminologyCompleteness Completeness, string FilePath)
{
    /// <summary>The release date as text, e.g. "2019-12-20", as <see cref="ControlledTerminology.Version"/> gives it.</summary>
    public string Version => LocalDatePattern.Iso.Format(ReleaseDate);

    /// <inheritdoc />
    public override string ToString() => $"{Version} ({Completeness})";
}
