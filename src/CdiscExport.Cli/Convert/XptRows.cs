using CdiscExport.Core.DatasetJson;
using CdiscExport.DatasetJson;
using CdiscExport.Xpt;

namespace CdiscExport.Cli.Convert;

/// <summary>
/// A dataset file read row by row as SAS transport holds it, whatever its format: XPT, or Dataset-JSON (JSON, NDJSON,
/// DSJC) through <see cref="DatasetJsonXpt"/>. What <c>convert</c> and <c>inspect</c> read from.
/// </summary>
internal interface IXptRows : IDisposable
{
    /// <summary>The dataset's name, label and variables.</summary>
    XptDataset Dataset { get; }

    /// <summary>A line saying what the file is (format, version, creation time).</summary>
    string Describe { get; }

    /// <summary>Advances to the next row; false after the last.</summary>
    bool Read();

    /// <summary>A cell of the current row.</summary>
    XptValue GetValue(int ordinal);

    /// <summary>How many rows the file holds (an XPT file is counted by reading it once more).</summary>
    long CountRows();
}

/// <summary>Opens an <see cref="IXptRows"/> by the file's extension.</summary>
internal static class XptRows
{
    public static bool IsDatasetJson(string path) => DatasetJsonForms.TryFromPath(path, out _);

    public static IXptRows Open(string path) => IsDatasetJson(path) ? new JsonRows(DatasetJsonXptReader.Open(path)) : new XptFileRows(path);

    private sealed class XptFileRows : IXptRows
    {
        private readonly string _path;
        private readonly XptReader _reader;

        public XptFileRows(string path)
        {
            _path = path;
            _reader = XptReader.Open(File.OpenRead(path), XptReaderOptions.Default with { FilePath = path });
        }

        public XptDataset Dataset => _reader.Dataset;

        public string Describe => System.FormattableString.Invariant(
            $"XPT v{_reader.Version}, SAS {_reader.SasVersion} {_reader.OperatingSystem}, created {_reader.Created:yyyy-MM-ddTHH:mm:ss}");

        public bool Read() => _reader.Read();

        // Character values come from the reader's cache of the previous row's string (no allocation when repeated).
        public XptValue GetValue(int ordinal) => _reader.GetValue(ordinal);

        public long CountRows()
        {
            using var counter = XptReader.Open(File.OpenRead(_path), XptReaderOptions.Default with { FilePath = _path });
            long rows = 0;
            while (counter.Read())
            {
                rows++;
            }

            return rows;
        }

        public void Dispose() => _reader.Dispose();
    }

    private sealed class JsonRows(DatasetJsonXptReader reader) : IXptRows
    {
        public XptDataset Dataset => reader.Dataset;

        public string Describe => $"Dataset-JSON {reader.Metadata.Version} ({DatasetJsonForms.Extension(reader.Form)[1..]}), created {reader.Metadata.CreationDateTime}";

        public bool Read() => reader.Read();

        public XptValue GetValue(int ordinal) => reader.GetValue(ordinal);

        public long CountRows() => reader.Metadata.Records;

        public void Dispose() => reader.Dispose();
    }
}
