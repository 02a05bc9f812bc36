namespace CdiscExport.Odm.Tests;

/// <summary>The standards each version of define.xml declares, read from real files into one shape.</summary>
public sealed class DeclaredStandardTests
{
    private static List<(string Name, string Type, string Version, string? PublishingSet)> Standards(string path) =>
        DefineReader.ReadFile(path).DeclaredStandards.Select(s => (s.Name, s.Type, s.Version, s.PublishingSet)).ToList();

    [Fact]
    public void DeclaredStandards_PilotDefine21_AreItsDefStandards()
    {
        Standards(DefineFixtures.Pilot21).ShouldBe(
        [
            ("SDTMIG", "IG", "3.3", null),
            ("SDTMIG-MD", "IG", "1.1", null),
            ("CDISC/NCI", "CT", "2020-12-18", "DEFINE-XML"),
            ("CDISC/NCI", "CT", "2020-12-18", "SDTM"),
        ]);
    }

    [Fact]
    public void DeclaredStandards_PilotDefine21_KeepsCdiscsMisspellingAsWritten()
    {
        // def:Standard Name="STDTMIG" is a schema error in CDISC's file; the package still means SDTMIG 3.3.
        var sdtmig = DefineReader.ReadFile(DefineFixtures.Pilot21).DeclaredStandards[0];

        sdtmig.NameAsWritten.ShouldBe("STDTMIG");
        sdtmig.Source.ShouldBe(DeclaredStandardSource.DefStandard);
        sdtmig.Status.ShouldBe("Final");
    }

    [Fact]
    public void DeclaredStandards_AdamExample21_IncludeCtPerPublishingSet()
    {
        Standards(DefineFixtures.Adam21).ShouldBe(
        [
            ("ADaMIG", "IG", "1.1", null),
            ("CDISC/NCI", "CT", "2017-09-29", "ADaM"),
            ("CDISC/NCI", "CT", "2018-06-29", "SDTM"),
            ("CDISC/NCI", "CT", "2025-09-26", "DEFINE-XML"),
        ]);
    }

    [Fact]
    public void DeclaredStandards_CstDefine20_IsSdtmig312FromMetaDataVersion()
    {
        var standard = DefineReader.ReadFile(DefineFixtures.Cst20).DeclaredStandards.ShouldHaveSingleItem();

        standard.ShouldBe(new DeclaredStandard("SDTMIG", "IG", "3.1.2", "SDTM-IG", DeclaredStandardSource.MetaDataVersion));
    }

    public static TheoryData<string, string, string, string> Examples20 => new()
    {
        { "define2-0-0-example-sdtm(2013-11-09).xml", "SDTMIG", "3.1.2", "SDTM-IG" },
        { "phuse2018-define.cdisc.sdtm.xml", "SDTMIG", "3.1.2", "SDTM-IG" },
        { "phuse2018-define.cdisc.adam.xml", "ADaMIG", "1.0", "ADaM-IG" },
        { "phuse2018-define.cdisc.arm.xml", "ADaMIG", "1.0", "ADaM-IG" },
        // PhUSE's test define names an IG nobody publishes; it stays as written.
        { "phuse2018-define.phuse.test.xml", "XYZ-IG", "1.0", "XYZ-IG" },
    };

    [Theory]
    [MemberData(nameof(Examples20))]
    public void DeclaredStandards_Example20_IsTheOneIgItNames(string file, string name, string version, string written)
    {
        var standard = DefineReader.ReadFile(DefineFixtures.Example20(file)).DeclaredStandards.ShouldHaveSingleItem();

        (standard.Name, standard.Type, standard.Version, standard.NameAsWritten).ShouldBe((name, "IG", version, written));
    }

    [Fact]
    public void DeclaredStandards_Define10_NamesCdiscSdtmAsSdtmig()
    {
        DefineReader.ReadFile(DefineFixtures.Handmade10).DeclaredStandards.ShouldBe(
            [new DeclaredStandard("SDTMIG", "IG", "3.1.2", "CDISC SDTM", DeclaredStandardSource.MetaDataVersion)]);
    }

    [Fact]
    public void DeclaredStandards_Define20WithCdiscExternalCodeList_AddsTheCtHint()
    {
        // Define-XML 2.0 has no place for the CT release; some tools name it in an ExternalCodeList. MedDRA is not CT.
        var define = DefineReader.ReadFile(DefineFixtures.Cst20);
        var mdv = define.Study.MetaDataVersion;
        var hinted = define with
        {
            Study = define.Study with
            {
                MetaDataVersion = mdv with
                {
                    CodeLists = new(mdv.CodeLists.Append(new CodeList("CL.CT", "CDISC Terminology", "text") { External = new ExternalCodeList("CDISC CT", "2011-06-10") })),
                },
            },
        };

        hinted.DeclaredStandards.Select(s => (s.Name, s.Type, s.Version, s.Source)).ShouldBe(
        [
            ("SDTMIG", "IG", "3.1.2", DeclaredStandardSource.MetaDataVersion),
            ("CDISC/NCI", "CT", "2011-06-10", DeclaredStandardSource.ExternalCodeList),
        ]);
    }

    [Fact]
    public void DeclaredStandards_BuiltDefine21_AreItsStandards()
    {
        var mdv = new MetaDataVersion("MDV", "MDV")
        {
            Standards = [new Standard("STD.1", "SDTMIG", "IG", "3.4"), new Standard("STD.2", "CDISC/NCI", "CT", "2025-03-28") { PublishingSet = "SDTM" }],
        };
        var define = new DefineDocument("F", "2026-01-01T00:00:00", new Study("S", "S", "S", "S", mdv));

        define.DeclaredStandards.Select(s => (s.Name, s.Version, s.PublishingSet)).ShouldBe([("SDTMIG", "3.4", null), ("CDISC/NCI", "2025-03-28", "SDTM")]);
    }
}
