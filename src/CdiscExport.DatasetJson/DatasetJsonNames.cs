namespace CdiscExport.DatasetJson;

/// <summary>
/// The one home of the format's spellings: attribute names, data type names, the version written and the
/// compression magic bytes. The reader and the writer both use these; no literal is known to one side only.
/// </summary>
internal static class DatasetJsonNames
{
    public const string Version = "1.1.0";

    public const string CreationDateTime = "datasetJSONCreationDateTime";
    public const string DatasetJsonVersion = "datasetJSONVersion";
    public const string FileOid = "fileOID";
    public const string DbLastModifiedDateTime = "dbLastModifiedDateTime";
    public const string Originator = "originator";
    public const string SourceSystem = "sourceSystem";
    public const string SourceSystemName = "name";
    public const string SourceSystemVersion = "version";
    public const string StudyOid = "studyOID";
    public const string MetaDataVersionOid = "metaDataVersionOID";
    public const string MetaDataRef = "metaDataRef";
    public const string ItemGroupOid = "itemGroupOID";
    public const string Records = "records";
    public const string Name = "name";
    public const string Label = "label";
    public const string Columns = "columns";
    public const string Rows = "rows";

    public const string ItemOid = "itemOID";
    public const string DataType = "dataType";
    public const string TargetDataType = "targetDataType";
    public const string Length = "length";
    public const string DisplayFormat = "displayFormat";
    public const string KeySequence = "keySequence";

    /// <summary>gzip (RFC 1952) starts 1F 8B; every published .dsjc file is gzip.</summary>
    public const byte GzipMagic0 = 0x1F;

    /// <summary>Second gzip magic byte.</summary>
    public const byte GzipMagic1 = 0x8B;

    /// <summary>A zlib (RFC 1950) stream with deflate starts 0x78 (CMF: deflate, 32 KB window), as the DSJC text says.</summary>
    public const byte ZlibDeflate32K = 0x78;

    private static readonly string[] DataTypeNames = ["string", "integer", "decimal", "float", "double", "boolean", "datetime", "date", "time", "URI"];

    private static readonly string[] TargetDataTypeNames = ["integer", "decimal"];

    public static string Of(DatasetJsonDataType type) => DataTypeNames[(int)type];

    public static string Of(DatasetJsonTargetDataType type) => TargetDataTypeNames[(int)type];

    public static bool TryParseDataType(string text, out DatasetJsonDataType type)
    {
        var i = Array.IndexOf(DataTypeNames, text);
        type = (DatasetJsonDataType)Math.Max(i, 0);
        return i >= 0;
    }

    public static bool TryParseTargetDataType(string text, out DatasetJsonTargetDataType type)
    {
        var i = Array.IndexOf(TargetDataTypeNames, text);
        type = (DatasetJsonTargetDataType)Math.Max(i, 0);
        return i >= 0;
    }

    public static string AllowedDataTypes => string.Join(", ", DataTypeNames);
}
