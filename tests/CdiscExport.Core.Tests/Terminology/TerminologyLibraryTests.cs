using CdiscExport.Core.Terminology;
using CdiscExport.Core.Tests.Standards;
using NodaTime;

namespace CdiscExport.Core.Tests.Terminology;

/// <summary>
/// The shipped SDTM CT releases: every one loads, with the counts of its source file, and the library picks the
/// nearest release for a requested date. Release facts are in <see cref="TerminologyReleaseFactsTests"/>.
/// </summary>
public sealed class TerminologyLibraryTests
{
    private static TerminologyLibrary Library => ShippedStandards.Library.TerminologyLibrary;

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    [Fact]
    public void Releases_ListsTheShippedReleasesOldestFirst()
    {
        Library.Releases.Select(r => r.ToString()).ShouldBe(
        [
            "2016-06-24 (CodelistValuesOnly)",
            "2019-12-20 (CodelistValuesOnly)",
            "2022-12-16 (MixedValuesOnly)",
            "2023-12-15 (Full)",
            "2025-03-28 (Full)",
        ]);
        Library.Releases.ShouldAllBe(r => File.Exists(r.FilePath));
    }

    [Fact]
    public void Folder_HoldsNoFileTheCatalogueOmits()
    {
        var listed = Library.Releases.Select(r => Path.GetFileName(r.FilePath)).Append(TerminologyLibrary.CatalogueFileName);
        var present = Directory.GetFiles(Library.Folder).Select(Path.GetFileName).Where(f => f != "README.md");
        present.Order(StringComparer.Ordinal).ShouldBe(listed.Order(StringComparer.Ordinal));
    }

    // Counts from the source files (python3 over the NCI text and CORE's JSON): codelist rows, term rows; for
    // 2022-12-16 the distinct values of each codelist's allowed_terms.
    [Theory]
    [InlineData("2016-06-24", TerminologyCompleteness.CodelistValuesOnly, 515, 18060)]
    [InlineData("2019-12-20", TerminologyCompleteness.CodelistValuesOnly, 797, 29481)]
    [InlineData("2022-12-16", TerminologyCompleteness.MixedValuesOnly, 1045, 100143)]
    [InlineData("2023-12-15", TerminologyCompleteness.Full, 1081, 39735)]
    [InlineData("2025-03-28", TerminologyCompleteness.Full, 1158, 43698)]
    public void Get_EveryShippedRelease_LoadsWithTheCountsOfItsSource(string date, TerminologyCompleteness completeness, int codelists, int terms)
    {
        var release = Library.Get(Date(date));
        release.Version.ShouldBe(date);
        release.ReleaseDate.ShouldBe(Date(date));
        release.Completeness.ShouldBe(completeness);
        release.Codelists.Count.ShouldBe(codelists);
        release.Codelists.Sum(c => c.Terms.Count).ShouldBe(terms);
        release.SourcePath.ShouldBe(Library.Find(Date(date)).ShouldNotBeNull().FilePath);
    }

    [Fact]
    public void Get_SameDateTwice_ReturnsTheSameLoadedRelease() =>
        Library.Get(Date("2019-12-20")).ShouldBeSameAs(Library.Get(Date("2019-12-20")));

    [Fact]
    public void Get_ReleaseNotShipped_ThrowsListingTheShippedOnes()
    {
        Should.Throw<KeyNotFoundException>(() => Library.Get(Date("2020-03-27"))).Message.ShouldContain("2019-12-20");
        Library.TryGet(Date("2020-03-27"), out var release).ShouldBeFalse();
        release.ShouldBeNull();
        Library.Find(Date("2020-03-27")).ShouldBeNull();
    }

    [Theory]
    [InlineData("2019-12-20", "2019-12-20", TerminologyMatch.Exact)]
    [InlineData("2020-03-27", "2019-12-20", TerminologyMatch.EarlierRelease)]
    [InlineData("2022-12-15", "2019-12-20", TerminologyMatch.EarlierRelease)]
    [InlineData("2022-12-16", "2022-12-16", TerminologyMatch.Exact)]
    [InlineData("2024-09-27", "2023-12-15", TerminologyMatch.EarlierRelease)]
    [InlineData("2025-03-27", "2023-12-15", TerminologyMatch.EarlierRelease)]
    [InlineData("2030-01-01", "2025-03-28", TerminologyMatch.EarlierRelease)]
    [InlineData("2016-06-23", "2016-06-24", TerminologyMatch.LaterRelease)]
    [InlineData("2014-09-26", "2016-06-24", TerminologyMatch.LaterRelease)]
    public void ChooseNearest_PrefersTheLatestReleaseNotAfterTheDate(string requested, string chosen, TerminologyMatch match)
    {
        var choice = Library.ChooseNearest(Date(requested));
        choice.Requested.ShouldBe(Date(requested));
        choice.Release.Version.ShouldBe(chosen);
        choice.Match.ShouldBe(match);
        choice.IsExact.ShouldBe(match == TerminologyMatch.Exact);
    }

    [Fact]
    public void ChooseNearest_VersionNameOfAPackage_PicksItsRelease()
    {
        var version = TerminologyVersion.Parse("sdtmct-2019-12-20").Value;
        var choice = Library.ChooseNearest(version);
        choice.IsExact.ShouldBeTrue();
        Library.Get(choice.Release.ReleaseDate).Version.ShouldBe("2019-12-20");
    }

    [Fact]
    public void ChooseNearest_AdamVersion_ThrowsBecauseTheLibraryIsSdtm() =>
        Should.Throw<ArgumentException>(() => Library.ChooseNearest(TerminologyVersion.Parse("adamct-2019-12-20").Value));
}
