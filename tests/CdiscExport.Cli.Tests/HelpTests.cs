using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests;

/// <summary>
/// The command's help is part of its contract: each command's --help output is an approved file, changed only in a
/// commit that says why. Set CDISC_EXPORT_APPROVE=1 to rewrite the approved files after a deliberate change.
/// </summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("root", new string[] { "--help" })]
    [InlineData("export", new[] { "export", "--help" })]
    [InlineData("convert", new[] { "convert", "--help" })]
    [InlineData("inspect", new[] { "inspect", "--help" })]
    [InlineData("validate", new[] { "validate", "--help" })]
    [InlineData("review", new[] { "review", "--help" })]
    public void Help_HasNotChanged(string name, string[] args)
    {
        var run = CliRun.Of(args);
        run.ExitCode.ShouldBe(0);
        var approved = RepositoryPaths.Get("tests", "CdiscExport.Cli.Tests", "Approvals", $"help-{name}.approved.txt");
        var actual = run.Output.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("CDISC_EXPORT_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
        }

        actual.ShouldBe(File.ReadAllText(approved));
    }
}
