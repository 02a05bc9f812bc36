using CdiscExport.Conformance.Engine;

namespace CdiscExport.Conformance.Operations;

/// <summary>
/// Split datasets (SDTMIG 4.1.7): a domain split into datasets (LBCH, LBHE, LBUR are LB; QSCG, QSCS, QSMM are QS) is
/// judged as one domain, and so are the SUPP-- datasets of its splits (SUPPQSCG keeps RDOMAIN QS).
/// </summary>
/// <remarks>
/// A package may carry a domain both whole and split (the CDISC pilot ships <c>lb.xpt</c> and <c>split/lbch.xpt</c>,
/// <c>lbhe.xpt</c>, <c>lbur.xpt</c> holding the same records): the whole dataset and the splits are then two
/// representations of one domain, each judged on its own, never added together.
/// </remarks>
internal static class SplitDatasets
{
    /// <summary>
    /// The domain a dataset belongs to: DOMAIN for a domain dataset or one of its splits; for a SUPP-- dataset
    /// <c>SUPP</c> and the domain of its parent (<c>SUPPQSCG</c> with RDOMAIN QS gives <c>SUPPQS</c>).
    /// </summary>
    public static string DomainOf(DatasetData d)
    {
        if (!d.IsSupp)
        {
            return d.Domain;
        }

        var parent = d.Name[4..];
        var rdomain = d.RowCount > 0 ? d.Text(0, "RDOMAIN") : "";
        return rdomain.Length == 2 && parent.Length > 2 && parent.StartsWith(rdomain, StringComparison.Ordinal) ? "SUPP" + rdomain : d.Name;
    }

    /// <summary>Whether the dataset is one split of a domain (its name is longer than its domain's).</summary>
    public static bool IsSplit(DatasetData d) => !string.Equals(d.Name, DomainOf(d), StringComparison.Ordinal);

    /// <summary>
    /// The datasets grouped into the domains they form: the splits of a domain together, the whole dataset of a domain
    /// that is also present split on its own; SDTM and ADaM apart. Groups keep the order the datasets come in.
    /// </summary>
    public static IEnumerable<IReadOnlyList<DatasetData>> Domains(IEnumerable<DatasetData> datasets) =>
        datasets.GroupBy(d => (d.IsAdam, Domain: DomainOf(d), Split: IsSplit(d))).Select(g => (IReadOnlyList<DatasetData>)g.ToList());

    /// <summary>How a group is named in messages: <c>QS (QSCG, QSCS, QSMM)</c> for splits, the dataset's name otherwise.</summary>
    public static string NameOf(IReadOnlyList<DatasetData> group) =>
        group.Count == 1 && !IsSplit(group[0]) ? group[0].Name : $"{DomainOf(group[0])} ({string.Join(", ", group.Select(d => d.Name))})";
}
