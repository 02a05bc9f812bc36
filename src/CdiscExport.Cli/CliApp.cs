using System.CommandLine;
using System.CommandLine.Help;
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

    /// <summary>The width help is laid out for, whatever the console's.</summary>
    public const int HelpWidth = 120;

    /// <summary>Parses <paramref name="args"/>, runs the command in the process's environment, and returns the exit code.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where messages, warnings and progress go (stderr).</param>
    /// <returns>The exit code: <see cref="Success"/>, <see cref="Findings"/>, <see cref="BadInput"/> or <see cref="InternalError"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, CliEnvironment.Process);

    /// <summary>
    /// Parses <paramref name="args"/>, runs the command, and returns the exit code; the environment variables and
    /// current folder come from <paramref name="environment"/>. Tests call this in-process. No exception leaves it.
    /// </summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where messages, warnings and progress go (stderr).</param>
    /// <param name="environment">Environment variables and current folder.</param>
    /// <returns>The exit code: <see cref="Success"/>, <see cref="Findings"/>, <see cref="BadInput"/> or <see cref="InternalError"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);

        // Each command guards its own action (with its output's folder for the log); this catches what happens
        // around them (parsing, building the commands), so that nothing escapes to abort the process.
        return CommandErrors.Guard(error, environment, logNear: null, () => Parse(args, output, error, environment));
    }

    private static int Parse(string[] args, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var root = new RootCommand("Raw clinical-trial records to CDISC SDTM/ADaM submission packages (XPT, CSV, Define-XML), checked for conformance.")
        {
            ExportCommand.Create(output, error, environment),
            ConvertCommand.Create(output, error, environment),
            InspectCommand.Create(output, error, environment),
            ValidateCommand.Create(output, error, environment),
            ReviewCommand.Create(output, error, environment),
        };

        // Help names the tool as users type it, whatever process hosts it (dotnet run, tests, the packed tool).
        root.HelpName = "cdisc-export";

        // Help is laid out for 120 columns whatever the console's width, so that it reads the same everywhere and its
        // approved text (HelpTests) does not depend on the terminal the tests run in.
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                action.MaxWidth = HelpWidth;
            }
        }

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
