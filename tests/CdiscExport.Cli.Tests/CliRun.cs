namespace CdiscExport.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args) => In(CliEnvironment.Process, args);

    /// <summary>Runs with <paramref name="environment"/>'s variables and current folder instead of the process's.</summary>
    public static CliRun In(CliEnvironment environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error, environment);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
