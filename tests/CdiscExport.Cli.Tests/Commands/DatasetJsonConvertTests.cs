using System.Globalization;
using System.Text;
using CdiscExport.Core.DatasetJson;
using CdiscExport.DatasetJson;
using CdiscExport.Testing;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>
/// <c>convert</c> to and from Dataset-JSON v1.1: the SAS-written pilot files round-trip byte for byte from the
/// NAMESTR header on through each form, every file written is valid against CDISC's schema, CDISC's examples read
/// to their XPT values, edge doubles and SAS missing values survive where the format carries them, and broken files
/// are reported with file, record and column.
/// </summary>
public sealed class DatasetJsonConvertTests : IDisposable
{
    private static readonly string[] Forms = [".json", ".ndjson", ".dsjc"];

    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-dsj-convert-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Work(string name) => Path.Combine(_work, name);

    private static string PilotFolder => RepositoryPaths.Get("tests", "fixtures", "cdiscpilot01-sdtm");

    internal static string SchemaPath => RepositoryPaths.Get("tests", "fixtures", "dataset-json", "schema", "dataset.schema.json");

    private static string Example(string relative) => RepositoryPaths.Get("tests", "fixtures", "dataset-json", "examples", relative);

    /// <summary>All 30 SAS-written pilot XPT files (split/ included), as paths relative to the pilot folder, with each form.</summary>
    public static TheoryData<string, string> PilotFilesAndForms
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var file in Directory.EnumerateFiles(PilotFolder, "*.xpt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                foreach (var form in Forms)
                {
                    data.Add(Path.GetRelativePath(PilotFolder, file), form);
                }
            }

            return data;
        }
    }

    /// <summary>CDISC's example files that have the XPT they were made from (JSON, NDJSON and DSJC).</summary>
    public static TheoryData<string> ExamplesWithXpt
    {
        get
        {
            var data = new TheoryData<string>();
            var folder = RepositoryPaths.Get("tests", "fixtures", "dataset-json", "examples");
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (DatasetJsonForms.TryFromPath(file, out _) && File.Exists(Path.ChangeExtension(file, ".xpt")))
                {
                    data.Add(Path.GetRelativePath(folder, file));
                }
            }

            return data;
        }
    }

    [Fact]
    public void PilotFiles_AreThirty() => PilotFilesAndForms.Count.ShouldBe(30 * Forms.Length);

    [Theory]
    [MemberData(nameof(PilotFilesAndForms))]
    public void Convert_PilotXptToDatasetJsonToXpt_ByteExactFromNamestrOn_AndSchemaValid(string pilot, string form)
    {
        var source = Path.Combine(PilotFolder, pilot);
        var name = Path.GetFileNameWithoutExtension(pilot);
        var middle = Work(name + form);
        var back = Work(name + form + ".xpt");

        var there = CliRun.Of("convert", source, middle, "--datetime", "2026-01-02T03:04:05Z");
        there.ExitCode.ShouldBe(0, there.Error);
        DatasetJsonSchema.Problem(SchemaPath, File.ReadAllBytes(middle), FormOf(middle)).ShouldBeNull();
        var again = CliRun.Of("convert", middle, back, "--datetime", "2026-01-02T03:04:05Z");
        again.ExitCode.ShouldBe(0, again.Error);

        Tail(File.ReadAllBytes(back)).SequenceEqual(Tail(File.ReadAllBytes(source))).ShouldBeTrue($"{pilot} via {form}: bytes differ from the NAMESTR header on");
    }

    [Theory]
    [MemberData(nameof(ExamplesWithXpt))]
    public void Convert_CdiscExampleToXpt_EveryValueEqualsCdiscsXpt(string example)
    {
        var output = Work(Path.GetFileName(example) + ".xpt");
        var run = CliRun.Of("convert", Example(example), output, "--datetime", "2026-01-02T03:04:05Z");
        run.ExitCode.ShouldBe(0, run.Error);

        var expected = ReadXpt(Example(Path.ChangeExtension(example, ".xpt")));
        var actual = ReadXpt(output);
        actual.Names.ShouldBe(expected.Names);
        actual.Rows.Count.ShouldBe(expected.Rows.Count);
        for (var r = 0; r < expected.Rows.Count; r++)
        {
            for (var c = 0; c < expected.Names.Count; c++)
            {
                actual.Rows[r][c].ShouldBe(expected.Rows[r][c], $"{example} row {r + 1} {expected.Names[c]}");
            }
        }
    }

    [Theory]
    [InlineData(".json")]
    [InlineData(".ndjson")]
    [InlineData(".dsjc")]
    public void Convert_DatasetJsonToEachForm_EdgeNumbersKeepTheirExactText(string form)
    {
        // 1e-300 and 2^53+1 are beyond what XPT's IBM doubles and .NET doubles (respectively) carry; between
        // Dataset-JSON files they are kept as written.
        File.WriteAllText(Work("edge.ndjson"), EdgeNdjson);
        var output = Work("edge-copy" + form);
        CliRun.Of("convert", Work("edge.ndjson"), output, "--datetime", "2026-01-02T03:04:05Z").ExitCode.ShouldBe(0);
        DatasetJsonSchema.Problem(SchemaPath, File.ReadAllBytes(output), FormOf(output)).ShouldBeNull();

        using var reader = DatasetJsonReader.Open(File.OpenRead(output));
        var texts = new List<string>();
        var bits = new List<long>();
        while (reader.Read())
        {
            texts.Add(Encoding.UTF8.GetString(reader.GetUtf8(1)));
            bits.Add(BitConverter.DoubleToInt64Bits(reader.GetDouble(1)));
            Encoding.UTF8.GetString(reader.GetUtf8(2)).ShouldBe("9007199254740993");
        }

        texts.ShouldBe(["1E-300", "5E-07", "-0", "9007199254740993", "4.9E-324"]);
        bits.ShouldBe(new[] { 1e-300, 5e-7, -0.0, 9007199254740992.0, double.Epsilon }.Select(BitConverter.DoubleToInt64Bits));
    }

    private const string EdgeNdjson = """
        {"datasetJSONCreationDateTime":"2026-01-02T03:04:05","datasetJSONVersion":"1.1.0","itemGroupOID":"IG.EDGE","records":5,"name":"EDGE","label":"Edge numbers","columns":[{"itemOID":"IT.EDGE.ID","name":"ID","label":"Id","dataType":"string","length":2},{"itemOID":"IT.EDGE.X","name":"X","label":"X","dataType":"double"},{"itemOID":"IT.EDGE.N","name":"N","label":"N","dataType":"integer"}]}
        ["1",1E-300,9007199254740993]
        ["2",5E-07,9007199254740993]
        ["3",-0,9007199254740993]
        ["4",9007199254740993,9007199254740993]
        ["5",4.9E-324,9007199254740993]

        """;

    [Theory]
    [InlineData(".json")]
    [InlineData(".ndjson")]
    [InlineData(".dsjc")]
    public void Convert_XptThroughEachForm_EdgeDoublesSameBits_DotMissingKept_SpecialMissingNullWithWarning(string form)
    {
        // What XPT carries: 5e-7, 2^53, the smallest IBM magnitude, a large one; and the 28 SAS missing values.
        // (XPT has no negative zero: -0.0 is written as 0 by any XPT writer; Dataset-JSON keeps "-0", see above.)
        double[] numbers = [5e-7, 9007199254740992.0, 9007199254740994.0, Math.Pow(2, -260), 1e75, 0.1, 1.0 / 3];
        var missing = new[] { SasMissingKind.Dot }.Concat(Enumerable.Range((int)SasMissingKind.A, 26).Select(i => (SasMissingKind)i)).Append(SasMissingKind.Underscore).ToArray();
        missing.Length.ShouldBe(28);
        var source = Work("edge.xpt");
        WriteXpt(source, numbers.Select(XptValue.Number).Concat(missing.Select(m => XptValue.Missing(m))).ToList());

        var middle = Work("edge" + form);
        var there = CliRun.Of("convert", source, middle, "--datetime", "2026-01-02T03:04:05Z");
        there.ExitCode.ShouldBe(0, there.Error);
        there.Error.ShouldContain("27 special missing values");
        DatasetJsonSchema.Problem(SchemaPath, File.ReadAllBytes(middle), FormOf(middle)).ShouldBeNull();

        using (var reader = DatasetJsonReader.Open(File.OpenRead(middle)))
        {
            var row = 0;
            while (reader.Read())
            {
                if (row < numbers.Length)
                {
                    BitConverter.DoubleToInt64Bits(reader.GetDouble(1)).ShouldBe(BitConverter.DoubleToInt64Bits(numbers[row]), $"row {row + 1}");
                }
                else
                {
                    reader.IsNull(1).ShouldBeTrue($"row {row + 1}: SAS missing {missing[row - numbers.Length]} is null");
                }

                row++;
            }

            row.ShouldBe(numbers.Length + missing.Length);
        }

        var back = Work("edge-back.xpt");
        CliRun.Of("convert", middle, back, "--datetime", "2026-01-02T03:04:05Z").ExitCode.ShouldBe(0);
        var values = ReadXpt(back).Rows.Select(r => r[1]).ToList();
        for (var i = 0; i < numbers.Length; i++)
        {
            values[i].IsNumber.ShouldBeTrue();
            BitConverter.DoubleToInt64Bits(values[i].NumberValue).ShouldBe(BitConverter.DoubleToInt64Bits(numbers[i]), $"row {i + 1}");
        }

        values.Skip(numbers.Length).ShouldAllBe(v => v.IsMissing && v.MissingKind == SasMissingKind.Dot);
    }

    [Fact]
    public void Convert_DatasetJsonNumberBelowXptRange_ZeroWithWarningNamingFileRecordAndColumn()
    {
        // 1e-300 and 4.9e-324 are below IBM's smallest magnitude (16^-65): written as 0, as SAS does, and said so.
        File.WriteAllText(Work("edge.ndjson"), EdgeNdjson);
        var run = CliRun.Of("convert", Work("edge.ndjson"), Work("edge.xpt"));
        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("edge.ndjson: 2 numbers below the XPT range");
        run.Error.ShouldContain("record 1, column X, 1E-300");
        var values = ReadXpt(Work("edge.xpt")).Rows.Select(r => r[1].NumberValue).ToList();
        values.ShouldBe([0.0, 5e-7, 0.0, 9007199254740992.0, 0.0]);
    }

    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        // file, content, the location the message must give
        { "bad-type.ndjson", Meta(2) + "\n[\"a\",1]\n[\"b\",\"2\"]\n", "bad-type.ndjson record 2, column N" },
        { "bad-count.ndjson", Meta(2) + "\n[\"a\",1]\n[\"b\"]\n", "bad-count.ndjson record 2" },
        { "bad-records.ndjson", Meta(3) + "\n[\"a\",1]\n[\"b\",2]\n", "bad-records.ndjson record 2" },
        { "bad-json.json", Meta(2)[..^1] + ",\"rows\":[[\"a\",1],[\"b\",2,]]}", "bad-json.json record 2" },
        { "bad-datatype.json", Meta(0).Replace("\"double\"", "\"real\"", StringComparison.Ordinal), "bad-datatype.json metadata, column N" },
        { "bad-version.json", Meta(0).Replace("1.1.0", "1.0.0", StringComparison.Ordinal), "bad-version.json metadata" },
    };

    private static string Meta(int records) => "{\"datasetJSONCreationDateTime\":\"2026-01-02T03:04:05\",\"datasetJSONVersion\":\"1.1.0\",\"itemGroupOID\":\"IG.X\",\"records\":"
        + records.ToString(CultureInfo.InvariantCulture)
        + ",\"name\":\"X\",\"label\":\"X\",\"columns\":[{\"itemOID\":\"IT.X.ID\",\"name\":\"ID\",\"label\":\"Id\",\"dataType\":\"string\",\"length\":1},{\"itemOID\":\"IT.X.N\",\"name\":\"N\",\"label\":\"N\",\"dataType\":\"double\"}]}";

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void ConvertAndInspect_FileBreakingSchemaOrSpec_Exit2NamingFileRecordAndColumn(string file, string content, string location)
    {
        File.WriteAllText(Work(file), content);
        foreach (var target in new[] { "out.xpt", "out.csv", "out.dsjc" })
        {
            var run = CliRun.Of("convert", Work(file), Work(target));
            run.ExitCode.ShouldBe(2, $"{file} -> {target}: {run.Output}");
            run.Error.ShouldContain(location);
            File.Exists(Work(target)).ShouldBeFalse();
        }

        var inspect = CliRun.Of("inspect", Work(file), "--rows", "10");
        inspect.ExitCode.ShouldBe(2);
        inspect.Error.ShouldContain(location);
    }

    [Fact]
    public void Inspect_EachForm_ShowsTheDatasetJsonHeaderAndVariables()
    {
        foreach (var form in Forms)
        {
            var run = CliRun.Of("inspect", Example("sdtm/dm" + form), "--rows", "1");
            run.ExitCode.ShouldBe(0, run.Error);
            run.Output.ShouldContain("Dataset-JSON 1.1");
            run.Output.ShouldContain("USUBJID");
        }
    }

    private static DatasetJsonForm FormOf(string path) => DatasetJsonForms.TryFromPath(path, out var form) ? form : throw new ArgumentException(path);

    private static ReadOnlySpan<byte> Tail(byte[] bytes)
    {
        var at = bytes.AsSpan().IndexOf("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!"u8);
        if (at < 0)
        {
            at = bytes.AsSpan().IndexOf("HEADER RECORD*******NAMSTV8 HEADER RECORD!!!!!!!"u8);
        }

        at.ShouldBeGreaterThanOrEqualTo(0);
        return bytes.AsSpan(at);
    }

    private static (List<string> Names, List<XptValue[]> Rows) ReadXpt(string path)
    {
        using var reader = XptReader.Open(File.OpenRead(path));
        var names = reader.Dataset.Variables.Select(v => v.Name).ToList();
        var rows = new List<XptValue[]>();
        while (reader.Read())
        {
            var row = new XptValue[names.Count];
            for (var i = 0; i < row.Length; i++)
            {
                var value = reader.GetValue(i);
                row[i] = value.IsText ? XptValue.Text(value.TextValue.TrimEnd(' ')) : value;
            }

            rows.Add(row);
        }

        return (names, rows);
    }

    private static void WriteXpt(string path, IReadOnlyList<XptValue> values)
    {
        var dataset = new XptDataset("EDGE", "Edge values", [XptVariable.Character("ID", "Id", 2), XptVariable.Numeric("X", "X")]);
        using var stream = File.Create(path);
        using var writer = XptWriter.Create(stream, dataset, XptWriterOptions.Default with { Created = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), Modified = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) });
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteRow([XptValue.Text((i + 1).ToString(CultureInfo.InvariantCulture)), values[i]]);
        }

        writer.Complete();
    }
}
