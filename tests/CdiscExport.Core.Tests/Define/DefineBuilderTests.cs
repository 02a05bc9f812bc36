using System.Text;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Define;
using CdiscExport.Core.Tests.Standards;
using CdiscExport.Odm;
using CdiscExport.Testing;
using NodaTime;

namespace CdiscExport.Core.Tests.Define;

public sealed class DefineBuilderTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static readonly Lazy<DefineSchemaValidator> Validator =
        new(() => DefineSchemaValidator.Load(RepositoryPaths.Get("specs", "standards", "define-xml-2.1", "schema")));

    private static CharacterColumn Text(string name, string label, params string[] values) =>
        new(new VariableMetadata(name, label, VariableKind.Character), values);

    private static CharacterColumn Text(VariableMetadata meta, params string[] values) => new(meta, values);

    private static NumericColumn Number(string name, string label, params double?[] values) =>
        new(new VariableMetadata(name, label, VariableKind.Numeric), values);

    /// <summary>Three tiny SDTM datasets: LB with a method on one test, RS with the sponsor value nCR, SUPPDM.</summary>
    internal static IReadOnlyList<Dataset> SmallStudy() =>
    [
        new Dataset("LB", "Laboratory Test Results",
        [
            Text(new VariableMetadata("STUDYID", "Study Identifier", VariableKind.Character) { Core = "Req", Role = "Identifier", Origin = "Assigned" }, "S1", "S1", "S1"),
            Text("DOMAIN", "Domain Abbreviation", "LB", "LB", "LB"),
            Text(new VariableMetadata("USUBJID", "Unique Subject Identifier", VariableKind.Character) { Core = "Req", Role = "Identifier", Origin = "Derived", Method = "STUDYID-SUBJID" }, "S1-1", "S1-1", "S1-2"),
            Number("LBSEQ", "Sequence Number", 1, 2, 1),
            Text(new VariableMetadata("LBTESTCD", "Lab Test or Examination Short Name.", VariableKind.Character) { CodelistCode = "C65047", CodelistName = "LBTESTCD", Role = "Topic", Origin = "Collected", Source = "lab" }, "HGB", "MPROT", "HGB"),
            Text("LBORRES", "Result or Finding in Original Units", "12.5", "1.25", "13"),
            Text("LBMETHOD", "Method of Test or Examination", "", "ELECTROPHORESIS", ""),
            Number("LBSTRESN", "Numeric Result/Finding in Standard Units", 12.5, 1.25, 13),
            Text(new VariableMetadata("LBDTC", "Date/Time of Specimen Collection", VariableKind.Character) { Origin = "Collected", Source = "lab" }, "2024-01-02", "2024-01-02", "2024-01-03"),
        ]),
        new Dataset("RS", "Disease Response and Clin Classification",
        [
            Text("STUDYID", "Study Identifier", "S1", "S1"),
            Text("USUBJID", "Unique Subject Identifier", "S1-1", "S1-2"),
            Text("RSTESTCD", "Assessment Short Name", "OVRLRESP", "OVRLRESP"),
            Text(new VariableMetadata("RSORRES", "Result or Finding in Original Units", VariableKind.Character)
            {
                CodelistName = "ONCRSR", Origin = "Collected", Source = "resp", ExtendedValues = ["nCR"],
            }, "nCR", "PR"),
        ]),
        new Dataset("SUPPDM", "Supplemental Qualifiers for DM",
        [
            Text("STUDYID", "Study Identifier", "S1", "S1"),
            Text("RDOMAIN", "Related Domain Abbreviation", "DM", "DM"),
            Text("USUBJID", "Unique Subject Identifier", "S1-1", "S1-1"),
            Text("IDVAR", "Identifying Variable", "", ""),
            Text("IDVARVAL", "Identifying Variable Value", "", ""),
            Text("QNAM", "Qualifier Variable Name", "ISS", "PRIORLN"),
            Text("QLABEL", "Qualifier Variable Label", "ISS Stage", "Prior Lines"),
            Text("QVAL", "Data Value", "II", "3"),
        ]),
    ];

    internal static DefineDocument BuildSmall() =>
        DefineBuilder.Build(SmallStudy(), new DefineBuildOptions(DefineKind.Sdtm, "S1", ShippedStandards.Library, Created));

    [Fact]
    public void Build_SmallStudy_IsSchemaValid()
    {
        Validator.Value.Validate(BuildSmall()).ShouldBeEmpty();
    }

    [Fact]
    public void Build_SmallStudy_XmllintAcceptsAgainstArmSchema()
    {
        var xmllint = ExternalTool.RequireOnPath("xmllint", "libxml2-utils");
        var file = Path.Combine(Path.GetTempPath(), $"define-{Guid.NewGuid():N}.xml");
        try
        {
            DefineWriter.WriteFile(BuildSmall(), file);
            var (exit, output, error) = ExternalTool.Run(xmllint, "--nonet", "--noout", "--schema",
                RepositoryPaths.Get("specs", "standards", "define-xml-2.1", "schema", "cdisc-arm-1.0", "arm1-0-0.xsd"), file);

            exit.ShouldBe(0, output + error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Build_EveryDataset_HasGroupWithLeafAndItemsAgreeingWithXpt()
    {
        var define = BuildSmall();
        var mdv = define.Study.MetaDataVersion;
        foreach (var dataset in SmallStudy())
        {
            var group = mdv.ItemGroups.Single(g => g.Name == dataset.Name);
            group.Leaf.ShouldNotBeNull().Href.ShouldBe(dataset.Name.ToLowerInvariant() + ".xpt");
            group.ArchiveLocationId.ShouldBe(group.Leaf.Id);
            var xpt = dataset.ToXptDataset();
            group.ItemRefs.Count.ShouldBe(xpt.Variables.Count);
            for (var i = 0; i < xpt.Variables.Count; i++)
            {
                var item = mdv.Items.Single(it => it.Oid == group.ItemRefs[i].ItemOid);
                group.ItemRefs[i].OrderNumber.ShouldBe(i + 1);
                item.Name.ShouldBe(xpt.Variables[i].Name);
                item.Description[0].Text.ShouldBe(xpt.Variables[i].Label);
                if (xpt.Variables[i].Type == Xpt.XptVariableType.Character)
                {
                    item.Length.ShouldBe(xpt.Variables[i].Length, $"{dataset.Name}.{item.Name}");
                }
                else
                {
                    item.DataType.ShouldBeOneOf("integer", "float");
                }
            }
        }
    }

    [Fact]
    public void Build_SponsorValue_IsFlaggedExtended()
    {
        var codelist = BuildSmall().Study.MetaDataVersion.CodeLists.Single(c => c.Oid == "CL.ONCRSR");

        var ncr = codelist.Items.Single(i => i.CodedValue == "nCR");
        ncr.ExtendedValue.ShouldBeTrue();
        ncr.Aliases.ShouldBeEmpty();
        var pr = codelist.Items.Single(i => i.CodedValue == "PR");
        pr.ExtendedValue.ShouldBeFalse();
        pr.Aliases.ShouldHaveSingleItem().Context.ShouldBe("nci:ExtCodeID");
        codelist.Aliases.ShouldHaveSingleItem().Name.ShouldStartWith("C");
    }

    [Fact]
    public void Build_LbResults_HaveValueLevelByTestAndMethod()
    {
        var mdv = BuildSmall().Study.MetaDataVersion;

        mdv.Items.Single(i => i.Oid == "IT.LB.LBORRES").ValueListOid.ShouldBe("VL.LB.LBORRES");
        var valueList = mdv.ValueLists.Single(v => v.Oid == "VL.LB.LBORRES");
        valueList.ItemRefs.Count.ShouldBe(2);
        var mprot = mdv.WhereClauses.Single(w => w.Oid == "WC.LB.LBTESTCD.LBMETHOD.MPROT.ELECTROPHORESIS");
        mprot.RangeChecks.Select(r => (r.ItemOid, r.CheckValues[0])).ShouldBe([("IT.LB.LBTESTCD", "MPROT"), ("IT.LB.LBMETHOD", "ELECTROPHORESIS")]);
        mdv.WhereClauses.Single(w => w.Oid == "WC.LB.LBTESTCD.HGB").RangeChecks.ShouldHaveSingleItem();
        var hgb = mdv.Items.Single(i => i.Oid == "IT.LB.LBORRES.HGB");
        (hgb.DataType, hgb.Length, hgb.SignificantDigits).ShouldBe(("float", 4, 1));
    }

    [Fact]
    public void Build_SuppQval_HasValueLevelByQnam()
    {
        var mdv = BuildSmall().Study.MetaDataVersion;

        mdv.ValueLists.Single(v => v.Oid == "VL.SUPPDM.QVAL").ItemRefs.Count.ShouldBe(2);
        mdv.Items.Single(i => i.Oid == "IT.SUPPDM.QVAL.PRIORLN").DataType.ShouldBe("integer");
        mdv.Items.Single(i => i.Oid == "IT.SUPPDM.QVAL.ISS").DataType.ShouldBe("text");
    }

    [Fact]
    public void Build_Origins_FollowVariableMetadata()
    {
        var mdv = BuildSmall().Study.MetaDataVersion;
        var lb = mdv.ItemGroups.Single(g => g.Name == "LB");

        mdv.Items.Single(i => i.Oid == "IT.LB.LBTESTCD").Origins.ShouldHaveSingleItem().Type.ShouldBe("Collected");
        mdv.Items.Single(i => i.Oid == "IT.LB.USUBJID").Origins.ShouldHaveSingleItem().Type.ShouldBe("Derived");
        var method = lb.ItemRefs.Single(r => r.ItemOid == "IT.LB.USUBJID").MethodOid.ShouldNotBeNull();
        mdv.Methods.Single(m => m.Oid == method).Description[0].Text.ShouldBe("STUDYID-SUBJID");
        lb.ItemRefs.Where(r => r.KeySequence is not null).OrderBy(r => r.KeySequence).Select(r => r.ItemOid)
            .ShouldBe(["IT.LB.STUDYID", "IT.LB.USUBJID", "IT.LB.LBTESTCD", "IT.LB.LBDTC"]);
    }

    [Fact]
    public void Build_DsdecodForProtocolMilestone_UsesProtmlstNotAnExtension()
    {
        var ds = new Dataset("DS", "Disposition",
        [
            Text("STUDYID", "Study Identifier", "S1", "S1"),
            Text("USUBJID", "Unique Subject Identifier", "S1-1", "S1-1"),
            Text(new VariableMetadata("DSDECOD", "Standardized Disposition Term", VariableKind.Character) { CodelistName = "NCOMPLT" },
                "INFORMED CONSENT OBTAINED", "ADVERSE EVENT"),
            Text("DSCAT", "Category for Disposition Event", "PROTOCOL MILESTONE", "DISPOSITION EVENT"),
        ]);

        var mdv = DefineBuilder.Build([ds], new DefineBuildOptions(DefineKind.Sdtm, "S1", ShippedStandards.Library, Created)).Study.MetaDataVersion;

        mdv.CodeLists.Single(c => c.Oid == "CL.NCOMPLT").Items.Select(i => (i.CodedValue, i.ExtendedValue)).ShouldBe([("ADVERSE EVENT", false)]);
        mdv.CodeLists.Single(c => c.Oid == "CL.PROTMLST").Items.Select(i => (i.CodedValue, i.ExtendedValue)).ShouldBe([("INFORMED CONSENT OBTAINED", false)]);
        mdv.Items.Single(i => i.Oid == "IT.DS.DSDECOD.PROTOCOL_MILESTONE").CodeListOid.ShouldBe("CL.PROTMLST");
        mdv.WhereClauses.Select(w => w.Oid).ShouldBe(["WC.DS.DSCAT.DISPOSITION_EVENT", "WC.DS.DSCAT.PROTOCOL_MILESTONE"]);
        mdv.WhereClauses.SelectMany(w => w.RangeChecks).Select(r => r.CheckValues[0]).ShouldBe(["DISPOSITION EVENT", "PROTOCOL MILESTONE"]);
    }

    [Fact]
    public void Build_WhereValuesThatSanitiseAlike_GetDistinctOids()
    {
        var supp = new Dataset("SUPPAE", "Supplemental Qualifiers for AE",
        [
            Text("QNAM", "Qualifier Variable Name", "A B", "A_B"),
            Text("QVAL", "Data Value", "1", "2"),
        ]);

        var mdv = DefineBuilder.Build([supp], new DefineBuildOptions(DefineKind.Sdtm, "S1", ShippedStandards.Library, Created)).Study.MetaDataVersion;

        mdv.WhereClauses.Select(w => w.Oid).ShouldBe(["WC.SUPPAE.QNAM.A_B", "WC.SUPPAE.QNAM.A_B_2"]);
        mdv.Items.Select(i => i.Oid).Distinct().Count().ShouldBe(mdv.Items.Count);
    }

    [Fact]
    public void Build_KeysNotUnique_AddDiscriminatorsBeforeSeq()
    {
        var lb = new Dataset("LB", "Laboratory Test Results",
        [
            Text("STUDYID", "Study Identifier", "S1", "S1"),
            Text("USUBJID", "Unique Subject Identifier", "S1-1", "S1-1"),
            Number("LBSEQ", "Sequence Number", 1, 2),
            Text("LBTESTCD", "Lab Test or Examination Short Name.", "MCPROT", "MCPROT"),
            Text("LBMETHOD", "Method of Test or Examination", "ELECTROPHORESIS", "IMMUNOFIXATION"),
        ]);

        var group = DefineBuilder.Build([lb], new DefineBuildOptions(DefineKind.Sdtm, "S1", ShippedStandards.Library, Created)).Study.MetaDataVersion.ItemGroups[0];

        group.ItemRefs.Where(r => r.KeySequence is not null).OrderBy(r => r.KeySequence).Select(r => r.ItemOid)
            .ShouldBe(["IT.LB.STUDYID", "IT.LB.USUBJID", "IT.LB.LBTESTCD", "IT.LB.LBMETHOD"]);
    }

    [Fact]
    public void Build_SuppVariables_HaveOrigins_QvalFromQorig()
    {
        var supp = new Dataset("SUPPAE", "Supplemental Qualifiers for AE",
        [
            Text("STUDYID", "Study Identifier", "S1"),
            Text("USUBJID", "Unique Subject Identifier", "S1-1"),
            Text("IDVAR", "Identifying Variable", "AESEQ"),
            Text("IDVARVAL", "Identifying Variable Value", "1"),
            Text("QNAM", "Qualifier Variable Name", "AEDLT"),
            Text("QVAL", "Data Value", "Y"),
            Text("QORIG", "Origin", "CRF"),
        ]);

        var mdv = DefineBuilder.Build([supp], new DefineBuildOptions(DefineKind.Sdtm, "S1", ShippedStandards.Library, Created)).Study.MetaDataVersion;

        mdv.Items.ShouldAllBe(i => i.Origins.Count == 1);
        mdv.Items.Single(i => i.Oid == "IT.SUPPAE.IDVARVAL").Origins[0].Description[0].Text.ShouldBe("AE.AESEQ");
        mdv.Items.Single(i => i.Oid == "IT.SUPPAE.QVAL.AEDLT").Origins[0].Type.ShouldBe("Collected");
        mdv.Items.Single(i => i.Oid == "IT.SUPPAE.QNAM").Origins[0].Type.ShouldBe("Assigned");
    }

    [Fact]
    public void Build_BlankVariable_CommentsNotCollected()
    {
        var ae = new Dataset("AE", "Adverse Events",
        [
            Text("STUDYID", "Study Identifier", "S1"),
            Text("AESCAT", "Subcategory for Adverse Event", ""),
        ]);

        var mdv = DefineBuilder.Build([ae], new DefineBuildOptions(DefineKind.Sdtm, "S1", ShippedStandards.Library, Created)).Study.MetaDataVersion;

        mdv.Items.Single(i => i.Oid == "IT.AE.AESCAT").CommentOid.ShouldBe("COM.NOTCOLLECTED");
        mdv.Items.Single(i => i.Oid == "IT.AE.STUDYID").CommentOid.ShouldBeNull();
        BuildSmall().Study.MetaDataVersion.Items.Single(i => i.Oid == "IT.SUPPDM.IDVAR").CommentOid.ShouldBeNull();
    }

    [Fact]
    public void Build_CreationDateTime_IsTheGivenInstant()
    {
        BuildSmall().CreationDateTime.ShouldBe("2026-01-01T00:00:00");
    }

    [Fact]
    public void Build_WrittenAndRead_GivesSameModel()
    {
        var define = BuildSmall();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(DefineWriter.WriteToString(define)));

        DefineReader.Read(stream).ShouldBe(define);
    }

    [Fact]
    public void Build_SmallStudy_MatchesApprovedFiles()
    {
        var define = BuildSmall();

        Approvals.Verify("DefineBuilderTests.SmallStudy.approved.xml", DefineWriter.WriteToString(define));
        Approvals.Verify("DefineBuilderTests.SmallStudy.approved.html", DefineHtmlWriter.WriteToString(define));
    }
}

public sealed class DefineBuilderAdamTests
{
    private static readonly Lazy<DefineSchemaValidator> Validator =
        new(() => DefineSchemaValidator.Load(RepositoryPaths.Get("specs", "standards", "define-xml-2.1", "schema")));

    private static VariableMetadata Meta(string name, string label, VariableKind kind, string? origin, string? method = null, string? source = null) =>
        new(name, label, kind) { Origin = origin, Method = method, Source = source };

    /// <summary>ADSL and ADRS, two subjects, with predecessor and derived variables.</summary>
    internal static IReadOnlyList<Dataset> SmallAdam() =>
    [
        new Dataset("ADSL", "Subject-Level Analysis Dataset",
        [
            new CharacterColumn(Meta("STUDYID", "Study Identifier", VariableKind.Character, "Predecessor", source: "DM.STUDYID") with { Core = "Req" }, ["S1", "S1"]),
            new CharacterColumn(Meta("USUBJID", "Unique Subject Identifier", VariableKind.Character, "Predecessor", source: "DM.USUBJID") with { Core = "Req" }, ["S1-1", "S1-2"]),
            new NumericColumn(Meta("TRTSDT", "Date of First Exposure to Treatment", VariableKind.Numeric, "Derived", "First EX.EXSTDTC converted to a SAS date"), [23000, 23010]),
        ]),
        new Dataset("ADRS", "Response Analysis Dataset",
        [
            new CharacterColumn(Meta("STUDYID", "Study Identifier", VariableKind.Character, "Predecessor", source: "ADSL.STUDYID"), ["S1", "S1", "S1"]),
            new CharacterColumn(Meta("USUBJID", "Unique Subject Identifier", VariableKind.Character, "Predecessor", source: "ADSL.USUBJID"), ["S1-1", "S1-1", "S1-2"]),
            new CharacterColumn(Meta("PARAMCD", "Parameter Code", VariableKind.Character, "Assigned"), ["OVRLRESP", "BOR", "BOR"]),
            new CharacterColumn(Meta("AVALC", "Analysis Value (C)", VariableKind.Character, "Derived", "Best overall response: best confirmed OVRLRESP"), ["PR", "PR", "nCR"]),
            new NumericColumn(Meta("ASEQ", "Analysis Sequence Number", VariableKind.Numeric, "Derived", "Row number within USUBJID"), [1, 2, 1]),
        ]),
    ];

    private static DefineDocument Build() =>
        DefineBuilder.Build(SmallAdam(), new DefineBuildOptions(DefineKind.Adam, "S1", ShippedStandards.Library, Instant.FromUtc(2026, 1, 1, 0, 0)));

    [Fact]
    public void Build_Adam_IsSchemaValid()
    {
        Validator.Value.Validate(Build()).ShouldBeEmpty();
    }

    [Fact]
    public void Build_Adam_DeclaresAdamigAndAnalysisDatasets()
    {
        var mdv = Build().Study.MetaDataVersion;

        mdv.Standards.ShouldContain(s => s.Name == "ADaMIG" && s.Version == "1.3");
        mdv.ItemGroups.Select(g => (g.Name, g.Purpose, g.Class!.Name, g.Repeating))
            .ShouldBe([("ADSL", "Analysis", "SUBJECT LEVEL ANALYSIS DATASET", false), ("ADRS", "Analysis", "BASIC DATA STRUCTURE", true)]);
    }

    [Fact]
    public void Build_Adam_StatesOriginsAndMethods()
    {
        var mdv = Build().Study.MetaDataVersion;

        var predecessor = mdv.Items.Single(i => i.Oid == "IT.ADSL.USUBJID").Origins.ShouldHaveSingleItem();
        predecessor.Type.ShouldBe("Predecessor");
        predecessor.Description[0].Text.ShouldBe("DM.USUBJID");
        var adrs = mdv.ItemGroups.Single(g => g.Name == "ADRS");
        var method = adrs.ItemRefs.Single(r => r.ItemOid == "IT.ADRS.AVALC").MethodOid.ShouldNotBeNull();
        mdv.Methods.Single(m => m.Oid == method).Description[0].Text.ShouldStartWith("Best overall response");
    }

    [Fact]
    public void Build_AdrsAvalc_HasValueLevelByParamcd()
    {
        var mdv = Build().Study.MetaDataVersion;

        mdv.ValueLists.Single(v => v.Oid == "VL.ADRS.AVALC").ItemRefs.SelectMany(r => r.WhereClauseOids)
            .ShouldBe(["WC.ADRS.PARAMCD.BOR", "WC.ADRS.PARAMCD.OVRLRESP"]);
    }
}
