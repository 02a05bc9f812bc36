using System.IO.Compression;
using System.Text;

namespace CdiscExport.DatasetJson.Tests;

/// <summary>Files that break the specification or schema give a <see cref="DatasetJsonException"/> with its location.</summary>
public sealed class HostileInputTests
{
    private const string Meta = """{"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.1.0","itemGroupOID":"IG.X","records":RECORDS,"name":"X","label":"X","columns":[{"itemOID":"IT.X.ID","name":"ID","label":"Id","dataType":"string","length":4},{"itemOID":"IT.X.N","name":"N","label":"N","dataType":"double"},{"itemOID":"IT.X.I","name":"I","label":"I","dataType":"integer"}]}""";

    private static string Ndjson(int records, params string[] rows) => Meta.Replace("RECORDS", records.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + "\n" + string.Join("\n", rows) + "\n";

    public static TheoryData<string, string, long?, string?> BadFiles => new()
    {
        // name, content, record, column
        { "records-too-many.ndjson", Ndjson(3, """["a",1,1]""", """["b",2,2]"""), 2, null },
        { "records-too-few.ndjson", Ndjson(1, """["a",1,1]""", """["b",2,2]"""), 2, null },
        { "string-in-double.ndjson", Ndjson(2, """["a",1,1]""", """["b","2",2]"""), 2, "N" },
        { "fraction-in-integer.ndjson", Ndjson(1, """["a",1,1.5]"""), 1, "I" },
        { "number-in-string.ndjson", Ndjson(1, """[1,1,1]"""), 1, "ID" },
        { "short-row.ndjson", Ndjson(1, """["a",1]"""), 1, null },
        { "long-row.ndjson", Ndjson(1, """["a",1,1,1]"""), 1, null },
        { "nested.ndjson", Ndjson(1, """["a",[1],1]"""), 1, "N" },
        { "object-row.ndjson", Ndjson(1, """{"ID":"a"}"""), 1, null },
        { "bad-json-row.ndjson", Ndjson(2, """["a",1,1]""", """["b",2,,2]"""), 2, null },
        { "truncated.ndjson", Ndjson(2, """["a",1,1]""", """["b",2"""), 2, null },
        { "truncated.json", """{"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.1.0","itemGroupOID":"IG.X","records":2,"name":"X","label":"X","columns":[{"itemOID":"IT.X.ID","name":"ID","label":"Id","dataType":"string"}],"rows":[["a"],""", 2, null },
        { "unknown-datatype.json", """{"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.1.0","itemGroupOID":"IG.X","records":0,"name":"X","label":"X","columns":[{"itemOID":"IT.X.ID","name":"ID","label":"Id","dataType":"text"}]}""", null, "ID" },
        { "unknown-attribute.json", """{"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.1.0","itemGroupOID":"IG.X","records":0,"name":"X","label":"X","isReferenceData":true,"columns":[]}""", null, null },
        { "missing-records.json", """{"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.1.0","itemGroupOID":"IG.X","name":"X","label":"X","columns":[]}""", null, null },
        { "no-seconds.json", """{"datasetJSONCreationDateTime":"2026-01-01T00:00","datasetJSONVersion":"1.1.0","itemGroupOID":"IG.X","records":0,"name":"X","label":"X","columns":[]}""", null, null },
        { "version-1.0.json", """{"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.0.0","itemGroupOID":"IG.X","records":0,"name":"X","label":"X","columns":[]}""", null, null },
        { "rows-first.json", """{"rows":[],"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.1.0","itemGroupOID":"IG.X","records":0,"name":"X","label":"X","columns":[]}""", null, null },
        { "not-json.json", "ID,N\na,1\n", null, null },
        { "empty.json", "", null, null },
        { "array.json", "[1,2]", null, null },
        { "trailing.json", """{"datasetJSONCreationDateTime":"2026-01-01T00:00:00","datasetJSONVersion":"1.1.0","itemGroupOID":"IG.X","records":0,"name":"X","label":"X","columns":[],"rows":[]} {}""", 1, null },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Read_BadFile_ExceptionNamesFileRecordAndColumn(string name, string content, long? record, string? column)
    {
        var e = Should.Throw<DatasetJsonException>(() =>
        {
            using var reader = TestData.Open(Encoding.UTF8.GetBytes(content), name, bufferSize: 16);
            while (reader.Read())
            {
            }
        });
        e.FilePath.ShouldBe(name);
        e.RecordNumber.ShouldBe(record);
        e.Column.ShouldBe(column);
        e.Message.ShouldStartWith(name);
    }

    [Fact]
    public void Read_CorruptDsjc_DatasetJsonException()
    {
        var bytes = File.ReadAllBytes(Fixtures.Example("sdtm/dm.dsjc"));
        bytes[bytes.Length / 2] ^= 0xFF;
        bytes[(bytes.Length / 2) + 1] ^= 0x55;
        Should.Throw<DatasetJsonException>(() =>
        {
            using var reader = TestData.Open(bytes, "dm.dsjc");
            while (reader.Read())
            {
            }
        }).FilePath.ShouldBe("dm.dsjc");
    }

    [Fact]
    public void Read_RandomBytesNamedDsjc_DatasetJsonException()
    {
        var bytes = Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251)).ToArray();
        Should.Throw<DatasetJsonException>(() =>
        {
            using var reader = TestData.Open(bytes, "junk.dsjc");
            while (reader.Read())
            {
            }
        });
    }

    [Fact]
    public void Read_ZlibAndRawDeflateDsjc_ReadLikeGzip()
    {
        var ndjson = File.ReadAllBytes(Fixtures.Example("sdtm/ts.ndjson"));
        foreach (var compress in (Func<Stream, Stream>[])[s => new ZLibStream(s, CompressionLevel.Optimal, true), s => new DeflateStream(s, CompressionLevel.Optimal, true)])
        {
            var packed = new MemoryStream();
            using (var z = compress(packed))
            {
                z.Write(ndjson);
            }

            using var reader = TestData.Open(packed.ToArray(), "ts.dsjc");
            using var plain = TestData.Open(ndjson, "ts.ndjson");
            reader.Form.ShouldBe(DatasetJsonForm.Dsjc);
            TestData.Rows(reader).ShouldBe(TestData.Rows(plain));
        }
    }

    [Fact]
    public void Write_FewerRowsThanRecords_CompleteThrows()
    {
        var output = new MemoryStream();
        using var writer = DatasetJsonWriter.Create(output, TestData.Metadata(2, TestData.Column("A", DatasetJsonDataType.String)), new DatasetJsonWriterOptions { Form = DatasetJsonForm.Json });
        writer.WriteString("x");
        writer.EndRow();
        Should.Throw<DatasetJsonException>(writer.Complete).RecordNumber.ShouldBe(1);
    }

    [Fact]
    public void Write_MoreRowsThanRecords_ThrowsAtTheExtraRow()
    {
        using var writer = DatasetJsonWriter.Create(new MemoryStream(), TestData.Metadata(1, TestData.Column("A", DatasetJsonDataType.String)));
        writer.WriteString("x");
        writer.EndRow();
        Should.Throw<DatasetJsonException>(() => writer.WriteString("y")).RecordNumber.ShouldBe(2);
    }

    [Fact]
    public void Write_WrongValueType_ExceptionNamesRecordAndColumn()
    {
        using var writer = DatasetJsonWriter.Create(new MemoryStream(), TestData.Metadata(2, TestData.Column("A", DatasetJsonDataType.String), TestData.Column("N", DatasetJsonDataType.Integer)));
        writer.WriteString("x");
        writer.WriteNumber(1);
        writer.EndRow();
        writer.WriteString("y");
        var e = Should.Throw<DatasetJsonException>(() => writer.WriteNumber(1.5));
        e.RecordNumber.ShouldBe(2);
        e.Column.ShouldBe("N");
        Should.Throw<DatasetJsonException>(() => DatasetJsonWriter.Create(new MemoryStream(), TestData.Metadata(1, TestData.Column("B", DatasetJsonDataType.Boolean)))
            .WriteString("Y")).Column.ShouldBe("B");
        Should.Throw<DatasetJsonException>(() => DatasetJsonWriter.Create(new MemoryStream(), TestData.Metadata(1, TestData.Column("D", DatasetJsonDataType.Double)))
            .WriteNumber(double.NaN)).Column.ShouldBe("D");
    }

    [Fact]
    public void Create_BadMetadata_ExceptionNamesAttribute()
    {
        Should.Throw<DatasetJsonException>(() => DatasetJsonWriter.Create(new MemoryStream(), TestData.Metadata(0) with { CreationDateTime = "2026-01-01" }))
            .RecordNumber.ShouldBeNull();
        Should.Throw<DatasetJsonException>(() => DatasetJsonWriter.Create(new MemoryStream(),
            TestData.Metadata(0, TestData.Column("A", DatasetJsonDataType.String), TestData.Column("A", DatasetJsonDataType.String))));
    }
}
