using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;

namespace CdiscExport.Odm;

/// <summary>One schema error or warning in a define.xml.</summary>
/// <param name="Line">1-based line (0 when the validator gives none).</param>
/// <param name="Column">1-based column (0 when the validator gives none).</param>
/// <param name="Severity">Error or Warning.</param>
/// <param name="Message">The validator's message.</param>
public sealed record DefineSchemaIssue(int Line, int Column, XmlSeverityType Severity, string Message)
{
    /// <summary>"line L, col C: Severity: message".</summary>
    public override string ToString() => $"line {Line}, col {Column}: {Severity}: {Message}";
}

/// <summary>
/// Validates a define.xml against one of CDISC's official schema sets (Define-XML 2.1 or 2.0, each with ODM 1.3.2 and
/// ARM 1.0), loaded from a local folder: schema imports resolve only to files inside that folder, never to the network.
/// <see cref="DefineSchemas"/> picks the set by the file's Define-XML version.
/// </summary>
/// <remarks>
/// Both sets import the ODM foundation (define-ns.xsd, arm-ns.xsd, define-enumerations.xsd) and also
/// <c>xs:redefine</c> it (define-extension.xsd, and arm-extension.xsd on top). .NET's <see cref="XmlSchemaSet"/> then
/// either declares the ODM groups twice ("group already declared") or, for the ARM entry, compiles without the ODM
/// element at all, so that every define.xml would pass with warnings only. The files on disk stay unmodified; in memory
/// only, the foundation imports lose their <c>schemaLocation</c>, so the ODM namespace comes once, through the redefine
/// chain (xmllint skips the same import and reports the same errors). The define entries
/// (<see cref="Define21Schema"/>, <see cref="Define20Schema"/>) give the same results with or without this; the ARM
/// entries need it. <see cref="Load"/> refuses a set that compiles without the ODM element.
/// </remarks>
public sealed partial class DefineSchemaValidator
{
    /// <summary>The Define-XML 2.1 entry schema inside the 2.1 schema folder (no Analysis Results Metadata).</summary>
    public const string Define21Schema = "cdisc-define-2.1/define2-1-0.xsd";

    /// <summary>The Define-XML 2.0 entry schema inside the 2.0 schema folder (no Analysis Results Metadata).</summary>
    public const string Define20Schema = "cdisc-define-2.0/define2-0-0.xsd";

    /// <summary>
    /// The ARM 1.0 entry schema, at the same place in both folders: it includes the folder's Define-XML schema, so it
    /// validates a define.xml with or without Analysis Results Metadata. <see cref="DefineSchemas"/> uses it.
    /// </summary>
    public const string ArmSchema = "cdisc-arm-1.0/arm1-0-0.xsd";

    private readonly XmlSchemaSet schemas;

    private DefineSchemaValidator(XmlSchemaSet schemas, string entry)
    {
        this.schemas = schemas;
        Entry = entry;
    }

    /// <summary>The full path of the entry schema.</summary>
    public string Entry { get; }

    /// <summary>
    /// Loads the schema set (entry <paramref name="entrySchema"/>, by default <see cref="Define21Schema"/>) from
    /// <paramref name="schemaFolder"/>, the folder holding <c>cdisc-arm-1.0</c>, <c>cdisc-define-2.x</c>,
    /// <c>cdisc-odm-1.3.2</c> and <c>core</c> (e.g. <c>specs/standards/define-xml-2.1/schema</c>).
    /// </summary>
    /// <exception cref="XmlSchemaException">A schema file does not compile.</exception>
    /// <exception cref="InvalidOperationException">The set compiles without the ODM root element (see the remarks on the class).</exception>
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
        if (!set.GlobalElements.Contains(new XmlQualifiedName(OdmNames.OdmRootElement.LocalName, OdmNames.Odm.NamespaceName)))
        {
            throw new InvalidOperationException(DefineMessages.SchemaSetWithoutOdm(entry));
        }

        return new DefineSchemaValidator(set, entry);
    }

    /// <summary>Every schema error and warning in <paramref name="documentText"/>, as "line L, col C: Severity: message"; empty when valid.</summary>
    /// <exception cref="DefineFormatException">The text is not well-formed XML or has a DTD.</exception>
    public IReadOnlyList<string> Validate(string documentText) =>
        Check(settings => XmlReader.Create(new StringReader(documentText), settings), null).Select(e => e.ToString()).ToList();

    /// <summary>Validates the XML of <paramref name="document"/> as <see cref="DefineWriter"/> writes it.</summary>
    public IReadOnlyList<string> Validate(DefineDocument document) => Validate(DefineWriter.WriteToString(document));

    /// <summary>
    /// Every schema error and warning in the define.xml in <paramref name="input"/>, in document order; empty when valid.
    /// DTDs are prohibited and nothing outside the document is resolved. <paramref name="filePath"/> only names it in errors.
    /// </summary>
    /// <exception cref="DefineFormatException">The input is not well-formed XML or has a DTD.</exception>
    public IReadOnlyList<DefineSchemaIssue> Check(Stream input, string? filePath = null) =>
        Check(settings => XmlReader.Create(input, settings), filePath);

    private List<DefineSchemaIssue> Check(Func<XmlReaderSettings, XmlReader> open, string? filePath)
    {
        var issues = new List<DefineSchemaIssue>();
        var settings = DefineReader.SafeSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = schemas;
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
            issues.Add(new DefineSchemaIssue(e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0, e.Severity, e.Message));
        using var reader = open(settings);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            throw new DefineFormatException(filePath, e.LineNumber, e.LinePosition, null, DefineMessages.NotWellFormed(e.Message), e);
        }

        return issues;
    }

    /// <summary>The foundation imports of the CDISC schema files, whose schemaLocation is dropped in memory (see the remarks on the class).</summary>
    [GeneratedRegex("""(<xs:import\s+namespace\s*=\s*"http://www.cdisc.org/ns/odm/v1.3"\s+)schemaLocation\s*=\s*"[^"]*\x22""")]
    private static partial Regex OdmFoundationImport();

    /// <summary>Resolves schema locations to files inside one folder, with the foundation imports dropped; anything else is refused.</summary>
    private sealed class LocalFolderResolver(string root) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var path = absoluteUri.IsFile ? Path.GetFullPath(absoluteUri.LocalPath) : null;
            if (path is null || !path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new XmlException(DefineMessages.SchemaOutsideFolder(absoluteUri, root));
            }

            var text = OdmFoundationImport().Replace(File.ReadAllText(path), "$1");
            return new MemoryStream(Encoding.UTF8.GetBytes(text));
        }
    }
}
