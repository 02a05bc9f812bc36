namespace CdiscExport.DatasetJson;

/// <summary>
/// A Dataset-JSON file (or what a writer was asked to write) breaks the v1.1 specification or schema. The location
/// properties say where: the file, the record (1-based row; null for the metadata) and the column.
/// </summary>
public sealed class DatasetJsonException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong, without location (the message adds it).</param>
    /// <param name="filePath">The file, if known.</param>
    /// <param name="recordNumber">1-based record (row) number; null when the metadata is at fault.</param>
    /// <param name="column">The column (variable name), when one is involved.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DatasetJsonException(string problem, string? filePath, long? recordNumber = null, string? column = null, Exception? innerException = null)
        : base(DatasetJsonMessages.Located(problem, filePath, recordNumber, column), innerException)
    {
        Problem = problem;
        FilePath = filePath;
        RecordNumber = recordNumber;
        Column = column;
    }

    /// <summary>What is wrong, without location.</summary>
    public string Problem { get; }

    /// <summary>The file, if known.</summary>
    public string? FilePath { get; }

    /// <summary>1-based record number (the NDJSON line number minus one); null when the metadata is at fault.</summary>
    public long? RecordNumber { get; }

    /// <summary>The column (variable name) involved, if any.</summary>
    public string? Column { get; }
}
