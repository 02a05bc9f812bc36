using System.CommandLine;
using CdiscExport.Cli.Convert;
using CdiscExport.Core.Standards;
using NodaTime;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// <c>convert &lt;in&gt; &lt;out&gt;</c>: between any two of XPT, CSV and Dataset-JSON (JSON, NDJSON, DSJC), by the files'
/// extensions (CSV to CSV excepted).
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var input = new Argument<FileInfo>("in") { Description = "The file to read: .xpt, .csv, or Dataset-JSON .json, .ndjson, .dsjc." };
        var target = new Argument<FileInfo>("out") { Description = "The file to write: .xpt, .csv, .json, .ndjson or .dsjc (written whole or not at all)." };
        var version = new Option<int?>("--xpt-version") { Description = "SAS transport version of an XPT output: 5 (FDA) or 8. Default: 5, or the input's for XPT to XPT." };
        version.AcceptOnlyFromAmong("5", "8");
        var datetime = new Option<string?>("--datetime") { Description = "The creation time stamped into an XPT or Dataset-JSON output (ISO 8601); else SOURCE_DATE_EPOCH; else now (XPT to XPT keeps the input's)." };

        var command = new Command("convert", "Convert between SAS transport (XPT v5/v8), CSV and CDISC Dataset-JSON v1.1 (.json, .ndjson, .dsjc).") { input, target, version, datetime };
        command.SetAction(parse => CommandErrors.Guard(error, environment, () => parse.GetValue(target)?.FullName, () =>
        {
            var from = parse.GetRequiredValue(input).FullName;
            var to = parse.GetRequiredValue(target).FullName;
            if (!File.Exists(from))
            {
                throw new UsageException($"{from}: no such file");
            }

            var kind = (Extension(from), Extension(to));
            var pinned = CreationTime.Pinned(parse.GetValue(datetime), environment)?.ToDateTimeUtc();
            var now = pinned ?? SystemClock.Instance.GetCurrentInstant().ToDateTimeUtc();
            var rows = kind switch
            {
                (".xpt", ".xpt") => XptToCsv.Copy(from, to, parse.GetValue(version), pinned, error),
                (".csv", ".xpt") => CsvToXpt.Convert(from, to, parse.GetValue(version) ?? 5, now, LoadStandards(), error),
                (".csv", _) when XptRows.IsDatasetJson(to) => CsvToDatasetJson(from, to, now, error),
                (".xpt" or ".json" or ".ndjson" or ".dsjc", ".csv") => XptToCsv.Convert(from, to),
                (".json" or ".ndjson" or ".dsjc", ".xpt") => DatasetJsonConvert.ToXpt(from, to, parse.GetValue(version) ?? 5, now, error),
                (".xpt" or ".json" or ".ndjson" or ".dsjc", _) when XptRows.IsDatasetJson(to) => DatasetJsonConvert.ToDatasetJson(from, to, now, error),
                _ => throw new UsageException($"cannot convert {Path.GetFileName(from)} to {Path.GetFileName(to)}: give two of .xpt, .csv, .json, .ndjson, .dsjc (not .csv to .csv)"),
            };
            output.WriteLine($"{Path.GetFileName(to)}: {rows} rows");
            return CliApp.Success;
        }, () => parse.GetValue(input)?.FullName));
        return command;
    }

    // CSV to Dataset-JSON goes through a V8 XPT file in the temporary folder: the CSV's types and lengths are learned
    // once, by CSV to XPT, and V8 takes the long names and labels Dataset-JSON allows.
    private static long CsvToDatasetJson(string from, string to, DateTime created, TextWriter messages)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"cdisc-export-{Environment.ProcessId}-{Path.GetFileNameWithoutExtension(from)}.xpt");
        try
        {
            var records = CsvToXpt.Convert(from, temporary, 8, created, LoadStandards(), messages);
            return DatasetJsonConvert.ToDatasetJson(temporary, to, created, messages, records);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();

    private static StandardsLibrary? LoadStandards()
    {
        try
        {
            return StandardsLibrary.Load(StandardsLibrary.FindDefaultFolder());
        }
        catch (Exception e) when (e is IOException or StandardsFormatException or InvalidOperationException or DirectoryNotFoundException)
        {
            // Without the standards a CSV still converts, with inferred types.
            return null;
        }
    }
}
