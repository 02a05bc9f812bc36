using CdiscExport.Testing;

namespace CdiscExport.Cli.Tests;

/// <summary>
/// The command's help is part of its contract: each command's --help output, laid out at
/// <see cref="CliApp.HelpWidth"/> columns whatever the console's width, is an approved file under Approvals/. A
/// change writes <c>help-*.received.txt</c> beside it and fails; approve by renaming it in a commit that says why.
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
        Approvals.Verify(Path.Combine("Approvals", $"help-{name}.approved.txt"), run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Help_AnyConsoleWidth_FitsTheFixedWidth()
    {
        var run = CliRun.Of("validate", "--help");
        run.Output.ReplaceLineEndings("\n").Split('\n').ShouldAllBe(line => line.Length <= CliApp.HelpWidth);
    }
}
