namespace CdiscExport.DatasetJson;

/// <summary>A column's <c>dataType</c>: the logical type of its values (Dataset-JSON v1.1, "Column Metadata").</summary>
public enum DatasetJsonDataType
{
    /// <summary><c>string</c>: JSON strings.</summary>
    String,

    /// <summary><c>integer</c>: JSON numbers without fraction or exponent.</summary>
    Integer,

    /// <summary><c>decimal</c>: exact decimal text in JSON strings (<c>"30.8983333232059"</c>), with <c>targetDataType</c> <c>decimal</c>.</summary>
    Decimal,

    /// <summary><c>float</c>: JSON numbers.</summary>
    Float,

    /// <summary><c>double</c>: JSON numbers.</summary>
    Double,

    /// <summary><c>boolean</c>: <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>datetime</c>: ISO 8601 date-time text.</summary>
    DateTime,

    /// <summary><c>date</c>: ISO 8601 date text.</summary>
    Date,

    /// <summary><c>time</c>: ISO 8601 time text.</summary>
    Time,

    /// <summary><c>URI</c>: a URI as text.</summary>
    Uri,
}

/// <summary>A column's <c>targetDataType</c>: the type a receiver converts the values to.</summary>
public enum DatasetJsonTargetDataType
{
    /// <summary><c>integer</c>: e.g. an ISO 8601 date to a SAS date number (ADaM).</summary>
    Integer,

    /// <summary><c>decimal</c>: a decimal string to a number.</summary>
    Decimal,
}

/// <summary>Which JSON value a row cell holds.</summary>
public enum DatasetJsonValueKind
{
    /// <summary><c>null</c>: the missing value.</summary>
    Null,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number, kept as its text.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
}
