namespace CdiscExport.Core.Packages;

/// <summary>
/// Where each file of a submission package goes (eCTD module 5), and what each file is called. The export writes by
/// it, and the conformance checks and the review page find files by it, so that the layout is spelt once:
/// <c>m5/datasets/&lt;studyid&gt;/tabulations/sdtm</c>, <c>m5/datasets/&lt;studyid&gt;/analysis/adam/datasets</c>,
/// <c>reports</c>, and <c>csv</c> when CSV copies are asked for.
/// </summary>
/// <param name="Root">The package folder.</param>
/// <param name="StudyId">STUDYID; its lower-case form names the study folder.</param>
public sealed record PackageLayout(string Root, string StudyId)
{
    /// <summary>The define file of each submission folder.</summary>
    public const string DefineXml = "define.xml";

    /// <summary>The define rendered for reading, beside define.xml.</summary>
    public const string DefineHtml = "define.html";

    /// <summary>The reports folder's name, beside <c>m5</c>.</summary>
    public const string ReportsFolder = "reports";

    /// <summary>The conformance report as data (what the review page reads back).</summary>
    public const string ConformanceJson = "conformance.json";

    /// <summary>The conformance report as one row per finding.</summary>
    public const string ConformanceCsv = "conformance.csv";

    /// <summary>The conformance report for reading.</summary>
    public const string ConformanceHtml = "conformance.html";

    /// <summary>The raw-to-SDTM record reconciliation.</summary>
    public const string Reconciliation = "reconciliation.csv";

    /// <summary>Every text value transliterated to ASCII for XPT.</summary>
    public const string Transliteration = "transliteration.csv";

    /// <summary>The best response by cohort beside the published table, as CSV.</summary>
    public const string BestResponseCsv = "best-response-by-cohort.csv";

    /// <summary>The best response by cohort beside the published table, for reading.</summary>
    public const string BestResponseHtml = "best-response-by-cohort.html";

    /// <summary>The self-contained review page.</summary>
    public const string ReviewPage = "review.html";

    /// <summary><c>m5/datasets/&lt;studyid&gt;</c>.</summary>
    public string StudyFolder => Path.Combine(Root, "m5", "datasets", StudyId.ToLowerInvariant());

    /// <summary>The SDTM datasets' folder.</summary>
    public string Sdtm => SdtmFolderOf(StudyFolder);

    /// <summary>The ADaM datasets' folder.</summary>
    public string Adam => AdamFolderOf(StudyFolder);

    /// <summary>The reports' folder.</summary>
    public string Reports => Path.Combine(Root, ReportsFolder);

    /// <summary>The CSV copies' folder.</summary>
    public string Csv => Path.Combine(Root, "csv");

    /// <summary>A report's path.</summary>
    /// <param name="name">One of the report names above, e.g. <see cref="Reconciliation"/>.</param>
    public string Report(string name) => Path.Combine(Reports, name);

    /// <summary>A dataset's file name: its name in lower case with the extension (<c>.xpt</c>, <c>.csv</c>, <c>.json</c>, ...).</summary>
    public static string DatasetFileName(string dataset, string extension) => dataset.ToLowerInvariant() + extension;

    /// <summary>
    /// The SDTM and ADaM folders of every study under <c>m5/datasets</c> of <paramref name="root"/> that exist, study by
    /// study in ordinal order; none when <paramref name="root"/> has no <c>m5/datasets</c>.
    /// </summary>
    public static IReadOnlyList<(string Folder, bool IsAdam)> SubmissionFolders(string root)
    {
        var result = new List<(string, bool)>();
        var m5 = Path.Combine(root, "m5", "datasets");
        if (!Directory.Exists(m5))
        {
            return result;
        }

        foreach (var study in Directory.EnumerateDirectories(m5).Order(StringComparer.Ordinal))
        {
            if (SdtmFolderOf(study) is var sdtm && Directory.Exists(sdtm))
            {
                result.Add((sdtm, false));
            }

            if (AdamFolderOf(study) is var adam && Directory.Exists(adam))
            {
                result.Add((adam, true));
            }
        }

        return result;
    }

    private static string SdtmFolderOf(string study) => Path.Combine(study, "tabulations", "sdtm");

    private static string AdamFolderOf(string study) => Path.Combine(study, "analysis", "adam", "datasets");
}
