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
    // XPT headers hold the year in two digits, read as 1960-2059 (SAS's default YEARCUTOFF).
    private static readonly Instant Earliest = Instant.FromUtc(1960, 1, 1, 0, 0);
    private static readonly Instant Latest = Instant.FromUtc(2060, 1, 1, 0, 0);

    /// <summary>The instant to stamp: <paramref name="option"/>, else <c>SOURCE_DATE_EPOCH</c>, else the clock.</summary>
    /// <exception cref="UsageException">The text is not an instant, or the instant lies outside 1960-2059.</exception>
    public static Instant Resolve(string? option, CliEnvironment environment, IClock clock) =>
        Pinned(option, environment) ?? clock.GetCurrentInstant();

    /// <summary>The instant <c>--datetime</c> or <c>SOURCE_DATE_EPOCH</c> pins, or null when neither is given.</summary>
    /// <exception cref="UsageException">The text is not an instant, or the instant lies outside 1960-2059.</exception>
    public static Instant? Pinned(string? option, CliEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            var parsed = InstantPattern.ExtendedIso.Parse(option);
            if (parsed.Success)
            {
                return InRange(parsed.Value, $"--datetime \"{option}\"");
            }

            var local = LocalDateTimePattern.ExtendedIso.Parse(option);
            if (local.Success)
            {
                return InRange(local.Value.InUtc().ToInstant(), $"--datetime \"{option}\"");
            }

            throw new UsageException($"--datetime \"{option}\" is not an ISO 8601 instant (e.g. 2026-01-31T12:00:00Z)");
        }

        var epoch = environment.GetVariable("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrWhiteSpace(epoch))
        {
            // At most 11 digits: 99,999,999,999 seconds is beyond 5000 AD, and anything longer overflows NodaTime's range.
            return epoch.Length <= 11 && long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? InRange(Instant.FromUnixTimeSeconds(seconds), $"SOURCE_DATE_EPOCH \"{epoch}\"")
                : throw new UsageException($"SOURCE_DATE_EPOCH \"{epoch}\" is not a whole number of seconds since 1970-01-01");
        }

        return null;
    }

    private static Instant InRange(Instant instant, string what) =>
        instant >= Earliest && instant < Latest
            ? instant
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{what} is {InstantPattern.ExtendedIso.Format(instant)}: XPT headers hold years 1960-2059 only (two digits); give a time in that range"));
}

/// <summary>The command line itself is wrong (exit 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
