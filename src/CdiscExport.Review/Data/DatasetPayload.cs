using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using CdiscExport.Conformance.Engine;
using CdiscExport.Xpt;

namespace CdiscExport.Review.Data;

/// <summary>How the page shows a column's values.</summary>
internal enum ColumnKind
{
    /// <summary>Character values as they are.</summary>
    Text,

    /// <summary>Numbers, sorted numerically.</summary>
    Number,

    /// <summary>SAS dates (days since 1960-01-01), shown as ISO 8601 dates.</summary>
    Date,

    /// <summary>SAS datetimes (seconds since 1960-01-01T00:00), shown as ISO 8601 date-times.</summary>
    DateTime,

    /// <summary>SAS times (seconds since midnight), shown as hh:mm:ss.</summary>
    Time,
}

/// <summary>
/// One dataset as the page embeds it: the dictionary-encoded columns the package loader built, each compressed on
/// its own (so that the columns of a million-record LB are compressed on every core at once), and decoded by the
/// browser only when the dataset is opened.
/// </summary>
/// <remarks>
/// <para>The page holds a dataset as base64 parts separated by '.': first the header, then one part per column, each
/// gzip-compressed.</para>
/// <code>
/// header: UTF-8 JSON {"rows":N,"columns":[{"name","label","kind","width","values":[...distinct texts, code 0 first...]}]}
/// column: N codes of `width` bytes (1, 2 or 4; little-endian), the code of each record into the column's values
/// </code>
/// <para>The script (<c>review.js</c>, <c>readPayload</c>) reads the codes through typed-array views, never copied,
/// and a filter or a sort works on the distinct values first (a flag or a rank per value), then on the codes.</para>
/// </remarks>
internal static class DatasetPayload
{
    /// <summary>The separator of the parts in the page (not a base64 character).</summary>
    public const char PartSeparator = '.';

    /// <summary>The compressed header of <paramref name="dataset"/>: variables labelled by <paramref name="labels"/> (name to label), their distinct values.</summary>
    public static byte[] EncodeHeader(DatasetData dataset, IReadOnlyDictionary<string, string> labels)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Header(dataset, labels));
        }

        return compressed.ToArray();
    }

    /// <summary>The compressed codes of column <paramref name="ordinal"/> of <paramref name="dataset"/>.</summary>
    public static byte[] EncodeColumn(DatasetData dataset, int ordinal)
    {
        var column = dataset.Column(ordinal);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            WriteCodes(gzip, column.Codes, WidthOf(column.DistinctCount));
        }

        return compressed.ToArray();
    }

    /// <summary>How a variable's values are shown: by its type and SAS format (DATE9. is a date, and so on).</summary>
    public static ColumnKind KindOf(XptVariable variable)
    {
        if (variable.Type == XptVariableType.Character)
        {
            return ColumnKind.Text;
        }

        var format = variable.Format.ToUpperInvariant();
        return format switch
        {
            "DATE" or "YYMMDD" or "E8601DA" or "IS8601DA" or "MMDDYY" or "DDMMYY" or "DAY" or "WORDDATE" => ColumnKind.Date,
            "DATETIME" or "E8601DT" or "IS8601DT" or "DATEAMPM" => ColumnKind.DateTime,
            "TIME" or "E8601TM" or "IS8601TM" or "TOD" or "HHMM" => ColumnKind.Time,
            _ => ColumnKind.Number,
        };
    }

    /// <summary>Bytes per code: 1 for at most 256 distinct values, 2 for at most 65,536, else 4.</summary>
    public static int WidthOf(int distinct) => distinct <= 256 ? 1 : distinct <= 65536 ? 2 : 4;

    private static byte[] Header(DatasetData dataset, IReadOnlyDictionary<string, string> labels)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("rows", dataset.RowCount);
            json.WriteStartArray("columns");
            for (var c = 0; c < dataset.Variables.Count; c++)
            {
                var variable = dataset.Variables[c];
                var column = dataset.Column(c);
                json.WriteStartObject();
                json.WriteString("name", variable.Name);
                json.WriteString("label", labels.GetValueOrDefault(variable.Name, variable.Label));
                json.WriteString("kind", KindOf(variable).ToString().ToLowerInvariant());
                json.WriteNumber("width", WidthOf(column.DistinctCount));
                json.WriteStartArray("values");
                for (var code = 0; code < column.DistinctCount; code++)
                {
                    json.WriteStringValue(column.TextOf(code));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Codes go out in chunks through one pooled buffer: a million-record column is written without a copy of it.
    private static void WriteCodes(Stream output, ReadOnlySpan<int> codes, int width)
    {
        const int Chunk = 1 << 14;
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk * 4);
        try
        {
            for (var start = 0; start < codes.Length; start += Chunk)
            {
                var part = codes.Slice(start, Math.Min(Chunk, codes.Length - start));
                var bytes = buffer.AsSpan(0, part.Length * width);
                switch (width)
                {
                    case 1:
                        for (var i = 0; i < part.Length; i++)
                        {
                            bytes[i] = (byte)part[i];
                        }

                        break;
                    case 2:
                        var shorts = MemoryMarshal.Cast<byte, ushort>(bytes);
                        for (var i = 0; i < part.Length; i++)
                        {
                            shorts[i] = BitConverter.IsLittleEndian ? (ushort)part[i] : BinaryPrimitives.ReverseEndianness((ushort)part[i]);
                        }

                        break;
                    default:
                        var ints = MemoryMarshal.Cast<byte, int>(bytes);
                        for (var i = 0; i < part.Length; i++)
                        {
                            ints[i] = BitConverter.IsLittleEndian ? part[i] : BinaryPrimitives.ReverseEndianness(part[i]);
                        }

                        break;
                }

                output.Write(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
