namespace CdiscExport.DatasetJson.Tests;

/// <summary>Small datasets written and read in memory.</summary>
internal static class TestData
{
    public static DatasetJsonMetadata Metadata(long records, params DatasetJsonColumn[] columns) =>
        new("2026-01-02T03:04:05", "IG.XX", records, "XX", "Test data", columns)
        {
            SourceSystem = new DatasetJsonSourceSystem("CdiscExport tests", "1"),
        };

    public static DatasetJsonColumn Column(string name, DatasetJsonDataType type) => new($"IT.XX.{name}", name, name + " label", type);

    public static byte[] Write(DatasetJsonMetadata metadata, DatasetJsonForm form, Action<DatasetJsonWriter> rows)
    {
        var output = new MemoryStream();
        using (var writer = DatasetJsonWriter.Create(output, metadata, new DatasetJsonWriterOptions { Form = form, LeaveOpen = true, FilePath = "test" + DatasetJsonForms.Extension(form) }))
        {
            rows(writer);
            writer.Complete();
        }

        return output.ToArray();
    }

    public static DatasetJsonReader Open(byte[] bytes, string name = "test.json", int bufferSize = 65536) =>
        DatasetJsonReader.Open(new MemoryStream(bytes), new DatasetJsonReaderOptions { FilePath = name, BufferSize = bufferSize });

    /// <summary>Every row as the values' JSON text (null as null), for comparisons.</summary>
    public static List<string?[]> Rows(DatasetJsonReader reader)
    {
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsNull(i) ? null : reader.GetValue(i).ToString();
            }

            rows.Add(row);
        }

        return rows;
    }
}
