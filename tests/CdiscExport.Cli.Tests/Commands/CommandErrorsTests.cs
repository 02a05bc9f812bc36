using CdiscExport.Cli.Commands;

namespace CdiscExport.Cli.Tests.Commands;

/// <summary>
/// An exception the commands do not expect is a defect of ours: exit 3, one line on stderr naming a log file that holds
/// the stack, written beside the output (in its parent folder), else in the current folder.
/// </summary>
public sealed class CommandErrorsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cdisc-errors-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Guard_UnexpectedException_Exit3OneLineAndLogBesideTheOutput()
    {
        var error = new StringWriter();
        var output = Path.Combine(_work, "out", "package");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        var code = CommandErrors.Guard(error, CliEnvironment.Process with { CurrentDirectory = _work }, () => output, () => throw new InvalidOperationException("boom"));

        code.ShouldBe(CliApp.InternalError);
        var line = error.ToString().TrimEnd();
        line.Split('\n').Length.ShouldBe(1);
        line.ShouldContain("internal error (InvalidOperationException: boom)");
        var log = Directory.GetFiles(Path.Combine(_work, "out"), "cdisc-export-error-*.log").ShouldHaveSingleItem();
        line.ShouldEndWith(log);
        File.ReadAllText(log).ShouldContain(nameof(Guard_UnexpectedException_Exit3OneLineAndLogBesideTheOutput));
    }

    [Fact]
    public void Guard_UnexpectedExceptionWithoutOutput_LogInTheCurrentFolder()
    {
        var error = new StringWriter();

        var code = CommandErrors.Guard(error, CliEnvironment.Process with { CurrentDirectory = _work }, logNear: null, () => throw new NullReferenceException());

        code.ShouldBe(CliApp.InternalError);
        Directory.GetFiles(_work, "cdisc-export-error-*.log").ShouldHaveSingleItem();
    }

    [Fact]
    public void Guard_ParserExceptionWithoutLocation_Exit2NamingTheInputAndLine()
    {
        var error = new StringWriter();
        var input = Path.Combine(_work, "in.json");

        var code = CommandErrors.Guard(error, CliEnvironment.Process, logNear: null,
            () => throw new System.Text.Json.JsonException("bad", "$.rows", 2, 7), () => input);

        code.ShouldBe(CliApp.BadInput);
        error.ToString().ShouldContain($"{input} line 3, byte 8, at $.rows: bad");
    }
}
