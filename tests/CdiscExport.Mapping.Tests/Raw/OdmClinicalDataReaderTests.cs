using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Raw;
using CdiscExport.Testing;

namespace CdiscExport.Mapping.Tests.Raw;

/// <summary>
/// The ODM clinical-data reader on four real exports (OpenClinica, two REDCap projects, odmlib) and on small inline
/// files for each rule. Expected counts and values were taken from the XML with Python's ElementTree, not from this
/// reader (tests/fixtures/odm-clinical/README.md).
/// </summary>
public sealed class OdmClinicalDataReaderTests
{
    private const string Juno = "openclinica-juno/JUNO_DEMO_odm1.3_fullExtract_All_Data_2016-08-01-081433593.xml";
    private const string Odmlib = "odmlib/odm-data-snapshot.xml";
    private const string Longitudinal = "redcap/longitudinal.project.xml";
    private const string Repeating = "redcap/repeating-instruments.project.xml";

    private const string Head = """<?xml version="1.0" encoding="UTF-8"?>""" + "\n" +
                                """<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:v="urn:vendor" FileOID="F" FileType="Snapshot" ODMVersion="1.3.2">""" + "\n";

    public static TheoryData<string, int, int, int, int, string?> Exports => new()
    {
        // file, subjects, ItemGroupData, ItemData (all non-blank), ItemGroupOIDs, prefix of ItemOIDs (null: OID = Name)
        { Juno, 22, 539, 3908, 23, "I_" },
        { Odmlib, 2, 60, 165, 9, "IT." },
        { Longitudinal, 3, 113, 406, 29, null },
        { Repeating, 2, 12, 34, 4, null },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public void Read_ReferenceExports_CountsMatchTheXml(string file, int subjects, int records, int items, int groups, string? oidPrefix)
    {
        var forms = Read(file);

        forms.Count.ShouldBe(groups);
        forms.Sum(f => f.RowCount).ShouldBe(records);
        forms.SelectMany(f => Column(f, "SubjectKey")).Distinct().Count().ShouldBe(subjects);

        // Each ItemData is one non-blank cell under its ItemOID (the column itself, or the OID's second name for it).
        var cells = 0;
        foreach (var form in forms)
        {
            for (var c = OdmClinicalDataReader.KeyColumns.Count; c < form.Headers.Count; c++)
            {
                var header = form.Headers[c];
                var isItemOid = oidPrefix is null
                    ? !header.EndsWith(OdmClinicalDataReader.DecodeSuffix, StringComparison.Ordinal)
                    : header.StartsWith(oidPrefix, StringComparison.Ordinal);
                if (isItemOid)
                {
                    cells += Enumerable.Range(0, form.RowCount).Count(r => form.Get(r, c).Length > 0);
                }
            }
        }

        cells.ShouldBe(items);
        forms.ShouldAllBe(f => f.Path == Path(file) && f.Name == f.Get(0, f.Ordinal("ItemGroupOID")));
    }

    [Fact]
    public void Read_OpenClinicaSite_ResolvesItemsThroughIncludeAndTakesTheSiteStudy()
    {
        var demog = Form(Read(Juno), "IG_DEMOG_DEMO");

        demog.RowCount.ShouldBe(21);
        demog.Headers.Take(15).ShouldBe([
            "SubjectKey", "SiteRef", "StudyEventOID", "StudyEventRepeatKey", "FormOID", "FormRepeatKey", "ItemGroupOID",
            "ItemGroupRepeatKey", "DEM_AGE", "DEM_GEN", "DEM_GEN_DECODE", "DEM_ETH", "DEM_ETH_DECODE", "DEM_RACE", "DEM_OTRACE",
        ]);
        Value(demog, 0, "SubjectKey").ShouldBe("SS_101001");
        Value(demog, 0, "SiteRef").ShouldBe("S_101");
        Value(demog, 0, "StudyEventOID").ShouldBe("SE_INITIALVISIT");
        Value(demog, 0, "StudyEventRepeatKey").ShouldBe(""); // non-repeating events omit it
        Value(demog, 0, "FormOID").ShouldBe("F_DEMOGRAPHICS_V20");
        Value(demog, 0, "ItemGroupRepeatKey").ShouldBe("1");
        Value(demog, 0, "DEM_AGE").ShouldBe("35 Years"); // "35 Years " in the file: trimmed
        Value(demog, 0, "I_DEMOG_DEM_AGE").ShouldBe("35 Years");
        Value(demog, 0, "DEM_GEN").ShouldBe("1");
        Value(demog, 0, "DEM_GEN_DECODE").ShouldBe("Male");
        Value(demog, 0, "DEM_RACE").ShouldBe("1,2"); // multi-select: one text, no codelist
        demog.HasColumn("DEM_RACE_DECODE").ShouldBeFalse();
        demog.LineOf(0).ShouldBe(9737);
    }

    [Fact]
    public void Read_OpenClinicaRepeatingEvent_KeepsTheEventRepeatKey()
    {
        var mri = Form(Read(Juno), "IG_MRI_MRI");

        mri.RowCount.ShouldBe(55);
        var rows = Enumerable.Range(0, mri.RowCount)
            .Where(r => Value(mri, r, "SubjectKey") == "SS_102004" && Value(mri, r, "StudyEventRepeatKey") == "3")
            .ToList();
        rows.Count.ShouldBe(1);
        Value(mri, rows[0], "SiteRef").ShouldBe("S_102");
        Value(mri, rows[0], "StudyEventOID").ShouldBe("SE_MONTHLYFU");
        Value(mri, rows[0], "FormOID").ShouldBe("F_MRI_V10");
    }

    [Fact]
    public void Read_OdmlibSparseRepeatingGroup_LeavesAbsentItemsBlank()
    {
        var ae = Form(Read(Odmlib), "IG.AE.AE_ARRAY1");

        ae.RowCount.ShouldBe(20);
        ae.Headers.Skip(8).Take(5).ShouldBe(["AE No", "Description", "Grade", "Grade_DECODE", "IT.AESPID"]);
        Value(ae, 0, "AE No").ShouldBe(""); // row 1 has no AESPID
        Value(ae, 0, "IT.AETERM").ShouldBe("Constipation");
        Value(ae, 0, "Grade").ShouldBe("No");
        Value(ae, 0, "Grade_DECODE").ShouldBe("No");
        Value(ae, 1, "IT.AESPID").ShouldBe("2");
        Value(ae, 1, "Grade").ShouldBe(""); // row 2 has no AETOXGR
        Value(ae, 0, "StudyEventOID").ShouldBe("SE.VISIT 1");
        Value(ae, 0, "ItemGroupRepeatKey").ShouldBe("1");
        Value(ae, 19, "SubjectKey").ShouldBe("SS_0002");
        ae.LineOf(0).ShouldBe(896);
        ae.LineOf(1).ShouldBe(902);
    }

    [Fact]
    public void Read_OdmlibEmptyItemGroupData_IsARecordWithBlankItems()
    {
        var forms = Read(Odmlib);
        var aeyn = Form(forms, "IG.AE");
        aeyn.RowCount.ShouldBe(2);
        Value(aeyn, 0, "Any Adverse Events?").ShouldBe("Yes");
        Value(aeyn, 1, "Any Adverse Events?").ShouldBe("");
        Value(aeyn, 1, "SubjectKey").ShouldBe("SS_0002");

        var dm = Form(forms, "IG.DM");
        Value(dm, 0, "Sex").ShouldBe("Male");
        Value(dm, 0, "Sex_DECODE").ShouldBe("Male");
        Value(dm, 0, "Date of Birth").ShouldBe("1966-02-10");
        Value(dm, 0, "IT.BRTHDAT").ShouldBe("1966-02-10");
    }

    [Fact]
    public void Read_RedcapFormsWithoutEvents_KeepTheFormRepeatKey()
    {
        var forms = Read(Repeating);
        var bp = Form(forms, "bp.date_bp");

        bp.RowCount.ShouldBe(4);
        Column(bp, "SubjectKey").ShouldBe(["1", "1", "1", "2"]);
        Column(bp, "StudyEventOID").ShouldBe(["", "", "", ""]);
        Column(bp, "FormOID").ShouldBe(["Form.bp", "Form.bp", "Form.bp", "Form.bp"]);
        Column(bp, "FormRepeatKey").ShouldBe(["1", "2", "3", "1"]);
        Column(bp, "bp_systolic").ShouldBe(["110", "111", "112", "114"]);

        var demographics = Form(forms, "demographics.record_id");
        Column(demographics, "age").ShouldBe(["8.9", "9.6"]);
        Column(demographics, "sex").ShouldBe(["0", "1"]);
        Column(demographics, "sex_DECODE").ShouldBe(["Female", "Male"]);
    }

    [Fact]
    public void Read_RedcapFileUpload_KeepsTheBase64Text()
    {
        var document = Form(Read(Longitudinal), "demographics.patient_document");

        var value = Value(document, 0, "patient_document");
        value.ShouldStartWith("/9j/4AAQSkZJRgABAgAA");
        value.Length.ShouldBe(79020);
    }

    [Fact]
    public void Read_MissingTexts_BecomeBlank()
    {
        var forms = OdmClinicalDataReader.Read(Path(Odmlib), RawSettings.Default with { Missing = ["Other"], DecimalMark = ',' });
        var ae = Form(forms, "IG.AE.AE_ARRAY1");

        Value(ae, 5, "Description").ShouldBe("");
        Value(ae, 0, "Description").ShouldBe("Constipation");
        ae.DecimalMark.ShouldBe(',');
    }

    [Fact]
    public void Read_TypedItemDataSiteRefAndVendorElements_AreRead()
    {
        var forms = ReadText(Head + """
              <Study OID="S"><MetaDataVersion OID="M">
                <ItemGroupDef OID="IG.VS" Name="VS" Repeating="Yes"><ItemRef ItemOID="IT.SYSBP"/><ItemRef ItemOID="IT.POS"/></ItemGroupDef>
                <ItemDef OID="IT.SYSBP" Name="SYSBP" DataType="integer"/>
                <ItemDef OID="IT.POS" Name="POS" DataType="text"><CodeListRef CodeListOID="CL.POS"/></ItemDef>
                <ItemDef OID="IT.NOTE" DataType="text"/>
                <CodeList OID="CL.POS" Name="POS" DataType="text">
                  <CodeListItem CodedValue="1"><Decode><TranslatedText xml:lang="de">sitzend</TranslatedText><TranslatedText xml:lang="en">SITTING</TranslatedText></Decode></CodeListItem>
                  <CodeListItem CodedValue="2"><Decode><TranslatedText>STANDING</TranslatedText></Decode></CodeListItem>
                </CodeList>
              </MetaDataVersion></Study>
              <ClinicalData StudyOID="S" MetaDataVersionOID="M">
                <SubjectData SubjectKey="001">
                  <v:Extra><ItemData ItemOID="IT.UNKNOWN" Value="ignored"/></v:Extra>
                  <SiteRef LocationOID="SITE-9"/>
                  <StudyEventData StudyEventOID="SE.V1">
                    <FormData FormOID="F.VS" FormRepeatKey="2">
                      <ItemGroupData ItemGroupOID="IG.VS" ItemGroupRepeatKey="1">
                        <ItemDataInteger ItemOID="IT.SYSBP"> 120 <v:Audit>x</v:Audit></ItemDataInteger>
                        <ItemDataString ItemOID="IT.POS">1</ItemDataString>
                        <ItemDataString ItemOID="IT.NOTE"><![CDATA[a < b]]></ItemDataString>
                      </ItemGroupData>
                      <ItemGroupData ItemGroupOID="IG.VS" ItemGroupRepeatKey="2">
                        <ItemData ItemOID="IT.POS" Value="2"/>
                        <ItemData ItemOID="IT.SYSBP" IsNull="Yes"/>
                      </ItemGroupData>
                    </FormData>
                  </StudyEventData>
                </SubjectData>
              </ClinicalData>
            </ODM>
            """);

        var vs = forms.ShouldHaveSingleItem();
        vs.Name.ShouldBe("IG.VS");
        vs.Headers.ShouldBe([.. OdmClinicalDataReader.KeyColumns, "SYSBP", "POS", "POS_DECODE", "IT.NOTE", "IT.SYSBP", "IT.POS"]);
        Column(vs, "SiteRef").ShouldBe(["SITE-9", "SITE-9"]);
        Column(vs, "StudyEventRepeatKey").ShouldBe(["", ""]);
        Column(vs, "FormRepeatKey").ShouldBe(["2", "2"]);
        Column(vs, "SYSBP").ShouldBe(["120", ""]);
        Column(vs, "POS_DECODE").ShouldBe(["SITTING", "STANDING"]);
        Column(vs, "IT.NOTE").ShouldBe(["a < b", ""]);
        vs.LineOf(0).ShouldBe(19);
        vs.LineOf(1).ShouldBe(24);
    }

    [Fact]
    public void Read_NamesSharedByTwoItems_FallBackToTheItemOid()
    {
        var forms = ReadText(Head + """
              <Study OID="S"><MetaDataVersion OID="M">
                <ItemGroupDef OID="IG" Name="IG"><ItemRef ItemOID="A1"/><ItemRef ItemOID="A2"/><ItemRef ItemOID="K"/></ItemGroupDef>
                <ItemDef OID="A1" Name="DATE"/><ItemDef OID="A2" Name="DATE"/><ItemDef OID="K" Name="SubjectKey"/>
              </MetaDataVersion></Study>
              <ClinicalData StudyOID="S" MetaDataVersionOID="M"><SubjectData SubjectKey="1"><StudyEventData StudyEventOID="E"><FormData FormOID="F">
                <ItemGroupData ItemGroupOID="IG"><ItemData ItemOID="A2" Value="x"/><ItemData ItemOID="K" Value="k"/></ItemGroupData>
              </FormData></StudyEventData></SubjectData></ClinicalData>
            </ODM>
            """);

        var form = forms.ShouldHaveSingleItem();
        form.Headers.Skip(8).ShouldBe(["A1", "A2", "K"]);
        Value(form, 0, "A2").ShouldBe("x");
        Value(form, 0, "SubjectKey").ShouldBe("1");
    }

    [Fact]
    public void Read_NoMetaData_NamesColumnsByItemOid()
    {
        var forms = ReadText(Head + """
              <ClinicalData StudyOID="S" MetaDataVersionOID="M"><SubjectData SubjectKey="1"><StudyEventData StudyEventOID="E"><FormData FormOID="F">
                <ItemGroupData ItemGroupOID="IG"><ItemData ItemOID="B" Value="2"/><ItemData ItemOID="A" Value="1"/></ItemGroupData>
              </FormData></StudyEventData></SubjectData></ClinicalData>
            </ODM>
            """);

        forms.ShouldHaveSingleItem().Headers.Skip(8).ShouldBe(["B", "A"]);
    }

    [Fact]
    public void Read_UnknownItemOid_FailsAtItsLine()
    {
        var e = Should.Throw<MappingException>(() => ReadText(Head + """
              <Study OID="S"><MetaDataVersion OID="M"><ItemDef OID="A" Name="A"/></MetaDataVersion></Study>
              <ClinicalData StudyOID="S" MetaDataVersionOID="M"><SubjectData SubjectKey="1"><StudyEventData StudyEventOID="E"><FormData FormOID="F">
                <ItemGroupData ItemGroupOID="IG">
                  <ItemData ItemOID="A" Value="1"/>
                  <ItemData ItemOID="Z" Value="1"/>
                </ItemGroupData>
              </FormData></StudyEventData></SubjectData></ClinicalData>
            </ODM>
            """));

        e.Line.ShouldBe(7);
        e.Reason.ShouldContain("\"Z\"");
    }

    [Fact]
    public void Read_ItemGivenTwice_FailsAtItsLine()
    {
        var e = Should.Throw<MappingException>(() => ReadText(Head + """
              <ClinicalData StudyOID="S" MetaDataVersionOID="M"><SubjectData SubjectKey="1"><StudyEventData StudyEventOID="E"><FormData FormOID="F">
                <ItemGroupData ItemGroupOID="IG">
                  <ItemData ItemOID="A" Value="1"/>
                  <ItemData ItemOID="A" Value="2"/>
                </ItemGroupData>
              </FormData></StudyEventData></SubjectData></ClinicalData>
            </ODM>
            """));

        e.Line.ShouldBe(6);
        e.RawColumn.ShouldBe("A");
    }

    [Theory]
    [InlineData("<ClinicalData StudyOID=\"S\"><SubjectData SubjectKey=\"1\">\n<ItemGroupData ItemGroupOID=\"IG\">\n</SubjectData></ClinicalData></ODM>", 6)]
    [InlineData("<ClinicalData StudyOID=\"S\"><SubjectData SubjectKey=\"1\">", 4)]
    public void Read_MalformedXml_FailsWithTheLine(string body, int line)
    {
        var e = Should.Throw<MappingException>(() => ReadText(Head + "\n" + body));

        e.Line.ShouldBe(line);
        e.Reason.ShouldStartWith("malformed XML");
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v2.0\"/>")]
    [InlineData("<?xml version=\"1.0\"?>\n<workbook/>")]
    public void Read_NotOdm13_FailsAtTheRoot(string xml)
    {
        var e = Should.Throw<MappingException>(() => ReadText(xml));

        e.Line.ShouldBe(2);
        e.Reason.ShouldContain("ODM 1.3");
    }

    [Fact]
    public void Read_Dtd_IsRefused()
    {
        var e = Should.Throw<MappingException>(() => ReadText(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ODM>&x;</ODM>"));

        e.Line.ShouldBe(2);
    }

    [Fact]
    public void Read_MissingFile_FailsNamingIt()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-such-odm-" + Guid.NewGuid() + ".xml");

        Should.Throw<MappingException>(() => OdmClinicalDataReader.Read(path, RawSettings.Default)).RawFile.ShouldBe(path);
    }

    private static string Path(string file) => RepositoryPaths.Get("tests", "fixtures", "odm-clinical", file);

    private static IReadOnlyList<RawForm> Read(string file) => OdmClinicalDataReader.Read(Path(file), RawSettings.Default);

    private static IReadOnlyList<RawForm> ReadText(string xml)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "odm-" + Guid.NewGuid() + ".xml");
        File.WriteAllText(path, xml.Replace("\r\n", "\n", StringComparison.Ordinal));
        try
        {
            return OdmClinicalDataReader.Read(path, RawSettings.Default);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static RawForm Form(IReadOnlyList<RawForm> forms, string name) => forms.Single(f => f.Name == name);

    private static string Value(RawForm form, int row, string column)
    {
        form.HasColumn(column).ShouldBeTrue($"{form.Name} has no column {column}; it has {string.Join(", ", form.Headers)}");
        return form.Get(row, form.Ordinal(column));
    }

    private static string[] Column(RawForm form, string column) =>
        Enumerable.Range(0, form.RowCount).Select(r => Value(form, r, column)).ToArray();
}
