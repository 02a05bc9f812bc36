using System.Xml.Linq;

namespace CdiscExport.Odm;

/// <summary>
/// Every namespace, element and attribute name <see cref="DefineWriter"/> writes and <see cref="DefineReader"/> reads,
/// so that no literal is known to only one side.
/// </summary>
/// <remarks>
/// The element and attribute names are Define-XML 2.1's. <see cref="DefineReader"/> reads Define-XML 2.0 and 1.0 by
/// moving their elements and attributes into these namespaces first (<see cref="Def20"/>, <see cref="Def10"/> and
/// <see cref="Odm12"/> to <see cref="Def"/> and <see cref="Odm"/>), so the names of what only those versions have
/// (def:StandardName, def:Label, def:ComputationMethod...) are spelled in <see cref="Def"/> too.
/// </remarks>
public static class OdmNames
{
    /// <summary>The ODM 1.3 namespace (default namespace of a define.xml).</summary>
    public static readonly XNamespace Odm = "http://www.cdisc.org/ns/odm/v1.3";

    /// <summary>The Define-XML 2.1 namespace, prefix <c>def</c>.</summary>
    public static readonly XNamespace Def = "http://www.cdisc.org/ns/def/v2.1";

    /// <summary>The Define-XML 2.0 namespace (read, never written).</summary>
    public static readonly XNamespace Def20 = "http://www.cdisc.org/ns/def/v2.0";

    /// <summary>The Define-XML 1.0 namespace (read, never written).</summary>
    public static readonly XNamespace Def10 = "http://www.cdisc.org/ns/def/v1.0";

    /// <summary>The ODM 1.2 namespace, the default namespace of many Define-XML 1.0 files (read, never written).</summary>
    public static readonly XNamespace Odm12 = "http://www.cdisc.org/ns/odm/v1.2";

    /// <summary>The start of every Define-XML namespace, to tell an unknown Define-XML version from a file that is no define.xml.</summary>
    public const string DefNamespacePrefix = "http://www.cdisc.org/ns/def/";

    /// <summary>The XLink namespace, prefix <c>xlink</c>.</summary>
    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>The Analysis Results Metadata 1.0 namespace, prefix <c>arm</c> (not modelled; recognised only).</summary>
    public static readonly XNamespace Arm = "http://www.cdisc.org/ns/arm/v1.0";

    /// <summary>The XML namespace (for <c>xml:lang</c>).</summary>
    public static readonly XNamespace Xml = XNamespace.Xml;

    /// <summary>The namespace prefix for <see cref="Def"/>.</summary>
    public const string DefPrefix = "def";

    /// <summary>The namespace prefix for <see cref="XLink"/>.</summary>
    public const string XLinkPrefix = "xlink";

#pragma warning disable CS1591 // Each name is the ODM or Define-XML element/attribute it spells; see the specification.
    // ODM elements
    public static readonly XName OdmRootElement = Odm + "ODM";
    public static readonly XName StudyElement = Odm + "Study";
    public static readonly XName GlobalVariablesElement = Odm + "GlobalVariables";
    public static readonly XName StudyNameElement = Odm + "StudyName";
    public static readonly XName StudyDescriptionElement = Odm + "StudyDescription";
    public static readonly XName ProtocolNameElement = Odm + "ProtocolName";
    public static readonly XName MetaDataVersionElement = Odm + "MetaDataVersion";
    public static readonly XName ItemGroupDefElement = Odm + "ItemGroupDef";
    public static readonly XName ItemRefElement = Odm + "ItemRef";
    public static readonly XName ItemDefElement = Odm + "ItemDef";
    public static readonly XName DescriptionElement = Odm + "Description";
    public static readonly XName TranslatedTextElement = Odm + "TranslatedText";
    public static readonly XName CodeListRefElement = Odm + "CodeListRef";
    public static readonly XName AliasElement = Odm + "Alias";
    public static readonly XName CodeListElement = Odm + "CodeList";
    public static readonly XName CodeListItemElement = Odm + "CodeListItem";
    public static readonly XName EnumeratedItemElement = Odm + "EnumeratedItem";
    public static readonly XName DecodeElement = Odm + "Decode";
    public static readonly XName ExternalCodeListElement = Odm + "ExternalCodeList";
    public static readonly XName RangeCheckElement = Odm + "RangeCheck";
    public static readonly XName CheckValueElement = Odm + "CheckValue";
    public static readonly XName MethodDefElement = Odm + "MethodDef";
    public static readonly XName FormalExpressionElement = Odm + "FormalExpression";

    // Define-XML elements
    public static readonly XName StandardsElement = Def + "Standards";
    public static readonly XName StandardElement = Def + "Standard";
    public static readonly XName AnnotatedCrfElement = Def + "AnnotatedCRF";
    public static readonly XName SupplementalDocElement = Def + "SupplementalDoc";
    public static readonly XName DocumentRefElement = Def + "DocumentRef";
    public static readonly XName PdfPageRefElement = Def + "PDFPageRef";
    public static readonly XName ValueListDefElement = Def + "ValueListDef";
    public static readonly XName ValueListRefElement = Def + "ValueListRef";
    public static readonly XName WhereClauseDefElement = Def + "WhereClauseDef";
    public static readonly XName WhereClauseRefElement = Def + "WhereClauseRef";
    public static readonly XName ClassElement = Def + "Class";
    public static readonly XName SubClassElement = Def + "SubClass";
    public static readonly XName LeafElement = Def + "leaf";
    public static readonly XName TitleElement = Def + "title";
    public static readonly XName OriginElement = Def + "Origin";
    public static readonly XName CommentDefElement = Def + "CommentDef";

    // ODM attributes (no namespace)
    public static readonly XName OdmVersionAttr = "ODMVersion";
    public static readonly XName FileOidAttr = "FileOID";
    public static readonly XName FileTypeAttr = "FileType";
    public static readonly XName CreationDateTimeAttr = "CreationDateTime";
    public static readonly XName OriginatorAttr = "Originator";
    public static readonly XName SourceSystemAttr = "SourceSystem";
    public static readonly XName SourceSystemVersionAttr = "SourceSystemVersion";
    public static readonly XName OidAttr = "OID";
    public static readonly XName NameAttr = "Name";
    public static readonly XName DescriptionAttr = "Description";
    public static readonly XName TypeAttr = "Type";
    public static readonly XName VersionAttr = "Version";
    public static readonly XName StatusAttr = "Status";
    public static readonly XName PublishingSetAttr = "PublishingSet";
    public static readonly XName ItemOidAttr = "ItemOID";
    public static readonly XName OrderNumberAttr = "OrderNumber";
    public static readonly XName MandatoryAttr = "Mandatory";
    public static readonly XName KeySequenceAttr = "KeySequence";
    public static readonly XName MethodOidAttr = "MethodOID";
    public static readonly XName RoleAttr = "Role";
    public static readonly XName RoleCodeListOidAttr = "RoleCodeListOID";
    public static readonly XName DomainAttr = "Domain";
    public static readonly XName RepeatingAttr = "Repeating";
    public static readonly XName IsReferenceDataAttr = "IsReferenceData";
    public static readonly XName SasDatasetNameAttr = "SASDatasetName";
    public static readonly XName PurposeAttr = "Purpose";
    public static readonly XName DataTypeAttr = "DataType";
    public static readonly XName LengthAttr = "Length";
    public static readonly XName SignificantDigitsAttr = "SignificantDigits";
    public static readonly XName SasFieldNameAttr = "SASFieldName";
    public static readonly XName CodeListOidAttr = "CodeListOID";
    public static readonly XName SasFormatNameAttr = "SASFormatName";
    public static readonly XName CodedValueAttr = "CodedValue";
    public static readonly XName RankAttr = "Rank";
    public static readonly XName ContextAttr = "Context";
    public static readonly XName DictionaryAttr = "Dictionary";
    public static readonly XName RefAttr = "ref";
    public static readonly XName HrefAttr = "href";
    public static readonly XName ComparatorAttr = "Comparator";
    public static readonly XName SoftHardAttr = "SoftHard";
    public static readonly XName SourceAttr = "Source";
    public static readonly XName IdAttr = "ID";
    public static readonly XName LeafIdAttr = "leafID";
    public static readonly XName PageRefsAttr = "PageRefs";
    public static readonly XName FirstPageAttr = "FirstPage";
    public static readonly XName LastPageAttr = "LastPage";
    public static readonly XName TitleAttr = "Title";
    public static readonly XName ValueListOidAttr = "ValueListOID";
    public static readonly XName WhereClauseOidAttr = "WhereClauseOID";
    public static readonly XName ParentClassAttr = "ParentClass";
    public static readonly XName Lang = Xml + "lang";

    // Define-XML attributes
    public static readonly XName DefContextAttrElement = Def + "Context";
    public static readonly XName DefineVersionAttrElement = Def + "DefineVersion";
    public static readonly XName CommentOidAttrElement = Def + "CommentOID";
    public static readonly XName StructureAttrElement = Def + "Structure";
    public static readonly XName ArchiveLocationIdAttrElement = Def + "ArchiveLocationID";
    public static readonly XName IsNonStandardAttrElement = Def + "IsNonStandard";
    public static readonly XName StandardOidAttrElement = Def + "StandardOID";
    public static readonly XName HasNoDataAttrElement = Def + "HasNoData";
    public static readonly XName DisplayFormatAttrElement = Def + "DisplayFormat";
    public static readonly XName ExtendedValueAttrElement = Def + "ExtendedValue";
    public static readonly XName DefItemOidAttrElement = Def + "ItemOID";
    public static readonly XName XLinkHref = XLink + "href";

    // Define-XML 2.0 and 1.0 only (read, never written; see the remarks on the class for why they are in Def)
    public static readonly XName StandardNameAttrElement = Def + "StandardName";
    public static readonly XName StandardVersionAttrElement = Def + "StandardVersion";
    public static readonly XName ClassAttrElement = Def + "Class";
    public static readonly XName LabelAttrElement = Def + "Label";
    public static readonly XName DomainKeysAttrElement = Def + "DomainKeys";
    public static readonly XName ComputationMethodElement = Def + "ComputationMethod";
    public static readonly XName ComputationMethodOidAttrElement = Def + "ComputationMethodOID";
    public static readonly XName OriginAttr = "Origin";
#pragma warning restore CS1591

    /// <summary>The target of the processing instruction that names the stylesheet (<c>&lt;?xml-stylesheet href="define2-1.xsl"?&gt;</c>).</summary>
    public const string StylesheetTarget = "xml-stylesheet";

    /// <summary>Alias/@Context of an NCI C-code (codelists and terms).</summary>
    public const string NciCodeContext = "nci:ExtCodeID";

    /// <summary>The text of a Yes/No attribute value.</summary>
    public const string Yes = "Yes";

    /// <summary>The text of a Yes/No attribute value.</summary>
    public const string No = "No";
}
