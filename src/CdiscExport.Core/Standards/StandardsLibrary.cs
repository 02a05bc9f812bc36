using CdiscExport.Core.Terminology;

namespace CdiscExport.Core.Standards;

/// <summary>
/// The standards the product ships in <c>specs/standards</c>: SDTMIG 3.4, ADaMIG 1.3, the SDTM controlled
/// terminology subset the export uses, and the library of SDTM CT releases a validation picks from (see
/// <c>specs/standards/PROVENANCE.md</c>).
/// </summary>
/// <remarks>Immutable and safe to share between threads; load once and reuse.</remarks>
public sealed class StandardsLibrary
{
    /// <summary>Folder of SDTMIG metadata inside the standards folder.</summary>
    internal const string SdtmigFolder = "sdtmig-3.4";

    /// <summary>Folder of ADaMIG metadata inside the standards folder.</summary>
    internal const string AdamigFolder = "adamig-1.3";

    /// <summary>The SDTM CT file, relative to the standards folder.</summary>
    internal const string SdtmTerminologyFile = "ct/sdtm-ct-2025-03-28-subset.txt";

    /// <summary>The folder of shipped SDTM CT releases, relative to the standards folder.</summary>
    internal const string SdtmTerminologyLibraryFolder = "ct/sdtm";

    private StandardsLibrary(ImplementationGuide sdtmig, ImplementationGuide adamig, ControlledTerminology sdtmTerminology,
        TerminologyLibrary terminologyLibrary)
    {
        Sdtmig = sdtmig;
        Adamig = adamig;
        SdtmTerminology = sdtmTerminology;
        TerminologyLibrary = terminologyLibrary;
    }

    /// <summary>SDTMIG 3.4 metadata; codelist names filled from <see cref="SdtmTerminology"/>.</summary>
    public ImplementationGuide Sdtmig { get; }

    /// <summary>ADaMIG 1.3 metadata (ADSL and BDS).</summary>
    public ImplementationGuide Adamig { get; }

    /// <summary>
    /// SDTM controlled terminology 2025-03-28, the shipped subset of codelists the export uses (mapping, define.xml
    /// and the export's own conformance check).
    /// </summary>
    /// <remarks>
    /// A subset rather than the full release on purpose: the export's output is pinned to it (with the full release,
    /// codelists the subset leaves out, e.g. DSSCAT's C170443, would enter define.xml and its checks). To judge
    /// someone else's package by the CT version it declares, use <see cref="TerminologyLibrary"/>.
    /// </remarks>
    public ControlledTerminology SdtmTerminology { get; }

    /// <summary>
    /// The shipped SDTM CT releases (full 2023-12-15 and 2025-03-28; values-only 2016-06-24, 2019-12-20 and
    /// 2022-12-16), each read on first use.
    /// </summary>
    public TerminologyLibrary TerminologyLibrary { get; }

    /// <summary>
    /// Loads the standards from <paramref name="standardsFolder"/> (the <c>specs/standards</c> folder, e.g. from
    /// <see cref="FindDefaultFolder"/>).
    /// </summary>
    /// <exception cref="StandardsFormatException">A file is missing or malformed; the message names file and line.</exception>
    public static StandardsLibrary Load(string standardsFolder)
    {
        var terminology = ControlledTerminology.Load(Path.Combine(standardsFolder, SdtmTerminologyFile));
        var sdtmig = ImplementationGuide.LoadSdtmig(Path.Combine(standardsFolder, SdtmigFolder))
            .WithCodelistNames(code => terminology.FindByCode(code)?.SubmissionValue);
        var adamig = ImplementationGuide.LoadAdamig(Path.Combine(standardsFolder, AdamigFolder));
        var library = TerminologyLibrary.Load(Path.Combine(standardsFolder, SdtmTerminologyLibraryFolder));
        return new StandardsLibrary(sdtmig, adamig, terminology, library);
    }

    /// <summary>
    /// Finds the <c>specs/standards</c> folder by walking up from <see cref="AppContext.BaseDirectory"/> (where the
    /// build copies it beside the binaries) and then from the current directory (a source checkout).
    /// </summary>
    /// <returns>The full path of the folder.</returns>
    /// <exception cref="DirectoryNotFoundException">No ancestor of either start holds <c>specs/standards</c>;
    /// the message lists where it looked.</exception>
    public static string FindDefaultFolder()
    {
        var starts = new[] { AppContext.BaseDirectory, Environment.CurrentDirectory };
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "specs", "standards");
                if (Directory.Exists(Path.Combine(candidate, SdtmigFolder)))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(StandardsErrorMessages.StandardsFolderNotFound(starts, SdtmigFolder));
    }
}
