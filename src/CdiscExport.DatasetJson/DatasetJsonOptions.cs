using System.IO.Compression;

namespace CdiscExport.DatasetJson;

/// <summary>Settings for <see cref="DatasetJsonReader.Open"/>.</summary>
public sealed record DatasetJsonReaderOptions
{
    /// <summary>The defaults.</summary>
    public static DatasetJsonReaderOptions Default { get; } = new();

    /// <summary>
    /// The form to read; null (default) to detect it: compressed content (gzip, zlib) or a <c>.dsjc</c> extension is
    /// DSJC, and uncompressed content is JSON when its object holds <c>rows</c>, NDJSON otherwise.
    /// </summary>
    public DatasetJsonForm? Form { get; init; }

    /// <summary>Path shown in exception messages and <see cref="DatasetJsonException.FilePath"/>. Default: the name of a <see cref="FileStream"/> input.</summary>
    public string? FilePath { get; init; }

    /// <summary>Leave the input stream open when the reader is disposed. Default false.</summary>
    public bool LeaveOpen { get; init; }

    /// <summary>Initial read buffer in bytes (default 65536; grown to hold the metadata or one record when needed).</summary>
    public int BufferSize { get; init; } = 65536;
}

/// <summary>Settings for <see cref="DatasetJsonWriter.Create"/>.</summary>
public sealed record DatasetJsonWriterOptions
{
    /// <summary>NDJSON, the streaming form.</summary>
    public static DatasetJsonWriterOptions Default { get; } = new();

    /// <summary>The form to write. Default <see cref="DatasetJsonForm.Ndjson"/>.</summary>
    public DatasetJsonForm Form { get; init; } = DatasetJsonForm.Ndjson;

    /// <summary>Path shown in exception messages. Default: the name of a <see cref="FileStream"/> output.</summary>
    public string? FilePath { get; init; }

    /// <summary>Leave the output stream open when the writer is disposed. Default false.</summary>
    public bool LeaveOpen { get; init; }

    /// <summary>
    /// Compression of the DSJC form (gzip, as every published example is). Default <see cref="CompressionLevel.SmallestSize"/>,
    /// the level 9 the DSJC specification recommends.
    /// </summary>
    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.SmallestSize;
}
