namespace CdiscExport.Xpt.Tests;

/// <summary>
/// Locates the golden files. tests/fixtures at the repository root is copied beside the test binary by the
/// csproj (None Include="../fixtures/**" LinkBase="fixtures"), so tests never depend on the working directory.
/// </summary>
internal static class Fixtures
{
    public static string PilotDirectory => Path.Combine(AppContext.BaseDirectory, "fixtures", "cdiscpilot01-sdtm");

    public static string Pilot(string relativePath) => Path.Combine(PilotDirectory, relativePath);

    public static byte[] PilotBytes(string relativePath) => File.ReadAllBytes(Pilot(relativePath));

    /// <summary>The 30 SAS-written files with their row and column counts as pandas reads them (an independent reader).</summary>
    public static TheoryData<string, int, int> PilotFiles => new()
    {
        { "ae.xpt", 74, 37 },
        { "cm.xpt", 68, 17 },
        { "dd.xpt", 3, 12 },
        { "di.xpt", 34, 7 },
        { "dm.xpt", 18, 26 },
        { "ds.xpt", 53, 12 },
        { "ec.xpt", 1590, 21 },
        { "ex.xpt", 1583, 17 },
        { "fa.xpt", 78, 16 },
        { "ie.xpt", 1, 12 },
        { "lb.xpt", 3488, 23 },
        { "mh.xpt", 17, 8 },
        { "oe.xpt", 285, 18 },
        { "qsph.xpt", 330, 17 },
        { "qssl.xpt", 135, 16 },
        { "relrec.xpt", 6, 7 },
        { "rs.xpt", 375, 17 },
        { "se.xpt", 43, 11 },
        { "suppdm.xpt", 3, 10 },
        { "suppec.xpt", 7, 10 },
        { "sv.xpt", 164, 10 },
        { "ta.xpt", 8, 10 },
        { "te.xpt", 5, 6 },
        { "ti.xpt", 62, 6 },
        { "ts.xpt", 51, 11 },
        { "tv.xpt", 14, 7 },
        { "vs.xpt", 1414, 21 },
        { "split/lbch.xpt", 1913, 23 },
        { "split/lbhe.xpt", 1275, 23 },
        { "split/lbur.xpt", 300, 23 },
    };
}
