namespace CdiscExport.Cli.Export;

/// <summary>
/// Where each file of a submission package goes (eCTD module 5):
/// <c>m5/datasets/&lt;studyid&gt;/tabulations/sdtm</c>, <c>m5/datasets/&lt;studyid&gt;/analysis/adam/datasets</c>,
/// <c>reports</c>, and <c>csv</c> when CSV copies are asked for.
/// </summary>
internal sealed record PackageLayout(string Root, string StudyId)
{
    public string StudyFolder => Path.Combine(Root, "m5", "datasets", StudyId.ToLowerInvariant());

    public string Sdtm => Path.Combine(StudyFolder, "tabulations", "sdtm");

    public string Adam => Path.Combine(StudyFolder, "analysis", "adam", "datasets");

    public string Reports => Path.Combine(Root, "reports");

    public string Csv => Path.Combine(Root, "csv");
}
