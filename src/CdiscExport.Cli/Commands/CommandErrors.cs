using CdiscExport.Conformance.Language;
using CdiscExport.DatasetJson;
using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Specs;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// Turns the errors a user can cause (bad spec, bad raw data, bad files, bad options) into one clear message on
/// stderr and exit code 2. Anything else is a defect of ours: one line on stderr pointing at a log file that holds
/// the stack trace, and exit code 3. No exception leaves the process.
/// </summary>
internal static class CommandErrors
{
    public static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is SpecException or MappingException or UsageException or XptFormatException or XptLimitException or XptValueOutOfRangeException or DatasetJsonException
                                      or IOException or UnauthorizedAccessException or RuleFormatException)
        {
            error.WriteLine($"cdisc-export: {e.Message}");
            return CliApp.BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var log = Path.Combine(Path.GetTempPath(), $"cdisc-export-error-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Environment.ProcessId}.log");
            try
            {
                File.WriteAllText(log, e.ToString());
            }
            catch (Exception io) when (io is IOException or UnauthorizedAccessException)
            {
                log = "(could not write a log file: " + io.Message + ")";
            }

            error.WriteLine($"cdisc-export: internal error ({e.GetType().Name}: {e.Message.Split('\n')[0]}); details in {log}");
            return CliApp.InternalError;
        }
    }
}
