namespace CdiscExport.Core.Standards;

/// <summary>
/// Thrown when a standards metadata file (SDTMIG/ADaMIG CSV, NCI controlled terminology) cannot be read:
/// the message names the file and line, says what is wrong and how to fix it.
/// </summary>
public sealed class StandardsFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/> of <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file being read.</param>
    /// <param name="line">1-based line number in the file, or 0 when the problem concerns the whole file.</param>
    /// <param name="problem">What is wrong, ending with what to do about it.</param>
    /// <param name="innerException">The underlying parser error, if any.</param>
    public StandardsFormatException(string filePath, long line, string problem, Exception? innerException = null)
        : base(line > 0 ? $"{filePath} line {line}: {problem}" : $"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number of the offending row, or 0 when the problem concerns the whole file.</summary>
    public long Line { get; }
}
