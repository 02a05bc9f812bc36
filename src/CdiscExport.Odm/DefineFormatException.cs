namespace CdiscExport.Odm;

/// <summary>
/// A define.xml that cannot be read: not well-formed XML, a DTD or external entity (prohibited), or a required
/// element or attribute missing. <see cref="Exception.Message"/> names the file and line and ends with the remedy.
/// </summary>
public sealed class DefineFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public DefineFormatException(string? filePath, int line, int column, string? element, string problem, Exception? inner = null)
        : base(Format(filePath, line, column, element, problem), inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Element = element;
    }

    /// <summary>The file read, when known.</summary>
    public string? FilePath { get; }

    /// <summary>1-based line of the problem (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem (0 when unknown).</summary>
    public int Column { get; }

    /// <summary>The element's local name, when the problem lies in one.</summary>
    public string? Element { get; }

    private static string Format(string? filePath, int line, int column, string? element, string problem) =>
        $"{filePath ?? "define.xml"} line {line}, col {column}{(element is null ? "" : $" ({element})")}: {problem}";
}
