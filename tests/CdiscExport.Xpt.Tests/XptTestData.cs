namespace CdiscExport.Xpt.Tests;

/// <summary>Writes datasets to bytes and reads them back, for the round-trip and interop tests.</summary>
internal static class XptTestData
{
    public static byte[] Write(XptDataset dataset, IEnumerable<XptValue[]> rows, XptWriterOptions? options = null)
    {
        var output = new MemoryStream();
        using (var writer = XptWriter.Create(output, dataset, options))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    public static (XptReader Reader, List<XptValue[]> Rows) Read(byte[] bytes, XptReaderOptions? options = null, int chunk = int.MaxValue)
    {
        var reader = XptReader.Open(new ForwardOnlyStream(new MemoryStream(bytes), chunk), options);
        var rows = new List<XptValue[]>();
        while (reader.Read())
        {
            var row = new XptValue[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetValue(i);
            }

            rows.Add(row);
        }

        return (reader, rows);
    }

    /// <summary>Compares rows cell by cell; a failure names the row and variable.</summary>
    public static void ShouldMatch(this List<XptValue[]> actual, IReadOnlyList<XptValue[]> expected, XptDataset dataset)
    {
        actual.Count.ShouldBe(expected.Count, "row count");
        for (var r = 0; r < expected.Count; r++)
        {
            for (var c = 0; c < dataset.Variables.Count; c++)
            {
                var want = expected[r][c];
                if (want.IsText)
                {
                    want = XptValue.Text(want.TextValue.TrimEnd(' ')); // trailing blanks carry no meaning in XPT
                }
                else if (dataset.Variables[c].Type == XptVariableType.Character && want.IsMissing)
                {
                    want = XptValue.Text("");
                }

                if (actual[r][c] != want)
                {
                    throw new ShouldAssertException($"{dataset.Name} row {r + 1} variable {dataset.Variables[c].Name}: expected {want}, got {actual[r][c]}");
                }
            }
        }
    }
}
