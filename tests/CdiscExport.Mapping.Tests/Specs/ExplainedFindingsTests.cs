using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Tests.Specs;

/// <summary>The study file's <c>conformance: explained:</c> section: rule id -> why its findings are accepted.</summary>
public sealed class ExplainedFindingsTests
{
    [Fact]
    public void Run_StudyExplainsARule_ResultCarriesRuleAndReason()
    {
        using var study = new MiniStudy
        {
            StudyExtra = "conformance:\n  explained:\n    SD1132: \"As collected on the CRF.\"",
        };

        var result = study.Run();

        result.ExplainedFindings.ShouldNotBeNull();
        result.ExplainedFindings.ShouldContainKeyAndValue("SD1132", "As collected on the CRF.");
    }

    [Fact]
    public void Run_NoConformanceSection_ExplainsNothing()
    {
        using var study = new MiniStudy();

        study.Run().ExplainedFindings.ShouldBeEmpty();
    }

    [Fact]
    public void Run_ExplanationWithoutReason_IsSpecErrorAtItsLine()
    {
        using var study = new MiniStudy { StudyExtra = "conformance:\n  explained:\n    SD1132: \"\"" };

        var e = Should.Throw<SpecException>(() => study.Run());

        e.Message.ShouldContain("SD1132");
        e.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Run_UnknownKeyUnderConformance_IsSpecError()
    {
        using var study = new MiniStudy { StudyExtra = "conformance:\n  fail_on: reject" };

        var e = Should.Throw<SpecException>(() => study.Run());

        e.Message.ShouldContain("explained");
    }
}
