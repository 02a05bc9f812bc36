using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

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

/// <summary>A codelist: its values, or an external dictionary.</summary>
public sealed record DefineCodeList(string Oid, string Name, string DataType, IReadOnlyList<string> Values, bool External);

/// <summary>
/// The parts of a define.xml the rules need. A small interface so the ODM project's reader can replace
/// <see cref="XmlDefineDocument"/> later.
/// </summary>
public interface IDefineDocument
{
    /// <summary>Path of the file.</summary>
    string Path { get; }

    /// <summary>Datasets.</summary>
    IReadOnlyList<DefineItemGroup> ItemGroups { get; }

    /// <summary>Variables by OID (first of duplicate OIDs).</summary>
    IReadOnlyDictionary<string, DefineItemDef> ItemDefs { get; }

    /// <summary>Codelists by OID.</summary>
    IReadOnlyDictionary<string, DefineCodeList> CodeLists { get; }

    /// <summary>OIDs defined more than once.</summary>
    IReadOnlyList<string> DuplicateOids { get; }

    /// <summary>Number of def:Standard elements.</summary>
    int StandardCount { get; }

    /// <summary>def:StandardOID references that name no def:Standard.</summary>
    IReadOnlyList<string> DanglingStandardRefs { get; }

    /// <summary>ODM FileType and def:Context.</summary>
    (string? FileType, string? Context) OdmAttributes { get; }

    /// <summary>The href of the xml-stylesheet processing instruction, when present.</summary>
    string? Stylesheet { get; }

    /// <summary>def:leaf hrefs (datasets and documents) by leaf ID.</summary>
    IReadOnlyDictionary<string, string> Leaves { get; }
}

/// <summary>Minimal define.xml reader over System.Xml.Linq; DTDs prohibited, no external resolution.</summary>
public sealed class XmlDefineDocument : IDefineDocument
{
    private static readonly XNamespace Odm = "http://www.cdisc.org/ns/odm/v1.3";
    private static readonly XNamespace Def = "http://www.cdisc.org/ns/def/v2.1";
    private static readonly XNamespace Def20 = "http://www.cdisc.org/ns/def/v2.0";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private XmlDefineDocument(string path) => Path = path;

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public IReadOnlyList<DefineItemGroup> ItemGroups { get; private set; } = [];

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, DefineItemDef> ItemDefs { get; private set; } = new Dictionary<string, DefineItemDef>();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, DefineCodeList> CodeLists { get; private set; } = new Dictionary<string, DefineCodeList>();

    /// <inheritdoc/>
    public IReadOnlyList<string> DuplicateOids { get; private set; } = [];

    /// <inheritdoc/>
    public int StandardCount { get; private set; }

    /// <inheritdoc/>
    public IReadOnlyList<string> DanglingStandardRefs { get; private set; } = [];

    /// <inheritdoc/>
    public (string? FileType, string? Context) OdmAttributes { get; private set; }

    /// <inheritdoc/>
    public string? Stylesheet { get; private set; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Leaves { get; private set; } = new Dictionary<string, string>();

    /// <summary>Settings that refuse DTDs and external resources.</summary>
    public static XmlReaderSettings SafeSettings() => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>Reads a define.xml.</summary>
    /// <exception cref="XmlException">Not well-formed, or has a DTD.</exception>
    public static XmlDefineDocument Load(string path)
    {
        using var reader = XmlReader.Create(path, SafeSettings());
        var doc = XDocument.Load(reader);
        var d = new XmlDefineDocument(path);
        var root = doc.Root ?? throw new XmlException($"{path}: no root element");
        d.OdmAttributes = ((string?)root.Attribute("FileType"), (string?)root.Attribute(Def + "Context") ?? (string?)root.Attribute(Def20 + "Context"));
        var pi = doc.Nodes().OfType<XProcessingInstruction>().FirstOrDefault(p => p.Target == "xml-stylesheet");
        if (pi is not null)
        {
            var m = System.Text.RegularExpressions.Regex.Match(pi.Data, "href=\"([^\"]*)\"");
            d.Stylesheet = m.Success ? m.Groups[1].Value : null;
        }

        var mdv = root.Descendants(Odm + "MetaDataVersion").FirstOrDefault();
        if (mdv is null)
        {
            return d;
        }

        string? A(XElement e, XName n) => (string?)e.Attribute(n);
        string? DefA(XElement e, string n) => (string?)e.Attribute(Def + n) ?? (string?)e.Attribute(Def20 + n);
        string Desc(XElement e) => (string?)e.Element(Odm + "Description")?.Elements(Odm + "TranslatedText").FirstOrDefault() ?? "";
        int? I(string? s) => int.TryParse(s, out var i) ? i : null;

        var leaves = new Dictionary<string, string>();
        foreach (var leaf in mdv.Descendants().Where(e => e.Name.LocalName == "leaf"))
        {
            leaves.TryAdd(A(leaf, "ID") ?? "", A(leaf, XLink + "href") ?? "");
        }

        d.Leaves = leaves;
        d.ItemGroups = mdv.Elements(Odm + "ItemGroupDef").Select(g => new DefineItemGroup(
            A(g, "OID") ?? "", A(g, "Name") ?? "", Desc(g),
            (string?)g.Elements().FirstOrDefault(e => e.Name.LocalName == "leaf")?.Attribute(XLink + "href"),
            DefA(g, "Class") ?? (string?)g.Elements().FirstOrDefault(e => e.Name.LocalName == "Class")?.Attribute("Name"),
            DefA(g, "Structure"),
            g.Elements(Odm + "ItemRef").Select(r => new DefineItemRef(A(r, "ItemOID") ?? "", I(A(r, "OrderNumber")), I(A(r, "KeySequence")),
                A(r, "Mandatory") == "Yes", A(r, "MethodOID"))).ToList())).ToList();
        var items = new Dictionary<string, DefineItemDef>();
        foreach (var i in mdv.Elements(Odm + "ItemDef"))
        {
            items.TryAdd(A(i, "OID") ?? "", new DefineItemDef(A(i, "OID") ?? "", A(i, "Name") ?? "", A(i, "DataType") ?? "", I(A(i, "Length")), Desc(i),
                A(i.Element(Odm + "CodeListRef") ?? new XElement("x"), "CodeListOID"),
                (string?)i.Elements().FirstOrDefault(e => e.Name.LocalName == "Origin")?.Attribute("Type"))
            {
                HasValueList = i.Elements().Any(e => e.Name.LocalName == "ValueListRef"),
            });
        }

        d.ItemDefs = items;
        var lists = new Dictionary<string, DefineCodeList>();
        foreach (var c in mdv.Elements(Odm + "CodeList"))
        {
            var values = c.Elements(Odm + "CodeListItem").Select(x => A(x, "CodedValue") ?? "")
                .Concat(c.Elements(Odm + "EnumeratedItem").Select(x => A(x, "CodedValue") ?? "")).ToList();
            lists.TryAdd(A(c, "OID") ?? "", new DefineCodeList(A(c, "OID") ?? "", A(c, "Name") ?? "", A(c, "DataType") ?? "", values, c.Element(Odm + "ExternalCodeList") is not null));
        }

        d.CodeLists = lists;
        d.DuplicateOids = mdv.Descendants().Where(e => e.Attribute("OID") is not null)
            .GroupBy(e => e.Name.LocalName + ":" + (string)e.Attribute("OID")!).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var standards = mdv.Descendants().Where(e => e.Name.LocalName == "Standard").Select(e => A(e, "OID") ?? "").ToHashSet();
        d.StandardCount = standards.Count;
        d.DanglingStandardRefs = mdv.Descendants().Select(e => DefA(e, "StandardOID")).Where(s => s is not null && !standards.Contains(s)).Select(s => s!).Distinct().ToList();
        return d;
    }
}

/// <summary>Validates define.xml against the Define-XML 2.1 schema set (ARM 1.0 entry point, includes define 2.1 and ODM 1.3.2).</summary>
public static class DefineSchema
{
    /// <summary>Validates; returns (line, message) for each schema error.</summary>
    /// <param name="definePath">The define.xml.</param>
    /// <param name="schemaFolder">The <c>define-xml-2.1/schema</c> folder.</param>
    public static IReadOnlyList<(int Line, string Message)> Validate(string definePath, string schemaFolder)
    {
        var set = new XmlSchemaSet { XmlResolver = new LocalOnlyResolver(schemaFolder) };
        var entry = System.IO.Path.Combine(schemaFolder, "cdisc-arm-1.0", "arm1-0-0.xsd");
        using (var r = XmlReader.Create(entry, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new LocalOnlyResolver(schemaFolder) }))
        {
            set.Add(null, r);
        }

        set.Compile();
        var errors = new List<(int, string)>();
        var settings = XmlDefineDocument.SafeSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = set;
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                errors.Add((e.Exception?.LineNumber ?? 0, e.Message));
            }
        };
        using var reader = XmlReader.Create(definePath, settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>Resolves schema includes and imports only to files under the schema folder.</summary>
    private sealed class LocalOnlyResolver(string root) : XmlResolver
    {
        private readonly string root = System.IO.Path.GetFullPath(root);

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (!absoluteUri.IsFile)
            {
                throw new XmlException($"schema reference {absoluteUri} is not a local file; only files under {root} are resolved.");
            }

            var path = System.IO.Path.GetFullPath(absoluteUri.LocalPath);
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                throw new XmlException($"schema reference {path} lies outside {root}; only local schema files are resolved.");
            }

            // The Define-XML 2.1 set both imports the ODM foundation (define-ns.xsd, arm-ns.xsd, define-enumerations.xsd)
            // and xs:redefines it (define-extension.xsd, arm-extension.xsd). .NET's XmlSchemaSet then declares the ODM
            // groups twice, so the copies on disk stay unmodified and, in memory only, the foundation imports lose their
            // schemaLocation: the namespace's components then come once, through the redefine chain.
            var text = File.ReadAllText(path);
            text = Regex.Replace(text, "(<xs:import\\s+namespace\\s*=\\s*\"http://www.cdisc.org/ns/odm/v1.3\"\\s+)schemaLocation\\s*=\\s*\"[^\"]*\"", "$1");
            return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        }
    }
}
