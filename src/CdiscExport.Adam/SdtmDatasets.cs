using CdiscExport.Core.Datasets;

namespace CdiscExport.Adam;

/// <summary>The SDTM datasets ADaM reads, by name.</summary>
public sealed class SdtmDatasets
{
    private readonly Dictionary<string, Dataset> _byName;

    /// <summary>Wraps datasets; names are matched case-insensitively.</summary>
    public SdtmDatasets(IEnumerable<Dataset> datasets) =>
        _byName = datasets.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The dataset, or null when the study has none.</summary>
    public Dataset? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The dataset.</summary>
    /// <exception cref="DatasetVariableException">The study has no such dataset.</exception>
    public Dataset Require(string name) =>
        Find(name) ?? throw new DatasetVariableException(name, null, $"ADaM needs SDTM {name}, which the study does not have.");
}
