namespace CdiscExport.Odm;

/// <summary>
/// A define.xml that cannot be read: not well-formed XML, a DTD or external entity (prohibited), or a required
/// element or attribute missing. <see cref="Exception.Message"/> names the file and line and ends with the remedy.
/// </summary>
public sealed class DefineFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public DefineFormatException(string? filePath, int line, int column, string? element, string problem, Exception? inner = null)
        : base(Format(filePath, line, column, element, problem), inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Element = element;
    }

    /// <summary>The file read, when known.</summary>
    public string? FilePath { get; }

    /// <summary>1-based line of the problem (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem (0 when unknown).</summary>
    public int Column { get; }

    /// <summary>The element's local name, when the problem lies in one.</summary>
    public string? Element { get; }

    private static string Format(string? filePath, int line, int column, string? element, string problem) =>
        $"{filePath ?? "define.xml"} line {line}, col {column}{(element is null ? "" : $" ({element})")}: {problem}";
}

/// <summary>Message texts of <see cref="DefineReader"/>, in one place.</summary>
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
}
