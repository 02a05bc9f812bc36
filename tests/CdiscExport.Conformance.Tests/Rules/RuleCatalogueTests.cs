using CdiscExport.Conformance.Operations;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Conformance.Tests.Rules;

/// <summary>The shipped rule catalogue: every curated check, with an operation that exists or a reason.</summary>
public sealed class RuleCatalogueTests
{
    [Fact]
    public void Catalogue_HoldsEveryCuratedCheck_WithAnOperationOrAReason()
    {
        var catalogue = RuleCatalogue.Load(Core.Standards.StandardsLibrary.FindDefaultFolder(), includeDeprecated: true);
        catalogue.Rules.Count(r => r.Origin == RuleOrigin.Ours).ShouldBe(93);
        catalogue.Rules.Count(r => r.Origin == RuleOrigin.Core).ShouldBe(330);
        catalogue.Rules.Count(r => r.Origin == RuleOrigin.CoreDeprecated).ShouldBe(104);
        catalogue.Rules.Select(r => r.Id).Distinct().Count().ShouldBe(93 + 330 + 104);
        var unbuilt = catalogue.Rules.Where(r => r.Operation != "core").SelectMany(r => r.Operation.Split('+')).Where(o => !OperationRegistry.TryGet(o, out _)).Distinct().Order().ToList();
        unbuilt.ShouldBeEmpty();
        catalogue.Rules.Where(r => r.Origin != RuleOrigin.Ours).ShouldAllBe(r => r.CoreId == r.Id && r.Definition.Citations.Count > 0);
    }
}
