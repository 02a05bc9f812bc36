using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests.Fuzz;

/// <summary>
/// The valid inputs the fuzz tests mutate, built once per test run in a temporary folder: the sample study's spec
/// (SDTM and ADaM files) over a raw folder cut down to two subjects, so that an export takes milliseconds; and, written
/// by the tool itself from that study, XPT files, a define.xml with its SDTM folder, and Dataset-JSON files.
/// </summary>
internal sealed class FuzzCorpus
{
    private static readonly Lazy<FuzzCorpus> Shared = new(() => new FuzzCorpus());

    private static readonly string[] Subjects = ["01-001", "01-002"];

    private FuzzCorpus()
    {
        Root = Directory.CreateTempSubdirectory("cdisc-fuzz-corpus-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(Root, recursive: true);
        Study = Path.Combine(Root, "study");
        CopyStudy(RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1"), Study);
        var package = Path.Combine(Root, "package");
        var run = CliRun.Of("export", Study, "--out", package, "--formats", "xpt,json,ndjson", "--datetime", "2026-01-01T00:00:00Z");
        if (run.ExitCode is not (CliApp.Success or CliApp.Findings))
        {
            throw new InvalidOperationException($"the fuzz corpus's export failed: {run.Error}");
        }

        Sdtm = Path.Combine(package, "m5", "datasets", "borlen-ph1", "tabulations", "sdtm");
        Define = Path.Combine(Sdtm, "define.xml");
        Xpt = [.. new[] { "dm", "lb", "ae", "ts" }.Select(d => Path.Combine(Sdtm, d + ".xpt"))];
        DatasetJson = [Path.Combine(Sdtm, "dm.json"), Path.Combine(Sdtm, "lb.json"), Path.Combine(Sdtm, "ae.ndjson")];
        XptFolder = Path.Combine(Root, "xpt-package");
        Directory.CreateDirectory(XptFolder);
        foreach (var file in Xpt.Concat(DatasetJson).Append(Define))
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"the fuzz corpus's export did not write {file}");
            }
        }

        foreach (var file in Directory.GetFiles(Sdtm, "*.xpt"))
        {
            File.Copy(file, Path.Combine(XptFolder, Path.GetFileName(file)));
        }
    }

    public static FuzzCorpus Instance => Shared.Value;

    /// <summary>The folder holding everything here.</summary>
    public string Root { get; }

    /// <summary>The reduced study: study.yaml, dataset files, adam/, and raw/ with two subjects.</summary>
    public string Study { get; }

    /// <summary>The SDTM folder exported from the study (XPT, Dataset-JSON, define.xml).</summary>
    public string Sdtm { get; }

    /// <summary>The SDTM XPT files alone, without define.xml: what validate --define reads.</summary>
    public string XptFolder { get; }

    /// <summary>The SDTM define.xml.</summary>
    public string Define { get; }

    /// <summary>XPT files written by the tool.</summary>
    public IReadOnlyList<string> Xpt { get; }

    /// <summary>Dataset-JSON files written by the tool (.json and .ndjson).</summary>
    public IReadOnlyList<string> DatasetJson { get; }

    /// <summary>The study's SDTM spec files (study.yaml and one per dataset).</summary>
    public IReadOnlyList<string> SpecFiles => [.. Directory.GetFiles(Study, "*.yaml").Order(StringComparer.Ordinal)];

    /// <summary>The study's ADaM spec files.</summary>
    public IReadOnlyList<string> AdamFiles => [.. Directory.GetFiles(Path.Combine(Study, "adam"), "*.yaml").Order(StringComparer.Ordinal)];

    /// <summary>The study's raw forms.</summary>
    public IReadOnlyList<string> RawFiles => [.. Directory.GetFiles(Path.Combine(Study, "raw"), "*.csv").Order(StringComparer.Ordinal)];

    /// <summary>Copies the study (spec files, raw forms) into <paramref name="target"/>, a folder a case may change.</summary>
    public void CopyStudyTo(string target) => CopyTree(Study, target);

    private static void CopyStudy(string spec, string target)
    {
        CopyTree(spec, target);
        var studyFile = Path.Combine(target, "study.yaml");
        var text = File.ReadAllText(studyFile).Replace("folder: ../../samples/bortezomib-lenalidomide-ph1/raw", "folder: raw", StringComparison.Ordinal);
        File.WriteAllText(studyFile, text);
        var raw = Path.Combine(target, "raw");
        Directory.CreateDirectory(raw);
        foreach (var form in Directory.GetFiles(RepositoryPaths.Get("samples", "bortezomib-lenalidomide-ph1", "raw"), "*.csv"))
        {
            var lines = File.ReadAllLines(form);
            var kept = lines.Skip(1).Where(l => Subjects.Any(s => l.StartsWith(s + ",", StringComparison.Ordinal))).Take(40);
            File.WriteAllLines(Path.Combine(raw, Path.GetFileName(form)), lines.Take(1).Concat(kept));
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.GetDirectories(source))
        {
            CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
