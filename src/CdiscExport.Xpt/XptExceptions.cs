namespace CdiscExport.Xpt;

/// <summary>The input is not a well-formed XPT file. Location properties say where reading stopped.</summary>
public sealed class XptFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong, without location (the message adds it).</param>
    /// <param name="filePath">File path, if known.</param>
    /// <param name="byteOffset">Byte offset in the file where the problem was found.</param>
    /// <param name="member">Dataset name, once known.</param>
    /// <param name="variable">Variable name, when one is involved.</param>
    /// <param name="innerException">The cause, if any.</param>
    public XptFormatException(string problem, string? filePath, long byteOffset, string? member = null, string? variable = null, Exception? innerException = null)
        : base(XptMessages.Located(problem, filePath, byteOffset, member, variable), innerException)
    {
        Problem = problem;
        FilePath = filePath;
        ByteOffset = byteOffset;
        Member = member;
        Variable = variable;
    }

    /// <summary>What is wrong, without location.</summary>
    public string Problem { get; }

    /// <summary>The file path, if known.</summary>
    public string? FilePath { get; }

    /// <summary>0-based byte offset where the problem was found.</summary>
    public long ByteOffset { get; }

    /// <summary>1-based number of the 80-byte record holding <see cref="ByteOffset"/>.</summary>
    public long RecordNumber => (ByteOffset / XptLayout.RecordLength) + 1;

    /// <summary>The dataset (member) name, once the member header has been read.</summary>
    public string? Member { get; }

    /// <summary>The variable involved, if any.</summary>
    public string? Variable { get; }
}

/// <summary>A name, label, length or value exceeds what the chosen XPT version allows, or is not allowed at all.</summary>
public sealed class XptLimitException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="member">The dataset name.</param>
    /// <param name="variable">The variable, or null for a dataset-level setting.</param>
    /// <param name="limit">The limit that was exceeded (characters or bytes), or null when the value is not allowed at all.</param>
    /// <param name="rowNumber">1-based row, for a value.</param>
    public XptLimitException(string message, string? member, string? variable, int? limit, long? rowNumber = null)
        : base(message)
    {
        Member = member;
        Variable = variable;
        Limit = limit;
        RowNumber = rowNumber;
    }

    /// <summary>The dataset name.</summary>
    public string? Member { get; }

    /// <summary>The variable, or null for a dataset-level setting.</summary>
    public string? Variable { get; }

    /// <summary>The limit that was exceeded, or null when the value is not allowed at all (e.g. a bad character).</summary>
    public int? Limit { get; }

    /// <summary>1-based row number, when a data value is at fault.</summary>
    public long? RowNumber { get; }
}
