namespace CdiscExport.Cli.Tests.Fuzz;

/// <summary>
/// Seeded mutations of every input the command reads, each run through the command line in-process: the spec's YAML
/// (SDTM and ADaM), the raw CSV forms, XPT, define.xml and Dataset-JSON. Whatever the mutation, the command exits 0, 1
/// or 2 and leaves its output complete or absent. See <see cref="FuzzSettings"/> for long campaigns (docs/fuzzing.md).
/// </summary>
public sealed class CliFuzzTests
{
    private static readonly string[] FewRules = ["SD0056", "SD1012", "CORE-000001"];

    [Fact]
    public void Export_MutatedSpecYaml_ExitsCleanly() =>
        Campaign("spec-yaml", 16_001, (random, folder) => ExportCase(random, folder, FuzzCorpus.Instance.SpecFiles, Mutations.Yaml));

    [Fact]
    public void Export_MutatedAdamYaml_ExitsCleanly() =>
        Campaign("adam-yaml", 16_002, (random, folder) => ExportCase(random, folder, FuzzCorpus.Instance.AdamFiles, Mutations.Yaml));

    [Fact]
    public void Export_MutatedRawCsv_ExitsCleanly() =>
        Campaign("raw-csv", 16_003, (random, folder) => ExportCase(random, folder, FuzzCorpus.Instance.RawFiles, Mutations.Csv));

    [Fact]
    public void ConvertInspectValidate_MutatedXpt_ExitCleanly() =>
        Campaign("xpt", 16_004, (random, folder) => DatasetCase(random, folder, FuzzCorpus.Instance.Xpt, Mutations.Binary, [".csv", ".xpt", ".json", ".dsjc"]));

    [Fact]
    public void Validate_MutatedDefineXml_ExitsCleanly() =>
        Campaign("define-xml", 16_005, (random, folder) =>
        {
            var corpus = FuzzCorpus.Instance;
            var define = Path.Combine(folder, "define.xml");
            File.WriteAllBytes(define, Mutations.Xml.Mutate(File.ReadAllBytes(corpus.Define), random));
            var report = Path.Combine(folder, "report");
            string[] rules = random.Next(4) == 0 ? [] : ["--rule", FewRules[random.Next(FewRules.Length)]];
            return new FuzzCase(define, ["validate", corpus.XptFolder, "--define", define, "--report", report, .. rules], report, OutputIsFolder: true);
        });

    [Fact]
    public void ConvertInspectValidate_MutatedDatasetJson_ExitCleanly() =>
        Campaign("dataset-json", 16_006, (random, folder) => DatasetCase(random, folder, FuzzCorpus.Instance.DatasetJson, Mutations.Json, [".csv", ".xpt", ".ndjson", ".json"]));

    private static void Campaign(string kind, int seed, Func<Random, string, FuzzCase> prepare)
    {
        var settings = FuzzSettings.For(kind, seed);
        if (!settings.Enabled)
        {
            return;
        }

        var (summary, failures) = FuzzCampaign.Run(kind, settings, prepare);
        TestContext.Current.SendDiagnosticMessage(summary);
        Console.WriteLine(summary);
        failures.ShouldBeEmpty(summary + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(5)));
    }

    // A copy of the reduced study with one of its files mutated, exported (as CSV mostly: the XPT, define and
    // conformance stages run in one case in ten, to keep the cases fast).
    private static FuzzCase ExportCase(Random random, string folder, IReadOnlyList<string> files, Mutations mutations)
    {
        var corpus = FuzzCorpus.Instance;
        var study = Path.Combine(folder, "study");
        corpus.CopyStudyTo(study);
        var original = files[random.Next(files.Count)];
        var target = Path.Combine(study, Path.GetRelativePath(corpus.Study, original));
        File.WriteAllBytes(target, mutations.Mutate(File.ReadAllBytes(original), random));
        var output = Path.Combine(folder, "out");
        var formats = random.Next(10) == 0 ? "xpt" : "csv";
        return new FuzzCase(target, ["export", study, "--out", output, "--formats", formats], output, OutputIsFolder: true);
    }

    // A mutated dataset file converted to another format, inspected, or validated.
    private static FuzzCase DatasetCase(Random random, string folder, IReadOnlyList<string> files, Mutations mutations, string[] targets)
    {
        var original = files[random.Next(files.Count)];
        var input = Path.Combine(folder, Path.GetFileName(original));
        File.WriteAllBytes(input, mutations.Mutate(File.ReadAllBytes(original), random));
        switch (random.Next(8))
        {
            case 0:
                return new FuzzCase(input, ["inspect", input, "--rows", "5"], null, OutputIsFolder: false);
            case 1:
                var report = Path.Combine(folder, "report");
                return new FuzzCase(input, ["validate", input, "--report", report, "--rule", FewRules[random.Next(FewRules.Length)]], report, OutputIsFolder: true);
            default:
                var extension = targets[random.Next(targets.Length)];
                var output = Path.Combine(folder, "converted" + extension);
                return new FuzzCase(input, ["convert", input, output], output, OutputIsFolder: false);
        }
    }
}
