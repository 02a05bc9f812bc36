using CdiscExport.Core.Datasets;
using CdiscExport.Core.Standards;
using CdiscExport.Mapping.Engine;

namespace CdiscExport.Mapping.Tests;

/// <summary>
/// Builds a throw-away study on disk (study.yaml, dataset files, raw CSV forms) and maps it, so algorithm and
/// derivation tests exercise the real loader and engine on a few rows.
/// </summary>
internal sealed class MiniStudy : IDisposable
{
    private static readonly Lazy<StandardsLibrary> SharedStandards = new(() => StandardsLibrary.Load(StandardsLibrary.FindDefaultFolder()));

    private readonly string _folder = Directory.CreateTempSubdirectory("cdisc-mini-").FullName;

    public MiniStudy()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "raw"));
        StudyExtra = string.Empty;
        // A DM so that study days and epochs have reference dates: subject 1 first dosed 2006-05-14, last 2006-06-30.
        Raw("dm", "SUBJID,FIRST,LAST\n1,14MAY2006,30JUN2006\n2,01JUN2006,01JUN2006\n");
        Dataset("dm", """
            dataset: DM
            records:
              - source: dm
                variables:
                  STUDYID: { template: "{study.STUDYID}" }
                  DOMAIN: { constant: DM }
                  USUBJID: { template: "S-{SUBJID}" }
                  SUBJID: { copy: SUBJID }
                  RFSTDTC: { date: FIRST, format: DDMONYYYY }
                  RFXSTDTC: { date: FIRST, format: DDMONYYYY }
                  RFXENDTC: { date: LAST, format: DDMONYYYY }
            """);
    }

    public string Folder => _folder;

    public string StudyExtra { get; set; }

    public string Encoding { get; set; } = "utf-8";

    /// <summary>The raw section's <c>missing:</c> tokens, e.g. <c>[NA]</c>; empty for none.</summary>
    public string Missing { get; set; } = string.Empty;

    /// <summary>More keys of the raw section, one per line (<c>delimiter: ";"</c>, <c>forms: {...}</c>).</summary>
    public List<string> RawKeys { get; } = [];

    public List<string> Datasets { get; } = ["dm"];

    public MiniStudy Raw(string form, string csv)
    {
        File.WriteAllText(Path.Combine(_folder, "raw", form + ".csv"), csv);
        return this;
    }

    /// <summary>A raw file of any name and bytes (another encoding, a broken file).</summary>
    public MiniStudy RawBytes(string file, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(_folder, "raw", file), bytes);
        return this;
    }

    public MiniStudy Dataset(string name, string yaml)
    {
        File.WriteAllText(Path.Combine(_folder, name + ".yaml"), yaml);
        if (!Datasets.Contains(name))
        {
            Datasets.Add(name);
        }

        return this;
    }

    public string PathOf(string name) => Path.Combine(_folder, name);

    public MappingResult Run()
    {
        File.WriteAllText(Path.Combine(_folder, "study.yaml"), $"""
            study:
              STUDYID: MINI
            raw:
              folder: raw
              encoding: {Encoding}
              {(Missing.Length > 0 ? "missing: " + Missing : string.Empty)}
            {string.Join("\n", RawKeys.Select(k => "  " + k))}
            datasets: [{string.Join(", ", Datasets)}]
            {StudyExtra}
            """);
        return MappingEngine.Run(_folder, null, SharedStandards.Value);
    }

    public Dataset Run(string dataset) => Run().Datasets.Single(d => d.Name == dataset);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

internal static class DatasetColumnExtensions
{
    public static string[] Texts(this Dataset dataset, string variable) =>
        Enumerable.Range(0, dataset.RowCount).Select(r => dataset[variable].GetText(r)).ToArray();
}
