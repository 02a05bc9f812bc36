using CdiscExport.Conformance.Define;
using CdiscExport.Conformance.Engine;

namespace CdiscExport.Conformance.Operations;

/// <summary>
/// Which define.xml ItemGroupDef describes a dataset file: the one named as the XPT member, else the one whose
/// def:leaf is the file (<c>adcibc.xpt</c> holding member ADQSCIBC, described as ADCIBC), else the one named as the
/// file. A dataset found by its file rather than its member name is reported under both names.
/// </summary>
internal static class DatasetDefinitions
{
    /// <summary>The ItemGroupDef of <paramref name="ds"/> in <paramref name="define"/>, or null.</summary>
    public static DefineItemGroup? GroupOf(IDefineDocument define, DatasetData ds)
    {
        var stem = Path.GetFileNameWithoutExtension(ds.FileName);
        DefineItemGroup? byLeaf = null, byFile = null;
        foreach (var g in define.ItemGroups)
        {
            if (string.Equals(g.Name, ds.Name, StringComparison.OrdinalIgnoreCase))
            {
                return g;
            }

            if (byLeaf is null && g.Leaf is { } leaf && string.Equals(Path.GetFileName(leaf), ds.FileName, StringComparison.OrdinalIgnoreCase))
            {
                byLeaf = g;
            }

            if (byFile is null && string.Equals(g.Name, stem, StringComparison.OrdinalIgnoreCase))
            {
                byFile = g;
            }
        }

        return byLeaf ?? byFile;
    }

    /// <summary>The ItemGroupDef of <paramref name="ds"/> in its folder's define.xml, or null (no define, or none matches).</summary>
    public static DefineItemGroup? GroupOf(DatasetData ds) => ds.Folder.Define is { } define ? GroupOf(define, ds) : null;

    /// <summary>
    /// How messages name a dataset: its member name, followed by its file and define.xml names when they differ
    /// (<c>ADQSCIBC (file adcibc.xpt, define.xml ADCIBC)</c>).
    /// </summary>
    public static string NameOf(DatasetData ds, DefineItemGroup? group = null)
    {
        var parts = new List<string>();
        if (!string.Equals(Path.GetFileNameWithoutExtension(ds.FileName), ds.Name, StringComparison.OrdinalIgnoreCase))
        {
            parts.Add($"file {ds.FileName}");
        }

        if (group is not null && !string.Equals(group.Name, ds.Name, StringComparison.OrdinalIgnoreCase))
        {
            parts.Add($"define.xml {group.Name}");
        }

        return parts.Count == 0 ? ds.Name : $"{ds.Name} ({string.Join(", ", parts)})";
    }
}
