using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using static CdiscExport.Odm.OdmNames;

namespace CdiscExport.Odm;

/// <summary>
/// Reads a define.xml into a <see cref="DefineDocument"/>: Define-XML 2.1 (ODM 1.3.2), which
/// <see cref="DefineWriter.Write"/> writes and this undoes, and the Define-XML 2.0 and 1.0 that other tools write
/// (<see cref="DefineXmlVersion"/> says what differs). DTDs and external entities are prohibited (no resolver), so
/// hostile input cannot reach the file system or the network. Analysis Results Metadata and comments are skipped.
/// </summary>
/// <remarks>
/// <para>The reader checks what it needs to build the model, not the schema: validate with <see cref="DefineSchemas"/> for that.</para>
/// <para>
/// The version comes from the <c>def</c> namespace (<see cref="ReadVersion(Stream, string?)"/>). A 2.0 or 1.0 file is
/// read by first moving its <c>def</c> (and, for 1.0 on ODM 1.2, its ODM) elements and attributes into the 2.1
/// namespaces, since most elements kept their names and meaning, and then reading what changed explicitly:
/// def:StandardName/def:StandardVersion (2.0, 1.0), def:Class as an attribute (2.0, 1.0), and for 1.0 def:Label for
/// Description, ItemDef/@Origin, def:ComputationMethod and def:ComputationMethodOID, def:DomainKeys for KeySequence.
/// A file in no Define-XML namespace, or in one of a version not listed, is refused with a message, never read as empty.
/// </para>
/// </remarks>
public static partial class DefineReader
{
    /// <summary>Reads the define.xml at <paramref name="path"/>.</summary>
    /// <exception cref="DefineFormatException">The file is not a readable define.xml; the message names file and line.</exception>
    public static DefineDocument ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a define.xml from <paramref name="input"/>; <paramref name="filePath"/> only names it in errors.</summary>
    /// <exception cref="DefineFormatException">The input is not a readable define.xml; the message names file and line.</exception>
    public static DefineDocument Read(Stream input, string? filePath = null)
    {
        var xml = Load(input, filePath);
        var version = Sniff(xml.CreateReader(), filePath);
        MoveIntoDefine21Namespaces(xml.Root!, version);
        return new Context(filePath, version).Document(xml);
    }

    /// <summary>
    /// The Define-XML version of the define.xml at <paramref name="path"/>, reading only as far as its MetaDataVersion.
    /// </summary>
    /// <exception cref="DefineFormatException">The file is not well-formed, not an ODM document, or in no Define-XML version this reader knows.</exception>
    public static DefineXmlVersion ReadVersion(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadVersion(stream, path);
    }

    /// <summary>
    /// The Define-XML version of the define.xml in <paramref name="input"/>, reading only as far as its MetaDataVersion;
    /// <paramref name="filePath"/> only names it in errors.
    /// </summary>
    /// <exception cref="DefineFormatException">The input is not well-formed, not an ODM document, or in no Define-XML version this reader knows.</exception>
    public static DefineXmlVersion ReadVersion(Stream input, string? filePath = null)
    {
        using var reader = XmlReader.Create(input, SafeSettings());
        try
        {
            return Sniff(reader, filePath);
        }
        catch (XmlException e)
        {
            throw NotWellFormed(e, reader, filePath);
        }
    }

    /// <summary>Settings that refuse DTDs and resolve nothing, for every define.xml this project reads (to model, to sniff, to validate).</summary>
    internal static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    private static XDocument Load(Stream input, string? filePath)
    {
        using var reader = XmlReader.Create(input, SafeSettings());
        try
        {
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw NotWellFormed(e, reader, filePath);
        }
    }

    private static DefineFormatException NotWellFormed(XmlException e, XmlReader reader, string? filePath)
    {
        // A prohibited DTD is reported without a position; the reader still knows where it stopped.
        var info = (IXmlLineInfo)reader;
        var line = e.LineNumber > 0 ? e.LineNumber : info.LineNumber;
        var column = e.LineNumber > 0 ? e.LinePosition : info.LinePosition;
        return new DefineFormatException(filePath, line, column, null, DefineMessages.NotWellFormed(e.Message), e);
    }

    /// <summary>def:DefineVersion of a Define-XML 1.0 file that omits it (2.0 and 2.1 require the attribute).</summary>
    private const string Define10Version = "1.0.0";

    private sealed class Context(string? filePath, DefineXmlVersion version)
    {
        /// <summary>Define-XML 1.0 ItemDefs by OID: its ItemRefs take their keys and methods from them.</summary>
        private Dictionary<string, XElement> itemDefs10 = [];

        public DefineDocument Document(XDocument xml)
        {
            var root = xml.Root!;
            var study = Required(root, StudyElement);
            var globals = Required(study, GlobalVariablesElement);
            return new DefineDocument(Req(root, FileOidAttr), Req(root, CreationDateTimeAttr),
                new Study(Req(study, OidAttr),
                    Required(globals, StudyNameElement).Value,
                    Required(globals, StudyDescriptionElement).Value,
                    Required(globals, ProtocolNameElement).Value,
                    MetaData(Required(study, MetaDataVersionElement))))
            {
                OdmVersion = Opt(root, OdmVersionAttr) ?? "1.3.2",
                FileType = Req(root, FileTypeAttr),
                Context = Opt(root, DefContextAttrElement),
                Originator = Opt(root, OriginatorAttr),
                SourceSystem = Opt(root, SourceSystemAttr),
                SourceSystemVersion = Opt(root, SourceSystemVersionAttr),
                DefineXmlVersion = version,
                Stylesheet = StylesheetOf(xml),
            };
        }

        private MetaDataVersion MetaData(XElement m)
        {
            if (version == DefineXmlVersion.Define10)
            {
                itemDefs10 = m.Elements(ItemDefElement).GroupBy(i => Opt(i, OidAttr) ?? "").ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            }

            return new(Req(m, OidAttr), Req(m, NameAttr))
            {
                Description = Opt(m, DescriptionAttr),
                DefineVersion = version == DefineXmlVersion.Define10
                    ? Opt(m, DefineVersionAttrElement) ?? Define10Version
                    : Req(m, DefineVersionAttrElement),
                StandardName = Opt(m, StandardNameAttrElement),
                StandardVersion = Opt(m, StandardVersionAttrElement),
                CommentOid = Opt(m, CommentOidAttrElement),
                Standards = List(m.Element(StandardsElement)?.Elements(StandardElement), s =>
                    new Standard(Req(s, OidAttr), Req(s, NameAttr), Req(s, TypeAttr), Req(s, VersionAttr))
                    {
                        PublishingSet = Opt(s, PublishingSetAttr),
                        Status = Opt(s, StatusAttr),
                        CommentOid = Opt(s, CommentOidAttrElement),
                    }),
                AnnotatedCrf = List(m.Element(AnnotatedCrfElement)?.Elements(DocumentRefElement), DocumentRefOf),
                SupplementalDocs = List(m.Element(SupplementalDocElement)?.Elements(DocumentRefElement), DocumentRefOf),
                ValueLists = List(m.Elements(ValueListDefElement), v => new ValueListDef(Req(v, OidAttr), List(v.Elements(ItemRefElement), r => ItemRefOf(r, null)))),
                WhereClauses = List(m.Elements(WhereClauseDefElement), w =>
                    new WhereClauseDef(Req(w, OidAttr), List(w.Elements(RangeCheckElement), r =>
                        new RangeCheck(Req(r, ComparatorAttr), Req(r, SoftHardAttr), Req(r, DefItemOidAttrElement),
                            List(r.Elements(CheckValueElement), c => c.Value))))
                    {
                        CommentOid = Opt(w, CommentOidAttrElement),
                    }),
                ItemGroups = List(m.Elements(ItemGroupDefElement), ItemGroupOf),
                Items = List(m.Elements(ItemDefElement), ItemOf),
                CodeLists = List(m.Elements(CodeListElement), CodeListOf),
                Methods = new(m.Elements(MethodDefElement).Select(e =>
                    new MethodDef(Req(e, OidAttr), Req(e, NameAttr), Req(e, TypeAttr), Texts(Required(e, DescriptionElement)))
                    {
                        FormalExpressions = List(e.Elements(FormalExpressionElement), f => new FormalExpression(Req(f, ContextAttr), f.Value)),
                        DocumentRefs = List(e.Elements(DocumentRefElement), DocumentRefOf),
                    }).Concat(m.Elements(ComputationMethodElement).Select(e =>
                        new MethodDef(Req(e, OidAttr), Req(e, OidAttr), "Computation", [new TranslatedText(e.Value.Trim(), null)])))),
                Comments = List(m.Elements(CommentDefElement), c =>
                    new CommentDef(Req(c, OidAttr), Texts(c.Element(DescriptionElement)))
                    {
                        DocumentRefs = List(c.Elements(DocumentRefElement), DocumentRefOf),
                    }),
                Leaves = List(m.Elements(LeafElement), LeafOf),
            };
        }

        private ItemGroupDef ItemGroupOf(XElement g)
        {
            // Define-XML 1.0 names the keys in one attribute; 2.0 replaced it by ItemRef/@KeySequence.
            var domainKeys = (Opt(g, DomainKeysAttrElement) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new(Req(g, OidAttr), Req(g, NameAttr), YesNo(g, RepeatingAttr) ?? throw Error(g, DefineMessages.MissingAttribute("Repeating", version)),
                Req(g, PurposeAttr), Req(g, StructureAttrElement))
            {
                Domain = Opt(g, DomainAttr),
                IsReferenceData = YesNo(g, IsReferenceDataAttr),
                SasDatasetName = Opt(g, SasDatasetNameAttr),
                ArchiveLocationId = Opt(g, ArchiveLocationIdAttrElement),
                CommentOid = Opt(g, CommentOidAttrElement),
                IsNonStandard = YesNo(g, IsNonStandardAttrElement),
                StandardOid = Opt(g, StandardOidAttrElement),
                HasNoData = YesNo(g, HasNoDataAttrElement),
                Description = DescriptionOrLabel(g),
                ItemRefs = List(g.Elements(ItemRefElement), r => ItemRefOf(r, domainKeys)),
                Aliases = List(g.Elements(AliasElement), AliasOf),
                Class = g.Element(ClassElement) is { } c
                    ? new ItemGroupClass(Req(c, NameAttr))
                    {
                        SubClasses = List(c.Elements(SubClassElement), s => new ItemGroupSubClass(Req(s, NameAttr), Opt(s, ParentClassAttr))),
                    }
                    : Opt(g, ClassAttrElement) is { } name ? new ItemGroupClass(name) : null,
                Leaf = g.Element(LeafElement) is { } leaf ? LeafOf(leaf) : null,
            };
        }

        private ItemDef ItemOf(XElement i) =>
            new(Req(i, OidAttr), Req(i, NameAttr), Req(i, DataTypeAttr))
            {
                Length = Int(i, LengthAttr),
                SignificantDigits = Int(i, SignificantDigitsAttr),
                SasFieldName = Opt(i, SasFieldNameAttr),
                DisplayFormat = Opt(i, DisplayFormatAttrElement),
                CommentOid = Opt(i, CommentOidAttrElement),
                Description = DescriptionOrLabel(i),
                CodeListOid = i.Element(CodeListRefElement) is { } r ? Req(r, CodeListOidAttr) : null,
                Aliases = List(i.Elements(AliasElement), AliasOf),
                Origins = i.Elements(OriginElement).Any() || version != DefineXmlVersion.Define10
                    ? List(i.Elements(OriginElement), o => new Origin(Req(o, TypeAttr))
                    {
                        Source = Opt(o, SourceAttr),
                        Description = Texts(o.Element(DescriptionElement)),
                        DocumentRefs = List(o.Elements(DocumentRefElement), DocumentRefOf),
                    })
                    : Opt(i, OriginAttr) is { Length: > 0 } origin ? [new Origin(origin)] : OdmList<Origin>.Empty,
                ValueListOid = i.Element(ValueListRefElement) is { } v ? Req(v, ValueListOidAttr) : null,
            };

        /// <summary>Description/TranslatedText, or in Define-XML 1.0 (which has no Description there) the def:Label attribute.</summary>
        private static OdmList<TranslatedText> DescriptionOrLabel(XElement e) =>
            e.Element(DescriptionElement) is { } description ? Texts(description)
            : Opt(e, LabelAttrElement) is { } label ? [new TranslatedText(label, null)]
            : OdmList<TranslatedText>.Empty;

        private CodeList CodeListOf(XElement c) =>
            new(Req(c, OidAttr), Req(c, NameAttr), Req(c, DataTypeAttr))
            {
                SasFormatName = Opt(c, SasFormatNameAttr),
                CommentOid = Opt(c, CommentOidAttrElement),
                IsNonStandard = YesNo(c, IsNonStandardAttrElement),
                StandardOid = Opt(c, StandardOidAttrElement),
                Description = Texts(c.Element(DescriptionElement)),
                Items = List(c.Elements().Where(e => e.Name == CodeListItemElement || e.Name == EnumeratedItemElement), e =>
                    new CodeListItem(Req(e, CodedValueAttr))
                    {
                        Rank = Opt(e, RankAttr),
                        OrderNumber = Int(e, OrderNumberAttr),
                        ExtendedValue = YesNo(e, ExtendedValueAttrElement) ?? false,
                        Decode = e.Name == CodeListItemElement ? Texts(Required(e, DecodeElement)) : OdmList<TranslatedText>.Empty,
                        Aliases = List(e.Elements(AliasElement), AliasOf),
                        Description = Texts(e.Element(DescriptionElement)),
                    }),
                External = c.Element(ExternalCodeListElement) is { } x
                    ? new ExternalCodeList(Opt(x, DictionaryAttr), Opt(x, VersionAttr)) { Ref = Opt(x, RefAttr), Href = Opt(x, HrefAttr) }
                    : null,
                Aliases = List(c.Elements(AliasElement), AliasOf),
            };

        /// <summary>An ItemRef; <paramref name="domainKeys"/> are its ItemGroupDef's Define-XML 1.0 def:DomainKeys (null in a value list).</summary>
        private ItemRef ItemRefOf(XElement r, string[]? domainKeys)
        {
            var itemOid = Req(r, ItemOidAttr);
            var itemDef10 = itemDefs10.GetValueOrDefault(itemOid);
            var key = itemDef10 is null || domainKeys is null ? -1 : Array.IndexOf(domainKeys, Opt(itemDef10, NameAttr));
            return new(itemOid, YesNo(r, MandatoryAttr) ?? throw Error(r, DefineMessages.MissingAttribute("Mandatory", version)))
            {
                OrderNumber = Int(r, OrderNumberAttr),
                KeySequence = Int(r, KeySequenceAttr) ?? (key >= 0 ? key + 1 : null),
                MethodOid = Opt(r, MethodOidAttr) ?? (itemDef10 is null ? null : Opt(itemDef10, ComputationMethodOidAttrElement)),
                Role = Opt(r, RoleAttr),
                RoleCodeListOid = Opt(r, RoleCodeListOidAttr),
                IsNonStandard = YesNo(r, IsNonStandardAttrElement),
                HasNoData = YesNo(r, HasNoDataAttrElement),
                WhereClauseOids = List(r.Elements(WhereClauseRefElement), w => Req(w, WhereClauseOidAttr)),
            };
        }

        private DocumentRef DocumentRefOf(XElement d) =>
            new(Req(d, LeafIdAttr))
            {
                PageRefs = List(d.Elements(PdfPageRefElement), p => new PdfPageRef(Req(p, TypeAttr))
                {
                    PageRefs = Opt(p, PageRefsAttr),
                    FirstPage = Opt(p, FirstPageAttr),
                    LastPage = Opt(p, LastPageAttr),
                    Title = Opt(p, TitleAttr),
                }),
            };

        private Leaf LeafOf(XElement l) => new(Req(l, IdAttr), Req(l, XLinkHref), Required(l, TitleElement).Value);

        private Alias AliasOf(XElement a) => new(Req(a, ContextAttr), Req(a, NameAttr));

        private static OdmList<TranslatedText> Texts(XElement? parent) =>
            parent is null
                ? OdmList<TranslatedText>.Empty
                : new(parent.Elements(TranslatedTextElement).Select(t => new TranslatedText(t.Value, (string?)t.Attribute(Lang))));

        private static OdmList<T> List<T>(IEnumerable<XElement>? elements, Func<XElement, T> read) =>
            elements is null ? OdmList<T>.Empty : new(elements.Select(read));

        private XElement Required(XElement parent, XName name) =>
            parent.Element(name) ?? throw Error(parent, DefineMessages.MissingElement(name.LocalName, version));

        private string Req(XElement e, XName name) =>
            (string?)e.Attribute(name) ?? throw Error(e, DefineMessages.MissingAttribute(Display(name), version));

        private static string? Opt(XElement e, XName name) => (string?)e.Attribute(name);

        private int? Int(XElement e, XName name)
        {
            var text = Opt(e, name);
            if (text is null)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error(e, DefineMessages.NotAnInteger(Display(name), text));
        }

        private bool? YesNo(XElement e, XName name) =>
            Opt(e, name) switch
            {
                null => null,
                OdmNames.Yes => true,
                OdmNames.No => false,
                var other => throw Error(e, DefineMessages.NotYesNo(Display(name), other)),
            };

        private static string Display(XName name) =>
            name.Namespace == Def ? $"{DefPrefix}:{name.LocalName}"
            : name.Namespace == XLink ? $"{XLinkPrefix}:{name.LocalName}"
            : name.LocalName;

        private DefineFormatException Error(XElement at, string problem)
        {
            var info = (IXmlLineInfo)at;
            return new DefineFormatException(filePath, info.LineNumber, info.LinePosition, at.Name.LocalName, problem);
        }
    }
}
