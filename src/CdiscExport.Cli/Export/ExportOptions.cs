using CdiscExport.Cli.Commands;
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
        var unknown = formats.Except(["xpt", "csv"]).ToList();
        if (unknown.Count > 0 || formats.Count == 0)
        {
            throw new UsageException($"--formats \"{text}\": allowed formats are xpt and csv");
        }

        return formats;
    }
}
