using CdiscExport.Testing;

namespace CdiscExport.Odm.Tests;

/// <summary>The real define.xml files the Define-XML tests read, by version (see the ATTRIBUTION.md beside each).</summary>
internal static class DefineFixtures
{
    public static string Pilot21 => Path.Combine(RepositoryPaths.Fixtures, "cdiscpilot01-sdtm", "define.xml");

    public static string Sdtm21 => Path.Combine(RepositoryPaths.Fixtures, "define-xml-2.1", "defineV21-SDTM.xml");

    public static string Adam21 => Path.Combine(RepositoryPaths.Fixtures, "define-xml-2.1", "defineV21-ADaM.xml");

    public static string Cst20 => Path.Combine(RepositoryPaths.Fixtures, "define-xml-2.0", "cst-sdtm-3.1.2", "sourcexml", "define-sdtm-3.1.2.xml");

    public static string CdiscSdtm20 => Example20("define2-0-0-example-sdtm(2013-11-09).xml");

    public static string Handmade10 => Path.Combine(RepositoryPaths.Fixtures, "define-xml-2.0", "define-1.0-handmade", "define.xml");

    public static string Example20(string name) => Path.Combine(RepositoryPaths.Fixtures, "define-xml-2.0", "examples", name);

    /// <summary>Every Define-XML 2.0 example, as file names under <c>define-xml-2.0/examples</c>.</summary>
    public static TheoryData<string> Examples20 => new()
    {
        "define2-0-0-example-sdtm(2013-11-09).xml",
        "phuse2018-define.cdisc.sdtm.xml",
        "phuse2018-define.cdisc.adam.xml",
        "phuse2018-define.cdisc.arm.xml",
        "phuse2018-define.phuse.test.xml",
    };
}
