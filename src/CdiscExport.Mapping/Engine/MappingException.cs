namespace CdiscExport.Mapping.Engine;

/// <summary>
/// Raw data could not be mapped: says which raw file, line and column, which target variable and which subject,
/// and what to do about it.
/// </summary>
public sealed class MappingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MappingException(string rawFile, int line, string? rawColumn, string? target, string? usubjid, string reason)
        : base(Format(rawFile, line, rawColumn, target, usubjid, reason))
    {
        RawFile = rawFile;
        Line = line;
        RawColumn = rawColumn;
        Target = target;
        Usubjid = usubjid;
        Reason = reason;
    }

    /// <summary>The raw file.</summary>
    public string RawFile { get; }

    /// <summary>1-based line in the raw file (the header is line 1).</summary>
    public int Line { get; }

    /// <summary>The raw column, if one is at fault.</summary>
    public string? RawColumn { get; }

    /// <summary>The target as DATASET.VARIABLE.</summary>
    public string? Target { get; }

    /// <summary>The subject, when known.</summary>
    public string? Usubjid { get; }

    /// <summary>The reason alone.</summary>
    public string Reason { get; }

    private static string Format(string file, int line, string? column, string? target, string? usubjid, string reason)
    {
        var where = line > 0 ? $"{file} line {line}" : file;
        if (column is not null)
        {
            where += $", column {column}";
        }

        if (target is not null)
        {
            where += $" -> {target}";
        }

        if (usubjid is not null)
        {
            where += $" (USUBJID {usubjid})";
        }

        return $"{where}: {reason}";
    }
}
