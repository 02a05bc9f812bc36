namespace CdiscExport.Cli.Export;

/// <summary>
/// What a long export is doing, on one rewritten line of stderr when stderr is a terminal; nothing at all when it is
/// redirected (logs and CI stay clean).
/// </summary>
internal sealed class ProgressDisplay(TextWriter error, bool enabled)
{
    private int _width;

    public static ProgressDisplay ForConsole(TextWriter error) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    public void Report(string what)
    {
        if (!enabled)
        {
            return;
        }

        var line = what.Length > 100 ? what[..100] : what;
        error.Write("\r" + line.PadRight(_width));
        _width = line.Length;
    }

    public void Done()
    {
        if (enabled && _width > 0)
        {
            error.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
        }
    }
}
