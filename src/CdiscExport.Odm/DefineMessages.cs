namespace CdiscExport.Odm;

/// <summary>Every message text of this library, in one place (reader, writer, schema validator); tests check exception properties, not these words.</summary>
internal static class DefineMessages
{
    public static string NotWellFormed(string detail) =>
        $"not a readable XML document: {detail}. A define.xml must be well-formed XML without a DOCTYPE (DTDs and external entities are refused).";

    public static string WrongRoot(string found) =>
        $"the root element is {found}; a define.xml starts with <ODM xmlns=\"{OdmNames.Odm.NamespaceName}\">.";

    public static string MissingAttribute(string attribute, DefineXmlVersion version) =>
        $"required attribute {attribute} is missing; add it as the {version.Title()} specification requires.";

    public static string MissingElement(string element, DefineXmlVersion version) =>
        $"required element {element} is missing; add it as the {version.Title()} specification requires.";

    public static string NoDefineNamespace() =>
        $"an ODM document without a Define-XML namespace (clinical data or another ODM file?), so not a define.xml. A define.xml declares xmlns:def=\"{OdmNames.Def.NamespaceName}\" (or def/v2.0, def/v1.0) and sets def:DefineVersion on MetaDataVersion.";

    public static string UnknownDefineNamespace(string namespaceName) =>
        $"Define-XML namespace {namespaceName} is of a version this reader does not know; it reads Define-XML 2.1 ({OdmNames.Def.NamespaceName}), 2.0 ({OdmNames.Def20.NamespaceName}) and 1.0 ({OdmNames.Def10.NamespaceName}).";

    public static string Define2OnOdm12(DefineXmlVersion version) =>
        $"{version.Title()} is built on ODM 1.3, but the root element is in the ODM 1.2 namespace; use xmlns=\"{OdmNames.Odm.NamespaceName}\".";

    public static string NotSchemaChecked(DefineXmlVersion version) =>
        $"{version.Title()} is not schema-checked (no schema shipped): the product ships the Define-XML 2.1 and 2.0 schemas only, so this file's structure is checked only as far as reading it needs.";

    public static string WriterWritesDefine21Only(DefineXmlVersion version) =>
        $"DefineWriter writes Define-XML 2.1 only, and this document was read from {version.Title()}; its def:StandardName, def:Class attributes and the like have no 2.1 form here. Build a 2.1 document (def:Standards, DefineXmlVersion = Define21) to write it.";

    public static string NotAnInteger(string attribute, string value) =>
        $"attribute {attribute}=\"{value}\" is not a whole number; write digits only.";

    public static string NotYesNo(string attribute, string value) =>
        $"attribute {attribute}=\"{value}\" must be Yes or No.";

    public static string SchemaSetWithoutOdm(string entry) =>
        $"the schema set {entry} compiled without the ODM element, so it would pass any define.xml unchecked; check that the folder holds the complete CDISC schema set.";

    public static string SchemaOutsideFolder(Uri location, string root) =>
        $"schema location {location} lies outside {root}; only local schema files are read.";
}
