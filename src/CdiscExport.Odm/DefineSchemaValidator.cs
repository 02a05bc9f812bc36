using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CdiscExport.Odm;

/// <summary>
/// Validates a define.xml against CDISC's official Define-XML 2.1 schema set (with ARM 1.0, which includes Define 2.1),
/// loaded from a local folder: schema imports resolve only to files inside that folder, never to the network.
/// </summary>
public sealed class DefineSchemaValidator
{
    /// <summary>
    /// The Define-XML 2.1 entry schema inside the schema folder. .NET's <see cref="XmlSchemaSet"/> cannot compile
    /// <see cref="ArmSchema"/> (ARM 1.0 redefines define-extension.xsd, which itself redefines the ODM foundation:
    /// "group already declared"), so .NET validates against this one; a define without ARM content is valid against
    /// both. xmllint handles <see cref="ArmSchema"/>.
    /// </summary>
    public const string Define21Schema = "cdisc-define-2.1/define2-1-0.xsd";

    /// <summary>The ARM 1.0 entry schema (includes Define-XML 2.1), for tools that support nested redefines.</summary>
    public const string ArmSchema = "cdisc-arm-1.0/arm1-0-0.xsd";

    private readonly XmlSchemaSet schemas;

    private DefineSchemaValidator(XmlSchemaSet schemas) => this.schemas = schemas;

    /// <summary>
    /// Loads the schema set (entry <paramref name="entrySchema"/>, by default <see cref="Define21Schema"/>) from <paramref name="schemaFolder"/>, the folder holding <c>cdisc-arm-1.0</c>,
    /// <c>cdisc-define-2.1</c>, <c>cdisc-odm-1.3.2</c> and <c>core</c> (e.g. <c>specs/standards/define-xml-2.1/schema</c>).
    /// </summary>
    public static DefineSchemaValidator Load(string schemaFolder, string entrySchema = Define21Schema)
    {
        var root = Path.GetFullPath(schemaFolder);
        var resolver = new LocalFolderResolver(root);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = resolver };
        var entry = Path.Combine(root, entrySchema);
        using (var reader = XmlReader.Create(entry, settings))
        {
            set.Add(null, reader);
        }

        set.Compile();
        return new DefineSchemaValidator(set);
    }

    /// <summary>Every schema error and warning in <paramref name="documentText"/>, as "line L, col C: message"; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string documentText)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
            errors.Add($"line {e.Exception.LineNumber}, col {e.Exception.LinePosition}: {e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(documentText), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>Validates the XML of <paramref name="document"/> as <see cref="DefineWriter"/> writes it.</summary>
    public IReadOnlyList<string> Validate(DefineDocument document) => Validate(DefineWriter.WriteToString(document));

    /// <summary>Resolves schema locations to files inside one folder; anything else is refused.</summary>
    private sealed class LocalFolderResolver(string root) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (!absoluteUri.IsFile || !Path.GetFullPath(absoluteUri.LocalPath).StartsWith(root, StringComparison.Ordinal))
            {
                throw new XmlException($"schema location {absoluteUri} lies outside {root}; only local schema files are read.");
            }

            return File.OpenRead(absoluteUri.LocalPath);
        }
    }
}
