using CsvHelper;

namespace CdiscExport.Review.Reports;

/// <summary>
/// A CSV report of ours read back (reconciliation.csv, best-response-by-cohort.csv): the header and the rows, as the
/// export wrote them with <c>DatasetCsvWriter</c> (RFC 4180).
/// </summary>
/// <param name="FileName">The report's file name, e.g. <c>reconciliation.csv</c>.</param>
/// <param name="Header">Column names.</param>
/// <param name="Rows">Rows, each as many fields as the header.</param>
public sealed record ReportTable(string FileName, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Reads <paramref name="path"/>, or returns null when there is no such file.</summary>
    /// <exception cref="InvalidDataException">The file is not well-formed CSV; the message names it and the line.</exception>
    public static ReportTable? ReadIfPresent(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var options = CsvReaderOptions.Default with { Mode = CsvMode.Rfc4180, MalformedData = CsvMalformedDataHandling.Throw, HasHeader = true, TrackLineNumbers = true };
        try
        {
            using var csv = CsvReader.FromFile(path, options);
            var header = csv.Headers.ToList();
            var rows = new List<IReadOnlyList<string>>();
            while (csv.Read())
            {
                var row = new string[header.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = i < csv.FieldCount ? csv.GetString(i) ?? "" : "";
                }

                rows.Add(row);
            }

            return new ReportTable(Path.GetFileName(path), header, rows);
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{path} line {e.LineNumber}: not well-formed CSV ({e.Message})", e);
        }
    }

    /// <summary>The value of column <paramref name="column"/> in <paramref name="row"/>, or "" when there is no such column.</summary>
    public string Get(IReadOnlyList<string> row, string column)
    {
        for (var i = 0; i < Header.Count && i < row.Count; i++)
        {
            if (string.Equals(Header[i], column, StringComparison.Ordinal))
            {
                return row[i];
            }
        }

        return "";
    }
}
