using System.Text.RegularExpressions;
using CdiscExport.Odm;
using CdiscExport.Testing;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Tests.Export;

public sealed partial class DefineExportTests
{
    private static readonly Lazy<DefineSchemaValidator> Validator =
        new(() => DefineSchemaValidator.Load(RepositoryPaths.Get("specs", "standards", "define-xml-2.1", "schema")));

    public static TheoryData<string> Folders => new() { "sdtm", "adam" };

    private static string DefineXml => Path.Combine(SampleExport.Sdtm, "define.xml");

    private static string DefineHtml => Path.Combine(SampleExport.Sdtm, "define.html");

    [Theory]
    [MemberData(nameof(Folders))]
    public void Export_Define_IsSchemaValid(string kind)
    {
        Validator.Value.Validate(File.ReadAllText(Path.Combine(SampleExport.FolderOf(kind), "define.xml"))).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Export_Define_XmllintAcceptsAgainstArmSchema(string kind)
    {
        var xmllint = ExternalTool.RequireOnPath("xmllint", "libxml2-utils");

        var (exit, output, error) = ExternalTool.Run(xmllint, "--nonet", "--noout", "--schema",
            RepositoryPaths.Get("specs", "standards", "define-xml-2.1", "schema", "cdisc-arm-1.0", "arm1-0-0.xsd"),
            Path.Combine(SampleExport.FolderOf(kind), "define.xml"));

        exit.ShouldBe(0, output + error);
    }

    [Fact]
    public void Export_AdamDefine_HasMethodsOriginsAndAdrsValueLevel()
    {
        var mdv = DefineReader.ReadFile(Path.Combine(SampleExport.Adam, "define.xml")).Study.MetaDataVersion;

        mdv.Standards.ShouldContain(s => s.Name == "ADaMIG");
        mdv.Methods.ShouldNotBeEmpty();
        mdv.Items.ShouldAllBe(i => i.Origins.Count > 0);
        mdv.ValueLists.Select(v => v.Oid).ShouldContain("VL.ADRS.AVALC");
        File.Exists(Path.Combine(SampleExport.Adam, "define.html")).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Export_EveryXpt_HasItemGroupDefAgreeingWithTheFile(string kind)
    {
        var folder = SampleExport.FolderOf(kind);
        var mdv = DefineReader.ReadFile(Path.Combine(folder, "define.xml")).Study.MetaDataVersion;
        var items = mdv.Items.ToDictionary(i => i.Oid, StringComparer.Ordinal);
        var files = Directory.GetFiles(folder, "*.xpt").Order(StringComparer.Ordinal).ToList();
        files.ShouldNotBeEmpty();
        mdv.ItemGroups.Count.ShouldBe(files.Count);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var group = mdv.ItemGroups.SingleOrDefault(g => g.Leaf?.Href == name).ShouldNotBeNull($"no ItemGroupDef has def:leaf {name}");
            using var stream = File.OpenRead(file);
            using var reader = XptReader.Open(stream);
            var variables = reader.Dataset.Variables;
            group.Description[0].Text.ShouldBe(reader.Dataset.Label, name);
            group.ItemRefs.Select(r => items[r.ItemOid].Name).ShouldBe(variables.Select(v => v.Name), name);
            for (var i = 0; i < variables.Count; i++)
            {
                var item = items[group.ItemRefs[i].ItemOid];
                var where = $"{name} {variables[i].Name}";
                item.Description[0].Text.ShouldBe(variables[i].Label, where);
                if (variables[i].Type == XptVariableType.Character)
                {
                    item.DataType.ShouldBeOneOf(["text", "datetime", "date"], where);
                    item.Length.ShouldBe(variables[i].Length, where);
                }
                else
                {
                    item.DataType.ShouldBeOneOf(["integer", "float"], where);
                }
            }
        }
    }

    [Fact]
    public void Export_SdtmDefine_HasValueLevelMethodsAndNcrExtension()
    {
        var mdv = DefineReader.ReadFile(DefineXml).Study.MetaDataVersion;

        mdv.ValueLists.Select(v => v.Oid).ShouldContain("VL.LB.LBORRES");
        mdv.ValueLists.Select(v => v.Oid).ShouldContain("VL.RS.RSORRES");
        mdv.ValueLists.Select(v => v.Oid).ShouldContain("VL.TS.TSVAL");
        mdv.ValueLists.ShouldContain(v => v.Oid.StartsWith("VL.SUPP", StringComparison.Ordinal) && v.Oid.EndsWith(".QVAL", StringComparison.Ordinal));
        mdv.Methods.ShouldNotBeEmpty();
        mdv.CodeLists.SelectMany(c => c.Items).ShouldContain(i => i.CodedValue == "nCR" && i.ExtendedValue);
    }

    [Fact]
    public void Export_SampleDefine_MatchesApprovedFiles()
    {
        Approvals.Verify("DefineExportTests.Sample.define.approved.xml", File.ReadAllText(DefineXml));
        Approvals.Verify("DefineExportTests.Sample.define.approved.html", File.ReadAllText(DefineHtml));
    }

    [Fact]
    public void Export_DefineHtml_InternalAnchorsAndFileLinksResolve()
    {
        var html = File.ReadAllText(DefineHtml);
        var ids = Ids().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var href in Hrefs().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct())
        {
            if (href.StartsWith('#'))
            {
                ids.ShouldContain(System.Net.WebUtility.HtmlEncode(href[1..]), $"anchor {href}");
            }
            else
            {
                File.Exists(Path.Combine(SampleExport.Sdtm, href)).ShouldBeTrue($"link {href}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Chromium_DefineHtml_ShowsEveryDatasetAndLinksResolve(string kind)
    {
        var folder = SampleExport.FolderOf(kind);
        var chromium = ExternalTool.RequireOnPath("chromium", "chromium");
        var profile = Path.Combine(Path.GetTempPath(), $"chromium-profile-{Guid.NewGuid():N}");
        try
        {
            var (exit, dom, error) = ExternalTool.Run(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                $"--user-data-dir={profile}", "--dump-dom", new Uri(Path.Combine(folder, "define.html")).AbsoluteUri);
            exit.ShouldBe(0, error);

            // The DOM as Chromium built it: every dataset has its row (linked to its section and its XPT) and section.
            foreach (var file in Directory.GetFiles(folder, "*.xpt"))
            {
                var name = Path.GetFileNameWithoutExtension(file).ToUpperInvariant();
                dom.ShouldContain($"<a href=\"#IG.{name}\">{name}</a>");
                dom.ShouldContain($"<h3 id=\"IG.{name}\">");
                dom.ShouldContain($"href=\"{Path.GetFileName(file)}\"");
            }

            var ids = Ids().Matches(dom).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var broken = Hrefs().Matches(dom).Select(m => m.Groups[1].Value).Distinct()
                .Where(href => href.StartsWith('#') ? !ids.Contains(href[1..]) : !File.Exists(Path.Combine(folder, href)))
                .ToList();
            broken.ShouldBeEmpty();
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex Ids();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Hrefs();
}
