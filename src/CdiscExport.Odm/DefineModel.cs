namespace CdiscExport.Odm;

// The Define-XML 2.1 model: one immutable record per ODM 1.3.2 / Define-XML element the submission needs. Element
// and attribute names follow the specification; optional attributes are null when absent. Analysis Results
// Metadata (arm:) is not modelled. Define-XML 2.0 and 1.0 files are read into the same records (DefineReader says
// how); what those versions lack stays null or empty, and what only they have is marked "2.0 and 1.0" or "1.0".

/// <summary>The <c>ODM</c> root of a define.xml.</summary>
/// <param name="FileOid">ODM/@FileOID, unique for the file.</param>
/// <param name="CreationDateTime">ODM/@CreationDateTime as written (ISO 8601); the caller supplies it, never a clock.</param>
/// <param name="Study">The single Study the define describes.</param>
public sealed record DefineDocument(string FileOid, string CreationDateTime, Study Study)
{
    /// <summary>ODM/@ODMVersion; "1.3.2" for Define-XML 2.1.</summary>
    public string OdmVersion { get; init; } = "1.3.2";

    /// <summary>ODM/@FileType; "Snapshot" for Define-XML.</summary>
    public string FileType { get; init; } = "Snapshot";

    /// <summary>ODM/@def:Context: "Submission" (default) or "Other".</summary>
    public string? Context { get; init; } = "Submission";

    /// <summary>ODM/@Originator.</summary>
    public string? Originator { get; init; }

    /// <summary>ODM/@SourceSystem.</summary>
    public string? SourceSystem { get; init; }

    /// <summary>ODM/@SourceSystemVersion.</summary>
    public string? SourceSystemVersion { get; init; }

    /// <summary>
    /// The Define-XML version, from the file's <c>def</c> namespace; <see cref="DefineWriter"/> writes only
    /// <see cref="DefineXmlVersion.Define21"/>, the default.
    /// </summary>
    public DefineXmlVersion DefineXmlVersion { get; init; } = DefineXmlVersion.Define21;

    /// <summary>
    /// The href of the <c>&lt;?xml-stylesheet?&gt;</c> processing instruction before the root (e.g. "define2-1.xsl"), or null
    /// when there is none.
    /// </summary>
    public string? Stylesheet { get; init; }

    /// <summary>
    /// The standards the define declares, in Define-XML 2.1's spelling whatever the version: from def:Standards (2.1),
    /// or from MetaDataVersion's def:StandardName/def:StandardVersion and CDISC/NCI ExternalCodeLists (2.0 and 1.0).
    /// Computed from the model, so it never disagrees with it.
    /// </summary>
    public OdmList<DeclaredStandard> DeclaredStandards => DeclaredStandard.Of(this);
}

/// <summary>The <c>Study</c> element with its GlobalVariables and one MetaDataVersion.</summary>
public sealed record Study(string Oid, string StudyName, string StudyDescription, string ProtocolName, MetaDataVersion MetaDataVersion);

/// <summary>The <c>MetaDataVersion</c>: everything the define describes, in schema order.</summary>
/// <param name="Oid">MetaDataVersion/@OID.</param>
/// <param name="Name">MetaDataVersion/@Name.</param>
public sealed record MetaDataVersion(string Oid, string Name)
{
    /// <summary>MetaDataVersion/@Description.</summary>
    public string? Description { get; init; }

    /// <summary>MetaDataVersion/@def:DefineVersion: "2.1.0" (default), "2.0.0"; "1.0.0" for a 1.0 file that omits it.</summary>
    public string DefineVersion { get; init; } = "2.1.0";

    /// <summary>MetaDataVersion/@def:StandardName (2.0 and 1.0), as written: "SDTM-IG", "ADaM-IG", "CDISC SDTM"; null in 2.1.</summary>
    public string? StandardName { get; init; }

    /// <summary>MetaDataVersion/@def:StandardVersion (2.0 and 1.0), e.g. "3.1.2"; null in 2.1.</summary>
    public string? StandardVersion { get; init; }

    /// <summary>MetaDataVersion/@def:CommentOID.</summary>
    public string? CommentOid { get; init; }

    /// <summary>def:Standards/def:Standard: the implementation guides and terminologies used.</summary>
    public OdmList<Standard> Standards { get; init; } = OdmList<Standard>.Empty;

    /// <summary>def:AnnotatedCRF/def:DocumentRef; empty when absent.</summary>
    public OdmList<DocumentRef> AnnotatedCrf { get; init; } = OdmList<DocumentRef>.Empty;

    /// <summary>def:SupplementalDoc/def:DocumentRef; empty when absent.</summary>
    public OdmList<DocumentRef> SupplementalDocs { get; init; } = OdmList<DocumentRef>.Empty;

    /// <summary>def:ValueListDef elements (value-level metadata).</summary>
    public OdmList<ValueListDef> ValueLists { get; init; } = OdmList<ValueListDef>.Empty;

    /// <summary>def:WhereClauseDef elements.</summary>
    public OdmList<WhereClauseDef> WhereClauses { get; init; } = OdmList<WhereClauseDef>.Empty;

    /// <summary>ItemGroupDef elements, one per dataset.</summary>
    public OdmList<ItemGroupDef> ItemGroups { get; init; } = OdmList<ItemGroupDef>.Empty;

    /// <summary>ItemDef elements, variables and value-level items.</summary>
    public OdmList<ItemDef> Items { get; init; } = OdmList<ItemDef>.Empty;

    /// <summary>CodeList elements.</summary>
    public OdmList<CodeList> CodeLists { get; init; } = OdmList<CodeList>.Empty;

    /// <summary>MethodDef elements.</summary>
    public OdmList<MethodDef> Methods { get; init; } = OdmList<MethodDef>.Empty;

    /// <summary>def:CommentDef elements.</summary>
    public OdmList<CommentDef> Comments { get; init; } = OdmList<CommentDef>.Empty;

    /// <summary>def:leaf elements: documents other elements point at (aCRF, reviewer's guide).</summary>
    public OdmList<Leaf> Leaves { get; init; } = OdmList<Leaf>.Empty;
}

/// <summary>A <c>TranslatedText</c>: text with an optional <c>xml:lang</c>.</summary>
public sealed record TranslatedText(string Text, string? Lang = "en");

/// <summary>A <c>def:Standard</c>: an implementation guide or terminology release.</summary>
/// <param name="Oid">@OID.</param>
/// <param name="Name">@Name, e.g. "SDTMIG", "ADaMIG", "CDISC/NCI".</param>
/// <param name="Type">@Type: "IG" or "CT".</param>
/// <param name="Version">@Version, e.g. "3.4" or "2025-03-28".</param>
public sealed record Standard(string Oid, string Name, string Type, string Version)
{
    /// <summary>@PublishingSet for CT, e.g. "SDTM", "ADaM", "DEFINE-XML".</summary>
    public string? PublishingSet { get; init; }

    /// <summary>@Status, e.g. "Final".</summary>
    public string? Status { get; init; }

    /// <summary>@def:CommentOID.</summary>
    public string? CommentOid { get; init; }
}

/// <summary>A <c>def:DocumentRef</c> pointing at a def:leaf, with optional page references.</summary>
public sealed record DocumentRef(string LeafId)
{
    /// <summary>def:PDFPageRef children.</summary>
    public OdmList<PdfPageRef> PageRefs { get; init; } = OdmList<PdfPageRef>.Empty;
}

/// <summary>A <c>def:PDFPageRef</c>: pages ("PhysicalRef" or "NamedDestination") within a document.</summary>
public sealed record PdfPageRef(string Type)
{
    /// <summary>@PageRefs: space-separated pages or destinations.</summary>
    public string? PageRefs { get; init; }

    /// <summary>@FirstPage.</summary>
    public string? FirstPage { get; init; }

    /// <summary>@LastPage.</summary>
    public string? LastPage { get; init; }

    /// <summary>@Title.</summary>
    public string? Title { get; init; }
}

/// <summary>A <c>def:leaf</c>: a file the define links to (an XPT, the aCRF...).</summary>
/// <param name="Id">@ID.</param>
/// <param name="Href">@xlink:href, relative to the define.xml.</param>
/// <param name="Title">def:title.</param>
public sealed record Leaf(string Id, string Href, string Title);

/// <summary>A <c>def:ValueListDef</c>: the value-level ItemRefs of one variable.</summary>
public sealed record ValueListDef(string Oid, OdmList<ItemRef> ItemRefs);

/// <summary>An <c>ItemRef</c>, in an ItemGroupDef or a ValueListDef.</summary>
/// <param name="ItemOid">@ItemOID.</param>
/// <param name="Mandatory">@Mandatory (Yes/No).</param>
public sealed record ItemRef(string ItemOid, bool Mandatory)
{
    /// <summary>@OrderNumber.</summary>
    public int? OrderNumber { get; init; }

    /// <summary>@KeySequence (in 1.0, the variable's place in the ItemGroupDef's def:DomainKeys).</summary>
    public int? KeySequence { get; init; }

    /// <summary>@MethodOID (in 1.0, the ItemDef's def:ComputationMethodOID, which 2.0 moved here).</summary>
    public string? MethodOid { get; init; }

    /// <summary>@Role, e.g. "Identifier".</summary>
    public string? Role { get; init; }

    /// <summary>@RoleCodeListOID.</summary>
    public string? RoleCodeListOid { get; init; }

    /// <summary>@def:IsNonStandard (only "Yes" is allowed; null when absent).</summary>
    public bool? IsNonStandard { get; init; }

    /// <summary>@def:HasNoData (only "Yes" is allowed; null when absent).</summary>
    public bool? HasNoData { get; init; }

    /// <summary>def:WhereClauseRef/@WhereClauseOID values (value-level ItemRefs).</summary>
    public OdmList<string> WhereClauseOids { get; init; } = OdmList<string>.Empty;
}

/// <summary>A <c>def:WhereClauseDef</c>: conditions that all hold (ANDed RangeChecks).</summary>
public sealed record WhereClauseDef(string Oid, OdmList<RangeCheck> RangeChecks)
{
    /// <summary>@def:CommentOID.</summary>
    public string? CommentOid { get; init; }
}

/// <summary>A <c>RangeCheck</c> in a where clause: variable <paramref name="ItemOid"/> compared to values.</summary>
/// <param name="Comparator">@Comparator: EQ, NE, LT, LE, GT, GE, IN, NOTIN.</param>
/// <param name="SoftHard">@SoftHard: "Soft" or "Hard".</param>
/// <param name="ItemOid">@def:ItemOID.</param>
/// <param name="CheckValues">CheckValue texts.</param>
public sealed record RangeCheck(string Comparator, string SoftHard, string ItemOid, OdmList<string> CheckValues);

/// <summary>An <c>ItemGroupDef</c>: one dataset.</summary>
/// <param name="Oid">@OID.</param>
/// <param name="Name">@Name, e.g. "LB".</param>
/// <param name="Repeating">@Repeating.</param>
/// <param name="Purpose">@Purpose: "Tabulation" or "Analysis".</param>
/// <param name="Structure">@def:Structure, e.g. "One record per subject".</param>
public sealed record ItemGroupDef(string Oid, string Name, bool Repeating, string Purpose, string Structure)
{
    /// <summary>@Domain.</summary>
    public string? Domain { get; init; }

    /// <summary>@IsReferenceData.</summary>
    public bool? IsReferenceData { get; init; }

    /// <summary>@SASDatasetName.</summary>
    public string? SasDatasetName { get; init; }

    /// <summary>@def:ArchiveLocationID: the ID of the def:leaf holding the dataset.</summary>
    public string? ArchiveLocationId { get; init; }

    /// <summary>@def:CommentOID.</summary>
    public string? CommentOid { get; init; }

    /// <summary>@def:IsNonStandard.</summary>
    public bool? IsNonStandard { get; init; }

    /// <summary>@def:StandardOID.</summary>
    public string? StandardOid { get; init; }

    /// <summary>@def:HasNoData.</summary>
    public bool? HasNoData { get; init; }

    /// <summary>Description/TranslatedText: the dataset label (in 1.0, the def:Label attribute, without xml:lang).</summary>
    public OdmList<TranslatedText> Description { get; init; } = OdmList<TranslatedText>.Empty;

    /// <summary>ItemRef children, in variable order.</summary>
    public OdmList<ItemRef> ItemRefs { get; init; } = OdmList<ItemRef>.Empty;

    /// <summary>Alias children.</summary>
    public OdmList<Alias> Aliases { get; init; } = OdmList<Alias>.Empty;

    /// <summary>def:Class, e.g. "FINDINGS" (an element in 2.1, an attribute in 2.0 and 1.0).</summary>
    public ItemGroupClass? Class { get; init; }

    /// <summary>def:leaf: the dataset file.</summary>
    public Leaf? Leaf { get; init; }
}

/// <summary>A <c>def:Class</c> with optional def:SubClass children.</summary>
public sealed record ItemGroupClass(string Name)
{
    /// <summary>def:SubClass children.</summary>
    public OdmList<ItemGroupSubClass> SubClasses { get; init; } = OdmList<ItemGroupSubClass>.Empty;
}

/// <summary>A <c>def:SubClass</c>.</summary>
public sealed record ItemGroupSubClass(string Name, string? ParentClass = null);

/// <summary>An <c>Alias</c>: a name in another context (e.g. "nci:ExtCodeID" = C-code).</summary>
public sealed record Alias(string Context, string Name);

/// <summary>An <c>ItemDef</c>: a variable or a value-level item.</summary>
/// <param name="Oid">@OID.</param>
/// <param name="Name">@Name.</param>
/// <param name="DataType">@DataType: text, integer, float, date, datetime...</param>
public sealed record ItemDef(string Oid, string Name, string DataType)
{
    /// <summary>@Length.</summary>
    public int? Length { get; init; }

    /// <summary>@SignificantDigits.</summary>
    public int? SignificantDigits { get; init; }

    /// <summary>@SASFieldName.</summary>
    public string? SasFieldName { get; init; }

    /// <summary>@def:DisplayFormat.</summary>
    public string? DisplayFormat { get; init; }

    /// <summary>@def:CommentOID.</summary>
    public string? CommentOid { get; init; }

    /// <summary>Description/TranslatedText: the label (in 1.0, the def:Label attribute, without xml:lang).</summary>
    public OdmList<TranslatedText> Description { get; init; } = OdmList<TranslatedText>.Empty;

    /// <summary>CodeListRef/@CodeListOID.</summary>
    public string? CodeListOid { get; init; }

    /// <summary>Alias children.</summary>
    public OdmList<Alias> Aliases { get; init; } = OdmList<Alias>.Empty;

    /// <summary>def:Origin children.</summary>
    public OdmList<Origin> Origins { get; init; } = OdmList<Origin>.Empty;

    /// <summary>def:ValueListRef/@ValueListOID.</summary>
    public string? ValueListOid { get; init; }
}

/// <summary>A <c>def:Origin</c>.</summary>
/// <param name="Type">
/// @Type: Collected, Derived, Assigned, Protocol, Predecessor, Not Available (2.1); CRF, Derived, Assigned, Protocol,
/// eDT, Predecessor (2.0); in 1.0 the free text of ItemDef/@Origin (e.g. "CRF Page 12").
/// </param>
public sealed record Origin(string Type)
{
    /// <summary>@Source: Subject, Investigator, Vendor, Sponsor (Collected only).</summary>
    public string? Source { get; init; }

    /// <summary>Description/TranslatedText (for Predecessor, the source variable).</summary>
    public OdmList<TranslatedText> Description { get; init; } = OdmList<TranslatedText>.Empty;

    /// <summary>def:DocumentRef children (e.g. aCRF pages).</summary>
    public OdmList<DocumentRef> DocumentRefs { get; init; } = OdmList<DocumentRef>.Empty;
}

/// <summary>A <c>CodeList</c>: enumerated values, coded values with decodes, or an external dictionary.</summary>
/// <param name="Oid">@OID.</param>
/// <param name="Name">@Name.</param>
/// <param name="DataType">@DataType: text, integer, float.</param>
public sealed record CodeList(string Oid, string Name, string DataType)
{
    /// <summary>@SASFormatName.</summary>
    public string? SasFormatName { get; init; }

    /// <summary>@def:CommentOID.</summary>
    public string? CommentOid { get; init; }

    /// <summary>@def:IsNonStandard.</summary>
    public bool? IsNonStandard { get; init; }

    /// <summary>@def:StandardOID.</summary>
    public string? StandardOid { get; init; }

    /// <summary>Description/TranslatedText.</summary>
    public OdmList<TranslatedText> Description { get; init; } = OdmList<TranslatedText>.Empty;

    /// <summary>The items; each is written as CodeListItem when it has a decode, else as EnumeratedItem.</summary>
    public OdmList<CodeListItem> Items { get; init; } = OdmList<CodeListItem>.Empty;

    /// <summary>ExternalCodeList (MedDRA, WHODrug...), instead of items.</summary>
    public ExternalCodeList? External { get; init; }

    /// <summary>Alias children (the NCI C-code of the codelist).</summary>
    public OdmList<Alias> Aliases { get; init; } = OdmList<Alias>.Empty;
}

/// <summary>A <c>CodeListItem</c> (with a Decode) or an <c>EnumeratedItem</c> (without).</summary>
/// <param name="CodedValue">@CodedValue.</param>
public sealed record CodeListItem(string CodedValue)
{
    /// <summary>@Rank, as written.</summary>
    public string? Rank { get; init; }

    /// <summary>@OrderNumber.</summary>
    public int? OrderNumber { get; init; }

    /// <summary>@def:ExtendedValue="Yes": a sponsor value added to an extensible codelist.</summary>
    public bool ExtendedValue { get; init; }

    /// <summary>Decode/TranslatedText; empty for an EnumeratedItem.</summary>
    public OdmList<TranslatedText> Decode { get; init; } = OdmList<TranslatedText>.Empty;

    /// <summary>Alias children (the NCI C-code of the term).</summary>
    public OdmList<Alias> Aliases { get; init; } = OdmList<Alias>.Empty;

    /// <summary>Description/TranslatedText (Define-XML 2.1 extension).</summary>
    public OdmList<TranslatedText> Description { get; init; } = OdmList<TranslatedText>.Empty;
}

/// <summary>An <c>ExternalCodeList</c>: a dictionary such as MedDRA.</summary>
/// <param name="Dictionary">@Dictionary, e.g. "MEDDRA"; optional in ODM 1.3.2, so null when absent.</param>
/// <param name="Version">@Version, e.g. "26.0"; optional in ODM 1.3.2, so null when absent (SAS CST writes ISO 3166 without it).</param>
public sealed record ExternalCodeList(string? Dictionary, string? Version)
{
    /// <summary>@ref.</summary>
    public string? Ref { get; init; }

    /// <summary>@href.</summary>
    public string? Href { get; init; }
}

/// <summary>
/// A <c>MethodDef</c>: a derivation or imputation. A Define-XML 1.0 <c>def:ComputationMethod</c> is read as one with its
/// OID as Name, Type "Computation" and its text as Description.
/// </summary>
/// <param name="Oid">@OID.</param>
/// <param name="Name">@Name.</param>
/// <param name="Type">@Type: "Computation" or "Imputation".</param>
/// <param name="Description">Description/TranslatedText.</param>
public sealed record MethodDef(string Oid, string Name, string Type, OdmList<TranslatedText> Description)
{
    /// <summary>FormalExpression children.</summary>
    public OdmList<FormalExpression> FormalExpressions { get; init; } = OdmList<FormalExpression>.Empty;

    /// <summary>def:DocumentRef children.</summary>
    public OdmList<DocumentRef> DocumentRefs { get; init; } = OdmList<DocumentRef>.Empty;
}

/// <summary>A <c>FormalExpression</c>: code in a named context (e.g. "SAS").</summary>
public sealed record FormalExpression(string Context, string Text);

/// <summary>A <c>def:CommentDef</c>.</summary>
public sealed record CommentDef(string Oid, OdmList<TranslatedText> Description)
{
    /// <summary>def:DocumentRef children.</summary>
    public OdmList<DocumentRef> DocumentRefs { get; init; } = OdmList<DocumentRef>.Empty;
}
