using CdiscExport.Cli.Export;
using CdiscExport.Mapping.Specs;
using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Export;

/// <summary>The study's spec reaches the export's conformance run: its standards folder and its response criteria.</summary>
public sealed class StudyConformanceTests
{
    [Fact]
    public void SampleStudy_ResponseRulesJudgeAdrsByItsConfirmationWindow()
    {
        var spec = StudySpec.Load(RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1"));
        var options = StudyConformance.OptionsFor(spec);
        options.StandardsFolder.ShouldBe(spec.StandardsFolder);
        options.RuleParameters.Keys.Order(StringComparer.Ordinal).ShouldBe(StudyConformance.ResponseRules);
        var confirmation = options.RuleParameters["INT-ADRS-003"];
        confirmation["confirmDays"].ShouldBe("42");
        confirmation["confirmedParams"].ShouldBe("BOR");
        confirmation["visitParam"].ShouldBe("OVR");
    }

    [Fact]
    public void StudyWithoutAdam_RulesKeepTheirDefaults()
    {
        var spec = StudySpec.Load(RepositoryPaths.Get("specs", "cdiscpilot01-pharmaverse"));
        spec.Adam.ShouldBeNull();
        StudyConformance.OptionsFor(spec).RuleParameters.ShouldBeEmpty();
    }
}
