namespace CdiscExport.Cli.Export;

/// <summary>
/// What a long export is doing, on one rewritten line of stderr when stderr is a terminal; nothing at all when it is
/// redirected (logs and CI stay clean).
/// </summary>
/// <remarks>With <c>CDISC_EXPORT_TIMINGS=1</c> every step is written on its own line with the elapsed time, for profiling.</remarks>
internal sealed class ProgressDisplay(TextWriter error, bool enabled, bool timings = false)
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _width;

    public static ProgressDisplay ForConsole(TextWriter error, bool timings) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected, timings);

    public void Report(string what)
    {
        if (timings)
        {
            // The GC's share (allocated bytes, collections, pause time) is what most often decides the wall time.
            error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{_clock.Elapsed.TotalSeconds,8:F2} s  {what}  [alloc {GC.GetTotalAllocatedBytes() >> 20} MB, gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s]"));
            return;
        }

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
