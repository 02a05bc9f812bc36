using System.Text.RegularExpressions;
using CdiscExport.Testing;

namespace CdiscExport.Odm.Tests;

public sealed partial class DefineHtmlWriterTests
{
    [Theory]
    [MemberData(nameof(DefineRoundTripTests.CdiscDefines), MemberType = typeof(DefineRoundTripTests))]
    public void Write_CdiscDefine_ShowsEveryDatasetAndInternalLinksResolve(string fixture)
    {
        var define = DefineReader.ReadFile(Path.Combine(RepositoryPaths.Fixtures, fixture));

        var html = DefineHtmlWriter.WriteToString(define);

        var ids = Ids().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var group in define.Study.MetaDataVersion.ItemGroups)
        {
            ids.ShouldContain(System.Net.WebUtility.HtmlEncode(group.Oid));
            html.ShouldContain($">{System.Net.WebUtility.HtmlEncode(group.Name)}</a>");
        }

        Hrefs().Matches(html).Select(m => m.Groups[1].Value).Where(h => h.StartsWith('#')).Distinct()
            .Where(h => !ids.Contains(h[1..])).ShouldBeEmpty();
        html.ShouldNotContain("\r");
    }

    [Fact]
    public void Write_ExtendedValue_IsMarked()
    {
        var define = DefineReader.ReadFile(Path.Combine(RepositoryPaths.Fixtures, "define-xml-2.1/defineV21-SDTM.xml"));
        var mdv = define.Study.MetaDataVersion;
        var codelist = mdv.CodeLists[0] with { Items = [new CodeListItem("nCR") { ExtendedValue = true }] };
        define = define with { Study = define.Study with { MetaDataVersion = mdv with { CodeLists = [codelist] } } };

        DefineHtmlWriter.WriteToString(define).ShouldContain("nCR (sponsor extension)");
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex Ids();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Hrefs();
}
