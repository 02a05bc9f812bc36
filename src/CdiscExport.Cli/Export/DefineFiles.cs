using CdiscExport.Core.Datasets;
using CdiscExport.Core.Define;
using CdiscExport.Core.Packages;
using CdiscExport.Core.Standards;
using CdiscExport.Odm;
using NodaTime;

namespace CdiscExport.Cli.Export;

/// <summary>Writes define.xml and define.html beside the XPT files of one submission folder.</summary>
internal static class DefineFiles
{
    /// <summary>
    /// Builds the define from <paramref name="datasets"/> (the ones written to <paramref name="folder"/>, as files with
    /// <paramref name="extension"/>: <c>.xpt</c> or a Dataset-JSON form) and writes both files there.
    /// </summary>
    /// <returns>The define, for the Dataset-JSON files whose metadata it fixes (itemOIDs, key sequence, data types).</returns>
    public static DefineDocument WriteDefine(string folder, IReadOnlyList<Dataset> datasets, DefineKind kind, string studyId,
        IReadOnlyDictionary<string, string> studyAttributes, StandardsLibrary standards, Instant created, string extension)
    {
        var options = new DefineBuildOptions(kind, studyId, standards, created)
        {
            DatasetFileExtension = extension,
            StudyDescription = studyAttributes.GetValueOrDefault("TITLE"),
            ProtocolName = studyId,
            Originator = studyAttributes.GetValueOrDefault("SPONSOR"),
        };
        var define = DefineBuilder.Build(datasets, options);
        DefineWriter.WriteFile(define, Path.Combine(folder, PackageLayout.DefineXml));
        DefineHtmlWriter.WriteFile(define, Path.Combine(folder, PackageLayout.DefineHtml));
        return define;
    }
}
