using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using static CdiscExport.Odm.OdmNames;

namespace CdiscExport.Odm;

/// <summary>
/// Writes a <see cref="DefineDocument"/> as define.xml (ODM 1.3.2 / Define-XML 2.1) on System.Xml.Linq.
/// Deterministic: UTF-8 without BOM, LF line endings, two-space indentation, elements in schema order and in model
/// order, attributes in a fixed order; the creation time is whatever the document holds.
/// <see cref="DefineReader"/> reads what this writes.
/// </summary>
public static class DefineWriter
{
    /// <summary>The XML declaration, written as CDISC's examples spell it (upper-case encoding name).</summary>
    private static ReadOnlySpan<byte> XmlDeclaration => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8;

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>; the stream is left open.</summary>
    public static void Write(DefineDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CloseOutput = false,
            OmitXmlDeclaration = true,
        };
        output.Write(XmlDeclaration);
        using (var writer = XmlWriter.Create(output, settings))
        {
            ToXml(document).Save(writer);
        }

        output.Write("\n"u8);
    }

    /// <summary>Writes <paramref name="document"/> to the file <paramref name="path"/> (replaced if present).</summary>
    public static void WriteFile(DefineDocument document, string path)
    {
        using var stream = File.Create(path);
        Write(document, stream);
    }

    /// <summary>The define.xml text of <paramref name="document"/> (as <see cref="Write"/> writes it).</summary>
    public static string WriteToString(DefineDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The XML tree of <paramref name="document"/>.</summary>
    /// <exception cref="ArgumentException">The document was read from Define-XML 2.0 or 1.0; only 2.1 is written.</exception>
    public static XDocument ToXml(DefineDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.DefineXmlVersion != DefineXmlVersion.Define21)
        {
            // Writing a 2.0 model under the 2.1 namespace would give a file that claims 2.1 and is not.
            throw new ArgumentException(DefineMessages.WriterWritesDefine21Only(document.DefineXmlVersion), nameof(document));
        }

        var study = document.Study;
        var root = new XElement(OdmRootElement,
            new XAttribute(XNamespace.Xmlns + XLinkPrefix, XLink.NamespaceName),
            new XAttribute(XNamespace.Xmlns + DefPrefix, Def.NamespaceName),
            new XAttribute(OdmVersionAttr, document.OdmVersion),
            new XAttribute(FileOidAttr, document.FileOid),
            new XAttribute(FileTypeAttr, document.FileType),
            new XAttribute(CreationDateTimeAttr, document.CreationDateTime),
            Attr(OriginatorAttr, document.Originator),
            Attr(SourceSystemAttr, document.SourceSystem),
            Attr(SourceSystemVersionAttr, document.SourceSystemVersion),
            Attr(DefContextAttrElement, document.Context),
            new XElement(StudyElement,
                new XAttribute(OidAttr, study.Oid),
                new XElement(GlobalVariablesElement,
                    new XElement(StudyNameElement, study.StudyName),
                    new XElement(StudyDescriptionElement, study.StudyDescription),
                    new XElement(ProtocolNameElement, study.ProtocolName)),
                MetaData(study.MetaDataVersion)));
        var stylesheet = document.Stylesheet is null
            ? null
            : new XProcessingInstruction(StylesheetTarget, $"type=\"text/xsl\" href=\"{document.Stylesheet}\"");
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), stylesheet, root);
    }

    private static XElement MetaData(MetaDataVersion m) =>
        new(MetaDataVersionElement,
            new XAttribute(OidAttr, m.Oid),
            new XAttribute(NameAttr, m.Name),
            Attr(DescriptionAttr, m.Description),
            new XAttribute(DefineVersionAttrElement, m.DefineVersion),
            Attr(CommentOidAttrElement, m.CommentOid),
            m.Standards.Count == 0 ? null : new XElement(StandardsElement, m.Standards.Select(WriteStandard)),
            m.AnnotatedCrf.Count == 0 ? null : new XElement(AnnotatedCrfElement, m.AnnotatedCrf.Select(WriteDocumentRef)),
            m.SupplementalDocs.Count == 0 ? null : new XElement(SupplementalDocElement, m.SupplementalDocs.Select(WriteDocumentRef)),
            m.ValueLists.Select(v => new XElement(ValueListDefElement, new XAttribute(OidAttr, v.Oid), v.ItemRefs.Select(WriteItemRef))),
            m.WhereClauses.Select(WriteWhereClause),
            m.ItemGroups.Select(WriteItemGroup),
            m.Items.Select(WriteItem),
            m.CodeLists.Select(WriteCodeList),
            m.Methods.Select(WriteMethod),
            m.Comments.Select(c => new XElement(CommentDefElement, new XAttribute(OidAttr, c.Oid),
                WriteDescription(c.Description), c.DocumentRefs.Select(WriteDocumentRef))),
            m.Leaves.Select(WriteLeaf));

    private static XElement WriteStandard(Standard s) =>
        new(StandardElement,
            new XAttribute(OidAttr, s.Oid),
            new XAttribute(NameAttr, s.Name),
            new XAttribute(TypeAttr, s.Type),
            Attr(PublishingSetAttr, s.PublishingSet),
            new XAttribute(VersionAttr, s.Version),
            Attr(StatusAttr, s.Status),
            Attr(CommentOidAttrElement, s.CommentOid));

    private static XElement WriteDocumentRef(DocumentRef d) =>
        new(DocumentRefElement, new XAttribute(LeafIdAttr, d.LeafId),
            d.PageRefs.Select(p => new XElement(PdfPageRefElement,
                Attr(PageRefsAttr, p.PageRefs),
                Attr(FirstPageAttr, p.FirstPage),
                Attr(LastPageAttr, p.LastPage),
                new XAttribute(TypeAttr, p.Type),
                Attr(TitleAttr, p.Title))));

    private static XElement WriteItemRef(ItemRef r) =>
        new(ItemRefElement,
            new XAttribute(ItemOidAttr, r.ItemOid),
            Attr(OrderNumberAttr, r.OrderNumber),
            new XAttribute(MandatoryAttr, YesNo(r.Mandatory)),
            Attr(KeySequenceAttr, r.KeySequence),
            Attr(MethodOidAttr, r.MethodOid),
            Attr(RoleAttr, r.Role),
            Attr(RoleCodeListOidAttr, r.RoleCodeListOid),
            Attr(IsNonStandardAttrElement, r.IsNonStandard),
            Attr(HasNoDataAttrElement, r.HasNoData),
            r.WhereClauseOids.Select(w => new XElement(WhereClauseRefElement, new XAttribute(WhereClauseOidAttr, w))));

    private static XElement WriteWhereClause(WhereClauseDef w) =>
        new(WhereClauseDefElement,
            new XAttribute(OidAttr, w.Oid),
            Attr(CommentOidAttrElement, w.CommentOid),
            w.RangeChecks.Select(r => new XElement(RangeCheckElement,
                new XAttribute(ComparatorAttr, r.Comparator),
                new XAttribute(SoftHardAttr, r.SoftHard),
                new XAttribute(DefItemOidAttrElement, r.ItemOid),
                r.CheckValues.Select(v => new XElement(CheckValueElement, v)))));

    private static XElement WriteItemGroup(ItemGroupDef g) =>
        new(ItemGroupDefElement,
            new XAttribute(OidAttr, g.Oid),
            Attr(DomainAttr, g.Domain),
            new XAttribute(NameAttr, g.Name),
            new XAttribute(RepeatingAttr, YesNo(g.Repeating)),
            Attr(IsReferenceDataAttr, g.IsReferenceData),
            Attr(SasDatasetNameAttr, g.SasDatasetName),
            new XAttribute(PurposeAttr, g.Purpose),
            Attr(IsNonStandardAttrElement, g.IsNonStandard),
            Attr(StandardOidAttrElement, g.StandardOid),
            Attr(HasNoDataAttrElement, g.HasNoData),
            new XAttribute(StructureAttrElement, g.Structure),
            Attr(ArchiveLocationIdAttrElement, g.ArchiveLocationId),
            Attr(CommentOidAttrElement, g.CommentOid),
            WriteDescription(g.Description),
            g.ItemRefs.Select(WriteItemRef),
            g.Aliases.Select(WriteAlias),
            g.Class is { } c
                ? new XElement(ClassElement, new XAttribute(NameAttr, c.Name),
                    c.SubClasses.Select(s => new XElement(SubClassElement, new XAttribute(NameAttr, s.Name), Attr(ParentClassAttr, s.ParentClass))))
                : null,
            g.Leaf is { } leaf ? WriteLeaf(leaf) : null);

    private static XElement WriteItem(ItemDef i) =>
        new(ItemDefElement,
            new XAttribute(OidAttr, i.Oid),
            new XAttribute(NameAttr, i.Name),
            new XAttribute(DataTypeAttr, i.DataType),
            Attr(LengthAttr, i.Length),
            Attr(SignificantDigitsAttr, i.SignificantDigits),
            Attr(SasFieldNameAttr, i.SasFieldName),
            Attr(DisplayFormatAttrElement, i.DisplayFormat),
            Attr(CommentOidAttrElement, i.CommentOid),
            WriteDescription(i.Description),
            i.CodeListOid is { } cl ? new XElement(CodeListRefElement, new XAttribute(CodeListOidAttr, cl)) : null,
            i.Aliases.Select(WriteAlias),
            i.Origins.Select(o => new XElement(OriginElement,
                new XAttribute(TypeAttr, o.Type),
                Attr(SourceAttr, o.Source),
                WriteDescription(o.Description),
                o.DocumentRefs.Select(WriteDocumentRef))),
            i.ValueListOid is { } vl ? new XElement(ValueListRefElement, new XAttribute(ValueListOidAttr, vl)) : null);

    private static XElement WriteCodeList(CodeList c) =>
        new(CodeListElement,
            new XAttribute(OidAttr, c.Oid),
            new XAttribute(NameAttr, c.Name),
            new XAttribute(DataTypeAttr, c.DataType),
            Attr(IsNonStandardAttrElement, c.IsNonStandard),
            Attr(StandardOidAttrElement, c.StandardOid),
            Attr(SasFormatNameAttr, c.SasFormatName),
            Attr(CommentOidAttrElement, c.CommentOid),
            WriteDescription(c.Description),
            c.Items.Select(item => new XElement(item.Decode.Count > 0 ? CodeListItemElement : EnumeratedItemElement,
                new XAttribute(CodedValueAttr, item.CodedValue),
                Attr(RankAttr, item.Rank),
                Attr(OrderNumberAttr, item.OrderNumber),
                item.ExtendedValue ? new XAttribute(ExtendedValueAttrElement, Yes) : null,
                item.Decode.Count > 0 ? new XElement(DecodeElement, item.Decode.Select(WriteText)) : null,
                item.Aliases.Select(WriteAlias),
                WriteDescription(item.Description))),
            c.External is { } e
                ? new XElement(ExternalCodeListElement,
                    Attr(DictionaryAttr, e.Dictionary),
                    Attr(VersionAttr, e.Version),
                    Attr(RefAttr, e.Ref),
                    Attr(HrefAttr, e.Href))
                : null,
            c.Aliases.Select(WriteAlias));

    private static XElement WriteMethod(MethodDef m) =>
        new(MethodDefElement,
            new XAttribute(OidAttr, m.Oid),
            new XAttribute(NameAttr, m.Name),
            new XAttribute(TypeAttr, m.Type),
            WriteDescription(m.Description),
            m.FormalExpressions.Select(f => new XElement(FormalExpressionElement, new XAttribute(ContextAttr, f.Context), f.Text)),
            m.DocumentRefs.Select(WriteDocumentRef));

    private static XElement WriteLeaf(Leaf l) =>
        new(LeafElement, new XAttribute(IdAttr, l.Id), new XAttribute(XLinkHref, l.Href), new XElement(TitleElement, l.Title));

    private static XElement WriteAlias(Alias a) =>
        new(AliasElement, new XAttribute(ContextAttr, a.Context), new XAttribute(NameAttr, a.Name));

    private static XElement? WriteDescription(OdmList<TranslatedText> texts) =>
        texts.Count == 0 ? null : new XElement(DescriptionElement, texts.Select(WriteText));

    private static XElement WriteText(TranslatedText t) =>
        new(TranslatedTextElement, Attr(Lang, t.Lang), t.Text);

    private static XAttribute? Attr(XName name, string? value) => value is null ? null : new XAttribute(name, value);

    private static XAttribute? Attr(XName name, int? value) =>
        value is { } v ? new XAttribute(name, v.ToString(CultureInfo.InvariantCulture)) : null;

    private static XAttribute? Attr(XName name, bool? value) => value is { } v ? new XAttribute(name, YesNo(v)) : null;

    private static string YesNo(bool value) => value ? Yes : No;
}
