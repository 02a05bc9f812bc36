using CdiscExport.Core.Datasets;
using CdiscExport.Core.Define;
using CdiscExport.Core.Standards;
using CdiscExport.Odm;
using NodaTime;

namespace CdiscExport.Cli.Export;

/// <summary>Writes define.xml and define.html beside the XPT files of one submission folder.</summary>
internal static class DefineFiles
{
    public const string DefineXml = "define.xml";

    public const string DefineHtml = "define.html";

    /// <summary>
    /// Builds the define from <paramref name="datasets"/> (the ones just written to <paramref name="folder"/>) and writes
    /// both files there.
    /// </summary>
    public static void WriteDefine(string folder, IReadOnlyList<Dataset> datasets, DefineKind kind, string studyId,
        IReadOnlyDictionary<string, string> studyAttributes, StandardsLibrary standards, Instant created)
    {
        var options = new DefineBuildOptions(kind, studyId, standards, created)
        {
            StudyDescription = studyAttributes.GetValueOrDefault("TITLE"),
            ProtocolName = studyId,
            Originator = studyAttributes.GetValueOrDefault("SPONSOR"),
        };
        var define = DefineBuilder.Build(datasets, options);
        DefineWriter.WriteFile(define, Path.Combine(folder, DefineXml));
        DefineHtmlWriter.WriteFile(define, Path.Combine(folder, DefineHtml));
    }
}
