namespace CdiscExport.DatasetJson;

/// <summary>The three representations of a Dataset-JSON v1.1 dataset.</summary>
public enum DatasetJsonForm
{
    /// <summary>One JSON object with the metadata and a <c>rows</c> array (<c>.json</c>).</summary>
    Json,

    /// <summary>Newline-delimited JSON: line 1 the metadata without <c>rows</c>, then one array per record (<c>.ndjson</c>).</summary>
    Ndjson,

    /// <summary>Compressed NDJSON (<c>.dsjc</c>): written as gzip like every published example; read as gzip, zlib or raw deflate.</summary>
    Dsjc,
}

/// <summary>File extensions of the forms and the detection of a form from a path.</summary>
public static class DatasetJsonForms
{
    /// <summary>The extension of a form, with its dot: <c>.json</c>, <c>.ndjson</c> or <c>.dsjc</c>.</summary>
    /// <param name="form">The form.</param>
    /// <returns>The extension.</returns>
    public static string Extension(DatasetJsonForm form) => form switch
    {
        DatasetJsonForm.Json => ".json",
        DatasetJsonForm.Ndjson => ".ndjson",
        DatasetJsonForm.Dsjc => ".dsjc",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>The form a file name's extension names (case-insensitive), if any.</summary>
    /// <param name="path">A file name or path.</param>
    /// <param name="form">The form, or <c>default</c>.</param>
    /// <returns>Whether the extension is <c>.json</c>, <c>.ndjson</c> or <c>.dsjc</c>.</returns>
    public static bool TryFromPath(string path, out DatasetJsonForm form)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        foreach (var candidate in (ReadOnlySpan<DatasetJsonForm>)[DatasetJsonForm.Json, DatasetJsonForm.Ndjson, DatasetJsonForm.Dsjc])
        {
            if (string.Equals(extension, Extension(candidate), StringComparison.OrdinalIgnoreCase))
            {
                form = candidate;
                return true;
            }
        }

        form = default;
        return false;
    }
}
