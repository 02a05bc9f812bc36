using System.Globalization;

namespace CdiscExport.Cli.Tests.Fuzz;

/// <summary>
/// How many cases a fuzz test runs, from which seed: <c>CDISC_EXPORT_FUZZ_CASES</c> (default <see cref="DefaultCases"/>
/// per kind, so that <c>dotnet test</c> stays quick), <c>CDISC_EXPORT_FUZZ_SEED</c> (default a fixed seed per kind, so
/// that a failure reproduces) and <c>CDISC_EXPORT_FUZZ_KIND</c> (run only that kind, e.g. <c>xpt</c>, for a long
/// campaign). <c>CDISC_EXPORT_FUZZ_FOUND</c> names the folder where failing inputs are kept (default: a temporary one).
/// </summary>
internal sealed record FuzzSettings(int Cases, int Seed, bool Enabled, string? FoundFolder)
{
    public const int DefaultCases = 150;

    public static FuzzSettings For(string kind, int defaultSeed)
    {
        var only = Environment.GetEnvironmentVariable("CDISC_EXPORT_FUZZ_KIND");
        var cases = Environment.GetEnvironmentVariable("CDISC_EXPORT_FUZZ_CASES");
        var seed = Environment.GetEnvironmentVariable("CDISC_EXPORT_FUZZ_SEED");
        return new FuzzSettings(
            cases is { Length: > 0 } ? int.Parse(cases, CultureInfo.InvariantCulture) : DefaultCases,
            seed is { Length: > 0 } ? int.Parse(seed, CultureInfo.InvariantCulture) : defaultSeed,
            string.IsNullOrEmpty(only) || string.Equals(only, kind, StringComparison.OrdinalIgnoreCase),
            Environment.GetEnvironmentVariable("CDISC_EXPORT_FUZZ_FOUND"));
    }
}
