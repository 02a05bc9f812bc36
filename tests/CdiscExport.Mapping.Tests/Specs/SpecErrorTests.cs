using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Tests.Specs;

/// <summary>A wrong spec or wrong raw data stops the mapping with the file, the line and what is allowed.</summary>
public sealed class SpecErrorTests
{
    private static MiniStudy AeStudy(string variables, string raw = "SUBJID,TERM\n1,Headache\n")
    {
        var study = new MiniStudy();
        study.Raw("ae", raw);
        study.Dataset("ae", $$"""
            dataset: AE
            records:
              - source: ae
                variables:
                  STUDYID: { constant: MINI }
                  USUBJID: { template: "S-{SUBJID}" }
            {{variables}}
            """);
        return study;
    }

    [Fact]
    public void MisspeltRawColumn_IsSpecErrorWithLineAndColumns()
    {
        using var study = AeStudy("      AETERM: { copy: TREM }");
        var e = Should.Throw<SpecException>(() => study.Run());
        e.FilePath.ShouldEndWith("ae.yaml");
        e.Line.ShouldBe(7);
        e.AllowedValues.ShouldContain("TERM");
    }

    [Fact]
    public void UnknownAlgorithmKey_IsSpecErrorListingAllowedKeys()
    {
        using var study = AeStudy("      AETERM: { copy: TERM, upper: true }");
        var e = Should.Throw<SpecException>(() => study.Run());
        e.Key.ShouldBe("upper");
        e.AllowedValues.ShouldBe(["copy", "case"]);
    }

    [Fact]
    public void MalformedFlowMapping_IsSpecErrorWithTheLine_NotAnAbort()
    {
        // The example: YamlDotNet's scanner threw InvalidOperationException, which no caller expected.
        using var study = AeStudy("      AETERM: { copy: X, case:{ upper }");
        var e = Should.Throw<SpecException>(() => study.Run());
        e.FilePath.ShouldEndWith("ae.yaml");
        e.Line.ShouldBeGreaterThan(0);
        e.Message.ShouldContain("not valid YAML");
    }

    [Theory]
    [InlineData("      &a : { copy: TERM }", "an empty value")]
    [InlineData("      [AETERM]: { copy: TERM }", "a list")]
    [InlineData("      { AETERM: 1 }: { copy: TERM }", "a mapping")]
    public void KeyThatIsNotAName_IsSpecErrorAtTheKey_NotAnAbort(string line, string what)
    {
        // Found by fuzzing: an anchor with no text as a key ("&:") made the unknown-key check throw
        // InvalidOperationException from Enumerable.First, which aborted the process.
        using var study = AeStudy(line);
        var e = Should.Throw<SpecException>(() => study.Run());
        e.FilePath.ShouldEndWith("ae.yaml");
        e.Line.ShouldBe(7);
        e.Message.ShouldContain($"must be a plain name, not {what}");
    }

    [Fact]
    public void UnknownAlgorithm_IsSpecError()
    {
        using var study = AeStudy("      AETERM: { coppy: TERM }");
        Should.Throw<SpecException>(() => study.Run()).AllowedValues.ShouldContain("copy");
    }

    [Fact]
    public void VariableNotInSdtmig_IsSpecErrorPointingToSupp()
    {
        using var study = AeStudy("      AETERM: { copy: TERM }\n      AEDLT: { constant: N }");
        var e = Should.Throw<SpecException>(() => study.Run());
        e.Key.ShouldBe("AEDLT");
        e.Line.ShouldBe(8);
        e.Message.ShouldContain("supp:");
    }

    [Fact]
    public void MissingForm_IsSpecError()
    {
        using var study = AeStudy("      AETERM: { copy: TERM }");
        File.Delete(study.PathOf("raw/ae.csv"));
        Should.Throw<SpecException>(() => study.Run()).Message.ShouldContain("does not exist");
    }

    [Fact]
    public void UnbalancedQuote_IsMappingErrorWithLine()
    {
        using var study = AeStudy("      AETERM: { copy: TERM }", "SUBJID,TERM\n1,Headache\n1,\"Nausea\n1,Rash\n");
        var e = Should.Throw<MappingException>(() => study.Run());
        e.RawFile.ShouldEndWith("ae.csv");
        e.Message.ShouldContain("quote");
    }

    [Fact]
    public void InvalidUtf8_IsMappingErrorNamingLineAndRemedy()
    {
        using var study = AeStudy("      AETERM: { copy: TERM }");
        File.WriteAllBytes(study.PathOf("raw/ae.csv"), [.. "SUBJID,TERM\n1,Headache\n1,Na"u8, 0xEF, 0x76, .. "e\n"u8]);
        var e = Should.Throw<MappingException>(() => study.Run());
        e.Line.ShouldBe(3);
        e.Message.ShouldContain("encoding");
    }

    [Fact]
    public void Windows1252DeclaredInStudy_IsRead()
    {
        using var study = AeStudy("      AETERM: { copy: TERM }");
        File.WriteAllBytes(study.PathOf("raw/ae.csv"), [.. "SUBJID,TERM\n1,Na"u8, 0xEF, .. "ve\n"u8]);
        study.Encoding = "windows-1252";
        study.Run("AE").Texts("AETERM").ShouldBe(["Na\u00efve"]);
    }
}
