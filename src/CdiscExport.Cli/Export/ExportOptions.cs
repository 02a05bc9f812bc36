using CdiscExport.Cli.Commands;
using CdiscExport.DatasetJson;
using NodaTime;

namespace CdiscExport.Cli.Export;

/// <summary>Everything one export needs, validated before the first file is read.</summary>
internal sealed record ExportOptions(
    string SpecFolder,
    string OutFolder,
    string? RawFolder,
    IReadOnlySet<string> Formats,
    int XptVersion,
    Instant CreatedAt,
    string FailOn = "error")
{
    public static IReadOnlySet<string> ParseFormats(string text)
    {
        var formats = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var unknown = formats.Except(["xpt", "csv", .. DatasetFormats]).ToList();
        if (unknown.Count > 0 || formats.Count == 0)
        {
            throw new UsageException($"--formats \"{text}\": allowed formats are xpt, csv, json, ndjson and dsjc");
        }

        return formats;
    }

    /// <summary>The dataset formats define.xml can describe, in the order one is chosen for its def:leaf.</summary>
    public static IReadOnlyList<string> DatasetFormats { get; } = ["xpt", "json", "ndjson", "dsjc"];

    /// <summary>
    /// The format the define.xml describes (its def:leaf and file names) and the conformance checks read: XPT when it
    /// is asked for, else JSON, NDJSON, DSJC in that order; null with CSV alone (no define, no checks).
    /// </summary>
    public string? DefineFormat => DatasetFormats.FirstOrDefault(Formats.Contains);

    /// <summary>The Dataset-JSON forms asked for.</summary>
    public IEnumerable<DatasetJsonForm> DatasetJsonForms =>
        DatasetFormats.Skip(1).Where(Formats.Contains).Select(f => Enum.Parse<DatasetJsonForm>(f, ignoreCase: true));
}
