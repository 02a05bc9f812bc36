namespace CdiscExport.Mapping.Specs;

/// <summary>
/// A spec file is wrong: it says which file, line and column, which key, what is wrong and what is allowed.
/// </summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception; the message is built from the location and the reason.</summary>
    public SpecException(string filePath, int line, int column, string? key, string reason, IReadOnlyList<string>? allowedValues = null)
        : base(Format(filePath, line, column, reason, allowedValues))
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Key = key;
        AllowedValues = allowedValues ?? [];
        Reason = reason;
    }

    /// <summary>The spec file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line (0 when the problem is the file as a whole).</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>The key at fault, if any.</summary>
    public string? Key { get; }

    /// <summary>What would have been accepted there, if the set is known.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <summary>The reason alone, without the location.</summary>
    public string Reason { get; }

    private static string Format(string file, int line, int column, string reason, IReadOnlyList<string>? allowed)
    {
        var where = line > 0 ? $"{file} line {line}, col {column}" : file;
        var message = $"{where}: {reason}";
        return allowed is { Count: > 0 } ? $"{message}\n  Allowed here: {string.Join(", ", allowed)}." : message;
    }
}
