using CdiscExport.Testing;

namespace CdiscExport.DatasetJson.Tests;

/// <summary>The public surface is a reviewed artefact (STYLE.md §11), listed in PublicApi.approved.txt.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_HasNotChanged() => PublicApi.Verify(typeof(DatasetJsonReader).Assembly);
}
