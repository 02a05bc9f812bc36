using CdiscExport.Conformance.Engine;

namespace CdiscExport.Review.Page;

/// <summary>
/// A dataset's labels as the page shows them: from its folder's define.xml (ItemGroupDef description and class, each
/// ItemRef's ItemDef label), else from the XPT file's own labels.
/// </summary>
/// <param name="Label">The dataset's label.</param>
/// <param name="Class">The dataset's class in define.xml, or "".</param>
/// <param name="Variables">Variable labels by name.</param>
/// <param name="FromDefine">Whether define.xml describes the dataset.</param>
internal sealed record DatasetLabels(string Label, string Class, IReadOnlyDictionary<string, string> Variables, bool FromDefine)
{
    /// <summary>The labels of <paramref name="dataset"/>.</summary>
    public static DatasetLabels Of(DatasetData dataset)
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in dataset.Variables)
        {
            variables[v.Name] = v.Label;
        }

        var define = dataset.Folder.Define;
        var group = define?.ItemGroups.FirstOrDefault(g => string.Equals(g.Name, dataset.Name, StringComparison.OrdinalIgnoreCase));
        if (define is null || group is null)
        {
            return new DatasetLabels(dataset.Label, "", variables, false);
        }

        foreach (var itemRef in group.ItemRefs)
        {
            if (define.ItemDefs.TryGetValue(itemRef.ItemOid, out var item) && item.Label.Length > 0)
            {
                variables[item.Name] = item.Label;
            }
        }

        return new DatasetLabels(group.Label.Length > 0 ? group.Label : dataset.Label, group.Class ?? "", variables, true);
    }
}
