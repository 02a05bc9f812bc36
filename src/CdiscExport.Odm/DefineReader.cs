using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using static CdiscExport.Odm.OdmNames;

namespace CdiscExport.Odm;

/// <summary>
/// Reads a define.xml (ODM 1.3.2 / Define-XML 2.1) into a <see cref="DefineDocument"/>; undoes
/// <see cref="DefineWriter.Write"/>. DTDs and external entities are prohibited (no resolver), so hostile input
/// cannot reach the file system or the network. Analysis Results Metadata and comments are skipped.
/// </summary>
/// <remarks>The reader checks what it needs to build the model, not the schema: validate with the CDISC XSD for that.</remarks>
public static class DefineReader
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
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument xml;
        using var reader = XmlReader.Create(input, settings);
        try
        {
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // A prohibited DTD is reported without a position; the reader still knows where it stopped.
            var info = (IXmlLineInfo)reader;
            var line = e.LineNumber > 0 ? e.LineNumber : info.LineNumber;
            var column = e.LineNumber > 0 ? e.LinePosition : info.LinePosition;
            throw new DefineFormatException(filePath, line, column, null, DefineMessages.NotWellFormed(e.Message), e);
        }

        return new Context(filePath).Document(xml.Root!);
    }

    private sealed class Context(string? filePath)
    {
        public DefineDocument Document(XElement root)
        {
            if (root.Name != OdmRootElement)
            {
                throw Error(root, DefineMessages.WrongRoot(root.Name.ToString()));
            }

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
            };
        }

        private MetaDataVersion MetaData(XElement m) =>
            new(Req(m, OidAttr), Req(m, NameAttr))
            {
                Description = Opt(m, DescriptionAttr),
                DefineVersion = Req(m, DefineVersionAttrElement),
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
                ValueLists = List(m.Elements(ValueListDefElement), v => new ValueListDef(Req(v, OidAttr), List(v.Elements(ItemRefElement), ItemRefOf))),
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
                Methods = List(m.Elements(MethodDefElement), e =>
                    new MethodDef(Req(e, OidAttr), Req(e, NameAttr), Req(e, TypeAttr), Texts(Required(e, DescriptionElement)))
                    {
                        FormalExpressions = List(e.Elements(FormalExpressionElement), f => new FormalExpression(Req(f, ContextAttr), f.Value)),
                        DocumentRefs = List(e.Elements(DocumentRefElement), DocumentRefOf),
                    }),
                Comments = List(m.Elements(CommentDefElement), c =>
                    new CommentDef(Req(c, OidAttr), Texts(c.Element(DescriptionElement)))
                    {
                        DocumentRefs = List(c.Elements(DocumentRefElement), DocumentRefOf),
                    }),
                Leaves = List(m.Elements(LeafElement), LeafOf),
            };

        private ItemGroupDef ItemGroupOf(XElement g) =>
            new(Req(g, OidAttr), Req(g, NameAttr), YesNo(g, RepeatingAttr) ?? throw Error(g, DefineMessages.MissingAttribute("Repeating")),
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
                Description = Texts(g.Element(DescriptionElement)),
                ItemRefs = List(g.Elements(ItemRefElement), ItemRefOf),
                Aliases = List(g.Elements(AliasElement), AliasOf),
                Class = g.Element(ClassElement) is { } c
                    ? new ItemGroupClass(Req(c, NameAttr))
                    {
                        SubClasses = List(c.Elements(SubClassElement), s => new ItemGroupSubClass(Req(s, NameAttr), Opt(s, ParentClassAttr))),
                    }
                    : null,
                Leaf = g.Element(LeafElement) is { } leaf ? LeafOf(leaf) : null,
            };

        private ItemDef ItemOf(XElement i) =>
            new(Req(i, OidAttr), Req(i, NameAttr), Req(i, DataTypeAttr))
            {
                Length = Int(i, LengthAttr),
                SignificantDigits = Int(i, SignificantDigitsAttr),
                SasFieldName = Opt(i, SasFieldNameAttr),
                DisplayFormat = Opt(i, DisplayFormatAttrElement),
                CommentOid = Opt(i, CommentOidAttrElement),
                Description = Texts(i.Element(DescriptionElement)),
                CodeListOid = i.Element(CodeListRefElement) is { } r ? Req(r, CodeListOidAttr) : null,
                Aliases = List(i.Elements(AliasElement), AliasOf),
                Origins = List(i.Elements(OriginElement), o => new Origin(Req(o, TypeAttr))
                {
                    Source = Opt(o, SourceAttr),
                    Description = Texts(o.Element(DescriptionElement)),
                    DocumentRefs = List(o.Elements(DocumentRefElement), DocumentRefOf),
                }),
                ValueListOid = i.Element(ValueListRefElement) is { } v ? Req(v, ValueListOidAttr) : null,
            };

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
                    ? new ExternalCodeList(Req(x, DictionaryAttr), Req(x, VersionAttr)) { Ref = Opt(x, RefAttr), Href = Opt(x, HrefAttr) }
                    : null,
                Aliases = List(c.Elements(AliasElement), AliasOf),
            };

        private ItemRef ItemRefOf(XElement r) =>
            new(Req(r, ItemOidAttr), YesNo(r, MandatoryAttr) ?? throw Error(r, DefineMessages.MissingAttribute("Mandatory")))
            {
                OrderNumber = Int(r, OrderNumberAttr),
                KeySequence = Int(r, KeySequenceAttr),
                MethodOid = Opt(r, MethodOidAttr),
                Role = Opt(r, RoleAttr),
                RoleCodeListOid = Opt(r, RoleCodeListOidAttr),
                IsNonStandard = YesNo(r, IsNonStandardAttrElement),
                HasNoData = YesNo(r, HasNoDataAttrElement),
                WhereClauseOids = List(r.Elements(WhereClauseRefElement), w => Req(w, WhereClauseOidAttr)),
            };

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
            parent.Element(name) ?? throw Error(parent, DefineMessages.MissingElement(name.LocalName));

        private string Req(XElement e, XName name) =>
            (string?)e.Attribute(name) ?? throw Error(e, DefineMessages.MissingAttribute(Display(name)));

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
