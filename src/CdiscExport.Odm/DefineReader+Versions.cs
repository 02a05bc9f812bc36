using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using static CdiscExport.Odm.OdmNames;

namespace CdiscExport.Odm;

// How DefineReader tells the Define-XML version of a file and brings 2.0 and 1.0 into the 2.1 names it reads.
public static partial class DefineReader
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>
    /// Reads <paramref name="reader"/> from the start up to MetaDataVersion and returns the Define-XML version: the
    /// namespace of MetaDataVersion's def:DefineVersion when there is one (1.0 may omit it; 2.0 and 2.1 require it),
    /// else the newest known <c>def</c> namespace declared or used on the way there.
    /// </summary>
    /// <exception cref="DefineFormatException">The root is not ODM, there is no Define-XML namespace, or only one of an unknown version.</exception>
    private static DefineXmlVersion Sniff(XmlReader reader, string? filePath)
    {
        string? odmNamespace = null;
        string? unknownDef = null;
        DefineXmlVersion? declared = null;
        DefineXmlVersion? ofDefineVersion = null;
        var (line, column) = (0, 0);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader is IXmlLineInfo info)
            {
                (line, column) = (info.LineNumber, info.LinePosition);
            }

            if (odmNamespace is null)
            {
                odmNamespace = reader.NamespaceURI;
                if (reader.LocalName != OdmRootElement.LocalName || (odmNamespace != OdmNames.Odm.NamespaceName && odmNamespace != Odm12.NamespaceName))
                {
                    throw new DefineFormatException(filePath, line, column, reader.LocalName,
                        DefineMessages.WrongRoot(XName.Get(reader.LocalName, reader.NamespaceURI).ToString()));
                }
            }

            Note(reader.NamespaceURI);
            var isMetaDataVersion = reader.LocalName == MetaDataVersionElement.LocalName && reader.NamespaceURI == odmNamespace;
            if (reader.MoveToFirstAttribute())
            {
                do
                {
                    Note(reader.NamespaceURI == XmlnsNamespace ? reader.Value : reader.NamespaceURI);
                    if (isMetaDataVersion && reader.LocalName == DefineVersionAttrElement.LocalName
                        && DefineXmlVersions.FromNamespace(reader.NamespaceURI) is { } version)
                    {
                        ofDefineVersion = version;
                    }
                }
                while (reader.MoveToNextAttribute());

                reader.MoveToElement();
            }

            if (isMetaDataVersion)
            {
                break;
            }
        }

        var found = ofDefineVersion ?? declared
            ?? throw new DefineFormatException(filePath, line, column, odmNamespace is null ? null : OdmRootElement.LocalName,
                odmNamespace is null ? DefineMessages.NotWellFormed("no root element")
                : unknownDef is not null ? DefineMessages.UnknownDefineNamespace(unknownDef)
                : DefineMessages.NoDefineNamespace());
        if (odmNamespace == Odm12.NamespaceName && found != DefineXmlVersion.Define10)
        {
            throw new DefineFormatException(filePath, line, column, OdmRootElement.LocalName, DefineMessages.Define2OnOdm12(found));
        }

        return found;

        void Note(string namespaceName)
        {
            if (DefineXmlVersions.FromNamespace(namespaceName) is { } version)
            {
                declared = declared is null || version > declared ? version : declared;
            }
            else if (namespaceName.StartsWith(DefNamespacePrefix, StringComparison.Ordinal))
            {
                unknownDef ??= namespaceName;
            }
        }
    }

    /// <summary>
    /// Moves the elements and attributes of a 2.0 or 1.0 file (its <c>def</c> namespace, and ODM 1.2) into the 2.1 and
    /// ODM 1.3 namespaces, in place: the elements they share kept their names and meaning, so one reading serves all
    /// versions. Elements stay the same objects, so their line numbers survive for error messages.
    /// </summary>
    private static void MoveIntoDefine21Namespaces(XElement root, DefineXmlVersion version)
    {
        var def = version.Namespace();
        var odm = root.Name.Namespace;
        if (def == Def && odm == OdmNames.Odm)
        {
            return;
        }

        foreach (var e in root.DescendantsAndSelf())
        {
            if (e.Name.Namespace == def)
            {
                e.Name = Def + e.Name.LocalName;
            }
            else if (e.Name.Namespace == odm)
            {
                e.Name = OdmNames.Odm + e.Name.LocalName;
            }

            // Namespace declarations (xmlns:def="...") stay as written: nothing reads them after this.
            foreach (var a in e.Attributes().Where(a => a.Name.Namespace == def && !a.IsNamespaceDeclaration).ToList())
            {
                a.Remove();
                e.SetAttributeValue(Def + a.Name.LocalName, a.Value);
            }
        }
    }

    /// <summary>The href of the xml-stylesheet processing instruction before the root, or null.</summary>
    private static string? StylesheetOf(XDocument xml)
    {
        var instruction = xml.Nodes().TakeWhile(n => n is not XElement).OfType<XProcessingInstruction>().FirstOrDefault(p => p.Target == StylesheetTarget);
        var href = instruction is null ? null : HrefPseudoAttribute().Match(instruction.Data);
        return href is { Success: true } ? href.Groups["value"].Value : null;
    }

    /// <summary>The href pseudo-attribute of an xml-stylesheet instruction, quoted either way.</summary>
    [GeneratedRegex("""\bhref\s*=\s*(["'])(?<value>[^"']*)\1""")]
    private static partial Regex HrefPseudoAttribute();
}
