using CdiscExport.Odm;

namespace CdiscExport.Conformance.Define;

/// <summary>An ItemRef of an ItemGroupDef.</summary>
public sealed record DefineItemRef(string ItemOid, int? OrderNumber, int? KeySequence, bool Mandatory, string? MethodOid);

/// <summary>A dataset as define.xml describes it.</summary>
public sealed record DefineItemGroup(string Oid, string Name, string Label, string? Leaf, string? Class, string? Structure, IReadOnlyList<DefineItemRef> ItemRefs);

/// <summary>A variable as define.xml describes it.</summary>
public sealed record DefineItemDef(string Oid, string Name, string DataType, int? Length, string Label, string? CodeListOid, string? OriginType)
{
    /// <summary>Whether the item has value-level metadata (def:ValueListRef).</summary>
    public bool HasValueList { get; init; }
}

/// <summary>One range check of a where clause: the variable, EQ/NE/IN/NOTIN/LT/LE/GT/GE, and the values.</summary>
public sealed record DefineCondition(string Variable, string Comparator, IReadOnlyList<string> Values);

/// <summary>A value-level item: the ItemDef describing the value, whether it is mandatory, and when it applies
/// (any of the where clauses; every range check of a clause must hold).</summary>
public sealed record DefineValueLevelItem(string ItemOid, bool Mandatory, IReadOnlyList<IReadOnlyList<DefineCondition>> Where);

/// <summary>A codelist: its values, or an external dictionary.</summary>
public sealed record DefineCodeList(string Oid, string Name, string DataType, IReadOnlyList<string> Values, bool External)
{
    /// <summary>The values marked def:ExtendedValue="Yes": sponsor terms added to an extensible CDISC codelist.</summary>
    public IReadOnlyList<string> ExtendedValues { get; init; } = [];
}

/// <summary>
/// The parts of a define.xml the rules need, in the shapes they look things up by (datasets by name, variables and
/// codelists by OID, value-level conditions by variable name). <see cref="OdmDefineDocument"/> builds it from the one
/// define.xml reader, <see cref="DefineReader"/>, whose full model is <see cref="Model"/>.
/// </summary>
public interface IDefineDocument
{
    /// <summary>Path of the file.</summary>
    string Path { get; }

    /// <summary>The define as <see cref="DefineReader"/> read it.</summary>
    DefineDocument Model { get; }

    /// <summary>The file's Define-XML version (2.1, 2.0 or 1.0).</summary>
    DefineXmlVersion Version { get; }

    /// <summary>The standards the define declares (IG and CT, with versions), whatever its Define-XML version.</summary>
    IReadOnlyList<DeclaredStandard> DeclaredStandards { get; }

    /// <summary>Datasets.</summary>
    IReadOnlyList<DefineItemGroup> ItemGroups { get; }

    /// <summary>Variables by OID (first of duplicate OIDs).</summary>
    IReadOnlyDictionary<string, DefineItemDef> ItemDefs { get; }

    /// <summary>Codelists by OID.</summary>
    IReadOnlyDictionary<string, DefineCodeList> CodeLists { get; }

    /// <summary>OIDs defined more than once.</summary>
    IReadOnlyList<string> DuplicateOids { get; }

    /// <summary>
    /// Value-level metadata by the OID of the ItemDef that refers to it. Empty for Define-XML 1.0, whose value lists
    /// say when an item applies only by naming it (no where clauses), so no record could be matched to an item.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyList<DefineValueLevelItem>> ValueLists { get; }

    /// <summary>Number of standards declared: def:Standard elements (2.1), def:StandardName on MetaDataVersion (2.0, 1.0).</summary>
    int StandardCount { get; }

    /// <summary>def:StandardOID references that name no def:Standard (2.1 only; earlier versions have no def:StandardOID).</summary>
    IReadOnlyList<string> DanglingStandardRefs { get; }

    /// <summary>ODM FileType and def:Context.</summary>
    (string? FileType, string? Context) OdmAttributes { get; }

    /// <summary>The href of the xml-stylesheet processing instruction, when present.</summary>
    string? Stylesheet { get; }

    /// <summary>def:leaf hrefs (datasets and documents) by leaf ID.</summary>
    IReadOnlyDictionary<string, string> Leaves { get; }
}
