using System.Globalization;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// The console lines for what the XPT writer wrote differently from the value given (<see cref="XptWriter.Overflows"/>),
/// the same for <c>export</c> and <c>convert</c>: dataset, variable, row and value, the first <see cref="Listed"/> of them.
/// </summary>
internal static class XptNoticeMessages
{
    /// <summary>How many are listed one by one; the rest are counted.</summary>
    public const int Listed = 20;

    public static void WriteOverflows(TextWriter output, IReadOnlyList<(string Dataset, XptOverflow Overflow)> overflows)
    {
        foreach (var (dataset, o) in overflows.Take(Listed))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"xpt: {dataset}.{o.Variable} row {o.RowNumber}: {o.Value:R} is at or beyond the largest IBM number; written as {(o.Value < 0 ? "-" : string.Empty)}7.237e75, the IBM maximum"));
        }

        if (overflows.Count > Listed)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"xpt: {overflows.Count - Listed} more numbers written as the IBM maximum"));
        }
    }

    public static void WriteOverflows(TextWriter output, string dataset, IReadOnlyList<XptOverflow> overflows) =>
        WriteOverflows(output, [.. overflows.Select(o => (dataset, o))]);
}
