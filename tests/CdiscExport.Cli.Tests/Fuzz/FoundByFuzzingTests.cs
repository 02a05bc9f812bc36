using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Fuzz;

/// <summary>
/// Each input the fuzz campaigns found to end in an internal error (exit 3), minimized and kept under
/// tests/fixtures/fuzz/found: it is now bad input (exit 2) with a message that names the file, or it is read.
/// </summary>
public sealed class FoundByFuzzingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cdisc-found-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Convert_DatasetJsonWithInvalidUtf8InMetadata_ExitsBadInputNamingTheFile()
    {
        var input = Found("dataset-json-invalid-utf8-metadata.json");
        var output = Path.Combine(_folder, "out.json");
        var run = Run("convert", input, output);
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain(input);
        run.Error.ShouldContain("UTF-8");
        File.Exists(output).ShouldBeFalse();
    }

    [Theory]
    [InlineData("dataset-json-lone-surrogate-in-metadata.json", ".xpt")]
    [InlineData("dataset-json-lone-surrogate-in-row.json", ".xpt")]
    [InlineData("dataset-json-lone-surrogate-in-row.json", ".ndjson")]
    public void Convert_DatasetJsonWithALoneSurrogateEscape_ExitsBadInputNamingTheFile(string found, string extension)
    {
        var input = Found(found);
        var output = Path.Combine(_folder, "out" + extension);
        var run = Run("convert", input, output);
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain(input);
        run.Error.ShouldContain("surrogate", Case.Insensitive);
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Convert_XptToXptWithNonAsciiOperatingSystemInHeader_ExitsBadInputNamingTheFile()
    {
        var input = Found("xpt-non-ascii-operating-system.xpt");
        var output = Path.Combine(_folder, "out.xpt");
        var run = Run("convert", input, output);
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain(input);
        run.Error.ShouldContain("OperatingSystem");
        File.Exists(output).ShouldBeFalse();
        Run("convert", input, Path.Combine(_folder, "out.csv")).ExitCode.ShouldBe(CliApp.Success); // the data still reads
    }

    [Fact]
    public void Export_SdtmSpecWithoutAVariableAdamReads_ExitsBadInputNamingFileAndVariable()
    {
        var study = StudyWith("ex.yaml", Found("spec-yaml-ex-without-exadj.yaml"));
        var output = Path.Combine(_folder, "out");
        var run = Run("export", study, "--out", output, "--formats", "csv");
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain(Path.Combine(study, "ex.yaml"));
        run.Error.ShouldContain("EX.EXADJ");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Theory]
    [InlineData("dm.yaml", "spec-yaml-dm-without-studyid.yaml", "STUDYID")]
    [InlineData("rs.yaml", "spec-yaml-rs-without-usubjid.yaml", "USUBJID")]
    public void Export_SdtmSpecWithoutAVariableADerivationReads_ExitsBadInputNamingFileAndVariable(string file, string found, string variable)
    {
        var study = StudyWith(file, Found(found));
        var output = Path.Combine(_folder, "out");
        var run = Run("export", study, "--out", output, "--formats", "csv");
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain(Path.Combine(study, file));
        run.Error.ShouldContain(variable);
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Export_RecordsBlockWithoutVariables_ExitsBadInputNamingFileAndLine()
    {
        var study = StudyWith("mh.yaml", Found("spec-yaml-mh-source-without-variables.yaml"));
        var output = Path.Combine(_folder, "out");
        var run = Run("export", study, "--out", output, "--formats", "csv");
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain(Path.Combine(study, "mh.yaml") + " line 3");
        run.Error.ShouldContain("maps no variables");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Export_RawDmWithARepeatedSubject_ExitsBadInputNamingSubject()
    {
        var study = StudyWith(Path.Combine("raw", "dm.csv"), Found("raw-csv-dm-repeated-subject.csv"));
        var output = Path.Combine(_folder, "out");
        var run = Run("export", study, "--out", output, "--formats", "csv");
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain(Path.Combine(study, "dm.yaml"));
        run.Error.ShouldContain("BORLEN-PH1-01-002");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Export_RawFormWithLoneCarriageReturns_ExitsBadInputNamingTheForm()
    {
        // A lone CR ends a record as LF does: the form has more records than LF-ended lines (the reader overran its columns).
        var study = StudyWith(Path.Combine("raw", "enrol.csv"), Found("raw-csv-enrol-lone-cr.csv"));
        var output = Path.Combine(_folder, "out");
        var run = Run("export", study, "--out", output, "--formats", "csv");
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain("enrol");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Export_AdamYamlWithAControlCharacter_ExitsBadInputNamingFileLineAndColumn()
    {
        // U+0006 in a method text reached define.xml, which XML refuses (ArgumentException from XmlWriter).
        var study = StudyWith(Path.Combine("adam", "adsl.yaml"), Found("adam-yaml-adsl-control-character.yaml"));
        var output = Path.Combine(_folder, "out");
        var run = Run("export", study, "--out", output, "--formats", "xpt");
        run.ExitCode.ShouldBe(CliApp.BadInput, run.Error);
        run.Error.ShouldContain(Path.Combine(study, "adam", "adsl.yaml") + " line 59");
        run.Error.ShouldContain("U+0006");
        Directory.Exists(output).ShouldBeFalse();
    }

    // The sample study (spec and raw forms) copied with one spec file replaced by a found one.
    private string StudyWith(string file, string replacement)
    {
        var study = Path.Combine(_folder, "study");
        FuzzCorpus.Instance.CopyStudyTo(study);
        File.Copy(replacement, Path.Combine(study, file), overwrite: true);
        return study;
    }

    private static string Found(string name) => RepositoryPaths.Get("tests", "fixtures", "fuzz", "found", name);

    private CliRun Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error, CliEnvironment.Process with { CurrentDirectory = _folder });
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
