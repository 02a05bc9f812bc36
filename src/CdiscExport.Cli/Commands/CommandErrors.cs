using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using CdiscExport.Conformance.Language;
using CdiscExport.Core.Dates;
using CdiscExport.Core.Standards;
using CdiscExport.DatasetJson;
using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Specs;
using CdiscExport.Odm;
using CdiscExport.Xpt;
using CsvHelper;
using YamlDotNet.Core;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// Turns the errors a user can cause (bad spec, bad raw data, bad files, bad options) into one clear message on
/// stderr and exit code 2. Anything else is a defect of ours: one line on stderr pointing at a log file that holds
/// the stack trace (written in the output's parent folder, else the current folder), and exit code 3. No exception
/// leaves the process.
/// </summary>
internal static class CommandErrors
{
    /// <summary>Runs <paramref name="action"/>, turning every exception into exit code 2 or 3 and a message.</summary>
    /// <param name="error">Where the message goes.</param>
    /// <param name="environment">The current folder, for the log file when there is no output.</param>
    /// <param name="logNear">The command's output (file or folder), once parsed; its parent folder takes the log file.</param>
    /// <param name="action">The command.</param>
    /// <param name="input">The file the command reads, when there is one: named in a parser's message that names none.</param>
    public static int Guard(TextWriter error, CliEnvironment environment, Func<string?>? logNear, Func<int> action, Func<string?>? input = null)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is SpecException or MappingException or UsageException or XptFormatException or XptLimitException
                                      or DatasetJsonException or DefineFormatException or StandardsFormatException or DateFormatException
                                      or IOException or UnauthorizedAccessException or RuleFormatException)
        {
            error.WriteLine($"cdisc-export: {e.Message}");
            return CliApp.BadInput;
        }
        catch (Exception e) when (ParserError(e, Evaluate(input)) is { } message)
        {
            error.WriteLine($"cdisc-export: {message}");
            return CliApp.BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var log = WriteLog(e, LogFolder(environment, Evaluate(logNear)));
            error.WriteLine($"cdisc-export: internal error ({e.GetType().Name}: {FirstLine(e.Message)}); details in {log}");
            return CliApp.InternalError;
        }
    }

    /// <summary>
    /// A parser's exception (YamlDotNet, CsvHelper, XML, JSON, a text decoder) that reached the command without the
    /// reader that met it naming the file: the message with the location the parser gives (line, column, JSON path).
    /// </summary>
    private static string? ParserError(Exception e, string? input)
    {
        var file = input ?? "input";
        return e switch
        {
            YamlException y => Invariant($"{file} line {y.Start.Line}, column {y.Start.Column}: {FirstLine(y.Message)}"),
            XmlException x => Invariant($"{(string.IsNullOrEmpty(x.SourceUri) ? file : x.SourceUri)} line {x.LineNumber}, column {x.LinePosition}: {FirstLine(x.Message)}"),
            JsonException j => Invariant($"{file} line {(j.LineNumber ?? 0) + 1}, byte {(j.BytePositionInLine ?? 0) + 1}{(j.Path is { Length: > 0 } path ? ", at " + path : string.Empty)}: {FirstLine(j.Message)}"),
            CsvFormatException c => Invariant($"{file}{(c.LineNumber > 0 ? $" line {c.LineNumber}" : c.RecordNumber > 0 ? $" record {c.RecordNumber}" : string.Empty)}: {FirstLine(c.Message)}"),
            DecoderFallbackException d => $"{file}: the text is not in the expected encoding ({FirstLine(d.Message)})",
            InvalidDataException i => $"{file}: {FirstLine(i.Message)}",
            _ => null,
        };
    }

    private static string? Evaluate(Func<string?>? path)
    {
        try
        {
            return path?.Invoke();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    // The output's parent folder (the log sits beside what the user asked for), else the current folder.
    private static string LogFolder(CliEnvironment environment, string? output)
    {
        try
        {
            if (output is not null && Path.GetDirectoryName(Path.GetFullPath(output)) is { } parent && Directory.Exists(parent))
            {
                return parent;
            }
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException or System.Security.SecurityException)
        {
            // An output path that cannot even be resolved: fall back to the current folder.
        }

        return environment.Folder;
    }

    private static string WriteLog(Exception e, string folder)
    {
        var name = Invariant($"cdisc-export-error-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.log");
        foreach (var candidate in new[] { folder, Path.GetTempPath() })
        {
            try
            {
                var log = Path.Combine(candidate, name);
                File.WriteAllText(log, e.ToString());
                return log;
            }
            catch (Exception io) when (io is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // Try the next folder.
            }
        }

        return "(no log file could be written; the stack follows)" + Environment.NewLine + e;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('\r');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
