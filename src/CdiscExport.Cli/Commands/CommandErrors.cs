using CdiscExport.Adam.Spec;
using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Specs;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// Turns the errors a user can cause (bad spec, bad raw data, bad files, bad options) into one clear message on
/// stderr and exit code 2. Anything else is a defect and keeps its stack trace.
/// </summary>
internal static class CommandErrors
{
    public static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is SpecException or MappingException or AdamSpecException or UsageException or XptFormatException or XptLimitException
                                      or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cdisc-export: {e.Message}");
            return CliApp.BadInput;
        }
    }
}
