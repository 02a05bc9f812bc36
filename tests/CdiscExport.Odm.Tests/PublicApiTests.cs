using CdiscExport.Testing;

namespace CdiscExport.Odm.Tests;

/// <summary>
/// The public surface is a reviewed artefact (STYLE.md §11): it is listed in PublicApi.approved.txt. When it
/// changes, this test writes PublicApi.received.txt beside it; review it and copy it over the approved file.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_HasNotChanged() => PublicApi.Verify(typeof(global::CdiscExport.Odm.DefineHtmlWriter).Assembly);
}
