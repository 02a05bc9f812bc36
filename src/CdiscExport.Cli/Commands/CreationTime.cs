using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CdiscExport.Cli.Commands;

/// <summary>
/// The instant stamped into outputs (XPT headers, define.xml, reports): <c>--datetime</c>, else
/// <c>SOURCE_DATE_EPOCH</c> (seconds since 1970, the reproducible-builds convention), else the clock. With either of
/// the first two, reruns are byte-identical.
/// </summary>
internal static class CreationTime
{
    public static Instant Resolve(string? option, IClock clock)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            var parsed = InstantPattern.ExtendedIso.Parse(option);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            var local = LocalDateTimePattern.ExtendedIso.Parse(option);
            if (local.Success)
            {
                return local.Value.InUtc().ToInstant();
            }

            throw new UsageException($"--datetime \"{option}\" is not an ISO 8601 instant (e.g. 2026-01-31T12:00:00Z)");
        }

        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrWhiteSpace(epoch))
        {
            return long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? Instant.FromUnixTimeSeconds(seconds)
                : throw new UsageException($"SOURCE_DATE_EPOCH \"{epoch}\" is not a whole number of seconds since 1970-01-01");
        }

        return clock.GetCurrentInstant();
    }
}

/// <summary>The command line itself is wrong (exit 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
