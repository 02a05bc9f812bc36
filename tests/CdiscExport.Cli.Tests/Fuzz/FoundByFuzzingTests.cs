using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Fuzz;

/// <summary>
/// Each input the fuzz campaigns found to end in an internal error (exit 3), minimized and kept under
/// tests/fixtures/fuzz/found: it is now bad input (exit 2) with a message that names the file, and nothing is written.
/// </summary>
public sealed class FoundByFuzzingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cdisc-found-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Convert_DatasetJsonWithInvalidUtf8InMetadata_ExitsBadInputNamingTheFile()
    {
        var (run, input) = ConvertFound("dataset-json-invalid-utf8-metadata.json", ".json");
        run.Error.ShouldContain(input);
        run.Error.ShouldContain("UTF-8");
    }

    [Theory]
    [InlineData("dataset-json-lone-surrogate-in-metadata.json", ".xpt")]
    [InlineData("dataset-json-lone-surrogate-in-row.json", ".xpt")]
    [InlineData("dataset-json-lone-surrogate-in-row.json", ".ndjson")]
    public void Convert_DatasetJsonWithALoneSurrogateEscape_ExitsBadInputNamingTheFile(string found, string extension)
    {
        var (run, input) = ConvertFound(found, extension);
        run.Error.ShouldContain(input);
        run.Error.ShouldContain("surrogate", Case.Insensitive);
    }

    [Fact]
    public void Convert_XptToXptWithNonAsciiOperatingSystemInHeader_ExitsBadInputNamingTheFile()
    {
        var (run, input) = ConvertFound("xpt-non-ascii-operating-system.xpt", ".xpt");
        run.Error.ShouldContain(input);
        run.Error.ShouldContain("OperatingSystem");
        Run("convert", input, Path.Combine(_folder, "out.csv")).ExitCode.ShouldBe(CliApp.Success); // the data still reads
    }

    [Fact]
    public void Export_SdtmSpecWithoutAVariableAdamReads_ExitsBadInputNamingFileAndVariable()
    {
        var (run, study) = ExportFound("ex.yaml", "spec-yaml-ex-without-exadj.yaml");
        run.Error.ShouldContain(Path.Combine(study, "ex.yaml"));
        run.Error.ShouldContain("EX.EXADJ");
    }

    [Theory]
    [InlineData("dm.yaml", "spec-yaml-dm-without-studyid.yaml", "STUDYID")]
    [InlineData("rs.yaml", "spec-yaml-rs-without-usubjid.yaml", "USUBJID")]
    public void Export_SdtmSpecWithoutAVariableADerivationReads_ExitsBadInputNamingFileAndVariable(string file, string found, string variable)
    {
        var (run, study) = ExportFound(file, found);
        run.Error.ShouldContain(Path.Combine(study, file));
        run.Error.ShouldContain(variable);
    }

    [Fact]
    public void Export_RecordsBlockWithoutVariables_ExitsBadInputNamingFileAndLine()
    {
        var (run, study) = ExportFound("mh.yaml", "spec-yaml-mh-source-without-variables.yaml");
        run.Error.ShouldContain(Path.Combine(study, "mh.yaml") + " line 3");
        run.Error.ShouldContain("maps no variables");
    }

    [Fact]
    public void Export_RawDmWithARepeatedSubject_ExitsBadInputNamingSubject()
    {
        var (run, study) = ExportFound(Path.Combine("raw", "dm.csv"), "raw-csv-dm-repeated-subject.csv");
        run.Error.ShouldContain(Path.Combine(study, "dm.yaml"));
        run.Error.ShouldContain("BORLEN-PH1-01-002");
    }

    [Fact]
    public void Export_RawFormWithLoneCarriageReturns_ExitsBadInputNamingTheForm()
    {
        // A lone CR ends a record as LF does: the form has more records than LF-ended lines (the reader overran its columns).
        var (run, _) = ExportFound(Path.Combine("raw", "enrol.csv"), "raw-csv-enrol-lone-cr.csv");
        run.Error.ShouldContain("enrol");
    }

    [Fact]
    public void Export_AdamYamlWithAControlCharacter_ExitsBadInputNamingFileLineAndColumn()
    {
        // U+0006 in a method text reached define.xml, which XML refuses (ArgumentException from XmlWriter).
        var (run, study) = ExportFound(Path.Combine("adam", "adsl.yaml"), "adam-yaml-adsl-control-character.yaml", "xpt");
        run.Error.ShouldContain(Path.Combine(study, "adam", "adsl.yaml") + " line 59");
        run.Error.ShouldContain("U+0006");
    }

    private static string Found(string name) => RepositoryPaths.Get("tests", "fixtures", "fuzz", "found", name);

    // Converts the found file to the extension: exit 2, nothing written.
    private (CliRun Run, string Input) ConvertFound(string found, string extension)
    {
        var input = Found(found);
        var output = Path.Combine(_folder, "out" + extension);
        var run = Run("convert", input, output);
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        File.Exists(output).ShouldBeFalse();
        return (run, input);
    }

    // Exports the sample study (two subjects) with one file replaced by the found one: exit 2, no package.
    private (CliRun Run, string Study) ExportFound(string file, string found, string formats = "csv")
    {
        var study = Path.Combine(_folder, "study");
        FuzzCorpus.Instance.CopyStudyTo(study);
        File.Copy(Found(found), Path.Combine(study, file), overwrite: true);
        var output = Path.Combine(_folder, "out");
        var run = Run("export", study, "--out", output, "--formats", formats);
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        Directory.Exists(output).ShouldBeFalse();
        return (run, study);
    }

    private CliRun Run(params string[] args) => CliRun.In(CliEnvironment.Process with { CurrentDirectory = _folder }, args);
}
