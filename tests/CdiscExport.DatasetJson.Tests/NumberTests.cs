using System.Globalization;
using System.Text;

namespace CdiscExport.DatasetJson.Tests;

/// <summary>Numbers survive exactly: the shortest round-trip text is written and the exact text is read.</summary>
public sealed class NumberTests
{
    public static TheoryData<double, string> Doubles => new()
    {
        { 1e-300, "1E-300" },
        { 5e-7, "5E-07" },
        { 4.9e-7, "4.9E-07" },
        { -0.0, "-0" },
        { 0.0, "0" },
        { 71.0, "71" },
        { 9007199254740992.0, "9007199254740992" },
        { 0.1, "0.1" },
        { 1.0 / 3, "0.3333333333333333" },
        { double.Epsilon, "5E-324" },
        { double.MaxValue, "1.7976931348623157E+308" },
        { 16935.5, "16935.5" },
    };

    [Theory]
    [MemberData(nameof(Doubles))]
    public void WriteNumber_Double_ShortestTextAndSameBitsBack(double value, string text)
    {
        foreach (var form in (DatasetJsonForm[])[DatasetJsonForm.Json, DatasetJsonForm.Ndjson, DatasetJsonForm.Dsjc])
        {
            var bytes = TestData.Write(TestData.Metadata(1, TestData.Column("X", DatasetJsonDataType.Double)), form, w =>
            {
                w.WriteNumber(value);
                w.EndRow();
            });
            using var reader = TestData.Open(bytes, "x" + DatasetJsonForms.Extension(form));
            reader.Read().ShouldBeTrue();
            Encoding.UTF8.GetString(reader.GetUtf8(0)).ShouldBe(text);
            BitConverter.DoubleToInt64Bits(reader.GetDouble(0)).ShouldBe(BitConverter.DoubleToInt64Bits(value));
            reader.Read().ShouldBeFalse();
        }
    }

    [Fact]
    public void NumberText_TwoToThe53PlusOne_KeptExactlyInIntegerAndDecimalColumns()
    {
        var metadata = TestData.Metadata(1, TestData.Column("N", DatasetJsonDataType.Integer), TestData.Column("D", DatasetJsonDataType.Decimal),
            TestData.Column("F", DatasetJsonDataType.Double));
        var bytes = TestData.Write(metadata, DatasetJsonForm.Json, w =>
        {
            w.WriteNumberText("9007199254740993");
            w.WriteNumberText("9007199254740993.25");
            w.WriteNumberText("9007199254740993");
            w.EndRow();
        });
        Encoding.UTF8.GetString(bytes).ShouldContain("[9007199254740993,\"9007199254740993.25\",9007199254740993]");
        using var reader = TestData.Open(bytes);
        reader.Read().ShouldBeTrue();
        reader.GetValue(0).NumberTextValue.ShouldBe("9007199254740993");
        reader.GetValue(1).StringValue.ShouldBe("9007199254740993.25");
        reader.GetDouble(2).ShouldBe(9007199254740992.0); // the nearest double, as any IEEE reader gives
    }

    [Fact]
    public void Read_JsonIntegersInFloatAndDoubleColumns_AreDoubles()
    {
        var json = """{"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.1","itemGroupOID":"IG.X","records":1,"name":"X","label":"","columns":[{"itemOID":"IT.X.A","name":"A","label":"","dataType":"float"},{"itemOID":"IT.X.B","name":"B","label":"","dataType":"double"}],"rows":[[71,-0]]}""";
        using var reader = TestData.Open(Encoding.UTF8.GetBytes(json));
        reader.Read().ShouldBeTrue();
        reader.GetDouble(0).ShouldBe(71.0);
        double.IsNegative(reader.GetDouble(1)).ShouldBeTrue();
    }

    [Fact]
    public void WriteNumber_IntegerColumnWholeDouble_WrittenWithoutFraction()
    {
        var bytes = TestData.Write(TestData.Metadata(1, TestData.Column("N", DatasetJsonDataType.Integer), TestData.Column("D", DatasetJsonDataType.Decimal)), DatasetJsonForm.Ndjson, w =>
        {
            w.WriteNumber(84);
            w.WriteNumber(30.8983333232059);
            w.EndRow();
        });
        Encoding.UTF8.GetString(bytes).Split('\n')[1].ShouldBe("[84,\"30.8983333232059\"]");
    }

    [Fact]
    public void Read_DecimalWithThousandSeparator_ParsesInvariantly()
    {
        var json = """
            {"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.1","itemGroupOID":"IG.X","records":1,"name":"X","label":"","columns":[{"itemOID":"IT.X.A","name":"A","label":"","dataType":"decimal","targetDataType":"decimal"}]}
            ["1,234.5"]

            """;
        using var reader = TestData.Open(Encoding.UTF8.GetBytes(json), "x.ndjson");
        reader.Read().ShouldBeTrue();
        reader.GetDouble(0).ShouldBe(1234.5);
        1234.5.ToString(CultureInfo.InvariantCulture).ShouldBe("1234.5");
    }
}
