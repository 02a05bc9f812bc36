using System.CommandLine;
using CdiscExport.Cli.Export;
using NodaTime;

namespace CdiscExport.Cli.Commands;

/// <summary><c>export &lt;study-spec-dir&gt; --out &lt;dir&gt;</c>: maps a study and writes its submission package.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var spec = new Argument<DirectoryInfo>("study-spec-dir") { Description = "The study's spec folder (study.yaml and one mapping file per dataset)." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "The package folder to write (replaced whole, only once the new package is complete).", Required = true };
        var raw = new Option<DirectoryInfo?>("--raw") { Description = "A raw folder that replaces the one the study file names." };
        var formats = new Option<string>("--formats") { Description = "Comma-separated output formats: xpt, csv, json, ndjson, dsjc (Dataset-JSON v1.1). define.xml describes the XPT files when xpt is among them, else the first of json, ndjson, dsjc.", DefaultValueFactory = _ => "xpt" };
        var version = new Option<int>("--xpt-version") { Description = "SAS transport version: 5 (FDA) or 8.", DefaultValueFactory = _ => 5 };
        version.AcceptOnlyFromAmong("5", "8");
        var datetime = new Option<string?>("--datetime") { Description = "The creation time stamped into outputs (ISO 8601); else SOURCE_DATE_EPOCH; else now." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when conformance findings reach this severity.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("reject", "error", "warning");

        var command = new Command("export", "Map a study's raw records to SDTM through its spec files and write the submission package.")
        {
            spec, outDir, raw, formats, version, datetime, failOn,
        };

        command.SetAction(parse => CommandErrors.Guard(error, environment, () => parse.GetValue(outDir)?.FullName, () =>
        {
            var options = new ExportOptions(
                parse.GetRequiredValue(spec).FullName,
                parse.GetRequiredValue(outDir).FullName,
                parse.GetValue(raw)?.FullName,
                ExportOptions.ParseFormats(parse.GetRequiredValue(formats)),
                parse.GetValue(version),
                CreationTime.Resolve(parse.GetValue(datetime), environment, SystemClock.Instance),
                parse.GetRequiredValue(failOn));
            return PackageExporter.Export(options, output, error, environment);
        }));
        return command;
    }
}
