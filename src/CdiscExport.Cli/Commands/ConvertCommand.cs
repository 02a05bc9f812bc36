using System.CommandLine;
using CdiscExport.Cli.Convert;
using CdiscExport.Core.Standards;
using NodaTime;

namespace CdiscExport.Cli.Commands;

/// <summary><c>convert &lt;in&gt; &lt;out&gt;</c>: XPT to CSV, XPT to XPT, CSV to XPT, by the files' extensions.</summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<FileInfo>("in") { Description = "The file to read: .xpt or .csv." };
        var target = new Argument<FileInfo>("out") { Description = "The file to write: .xpt or .csv (written whole or not at all)." };
        var version = new Option<int?>("--xpt-version") { Description = "SAS transport version of an XPT output: 5 (FDA) or 8. Default: 5, or the input's for XPT to XPT." };
        version.AcceptOnlyFromAmong("5", "8");
        var datetime = new Option<string?>("--datetime") { Description = "The creation time stamped into an XPT output (ISO 8601); else SOURCE_DATE_EPOCH; else now (XPT to XPT keeps the input's)." };

        var command = new Command("convert", "Convert between SAS transport (XPT v5/v8) and CSV.") { input, target, version, datetime };
        command.SetAction(parse => CommandErrors.Guard(error, () =>
        {
            var from = parse.GetRequiredValue(input).FullName;
            var to = parse.GetRequiredValue(target).FullName;
            if (!File.Exists(from))
            {
                throw new UsageException($"{from}: no such file");
            }

            var kind = (Extension(from), Extension(to));
            var pinned = parse.GetValue(datetime) is { } text ? CreationTime.Resolve(text, SystemClock.Instance).ToDateTimeUtc()
                : Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is { Length: > 0 } ? CreationTime.Resolve(null, SystemClock.Instance).ToDateTimeUtc()
                : (DateTime?)null;
            var rows = kind switch
            {
                (".xpt", ".csv") => XptToCsv.Convert(from, to),
                (".xpt", ".xpt") => XptToCsv.Copy(from, to, parse.GetValue(version), pinned),
                (".csv", ".xpt") => CsvToXpt.Convert(from, to, parse.GetValue(version) ?? 5,
                    pinned ?? SystemClock.Instance.GetCurrentInstant().ToDateTimeUtc(), LoadStandards(), error),
                _ => throw new UsageException($"cannot convert {Path.GetFileName(from)} to {Path.GetFileName(to)}: give .xpt -> .csv, .xpt -> .xpt or .csv -> .xpt"),
            };
            output.WriteLine($"{Path.GetFileName(to)}: {rows} rows");
            return CliApp.Success;
        }));
        return command;
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
