using CdiscExport.Core.Standards;

namespace CdiscExport.Core.Tests.Standards;

public sealed class StandardsLibraryTests
{
    [Fact]
    public void FindDefaultFolder_FromTests_FindsShippedStandards()
    {
        var folder = StandardsLibrary.FindDefaultFolder();
        File.Exists(Path.Combine(folder, "sdtmig-3.4", "Variables.csv")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "PROVENANCE.md")).ShouldBeTrue();
    }

    [Fact]
    public void Load_ShippedFolder_LoadsAllThree()
    {
        var library = ShippedStandards.Library;
        library.Sdtmig.Name.ShouldBe("SDTMIG");
        library.Adamig.Name.ShouldBe("ADaMIG");
        library.SdtmTerminology.Version.ShouldBe("2025-03-28");
        library.TerminologyLibrary.Releases.Count.ShouldBe(5);
    }

    [Theory]
    [InlineData("DM")]
    [InlineData("EX")]
    [InlineData("AE")]
    [InlineData("LB")]
    [InlineData("RS")]
    [InlineData("TS")]
    [InlineData("SUPPQUAL")]
    public void SdtmTerminology_HoldsEveryCodelistCitedByDataset(string dataset)
    {
        var library = ShippedStandards.Library;
        var variables = library.Sdtmig.VariablesOf(dataset);
        variables.ShouldNotBeEmpty();
        var missing = variables
            .SelectMany(v => v.CodelistCodes.Select(code => (Variable: $"{dataset}.{v.Name}", Code: code)))
            .Where(c => library.SdtmTerminology.FindByCode(c.Code) is null)
            .ToArray();
        missing.ShouldBeEmpty();
        variables.Where(v => v.CodelistCodes.Count > 0)
            .ShouldAllBe(v => v.CodelistNames.Count == v.CodelistCodes.Count);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingTheFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cdiscexport-no-such-" + Guid.NewGuid().ToString("N"));
        var ex = Should.Throw<StandardsFormatException>(() => StandardsLibrary.Load(folder));
        ex.FilePath.ShouldStartWith(folder);
        ex.Line.ShouldBe(0);
    }

    [Fact]
    public void LoadSdtmig_BadCoreValue_ThrowsWithFileAndLine()
    {
        using var temp = new TempFolder();
        var source = Path.Combine(StandardsLibrary.FindDefaultFolder(), "sdtmig-3.4");
        File.Copy(Path.Combine(source, "Datasets.csv"), temp.PathOf("Datasets.csv"));
        var lines = File.ReadAllLines(Path.Combine(source, "Variables.csv"));
        lines[3] = lines[3].Replace("\"Req\"", "\"Required\"", StringComparison.Ordinal);
        File.WriteAllLines(temp.PathOf("Variables.csv"), lines[..10]);

        var ex = Should.Throw<StandardsFormatException>(() => ImplementationGuide.LoadSdtmig(temp.Path));
        ex.FilePath.ShouldBe(temp.PathOf("Variables.csv"));
        ex.Line.ShouldBe(4);
    }

    [Fact]
    public void LoadSdtmig_MissingColumn_ThrowsAtLine1()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.PathOf("Datasets.csv"), "\"Version\",\"Class\"\n\"SDTMIG v3.4\",\"Findings\"\n");
        var ex = Should.Throw<StandardsFormatException>(() => ImplementationGuide.LoadSdtmig(temp.Path));
        ex.Line.ShouldBe(1);
    }

    [Fact]
    public void LoadSdtmig_UnterminatedQuote_ThrowsStandardsFormatException()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.PathOf("Datasets.csv"),
            "\"Version\",\"Class\",\"Dataset Name\",\"Dataset Label\",\"Structure\"\n\"SDTMIG v3.4\",\"Findings\",\"LB\",\"Lab\n");
        var ex = Should.Throw<StandardsFormatException>(() => ImplementationGuide.LoadSdtmig(temp.Path));
        ex.FilePath.ShouldBe(temp.PathOf("Datasets.csv"));
    }
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cdiscexport-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string PathOf(string file) => System.IO.Path.Combine(Path, file);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
