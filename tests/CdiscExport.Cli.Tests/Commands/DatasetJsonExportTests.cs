using System.Text.Json;
using System.Xml.Linq;
using CdiscExport.Core.DatasetJson;
using CdiscExport.DatasetJson;
using CdiscExport.Testing;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>The sample study exported once per format (pinned time): XPT, JSON, NDJSON, DSJC, and all four together.</summary>
public sealed class DatasetJsonExportFixture : IDisposable
{
    public static readonly string[] Formats = ["xpt", "json", "ndjson", "dsjc"];

    public DatasetJsonExportFixture()
    {
        Root = Directory.CreateTempSubdirectory("cdisc-dsj-export-").FullName;
        foreach (var format in Formats.Append(All))
        {
            Runs[format] = CliRun.Of("export", SampleExportFixture.Spec, "--out", Out(format), "--datetime", SampleExportFixture.Pinned, "--formats", format);
        }
    }

    /// <summary>The <c>--formats</c> value of the export with every dataset format.</summary>
    public const string All = "xpt,json,ndjson,dsjc";

    public string Root { get; }

    public Dictionary<string, CliRun> Runs { get; } = new(StringComparer.Ordinal);

    public string Out(string formats) => Path.Combine(Root, formats.Replace(',', '-'));

    /// <summary>The SDTM and ADaM folders of a package.</summary>
    public IEnumerable<string> Folders(string formats)
    {
        var study = Path.Combine(Out(formats), "m5", "datasets", "borlen-ph1");
        return [Path.Combine(study, "tabulations", "sdtm"), Path.Combine(study, "analysis", "adam", "datasets")];
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>
/// <c>export --formats json,ndjson,dsjc</c>: every file valid against CDISC's v1.1 schema and equal cell by cell to the
/// XPT of the same export, define.xml describing the files written, and <c>validate</c> finding the same on the
/// package in each format as in XPT.
/// </summary>
public sealed class DatasetJsonExportTests(DatasetJsonExportFixture exports) : IClassFixture<DatasetJsonExportFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-dsj-validate-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static TheoryData<string> JsonForms => new() { "json", "ndjson", "dsjc" };

    [Theory]
    [MemberData(nameof(JsonForms))]
    public void Export_EachForm_EveryFileValidAgainstCdiscSchema_AndEqualToTheXpt(string form)
    {
        exports.Runs[form].ExitCode.ShouldBe(0, exports.Runs[form].Error);
        var checkedFiles = 0;
        foreach (var (folder, xptFolder) in exports.Folders(form).Zip(exports.Folders("xpt")))
        {
            var xpts = Directory.GetFiles(xptFolder, "*.xpt");
            xpts.ShouldNotBeEmpty();
            Directory.GetFiles(folder, "*.xpt").ShouldBeEmpty();
            foreach (var xpt in xpts)
            {
                var file = Path.Combine(folder, Path.GetFileNameWithoutExtension(xpt) + "." + form);
                File.Exists(file).ShouldBeTrue(file);
                DatasetJsonForms.TryFromPath(file, out var parsed).ShouldBeTrue();
                DatasetJsonSchema.Problem(DatasetJsonConvertTests.SchemaPath, File.ReadAllBytes(file), parsed).ShouldBeNull(file);
                AssertSameValues(file, xpt);
                checkedFiles++;
            }
        }

        checkedFiles.ShouldBeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public void Export_AllFormats_DefineDescribesXpt_AndEachFormIsTheSameFileAsAlone()
    {
        exports.Runs[DatasetJsonExportFixture.All].ExitCode.ShouldBe(0, exports.Runs[DatasetJsonExportFixture.All].Error);
        foreach (var (folder, i) in exports.Folders(DatasetJsonExportFixture.All).Select((f, i) => (f, i)))
        {
            foreach (var form in new[] { "json", "ndjson", "dsjc" })
            {
                var alone = exports.Folders(form).ElementAt(i);
                foreach (var file in Directory.GetFiles(alone, "*." + form))
                {
                    File.ReadAllBytes(Path.Combine(folder, Path.GetFileName(file))).ShouldBe(File.ReadAllBytes(file), file);
                }
            }

            Leaves(Path.Combine(folder, "define.xml")).ShouldAllBe(l => l.EndsWith(".xpt", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(JsonForms))]
    public void Export_OneForm_DefineLeavesAndItemOidsDescribeTheFilesWritten(string form)
    {
        foreach (var folder in exports.Folders(form))
        {
            var define = XDocument.Load(Path.Combine(folder, "define.xml"));
            var leaves = Leaves(Path.Combine(folder, "define.xml"));
            leaves.ShouldNotBeEmpty();
            leaves.ShouldAllBe(l => l.EndsWith("." + form, StringComparison.Ordinal) && File.Exists(Path.Combine(folder, l)));
            var itemOids = define.Descendants().Where(e => e.Name.LocalName == "ItemDef").Select(e => (string)e.Attribute("OID")!).ToHashSet(StringComparer.Ordinal);
            var groupOids = define.Descendants().Where(e => e.Name.LocalName == "ItemGroupDef").Select(e => (string)e.Attribute("OID")!).ToHashSet(StringComparer.Ordinal);
            foreach (var leaf in leaves)
            {
                using var reader = DatasetJsonReader.Open(File.OpenRead(Path.Combine(folder, leaf)));
                groupOids.ShouldContain(reader.Metadata.ItemGroupOid);
                reader.Metadata.Columns.ShouldAllBe(c => itemOids.Contains(c.ItemOid));
            }
        }
    }

    [Theory]
    [MemberData(nameof(JsonForms))]
    public void Validate_SamplePackageAsDatasetJson_SameFindingsAsAsXpt(string form)
    {
        var xpt = Validate("xpt");
        var json = Validate(form);
        json.Run.ExitCode.ShouldBe(xpt.Run.ExitCode);
        var findings = json.Report.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).ToList();
        var expected = xpt.Report.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).ToList();
        expected.ShouldNotBeEmpty();
        findings.ShouldBe(expected);
        json.Report.GetProperty("rules").GetRawText().ShouldBe(xpt.Report.GetProperty("rules").GetRawText());
        json.Report.GetProperty("summary").GetRawText().ShouldBe(xpt.Report.GetProperty("summary").GetRawText());
    }

    [Fact]
    public void Validate_PackageWithBrokenNdjson_FindingNamesFileRecordAndColumn()
    {
        var package = Path.Combine(_work, "broken");
        CopyFolder(exports.Out("ndjson"), package);
        var ae = Path.Combine(package, "m5", "datasets", "borlen-ph1", "tabulations", "sdtm", "ae.ndjson");
        var lines = File.ReadAllLines(ae);
        lines[2] = "[1" + lines[2][lines[2].IndexOf(',', StringComparison.Ordinal)..]; // record 2: STUDYID a number
        File.WriteAllText(ae, string.Join('\n', lines) + "\n");

        var report = Path.Combine(_work, "broken-report");
        var run = CliRun.Of("validate", package, "--report", report);
        run.ExitCode.ShouldBe(1, run.Error);
        var messages = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "conformance.json"))).RootElement.GetProperty("findings")
            .EnumerateArray().Select(f => f.GetProperty("message").GetString()!).ToList();
        messages.ShouldContain(m => m.Contains("ae.ndjson record 2, column STUDYID", StringComparison.Ordinal) && m.Contains("not a readable Dataset-JSON v1.1 file", StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private (CliRun Run, JsonElement Report) Validate(string form)
    {
        var report = Path.Combine(_work, form);
        var run = CliRun.Of("validate", exports.Out(form), "--report", report);
        run.ExitCode.ShouldBeLessThan(2, run.Error);
        return (run, JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "conformance.json"))).RootElement.Clone());
    }

    private static List<string> Leaves(string define) =>
        XDocument.Load(define).Descendants().Where(e => e.Name.LocalName == "leaf")
            .Select(e => (string)e.Attributes().Single(a => a.Name.LocalName == "href")).ToList();

    private static void AssertSameValues(string datasetJson, string xpt)
    {
        using var json = DatasetJsonXptReader.Open(datasetJson);
        using var reference = XptReader.Open(File.OpenRead(xpt));
        json.Dataset.Name.ShouldBe(reference.Dataset.Name);
        json.Dataset.Label.ShouldBe(reference.Dataset.Label);
        json.Dataset.Variables.Select(v => (v.Name, v.Label, v.Type)).ShouldBe(reference.Dataset.Variables.Select(v => (v.Name, v.Label, v.Type)));
        var row = 0;
        while (reference.Read())
        {
            json.Read().ShouldBeTrue($"{datasetJson}: fewer rows than {xpt}");
            row++;
            for (var i = 0; i < reference.Dataset.Variables.Count; i++)
            {
                var expected = reference.GetValue(i);
                var actual = json.GetValue(i);
                if (expected.IsText)
                {
                    actual.TextValue.ShouldBe(expected.TextValue.TrimEnd(' '), $"{datasetJson} row {row} {reference.Dataset.Variables[i].Name}");
                }
                else
                {
                    actual.ShouldBe(expected, $"{datasetJson} row {row} {reference.Dataset.Variables[i].Name}");
                }
            }
        }

        json.Read().ShouldBeFalse($"{datasetJson}: more rows than {xpt}");
    }
}
