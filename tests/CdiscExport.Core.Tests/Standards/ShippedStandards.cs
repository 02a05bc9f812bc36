using CdiscExport.Core.Standards;

namespace CdiscExport.Core.Tests.Standards;

/// <summary>The shipped specs/standards, loaded once for all tests (loading is read-only and thread-safe).</summary>
internal static class ShippedStandards
{
    private static readonly Lazy<StandardsLibrary> Lazy =
        new(() => StandardsLibrary.Load(StandardsLibrary.FindDefaultFolder()));

    public static StandardsLibrary Library => Lazy.Value;
}
