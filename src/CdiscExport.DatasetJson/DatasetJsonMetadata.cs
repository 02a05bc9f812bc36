using System.Text.RegularExpressions;

namespace CdiscExport.DatasetJson;

/// <summary>One column (variable) of a dataset: its <c>columns[]</c> entry.</summary>
/// <param name="ItemOid"><c>itemOID</c>: the Define-XML ItemDef OID, e.g. <c>IT.DM.AGE</c>; at least one character.</param>
/// <param name="Name"><c>name</c>: the variable name, e.g. <c>AGE</c>; at least one character.</param>
/// <param name="Label"><c>label</c>: the variable label; may be empty.</param>
/// <param name="DataType"><c>dataType</c>: the logical type, which fixes the JSON type of every value.</param>
public sealed record DatasetJsonColumn(string ItemOid, string Name, string Label, DatasetJsonDataType DataType)
{
    /// <summary><c>targetDataType</c>: what a receiver converts the values to; null (default) for none.</summary>
    public DatasetJsonTargetDataType? TargetDataType { get; init; }

    /// <summary><c>length</c>: the planned number of characters of a value as text (at least 1); null (default) for none.</summary>
    public int? Length { get; init; }

    /// <summary><c>displayFormat</c>: a SAS display format such as <c>DATE9.</c>; null (default) for none.</summary>
    public string? DisplayFormat { get; init; }

    /// <summary><c>keySequence</c>: the column's place among the dataset's keys (1 first); null (default) when not a key.</summary>
    public int? KeySequence { get; init; }
}

/// <summary><c>sourceSystem</c>: the system the data came from; both attributes are required when it is present.</summary>
/// <param name="Name"><c>name</c> of the system.</param>
/// <param name="Version"><c>version</c> of the system.</param>
public sealed record DatasetJsonSourceSystem(string Name, string Version);

/// <summary>
/// The top-level attributes of one dataset and its columns: everything but the rows. The NDJSON metadata line, and
/// the JSON object before <c>rows</c>. Attributes are written in the specification's recommended order.
/// </summary>
/// <param name="CreationDateTime"><c>datasetJSONCreationDateTime</c>: <c>YYYY-MM-DDThh:mm:ss</c>, optionally with a fraction and a zone (<see cref="FormatDateTime"/>).</param>
/// <param name="ItemGroupOid"><c>itemGroupOID</c>: the Define-XML ItemGroupDef OID, e.g. <c>IG.DM</c>.</param>
/// <param name="Records"><c>records</c>: how many rows follow. The JSON form writes it before the rows, so a writer takes it up front.</param>
/// <param name="Name"><c>name</c>: the dataset name, e.g. <c>DM</c>.</param>
/// <param name="Label"><c>label</c>: the dataset label; may be empty.</param>
/// <param name="Columns"><c>columns</c>, in row-value order.</param>
public sealed partial record DatasetJsonMetadata(
    string CreationDateTime,
    string ItemGroupOid,
    long Records,
    string Name,
    string Label,
    IReadOnlyList<DatasetJsonColumn> Columns)
{
    /// <summary><c>datasetJSONVersion</c>; default <c>1.1.0</c>, the version this library writes. Must match <c>1.1(.n)?</c>.</summary>
    public string Version { get; init; } = DatasetJsonNames.Version;

    /// <summary><c>fileOID</c>; null (default) for none.</summary>
    public string? FileOid { get; init; }

    /// <summary><c>dbLastModifiedDateTime</c>, in the form of <see cref="CreationDateTime"/>; null (default) for none.</summary>
    public string? DbLastModifiedDateTime { get; init; }

    /// <summary><c>originator</c>: the organisation that made the file; null (default) for none.</summary>
    public string? Originator { get; init; }

    /// <summary><c>sourceSystem</c>; null (default) for none.</summary>
    public DatasetJsonSourceSystem? SourceSystem { get; init; }

    /// <summary><c>studyOID</c>: the Define-XML Study OID; null (default) for none.</summary>
    public string? StudyOid { get; init; }

    /// <summary><c>metaDataVersionOID</c>: the Define-XML MetaDataVersion OID; null (default) for none.</summary>
    public string? MetaDataVersionOid { get; init; }

    /// <summary><c>metaDataRef</c>: a URI of the define.xml describing the dataset; null (default) for none.</summary>
    public string? MetaDataRef { get; init; }

    /// <summary>
    /// A timestamp as the schema wants it: <c>YYYY-MM-DDThh:mm:ss</c> (UTC without a zone suffix when
    /// <paramref name="withZone"/> is false, else with <c>Z</c>). Fractions of seconds are dropped.
    /// </summary>
    /// <param name="instant">The instant.</param>
    /// <param name="withZone">Whether to write the <c>Z</c> suffix.</param>
    /// <returns>The text.</returns>
    public static string FormatDateTime(DateTimeOffset instant, bool withZone = false) =>
        instant.UtcDateTime.ToString(withZone ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="text"/> matches the schema's date-time pattern (seconds required).</summary>
    /// <param name="text">The text.</param>
    /// <returns>True when it matches.</returns>
    public static bool IsValidDateTime(string? text) => text is not null && DateTimePattern().IsMatch(text);

    /// <summary>The problem with these metadata as the v1.1 schema and specification see them, or null when there is none.</summary>
    /// <returns>A sentence naming the attribute, or null.</returns>
    public string? Validate()
    {
        if (!IsValidDateTime(CreationDateTime))
        {
            return DatasetJsonMessages.BadAttribute(DatasetJsonNames.CreationDateTime, CreationDateTime, "YYYY-MM-DDThh:mm:ss with optional fraction and zone");
        }

        if (DbLastModifiedDateTime is not null && !IsValidDateTime(DbLastModifiedDateTime))
        {
            return DatasetJsonMessages.BadAttribute(DatasetJsonNames.DbLastModifiedDateTime, DbLastModifiedDateTime, "YYYY-MM-DDThh:mm:ss with optional fraction and zone");
        }

        if (Version is null || !VersionPattern().IsMatch(Version))
        {
            return DatasetJsonMessages.BadAttribute(DatasetJsonNames.DatasetJsonVersion, Version, "1.1 or 1.1.n");
        }

        if (string.IsNullOrEmpty(ItemGroupOid) || string.IsNullOrEmpty(Name) || Label is null)
        {
            return DatasetJsonMessages.MissingAttribute(string.IsNullOrEmpty(ItemGroupOid) ? DatasetJsonNames.ItemGroupOid : string.IsNullOrEmpty(Name) ? DatasetJsonNames.Name : DatasetJsonNames.Label);
        }

        if (Records < 0)
        {
            return DatasetJsonMessages.BadAttribute(DatasetJsonNames.Records, Records.ToString(System.Globalization.CultureInfo.InvariantCulture), "an integer of at least 0");
        }

        if (SourceSystem is { } s && (s.Name is null || s.Version is null))
        {
            return DatasetJsonMessages.MissingAttribute("sourceSystem.name and sourceSystem.version");
        }

        if (Columns is null)
        {
            return DatasetJsonMessages.MissingAttribute(DatasetJsonNames.Columns);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in Columns)
        {
            if (c is null || string.IsNullOrEmpty(c.ItemOid) || string.IsNullOrEmpty(c.Name) || c.Label is null)
            {
                return DatasetJsonMessages.ColumnProblem(c?.Name, "itemOID, name and label are required (itemOID and name at least one character)");
            }

            if (!names.Add(c.Name))
            {
                return DatasetJsonMessages.ColumnProblem(c.Name, "the name is used by another column");
            }

            if (c.Length is < 1 || c.KeySequence is < 1)
            {
                return DatasetJsonMessages.ColumnProblem(c.Name, "length and keySequence are at least 1");
            }
        }

        return null;
    }

    [GeneratedRegex(@"^([0-9][0-9][0-9][0-9])(-(([0][1-9])|([1][0-2])))(-(([0][1-9])|([1-2][0-9])|([3][0-1])))T(([0-1][0-9])|([2][0-3])):([0-5][0-9])(:([0-5][0-9]))((\.[0-9]+))?((((\+|-)(([0-1][0-9])|([2][0-3])):[0-5][0-9])|(Z)))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^1.1(.(0|([1-9][0-9]*)))?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
