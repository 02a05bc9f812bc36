using System.Xml.Linq;

namespace CdiscExport.Odm;

/// <summary>
/// The Define-XML version a define.xml is written in, told by its <c>def</c> namespace: it decides how
/// <see cref="DefineReader"/> reads the file, which standards it can declare and which schema set checks it
/// (<see cref="DefineSchemas"/>). The exact release (e.g. "2.1.7") is <see cref="MetaDataVersion.DefineVersion"/>.
/// </summary>
public enum DefineXmlVersion
{
    /// <summary>
    /// Define-XML 1.0 (2005): namespace <c>http://www.cdisc.org/ns/def/v1.0</c> on ODM 1.2 or 1.3. Labels are
    /// <c>def:Label</c> attributes, origins free text, methods <c>def:ComputationMethod</c>, keys <c>def:DomainKeys</c>,
    /// value lists have no where clauses; the standard is named by <c>def:StandardName</c>/<c>def:StandardVersion</c>.
    /// No schema is shipped for it.
    /// </summary>
    Define10,

    /// <summary>
    /// Define-XML 2.0 (2013): namespace <c>http://www.cdisc.org/ns/def/v2.0</c> on ODM 1.3.2. The one standard is named
    /// by <c>def:StandardName</c>/<c>def:StandardVersion</c> on MetaDataVersion; there is no def:Standards,
    /// def:StandardOID, def:IsNonStandard or def:HasNoData, and def:Class is an attribute.
    /// </summary>
    Define20,

    /// <summary>Define-XML 2.1 (2019): namespace <c>http://www.cdisc.org/ns/def/v2.1</c> on ODM 1.3.2; standards in def:Standards.</summary>
    Define21,
}

/// <summary>What each <see cref="DefineXmlVersion"/> is called and where it lives, in one place.</summary>
public static class DefineXmlVersions
{
    /// <summary>"Define-XML 2.1", "Define-XML 2.0" or "Define-XML 1.0", as messages and reports name the version.</summary>
    public static string Title(this DefineXmlVersion version) =>
        version switch
        {
            DefineXmlVersion.Define10 => "Define-XML 1.0",
            DefineXmlVersion.Define20 => "Define-XML 2.0",
            DefineXmlVersion.Define21 => "Define-XML 2.1",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
        };

    /// <summary>The <c>def</c> namespace of <paramref name="version"/>.</summary>
    public static XNamespace Namespace(this DefineXmlVersion version) =>
        version switch
        {
            DefineXmlVersion.Define10 => OdmNames.Def10,
            DefineXmlVersion.Define20 => OdmNames.Def20,
            DefineXmlVersion.Define21 => OdmNames.Def,
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
        };

    /// <summary>The version whose <c>def</c> namespace is <paramref name="namespaceName"/>, or null for any other namespace.</summary>
    public static DefineXmlVersion? FromNamespace(string namespaceName) =>
        namespaceName == OdmNames.Def.NamespaceName ? DefineXmlVersion.Define21
        : namespaceName == OdmNames.Def20.NamespaceName ? DefineXmlVersion.Define20
        : namespaceName == OdmNames.Def10.NamespaceName ? DefineXmlVersion.Define10
        : null;
}
