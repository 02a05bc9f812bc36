using System.CommandLine;
using CdiscExport.Cli.Commands;

namespace CdiscExport.Cli;

/// <summary>
/// The <c>cdisc-export</c> command line. Exit codes are a contract: 0 done; 1 conformance findings at or above
/// --fail-on; 2 bad input or usage, with a message that says what and where; 3 an internal error (one line on the
/// console, the details in a log file).
/// </summary>
public static class CliApp
{
    /// <summary>Exit code: done.</summary>
    public const int Success = 0;

    /// <summary>Exit code: conformance findings reached --fail-on.</summary>
    public const int Findings = 1;

    /// <summary>Exit code: bad input or usage.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code: an internal error (a defect of ours); the details go to a log file.</summary>
    public const int InternalError = 3;

    /// <summary>Parses <paramref name="args"/>, runs the command, and returns the exit code. Tests call this in-process.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Raw clinical-trial records to CDISC SDTM/ADaM submission packages (XPT, CSV, Define-XML), checked for conformance.")
        {
            ExportCommand.Create(output, error),
            ConvertCommand.Create(output, error),
            InspectCommand.Create(output, error),
            ValidateCommand.Create(output, error),
            ReviewCommand.Create(output, error),
        };

        // Help names the tool as users type it, whatever process hosts it (dotnet run, tests, the packed tool).
        root.HelpName = "cdisc-export";

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"cdisc-export: {e.Message}");
            }

            error.WriteLine("Run 'cdisc-export --help' for usage.");
            return BadInput;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }
}
