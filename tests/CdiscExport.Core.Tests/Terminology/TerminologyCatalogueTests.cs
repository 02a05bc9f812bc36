using System.Text;
using CdiscExport.Core.Standards;
using CdiscExport.Core.Terminology;
using CdiscExport.Core.Tests.Standards;
using NodaTime;

namespace CdiscExport.Core.Tests.Terminology;

/// <summary>A library folder built in a temporary folder: its catalogue, and CORE JSON releases named from its full ones.</summary>
public sealed class TerminologyCatalogueTests
{
    private const string CatalogueHeader = "Release Date,Completeness,File";

    private const string FullFile = "sdtm-terminology-2020-03-27.txt";

    private const string TermsJson =
        """{"_provenance": {"package": "sdtmct-2019-12-20"}, "codelists": {"C66731": {"extensible": false, "terms": [{"preferredTerm": "Male", "submissionValue": "M", "synonyms": ["Male"]}]}, "C99999": {"extensible": true, "terms": []}}}""";

    private const string MixedJson =
        """{"_provenance": {"package": "sdtmct-2019-12-20"}, "codelists": {"C66731": {"extensible": false, "allowed_terms": ["Male", "M", "Male"]}}}""";

    private static TempFolder Folder(params string[] catalogueLines)
    {
        var temp = new TempFolder();
        File.WriteAllText(temp.PathOf(FullFile), string.Join('\n', EvsTextFileTests.Header, EvsTextFileTests.SexRow, EvsTextFileTests.MaleRow) + "\n");
        File.WriteAllText(temp.PathOf(TerminologyLibrary.CatalogueFileName), string.Join('\n', catalogueLines) + "\n");
        return temp;
    }

    [Fact]
    public void Get_JsonRelease_NamesCodelistsFromTheFullRelease()
    {
        using var temp = Folder(CatalogueHeader, "2020-03-27,Full," + FullFile, "2019-12-20,CodelistValuesOnly,old.json.gz");
        EvsTextFileTests.WriteGzip(temp.PathOf("old.json.gz"), Encoding.UTF8.GetBytes(TermsJson));
        var library = TerminologyLibrary.Load(temp.Path);
        library.Releases.Select(r => r.Version).ShouldBe(["2019-12-20", "2020-03-27"]);
        var old = library.Get(new LocalDate(2019, 12, 20));
        old.Completeness.ShouldBe(TerminologyCompleteness.CodelistValuesOnly);
        old.FindBySubmissionValue("SEX").ShouldNotBeNull().FindBySubmissionValue("M").ShouldNotBeNull().PreferredTerm.ShouldBe("Male");
        old.FindByCode("C99999").ShouldNotBeNull().SubmissionValue.ShouldBeNull();
    }

    [Fact]
    public void Get_JsonWithAllowedTerms_IsMixedValuesOnly()
    {
        using var temp = Folder(CatalogueHeader, "2020-03-27,Full," + FullFile, "2019-12-20,MixedValuesOnly,old.json");
        File.WriteAllText(temp.PathOf("old.json"), MixedJson);
        var sex = TerminologyLibrary.Load(temp.Path).Get(new LocalDate(2019, 12, 20)).FindBySubmissionValue("SEX").ShouldNotBeNull();
        sex.Terms.Select(t => t.SubmissionValue).ShouldBe(["Male", "M"]);
    }

    // Each case: catalogue lines after the header, and the catalogue line an error must name.
    [Theory]
    [InlineData("2020-03-27,Full", 2)]
    [InlineData("2020-3-27,Full," + FullFile, 2)]
    [InlineData("2020-02-30,Full," + FullFile, 2)]
    [InlineData("2020-03-27,Complete," + FullFile, 2)]
    [InlineData("2020-03-27,0," + FullFile, 2)]
    [InlineData("2020-03-27,Full,../" + FullFile, 2)]
    [InlineData("2020-03-27,Full,sdtm.csv", 2)]
    [InlineData("2020-03-27,Full,absent-2020-03-27.txt", 2)]
    [InlineData("2020-03-27,CodelistValuesOnly," + FullFile, 2)]
    [InlineData("2020-03-27,Full," + FullFile + "\n2020-03-27,Full," + FullFile, 3)]
    public void Load_MalformedCatalogue_ThrowsNamingCatalogueAndLine(string rows, long line)
    {
        using var temp = Folder(CatalogueHeader, rows);
        var ex = Should.Throw<StandardsFormatException>(() => TerminologyLibrary.Load(temp.Path));
        ex.FilePath.ShouldBe(temp.PathOf(TerminologyLibrary.CatalogueFileName));
        ex.Line.ShouldBe(line);
    }

    [Theory]
    [InlineData("Date,Completeness,File", 1)]
    [InlineData(CatalogueHeader, 0)]
    public void Load_BadHeaderOrNoRelease_Throws(string header, long line)
    {
        using var temp = Folder(header);
        Should.Throw<StandardsFormatException>(() => TerminologyLibrary.Load(temp.Path)).Line.ShouldBe(line);
    }

    [Fact]
    public void Load_NoCatalogue_ThrowsAtLine0()
    {
        using var temp = new TempFolder();
        Should.Throw<StandardsFormatException>(() => TerminologyLibrary.Load(temp.Path)).Line.ShouldBe(0);
    }

    public static readonly TheoryData<string, string, long> BadJson = new()
    {
        { "CodelistValuesOnly", "{\"codelists\": {\n\"C66731\": {\"extensible\": false,, }}}", 2 },
        { "CodelistValuesOnly", """{"codelists": {"C66731": {"terms": []}}}""", 0 },
        { "CodelistValuesOnly", """{"codelists": {"SEX": {"extensible": false, "terms": []}}}""", 0 },
        { "CodelistValuesOnly", """{"codelists": {"C66731": {"extensible": false, "terms": [{"submissionValue": "M", "preferredTerm": "Male"}]}}}""", 0 },
        { "CodelistValuesOnly", """{"codelists": {"C66731": {"extensible": false, "terms": [{"submissionValue": "", "preferredTerm": "Male", "synonyms": []}]}}}""", 0 },
        { "CodelistValuesOnly", """{"codelists": []}""", 0 },
        { "CodelistValuesOnly", MixedJson, 0 },
        { "MixedValuesOnly", TermsJson, 0 },
        { "CodelistValuesOnly", TermsJson.Replace("2019-12-20", "2016-06-24", StringComparison.Ordinal), 0 },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public void Get_MalformedJsonRelease_ThrowsNamingTheFile(string completeness, string json, long line)
    {
        using var temp = Folder(CatalogueHeader, "2020-03-27,Full," + FullFile, $"2019-12-20,{completeness},old.json");
        File.WriteAllText(temp.PathOf("old.json"), json);
        var library = TerminologyLibrary.Load(temp.Path);
        var ex = Should.Throw<StandardsFormatException>(() => library.Get(new LocalDate(2019, 12, 20)));
        ex.FilePath.ShouldBe(temp.PathOf("old.json"));
        ex.Line.ShouldBe(line);
    }
}
