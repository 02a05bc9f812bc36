using CdiscExport.Core.Terminology;
using CdiscExport.Core.Tests.Standards;
using NodaTime;

namespace CdiscExport.Core.Tests.Terminology;

/// <summary>
/// What each shipped release says about codelists and terms that changed between releases, each fact read off
/// the source files (NCI EVS text for 2023-12-15 and 2025-03-28, CDISC CORE's JSON for the others) with python3.
/// </summary>
public sealed class TerminologyReleaseFactsTests
{
    private static ControlledTerminology Release(string date) =>
        ShippedStandards.Library.TerminologyLibrary.Get(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);

    public static readonly TheoryData<string, string, bool> Extensibility = new()
    {
        // SEX (C66731) is non-extensible throughout.
        { "2016-06-24", "C66731", false },
        { "2019-12-20", "C66731", false },
        { "2022-12-16", "C66731", false },
        { "2023-12-15", "C66731", false },
        { "2025-03-28", "C66731", false },
        // NCF (Never/Current/Former Classification, C78738) was extensible, and is not since 2022-12-16 at the latest.
        { "2016-06-24", "C78738", true },
        { "2019-12-20", "C78738", true },
        { "2022-12-16", "C78738", false },
        { "2023-12-15", "C78738", false },
        { "2025-03-28", "C78738", false },
        // CVFARS (C119016) became extensible after 2023-12-15.
        { "2016-06-24", "C119016", false },
        { "2019-12-20", "C119016", false },
        { "2022-12-16", "C119016", false },
        { "2023-12-15", "C119016", false },
        { "2025-03-28", "C119016", true },
        // ONCRSR (C96785) is extensible throughout.
        { "2016-06-24", "C96785", true },
        { "2025-03-28", "C96785", true },
    };

    [Theory]
    [MemberData(nameof(Extensibility))]
    public void Codelist_Extensibility_IsThatOfTheRelease(string release, string codelist, bool extensible) =>
        Release(release).FindByCode(codelist).ShouldNotBeNull().Extensible.ShouldBe(extensible);

    public static readonly TheoryData<string, string, string, bool> Terms = new()
    {
        // SEX: INTERSEX replaced UNDIFFERENTIATED (2022-12-16 still has UNDIFFERENTIATED; see MixedValues below).
        { "2016-06-24", "SEX", "INTERSEX", false },
        { "2019-12-20", "SEX", "INTERSEX", false },
        { "2023-12-15", "SEX", "INTERSEX", true },
        { "2025-03-28", "SEX", "INTERSEX", true },
        { "2016-06-24", "SEX", "UNDIFFERENTIATED", true },
        { "2019-12-20", "SEX", "UNDIFFERENTIATED", true },
        { "2022-12-16", "SEX", "UNDIFFERENTIATED", true },
        { "2023-12-15", "SEX", "UNDIFFERENTIATED", false },
        { "2025-03-28", "SEX", "UNDIFFERENTIATED", false },
        // RACE: NOT REPORTED added by 2019-12-20, OTHER by 2023-12-15.
        { "2016-06-24", "RACE", "NOT REPORTED", false },
        { "2019-12-20", "RACE", "NOT REPORTED", true },
        { "2019-12-20", "RACE", "OTHER", false },
        { "2023-12-15", "RACE", "OTHER", true },
        { "2025-03-28", "RACE", "OTHER", true },
        // ONCRSCAT: a misspelt criterion corrected after 2016-06-24.
        { "2016-06-24", "ONCRSCAT", "BRUGGERMAN MRD 2010", true },
        { "2016-06-24", "ONCRSCAT", "BRUGGEMANN MRD 2010", false },
        { "2019-12-20", "ONCRSCAT", "BRUGGERMAN MRD 2010", false },
        { "2019-12-20", "ONCRSCAT", "BRUGGEMANN MRD 2010", true },
        { "2025-03-28", "ONCRSCAT", "BRUGGEMANN MRD 2010", true },
        // ONCRSR: CLINICAL RELAPSE added after 2019-12-20, CNS1 after 2023-12-15.
        { "2016-06-24", "ONCRSR", "CLINICAL RELAPSE", false },
        { "2019-12-20", "ONCRSR", "CLINICAL RELAPSE", false },
        { "2023-12-15", "ONCRSR", "CLINICAL RELAPSE", true },
        { "2023-12-15", "ONCRSR", "CNS1", false },
        { "2025-03-28", "ONCRSR", "CNS1", true },
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void Codelist_Term_IsPresentOnlyInItsReleases(string release, string codelist, string value, bool present) =>
        (Release(release).FindBySubmissionValue(codelist).ShouldNotBeNull().FindBySubmissionValue(value) is not null).ShouldBe(present);

    [Fact]
    public void CodelistAddedAfter2023_IsOnlyIn2025()
    {
        Release("2023-12-15").FindBySubmissionValue("TPACN").ShouldBeNull();
        var tpacn = Release("2025-03-28").FindBySubmissionValue("TPACN").ShouldNotBeNull();
        tpacn.Code.ShouldBe("C204420");
        tpacn.Extensible.ShouldBeTrue();
        tpacn.FindBySubmissionValue("PRODUCT INTERRUPTED").ShouldNotBeNull();
    }

    [Fact]
    public void FullRelease_TermHasCodeDefinitionSynonymAndPreferredTerm()
    {
        var m = Release("2025-03-28").FindByCode("C66731").ShouldNotBeNull().FindBySubmissionValue("M").ShouldNotBeNull();
        m.Code.ShouldBe("C20197");
        m.Synonyms.ShouldBe(["Male"]);
        m.PreferredTerm.ShouldBe("Male");
        m.Definition.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void ValuesOnlyRelease_TermHasSynonymsAndPreferredTermButNoCodeOrDefinition()
    {
        var sex = Release("2019-12-20").FindByCode("C66731").ShouldNotBeNull();
        var m = sex.FindBySubmissionValue("M").ShouldNotBeNull();
        m.Code.ShouldBeNull();
        m.Definition.ShouldBeNull();
        m.PreferredTerm.ShouldBe("Male");
        m.Synonyms.ShouldBe(["Male"]);
        sex.FindBySubmissionValue("Male").ShouldBeNull();
        sex.FindBySynonym("male").ShouldBeSameAs(m);
        sex.FindBySubmissionValue("U").ShouldNotBeNull().Synonyms.ShouldBe(["U", "UNK", "Unknown"]);
    }

    [Fact]
    public void MixedValuesRelease_AcceptsPreferredTermsAndSynonymsAsValues()
    {
        // CORE's 2022-12-16 cache flattens each term to [preferred term, submission value, synonyms...]:
        // for SEX, "Female", "F", "Female", "Male", "M", "Male", "Unknown", "U", "U", "UNK", "Unknown", "Intersex", "UNDIFFERENTIATED".
        var sex = Release("2022-12-16").FindByCode("C66731").ShouldNotBeNull();
        sex.Terms.Select(t => t.SubmissionValue).ShouldBe(["Female", "F", "Male", "M", "Unknown", "U", "UNK", "Intersex", "UNDIFFERENTIATED"]);
        sex.FindBySubmissionValue("Male").ShouldNotBeNull();
        sex.FindBySubmissionValue("INTERSEX").ShouldBeNull();
        sex.Terms.ShouldAllBe(t => t.Code == null && t.PreferredTerm == null && t.Synonyms.Count == 0);
    }

    [Fact]
    public void ValuesOnlyRelease_CodelistsAreNamedFromTheNewestFullRelease()
    {
        var sex = Release("2016-06-24").FindBySubmissionValue("SEX").ShouldNotBeNull();
        sex.Code.ShouldBe("C66731");
        sex.Name.ShouldBe("Sex");
        // MSRESCAT (C85495) is in 2023-12-15 but no longer in 2025-03-28: named from 2023-12-15.
        Release("2025-03-28").FindByCode("C85495").ShouldBeNull();
        Release("2016-06-24").FindByCode("C85495").ShouldNotBeNull().SubmissionValue.ShouldBe("MSRESCAT");
    }

    [Fact]
    public void ValuesOnlyRelease_CodelistRetiredBeforeTheFullReleases_IsFoundByCodeOnly()
    {
        // C66786, the ISO 3166 country codelist SDTM CT once carried: in 2016-06-24, in neither full release.
        var country = Release("2016-06-24").FindByCode("C66786").ShouldNotBeNull();
        country.SubmissionValue.ShouldBeNull();
        country.Name.ShouldBeNull();
        country.Extensible.ShouldBeFalse();
        country.FindBySubmissionValue("ABW").ShouldNotBeNull().PreferredTerm.ShouldBe("Aruba");
        Release("2023-12-15").FindByCode("C66786").ShouldBeNull();
    }
}
