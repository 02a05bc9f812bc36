using System.CommandLine;
using System.Globalization;
using CdiscExport.Cli.Convert;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Commands;

/// <summary><c>inspect &lt;file&gt; [--rows N]</c>: an XPT or Dataset-JSON file's dataset and variable metadata and first rows.</summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var file = new Argument<FileInfo>("file") { Description = "The file: .xpt, or Dataset-JSON .json, .ndjson, .dsjc." };
        var rows = new Option<int>("--rows") { Description = "How many rows to show.", DefaultValueFactory = _ => 10 };
        var command = new Command("inspect", "Show an XPT or Dataset-JSON file's dataset and variable metadata and its first rows.") { file, rows };
        command.SetAction(parse => CommandErrors.Guard(error, environment, logNear: null, () =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            if (!File.Exists(path))
            {
                throw new UsageException($"{path}: no such file");
            }

            using var reader = XptRows.Open(path);
            var d = reader.Dataset;
            output.WriteLine($"{Path.GetFileName(path)}: dataset {d.Name} \"{d.Label}\", {reader.Describe}");
            output.WriteLine();
            output.WriteLine($"{"#",3}  {"variable",-32} {"type",-4} {"len",4}  {"format",-12} label");
            for (var i = 0; i < d.Variables.Count; i++)
            {
                var v = d.Variables[i];
                var format = v.Format.Length > 0 ? string.Create(CultureInfo.InvariantCulture, $"{v.Format}{(v.FormatLength > 0 ? v.FormatLength : string.Empty)}.") : string.Empty;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1,3}  {v.Name,-32} {(v.Type == XptVariableType.Numeric ? "num" : "char"),-4} {v.Length,4}  {format,-12} {v.Label}"));
            }

            output.WriteLine();
            output.WriteLine(string.Join(" | ", d.Variables.Select(v => v.Name)));
            var shown = 0;
            var limit = parse.GetValue(rows);
            while (shown < limit && reader.Read())
            {
                output.WriteLine(string.Join(" | ", Enumerable.Range(0, d.Variables.Count).Select(i => reader.GetValue(i).ToString())));
                shown++;
            }

            var total = (long)shown;
            while (reader.Read())
            {
                total++;
            }

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} rows, {d.Variables.Count} variables"));
            return CliApp.Success;
        }, () => parse.GetValue(file)?.FullName));
        return command;
    }
}
