using CdiscExport.Odm;

namespace CdiscExport.Conformance.Define;

/// <summary>
/// The rules' view (<see cref="IDefineDocument"/>) of a define.xml read by <see cref="DefineReader"/>, the product's one
/// define.xml reader: Define-XML 2.1, 2.0 and 1.0, DTDs prohibited, nothing outside the file resolved.
/// </summary>
public sealed class OdmDefineDocument : IDefineDocument
{
    private OdmDefineDocument(string path, DefineDocument model)
    {
        Path = path;
        Model = model;
        var mdv = model.Study.MetaDataVersion;
        ItemGroups = mdv.ItemGroups.Select(g => new DefineItemGroup(g.Oid, g.Name, FirstText(g.Description), g.Leaf?.Href, g.Class?.Name, g.Structure,
            g.ItemRefs.Select(r => new DefineItemRef(r.ItemOid, r.OrderNumber, r.KeySequence, r.Mandatory, r.MethodOid)).ToList())).ToList();

        var items = new Dictionary<string, DefineItemDef>(StringComparer.Ordinal);
        foreach (var i in mdv.Items)
        {
            items.TryAdd(i.Oid, new DefineItemDef(i.Oid, i.Name, i.DataType, i.Length, FirstText(i.Description), i.CodeListOid, i.Origins.FirstOrDefault()?.Type)
            {
                HasValueList = i.ValueListOid is not null,
            });
        }

        ItemDefs = items;
        var lists = new Dictionary<string, DefineCodeList>(StringComparer.Ordinal);
        foreach (var c in mdv.CodeLists)
        {
            lists.TryAdd(c.Oid, new DefineCodeList(c.Oid, c.Name, c.DataType, c.Items.Select(x => x.CodedValue).ToList(), c.External is not null)
            {
                ExtendedValues = c.Items.Where(x => x.ExtendedValue).Select(x => x.CodedValue).ToList(),
            });
        }

        CodeLists = lists;
        ValueLists = model.DefineXmlVersion == DefineXmlVersion.Define10 ? new Dictionary<string, IReadOnlyList<DefineValueLevelItem>>() : ValueListsOf(mdv, items);
        DuplicateOids = DuplicatesOf(mdv);
        DeclaredStandards = model.DeclaredStandards;
        var standardOids = mdv.Standards.Select(s => s.Oid).ToHashSet(StringComparer.Ordinal);
        DanglingStandardRefs = mdv.ItemGroups.Select(g => g.StandardOid).Concat(mdv.CodeLists.Select(c => c.StandardOid))
            .OfType<string>().Where(s => !standardOids.Contains(s)).Distinct().ToList();

        // Dataset leaves sit in their ItemGroupDefs, documents at the end of MetaDataVersion; the first of an ID wins.
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var leaf in mdv.ItemGroups.Select(g => g.Leaf).OfType<Leaf>().Concat(mdv.Leaves))
        {
            leaves.TryAdd(leaf.Id, leaf.Href);
        }

        Leaves = leaves;
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public DefineDocument Model { get; }

    /// <inheritdoc/>
    public DefineXmlVersion Version => Model.DefineXmlVersion;

    /// <inheritdoc/>
    public IReadOnlyList<DeclaredStandard> DeclaredStandards { get; }

    /// <inheritdoc/>
    public IReadOnlyList<DefineItemGroup> ItemGroups { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, DefineItemDef> ItemDefs { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, DefineCodeList> CodeLists { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> DuplicateOids { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, IReadOnlyList<DefineValueLevelItem>> ValueLists { get; }

    /// <inheritdoc/>
    public int StandardCount => DeclaredStandards.Count;

    /// <inheritdoc/>
    public IReadOnlyList<string> DanglingStandardRefs { get; }

    /// <inheritdoc/>
    public (string? FileType, string? Context) OdmAttributes => (Model.FileType, Model.Context);

    /// <inheritdoc/>
    public string? Stylesheet => Model.Stylesheet;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Leaves { get; }

    /// <summary>Reads the define.xml at <paramref name="path"/>.</summary>
    /// <exception cref="DefineFormatException">Not a readable define.xml (not well-formed, a DTD, a required element or
    /// attribute missing, no known Define-XML version); the message names file and line.</exception>
    public static OdmDefineDocument Load(string path) => new(path, DefineReader.ReadFile(path));

    /// <summary>The rules' view of a define already read (or built) as <paramref name="model"/>.</summary>
    public static OdmDefineDocument From(DefineDocument model, string path) => new(path, model);

    private static string FirstText(OdmList<TranslatedText> texts) => texts.Count == 0 ? "" : texts[0].Text;

    /// <summary>
    /// Each ItemDef's value list with its where clauses resolved to variable names; the first ValueListDef and
    /// WhereClauseDef of an OID count, as the first ItemDef of an OID does.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<DefineValueLevelItem>> ValueListsOf(MetaDataVersion mdv, Dictionary<string, DefineItemDef> items)
    {
        var whereClauses = new Dictionary<string, IReadOnlyList<DefineCondition>>(StringComparer.Ordinal);
        foreach (var w in mdv.WhereClauses)
        {
            whereClauses.TryAdd(w.Oid, w.RangeChecks.Select(rc => new DefineCondition(items.GetValueOrDefault(rc.ItemOid)?.Name ?? "", rc.Comparator, rc.CheckValues)).ToList());
        }

        var valueListDefs = new Dictionary<string, IReadOnlyList<DefineValueLevelItem>>(StringComparer.Ordinal);
        foreach (var v in mdv.ValueLists)
        {
            valueListDefs.TryAdd(v.Oid, v.ItemRefs.Select(r => new DefineValueLevelItem(r.ItemOid, r.Mandatory,
                r.WhereClauseOids.Select(oid => whereClauses.GetValueOrDefault(oid) ?? []).ToList())).ToList());
        }

        var valueLists = new Dictionary<string, IReadOnlyList<DefineValueLevelItem>>(StringComparer.Ordinal);
        foreach (var i in mdv.Items)
        {
            if (i.ValueListOid is { } oid && valueListDefs.TryGetValue(oid, out var list))
            {
                valueLists.TryAdd(i.Oid, list);
            }
        }

        return valueLists;
    }

    /// <summary>"ItemDef:IT.X"-style keys of the definitions whose OID appears more than once for the same element kind.</summary>
    private static List<string> DuplicatesOf(MetaDataVersion mdv)
    {
        IEnumerable<string> Keys(string element, IEnumerable<string> oids) => oids.Select(oid => $"{element}:{oid}");
        return Keys("Standard", mdv.Standards.Select(s => s.Oid))
            .Concat(Keys("ValueListDef", mdv.ValueLists.Select(v => v.Oid)))
            .Concat(Keys("WhereClauseDef", mdv.WhereClauses.Select(w => w.Oid)))
            .Concat(Keys("ItemGroupDef", mdv.ItemGroups.Select(g => g.Oid)))
            .Concat(Keys("ItemDef", mdv.Items.Select(i => i.Oid)))
            .Concat(Keys("CodeList", mdv.CodeLists.Select(c => c.Oid)))
            .Concat(Keys("MethodDef", mdv.Methods.Select(m => m.Oid)))
            .Concat(Keys("CommentDef", mdv.Comments.Select(c => c.Oid)))
            .GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
    }
}
