namespace CdiscExport.Odm;

/// <summary>What checking one define.xml against the schemas of its version found.</summary>
/// <param name="Version">The file's Define-XML version.</param>
/// <param name="Schema">The entry schema checked against (full path), or null when the version has no schema shipped.</param>
/// <param name="Issues">Schema errors and warnings in document order; empty when valid or not checked.</param>
public sealed record DefineSchemaResult(DefineXmlVersion Version, string? Schema, IReadOnlyList<DefineSchemaIssue> Issues)
{
    /// <summary>Why the file was not checked (Define-XML 1.0: no schema shipped); null when it was.</summary>
    public string? NotCheckedReason { get; init; }

    /// <summary>Whether the file was checked against a schema.</summary>
    public bool IsChecked => Schema is not null;

    /// <summary>The issues of severity Error.</summary>
    public IEnumerable<DefineSchemaIssue> Errors => Issues.Where(i => i.Severity == System.Xml.Schema.XmlSeverityType.Error);
}

/// <summary>
/// The Define-XML schema sets the product ships, one per version, each compiled on first use: checks a define.xml
/// against the set of its own version, so a 2.0 file meets the 2.0 schemas, not 2.1 errors. Safe to share between threads.
/// </summary>
/// <remarks>
/// Each set is entered by its ARM 1.0 schema (<see cref="DefineSchemaValidator.ArmSchema"/>), so a define with Analysis
/// Results Metadata validates as well as one without. Define-XML 1.0 has no schema shipped: its result says so
/// (<see cref="DefineSchemaResult.NotCheckedReason"/>) rather than reporting 2.x errors.
/// </remarks>
public sealed class DefineSchemas
{
    /// <summary>The Define-XML 2.1 schema folder, relative to the standards folder.</summary>
    public const string Define21Folder = "define-xml-2.1/schema";

    /// <summary>The Define-XML 2.0 schema folder, relative to the standards folder.</summary>
    public const string Define20Folder = "define-xml-2.0/schema";

    private readonly Lazy<DefineSchemaValidator> define21;
    private readonly Lazy<DefineSchemaValidator> define20;

    private DefineSchemas(string standardsFolder)
    {
        define21 = new(() => DefineSchemaValidator.Load(Path.Combine(standardsFolder, Define21Folder), DefineSchemaValidator.ArmSchema));
        define20 = new(() => DefineSchemaValidator.Load(Path.Combine(standardsFolder, Define20Folder), DefineSchemaValidator.ArmSchema));
    }

    /// <summary>
    /// The schema sets under <paramref name="standardsFolder"/> (e.g. <c>specs/standards</c>, holding
    /// <see cref="Define21Folder"/> and <see cref="Define20Folder"/>); nothing is read until a file of that version is checked.
    /// </summary>
    public static DefineSchemas Load(string standardsFolder) => new(Path.GetFullPath(standardsFolder));

    /// <summary>Checks the define.xml at <paramref name="path"/> against the schemas of its Define-XML version.</summary>
    /// <exception cref="DefineFormatException">The file is not well-formed, has a DTD, or is no define.xml of a known version.</exception>
    public DefineSchemaResult Check(string path)
    {
        using var stream = File.OpenRead(path);
        return Check(stream, path);
    }

    /// <summary>
    /// Checks the define.xml in <paramref name="input"/> against the schemas of its Define-XML version;
    /// <paramref name="filePath"/> only names it in errors. A stream that cannot seek is buffered, since the version is
    /// read before the schema pass.
    /// </summary>
    /// <exception cref="DefineFormatException">The input is not well-formed, has a DTD, or is no define.xml of a known version.</exception>
    public DefineSchemaResult Check(Stream input, string? filePath = null)
    {
        if (!input.CanSeek)
        {
            var buffer = new MemoryStream();
            input.CopyTo(buffer);
            buffer.Position = 0;
            input = buffer;
        }

        var start = input.Position;
        var version = DefineReader.ReadVersion(input, filePath);
        input.Position = start;
        var validator = version switch
        {
            DefineXmlVersion.Define21 => define21.Value,
            DefineXmlVersion.Define20 => define20.Value,
            _ => null,
        };
        return validator is null
            ? new DefineSchemaResult(version, null, []) { NotCheckedReason = DefineMessages.NotSchemaChecked(version) }
            : new DefineSchemaResult(version, validator.Entry, validator.Check(input, filePath));
    }
}
