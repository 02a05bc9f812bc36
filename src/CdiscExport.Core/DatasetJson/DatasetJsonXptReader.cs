using CdiscExport.DatasetJson;
using CdiscExport.Xpt;

namespace CdiscExport.Core.DatasetJson;

/// <summary>
/// A Dataset-JSON file (any form) read as SAS transport would hold it: an <see cref="XptDataset"/> and one
/// <see cref="XptValue"/> per cell, through <see cref="DatasetJsonXpt"/>. Streams row by row.
/// </summary>
/// <remarks>A character column without <c>length</c> (CDISC's examples give none for <c>--DTC</c>) takes its longest
/// value: the file is then read twice, once to measure. Not thread-safe.</remarks>
public sealed class DatasetJsonXptReader : IDisposable
{
    private readonly DatasetJsonReader _reader;
    private readonly bool[] _numeric;

    private DatasetJsonXptReader(DatasetJsonReader reader, XptDataset dataset)
    {
        _reader = reader;
        Dataset = dataset;
        _numeric = dataset.Variables.Select(v => v.Type == XptVariableType.Numeric).ToArray();
    }

    /// <summary>Opens <paramref name="path"/> (form from its content and extension) and describes it as XPT.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The reader, before the first row.</returns>
    /// <exception cref="DatasetJsonException">The file breaks the specification (named with record and column).</exception>
    public static DatasetJsonXptReader Open(string path)
    {
        var options = DatasetJsonReaderOptions.Default with { FilePath = path };
        var reader = DatasetJsonReader.Open(File.OpenRead(path), options);
        try
        {
            var metadata = reader.Metadata;
            // A text column without a length (CDISC's examples give none for --DTC) takes its longest value: only
            // those columns are measured, in one more pass over the file.
            var lengths = new int[metadata.Columns.Count];
            var unmeasured = Enumerable.Range(0, lengths.Length).Where(i => metadata.Columns[i].Length is null && !DatasetJsonXpt.IsNumeric(metadata.Columns[i])).ToArray();
            if (unmeasured.Length > 0)
            {
                using var measure = DatasetJsonReader.Open(File.OpenRead(path), options);
                while (measure.Read())
                {
                    foreach (var i in unmeasured)
                    {
                        if (measure.GetKind(i) == DatasetJsonValueKind.String)
                        {
                            lengths[i] = Math.Max(lengths[i], measure.GetUtf8(i).TrimEnd((byte)' ').Length);
                        }
                    }
                }
            }

            var variables = metadata.Columns.Select((c, i) => DatasetJsonXpt.ToXptVariable(c, lengths[i])).ToList();
            return new DatasetJsonXptReader(reader, new XptDataset(metadata.Name, metadata.Label, variables));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The dataset as XPT variables.</summary>
    public XptDataset Dataset { get; }

    /// <summary>The Dataset-JSON metadata as read.</summary>
    public DatasetJsonMetadata Metadata => _reader.Metadata;

    /// <summary>The form read.</summary>
    public DatasetJsonForm Form => _reader.Form;

    /// <summary>The 1-based record number of the current row.</summary>
    public long RowNumber => _reader.RowNumber;

    /// <summary>Advances to the next row.</summary>
    /// <returns>False after the last row.</returns>
    public bool Read() => _reader.Read();

    /// <summary>The value of a cell of the current row, as <see cref="DatasetJsonXpt.ReadValue"/> gives it.</summary>
    /// <param name="ordinal">0-based column.</param>
    /// <returns>The value.</returns>
    public XptValue GetValue(int ordinal) => DatasetJsonXpt.ReadValue(_reader, ordinal, _numeric[ordinal]);

    /// <summary>Disposes the file.</summary>
    public void Dispose() => _reader.Dispose();
}
