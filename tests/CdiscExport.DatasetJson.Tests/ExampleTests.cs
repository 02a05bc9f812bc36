namespace CdiscExport.DatasetJson.Tests;

/// <summary>CDISC's published example files: each reads without error, and the three forms of a dataset agree.</summary>
public sealed class ExampleTests
{
    public static TheoryData<string> Examples => Fixtures.Examples;

    [Theory]
    [MemberData(nameof(Examples))]
    public void Read_CdiscExample_EveryRowAndValue(string example)
    {
        using var reader = DatasetJsonReader.Open(File.OpenRead(Fixtures.Example(example)));
        var rows = TestData.Rows(reader);
        rows.Count.ShouldBe((int)reader.Metadata.Records);
        rows.Count.ShouldBeGreaterThan(0);
        reader.Form.ShouldBe(DatasetJsonForms.TryFromPath(example, out var form) ? form : default);
    }

    [Theory]
    [InlineData("sdtm/ae")]
    [InlineData("sdtm/dm")]
    [InlineData("sdtm/vs")]
    [InlineData("adam/adsl")]
    [InlineData("adam/adtte")]
    [InlineData("send/bw")]
    public void Read_ThreeFormsOfOneExample_SameColumnsAndRows(string stem)
    {
        using var json = DatasetJsonReader.Open(File.OpenRead(Fixtures.Example(stem + ".json")));
        using var ndjson = DatasetJsonReader.Open(File.OpenRead(Fixtures.Example(stem + ".ndjson")));
        using var dsjc = DatasetJsonReader.Open(File.OpenRead(Fixtures.Example(stem + ".dsjc")));
        ndjson.Metadata.Columns.ShouldBe(json.Metadata.Columns);
        dsjc.Metadata.Columns.ShouldBe(json.Metadata.Columns);
        var expected = TestData.Rows(json);
        TestData.Rows(ndjson).ShouldBe(expected);
        TestData.Rows(dsjc).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Write_EachFormOfEachExample_SchemaValidAndReadsBackExactly(string example)
    {
        foreach (var form in (DatasetJsonForm[])[DatasetJsonForm.Json, DatasetJsonForm.Ndjson, DatasetJsonForm.Dsjc])
        {
            using var source = DatasetJsonReader.Open(File.OpenRead(Fixtures.Example(example)));
            var bytes = TestData.Write(source.Metadata, form, writer => writer.Write(source));
            Fixtures.SchemaProblem(bytes, form).ShouldBeNull();

            using var again = DatasetJsonReader.Open(File.OpenRead(Fixtures.Example(example)));
            using var copy = TestData.Open(bytes, "copy" + DatasetJsonForms.Extension(form));
            copy.Metadata.ShouldBe(again.Metadata with { Columns = copy.Metadata.Columns });
            copy.Metadata.Columns.ShouldBe(again.Metadata.Columns);
            TestData.Rows(copy).ShouldBe(TestData.Rows(again));
        }
    }

    [Fact]
    public void Read_Adlbh_EmptyDecimalStringsAndDecimalText()
    {
        using var reader = DatasetJsonReader.Open(File.OpenRead(Fixtures.Example("adam/adlbh.dsjc")));
        var aval = reader.GetOrdinal("CHG");
        reader.Metadata.Columns[aval].DataType.ShouldBe(DatasetJsonDataType.Decimal);
        var empty = 0;
        var numbers = 0;
        while (reader.Read())
        {
            if (reader.GetKind(aval) == DatasetJsonValueKind.String && reader.GetUtf8(aval).Length == 0)
            {
                empty++;
            }
            else if (!reader.IsNull(aval))
            {
                reader.GetDouble(aval).ShouldBe(double.Parse(reader.GetString(aval), System.Globalization.CultureInfo.InvariantCulture));
                numbers++;
            }
        }

        reader.RowNumber.ShouldBe(24966);
        numbers.ShouldBeGreaterThan(15000);
        empty.ShouldBe(4011);
    }
}
