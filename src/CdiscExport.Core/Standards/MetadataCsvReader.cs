using CsvHelper;

namespace CdiscExport.Core.Standards;

/// <summary>
/// Reads the rows of one standards metadata file (comma-separated CDISC CSV or tab-separated NCI text) by header
/// name, turning every parser problem into a <see cref="StandardsFormatException"/> that names file and line.
/// </summary>
internal sealed class MetadataCsvReader : IDisposable
{
    private readonly CsvReader csv;
    private readonly HashSet<string> headers;

    private MetadataCsvReader(string path, CsvReader csv, IReadOnlyList<string> headers)
    {
        Path = path;
        this.csv = csv;
        this.headers = new HashSet<string>(headers, StringComparer.Ordinal);
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>1-based line number where the current row starts (the header is line 1).</summary>
    public long Line => csv.LineNumber;

    /// <summary>
    /// Opens <paramref name="path"/> and checks its header. CDISC CSVs are RFC 4180 (quoted fields; malformed
    /// quoting is an error rather than silently recovered). The NCI file is tab-separated with no quoting at all
    /// (definitions contain bare double quotes), so <paramref name="tabSeparatedNoQuotes"/> reads every character
    /// literally.
    /// </summary>
    public static MetadataCsvReader Open(string path, bool tabSeparatedNoQuotes, params string[] requiredHeaders)
    {
        if (!File.Exists(path))
        {
            throw new StandardsFormatException(path, 0, StandardsErrorMessages.FileNotFound);
        }

        var options = CsvReaderOptions.Default with
        {
            Separator = tabSeparatedNoQuotes ? '\t' : ',',
            Mode = tabSeparatedNoQuotes ? CsvMode.NoEscape : CsvMode.Rfc4180,
            MalformedData = CsvMalformedDataHandling.Throw,
            TrackLineNumbers = true,
            HasHeader = true,
        };
        var csv = CsvReader.FromFile(path, options);
        try
        {
            string[] headers;
            try
            {
                headers = [.. csv.Headers];
            }
            catch (CsvFormatException ex)
            {
                throw new StandardsFormatException(path, 1, StandardsErrorMessages.MalformedCsv(ex.Message), ex);
            }

            foreach (var required in requiredHeaders)
            {
                if (Array.IndexOf(headers, required) < 0)
                {
                    throw new StandardsFormatException(path, 1, StandardsErrorMessages.MissingColumn(required, requiredHeaders));
                }
            }

            return new MetadataCsvReader(path, csv, headers);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next row; false at end of file.</summary>
    public bool Read()
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new StandardsFormatException(Path, ex.LineNumber, StandardsErrorMessages.MalformedCsv(ex.Message), ex);
        }
    }

    /// <summary>The trimmed value of column <paramref name="header"/> in the current row ("" if the column is absent).</summary>
    public string Get(string header) =>
        headers.Contains(header) && csv.FieldCount > 0 ? (csv.GetString(header) ?? string.Empty).Trim() : string.Empty;

    /// <summary>Builds an error located at the current row.</summary>
    public StandardsFormatException Error(string problem) => new(Path, Line, problem);

    /// <inheritdoc />
    public void Dispose() => csv.Dispose();
}
