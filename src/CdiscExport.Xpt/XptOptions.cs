namespace CdiscExport.Xpt;

/// <summary>Settings for <see cref="XptWriter.Create"/>. Validated there, before the first byte is written.</summary>
public sealed record XptWriterOptions
{
    /// <summary>V5 defaults: the format the FDA requires, a fixed 1960-01-01 timestamp.</summary>
    public static XptWriterOptions Default { get; } = new();

    /// <summary>V8 defaults: 32-character names, 256-character labels, character lengths up to 32767. Not for FDA submissions.</summary>
    public static XptWriterOptions V8 { get; } = new() { Version = 8 };

    /// <summary>Transport version: 5 (default) or 8.</summary>
    public int Version { get; init; } = 5;

    /// <summary>
    /// The created timestamp in the library and member headers (second precision, two-digit year, so 1960–2059).
    /// Default 1960-01-01T00:00:00: the writer never reads a clock, so output is reproducible; callers stamp the
    /// real time by setting this.
    /// </summary>
    public DateTime Created { get; init; } = new(1960, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The modified timestamp; <see langword="null"/> (default) means the same as <see cref="Created"/>.</summary>
    public DateTime? Modified { get; init; }

    /// <summary>
    /// When false (default) non-ASCII text is an error. When true it is replaced by ASCII (accents dropped, common
    /// symbols spelled out, anything else <c>?</c>) and each replacement is listed in <see cref="XptWriter.Transliterations"/>.
    /// </summary>
    public bool TransliterateNonAscii { get; init; }

    /// <summary>SAS version written in the headers (at most 8 ASCII characters). Default <c>9.4</c>, the layout followed.</summary>
    public string SasVersion { get; init; } = "9.4";

    /// <summary>Operating-system field written in the headers (at most 8 ASCII characters). Default <c>.NET</c>.</summary>
    public string OperatingSystem { get; init; } = ".NET";

    /// <summary>Leave the output stream open when the writer is disposed. Default false: the writer disposes it.</summary>
    public bool LeaveOpen { get; init; }
}

/// <summary>Settings for <see cref="XptReader.Open"/>.</summary>
public sealed record XptReaderOptions
{
    /// <summary>The defaults.</summary>
    public static XptReaderOptions Default { get; } = new();

    /// <summary>Leave the input stream open when the reader is disposed. Default false: the reader disposes it.</summary>
    public bool LeaveOpen { get; init; }

    /// <summary>
    /// Path shown in exception messages and <see cref="XptFormatException.FilePath"/>. Default: the name of a
    /// <see cref="FileStream"/> input, otherwise none.
    /// </summary>
    public string? FilePath { get; init; }

    /// <summary>Initial read buffer in bytes (default 65536; grown to hold one observation when needed).</summary>
    public int BufferSize { get; init; } = 65536;
}
