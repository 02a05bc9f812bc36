namespace CdiscExport.Odm.Tests;

/// <summary>
/// Reading a Define-XML 1.0 file (ODM 1.2, def v1.0) into the model: what 1.0 writes in its own way ends up where 2.x
/// puts it, and nothing is read as empty.
/// </summary>
public sealed class DefineReaderDefine10Tests
{
    private static readonly Lazy<DefineDocument> Define = new(() => DefineReader.ReadFile(DefineFixtures.Handmade10));

    private static MetaDataVersion Mdv => Define.Value.Study.MetaDataVersion;

    [Fact]
    public void Read_Define10_KeepsDocumentAndStudy()
    {
        var define = Define.Value;

        define.DefineXmlVersion.ShouldBe(DefineXmlVersion.Define10);
        define.OdmVersion.ShouldBe("1.2");
        define.FileType.ShouldBe("Snapshot");
        define.Stylesheet.ShouldBe("define1-0-0.xsl");
        define.Study.StudyName.ShouldBe("CDISC01");
        Mdv.StandardName.ShouldBe("CDISC SDTM");
        Mdv.StandardVersion.ShouldBe("3.1.2");
        Mdv.AnnotatedCrf.Single().LeafId.ShouldBe("Annotated_CRF");
        Mdv.Leaves.Select(l => l.Href).ShouldBe(["acrf.pdf", "complexalgorithms.pdf"]);
    }

    [Fact]
    public void Read_Define10_DatasetsCarryLabelClassStructureAndLeaf()
    {
        Mdv.ItemGroups.Select(g => g.Name).ShouldBe(["DM", "AE", "SUPPDM"]);
        var ae = Mdv.ItemGroups[1];

        ae.Description.ShouldBe([new TranslatedText("Adverse Events", null)]);
        ae.Class.ShouldBe(new ItemGroupClass("EVENTS"));
        ae.Structure.ShouldBe("One record per adverse event per subject");
        ae.Purpose.ShouldBe("Tabulation");
        ae.Leaf.ShouldBe(new Leaf("Location.AE", "ae.xpt", "ae.xpt"));
        ae.ItemRefs.Count.ShouldBe(18);
    }

    [Fact]
    public void Read_Define10_DomainKeysBecomeKeySequence()
    {
        // def:DomainKeys="STUDYID, USUBJID, AEDECOD, AESTDTC": 2.0 replaced it by ItemRef/@KeySequence.
        var keys = Mdv.ItemGroups[1].ItemRefs.Where(r => r.KeySequence != null).OrderBy(r => r.KeySequence).Select(r => (r.ItemOid, r.KeySequence));

        keys.ShouldBe([("AE.STUDYID", 1), ("AE.USUBJID", 2), ("AE.AEDECOD", 3), ("AE.AESTDTC", 4)]);
    }

    [Fact]
    public void Read_Define10_VariablesCarryLabelTypeLengthOriginAndCodelist()
    {
        var sex = Mdv.Items.Single(i => i.Oid == "DM.SEX");

        sex.Name.ShouldBe("SEX");
        sex.DataType.ShouldBe("text");
        sex.Length.ShouldBe(1);
        sex.Description.ShouldBe([new TranslatedText("Sex", null)]);
        sex.Origins.ShouldBe([new Origin("CRF Page 6")]);
        sex.CodeListOid.ShouldBe("SEX");
        Mdv.CodeLists.Single(c => c.Oid == "SEX").Items.Select(i => i.CodedValue).ShouldBe(["F", "M", "U"]);
        Mdv.CodeLists.Single(c => c.Oid == "AEDICT").External.ShouldBe(new ExternalCodeList("MEDDRA", "8.0"));
    }

    [Fact]
    public void Read_Define10_ComputationMethodsBecomeMethodsOnTheItemRefs()
    {
        var age = Mdv.ItemGroups[0].ItemRefs.Single(r => r.ItemOid == "DM.AGE");
        var method = Mdv.Methods.Single(m => m.Oid == age.MethodOid);

        age.MethodOid.ShouldBe("COMPMETHOD.DM.AGE");
        method.Type.ShouldBe("Computation");
        method.Description[0].Text.ShouldStartWith("Age at Screening Date");
        Mdv.Methods.Count.ShouldBe(10);
    }

    [Fact]
    public void Read_Define10_ValueListHasItemsButNoWhereClauses()
    {
        var qval = Mdv.Items.Single(i => i.Oid == "SUPPDM.QVAL");
        var list = Mdv.ValueLists.Single(v => v.Oid == qval.ValueListOid);

        list.ItemRefs.Select(r => Mdv.Items.Single(i => i.Oid == r.ItemOid).Name).ShouldBe(["RACE1", "RACE2", "RACE3", "RACEOTH", "RAND", "RANDNO", "SAFETY"]);
        list.ItemRefs.ShouldAllBe(r => r.WhereClauseOids.Count == 0);
        Mdv.WhereClauses.ShouldBeEmpty();
    }

    [Fact]
    public void Read_Define10MissingStructure_NamesAttributeAndVersion()
    {
        var text = File.ReadAllText(DefineFixtures.Handmade10, System.Text.Encoding.Latin1)
            .Replace("def:Structure=\"One record per subject\" ", "", StringComparison.Ordinal);

        var e = Should.Throw<DefineFormatException>(() => DefineReader.Read(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(text)), "v10.xml"));

        e.Element.ShouldBe("ItemGroupDef");
        e.Line.ShouldBe(62);
        e.Message.ShouldEndWith(DefineMessages.MissingAttribute("def:Structure", DefineXmlVersion.Define10));
    }
}
