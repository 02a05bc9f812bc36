using System.Globalization;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using CdiscExport.DatasetJson;
using CdiscExport.Xpt;

namespace CdiscExport.Core.DatasetJson;

/// <summary>
/// The one mapping between SAS transport variables and Dataset-JSON columns, both directions, for conversion,
/// export and validation alike.
/// </summary>
/// <remarks>
/// <para>Columns: a character variable is <c>string</c> (<c>datetime</c> when its name ends in DTC, as define.xml
/// types it) with <c>length</c> = its XPT length; a numeric variable is <c>double</c>, or, when its format is a SAS
/// date, datetime or time format, <c>date</c>/<c>datetime</c>/<c>time</c> with <c>targetDataType</c> <c>integer</c>.
/// The format goes to <c>displayFormat</c> (<c>DATE9.</c>). itemOID is <c>IT.&lt;dataset&gt;.&lt;variable&gt;</c>,
/// as in our define.xml.</para>
/// <para>Back to XPT: <c>integer</c>, <c>float</c>, <c>double</c>, <c>decimal</c>, <c>boolean</c> and temporal
/// columns with <c>targetDataType</c> <c>integer</c> are numeric (8 bytes); the rest are character, <c>length</c>
/// bytes long (else the longest value). The NAMESTR's informat and justification have no place in Dataset-JSON
/// and come back empty and left (<see cref="UncarriedFields"/> names them).</para>
/// <para>Values: numbers in shortest round-trip form; <c>.</c> and the 27 special missing values (<c>.A</c>–<c>.Z</c>,
/// <c>._</c>) are all <c>null</c>, since Dataset-JSON has one missing value; blank text is <c>""</c>.</para>
/// </remarks>
public static class DatasetJsonXpt
{
    private static readonly HashSet<string> DateFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "DATE", "E8601DA", "IS8601DA", "B8601DA", "YYMMDD", "YYMMDDB", "YYMMDDC", "YYMMDDD", "YYMMDDN", "YYMMDDP", "YYMMDDS",
        "MMDDYY", "DDMMYY", "WORDDATE", "WORDDATX", "WEEKDATE", "WEEKDATX", "MONYY", "YYMON", "DAY", "NENGO", "MINGUO", "JULIAN", "YYQ",
    };

    private static readonly HashSet<string> DateTimeFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "DATETIME", "E8601DT", "IS8601DT", "B8601DT", "DATEAMPM", "E8601DN", "DTDATE", "MDYAMPM",
    };

    private static readonly HashSet<string> TimeFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "TIME", "E8601TM", "IS8601TM", "B8601TM", "TOD", "HHMM", "HOUR", "MMSS", "TIMEAMPM",
    };

    /// <summary>The <c>itemOID</c> of a variable, as our define.xml names its ItemDef: <c>IT.DM.AGE</c>.</summary>
    /// <param name="dataset">The dataset name.</param>
    /// <param name="variable">The variable name.</param>
    /// <returns>The OID.</returns>
    public static string ItemOid(string dataset, string variable) => $"IT.{dataset}.{variable}";

    /// <summary>The <c>itemGroupOID</c> of a dataset, as our define.xml names its ItemGroupDef: <c>IG.DM</c>.</summary>
    /// <param name="dataset">The dataset name.</param>
    /// <returns>The OID.</returns>
    public static string ItemGroupOid(string dataset) => $"IG.{dataset}";

    /// <summary>The column describing an XPT variable (see the type's remarks).</summary>
    /// <param name="dataset">The dataset name, for the itemOID.</param>
    /// <param name="variable">The variable.</param>
    /// <returns>The column.</returns>
    public static DatasetJsonColumn ToColumn(string dataset, XptVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var format = SasFormat.Format(variable.Format, variable.FormatLength, variable.FormatDecimals);
        var oid = ItemOid(dataset, variable.Name);
        if (variable.Type == XptVariableType.Character)
        {
            var type = variable.Name.EndsWith("DTC", StringComparison.Ordinal) ? DatasetJsonDataType.DateTime : DatasetJsonDataType.String;
            return new DatasetJsonColumn(oid, variable.Name, variable.Label, type) { Length = variable.Length, DisplayFormat = format };
        }

        return TemporalTypeOf(variable.Format) is { } temporal
            ? new DatasetJsonColumn(oid, variable.Name, variable.Label, temporal) { TargetDataType = DatasetJsonTargetDataType.Integer, DisplayFormat = format }
            : new DatasetJsonColumn(oid, variable.Name, variable.Label, DatasetJsonDataType.Double) { DisplayFormat = format };
    }

    /// <summary>The date, datetime or time type a SAS format name shows its numbers as, or null for other formats.</summary>
    /// <param name="format">The format name without width, e.g. <c>DATE</c>.</param>
    /// <returns>The type or null.</returns>
    public static DatasetJsonDataType? TemporalTypeOf(string? format) =>
        string.IsNullOrEmpty(format) ? null
        : DateFormats.Contains(format) ? DatasetJsonDataType.Date
        : DateTimeFormats.Contains(format) ? DatasetJsonDataType.DateTime
        : TimeFormats.Contains(format) ? DatasetJsonDataType.Time
        : null;

    /// <summary>Whether a column's values are SAS numbers in XPT.</summary>
    /// <param name="column">The column.</param>
    /// <returns>True for integer, float, double, decimal, boolean and temporal columns with targetDataType integer.</returns>
    public static bool IsNumeric(DatasetJsonColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.DataType switch
        {
            DatasetJsonDataType.Integer or DatasetJsonDataType.Float or DatasetJsonDataType.Double or DatasetJsonDataType.Decimal or DatasetJsonDataType.Boolean => true,
            DatasetJsonDataType.Date or DatasetJsonDataType.DateTime or DatasetJsonDataType.Time => column.TargetDataType == DatasetJsonTargetDataType.Integer,
            _ => false,
        };
    }

    /// <summary>The XPT variable of a column (see the type's remarks).</summary>
    /// <param name="column">The column.</param>
    /// <param name="longestValue">The longest value in bytes, used for a character column without <c>length</c>.</param>
    /// <returns>The variable.</returns>
    public static XptVariable ToXptVariable(DatasetJsonColumn column, int longestValue = 1)
    {
        ArgumentNullException.ThrowIfNull(column);
        var variable = IsNumeric(column)
            ? XptVariable.Numeric(column.Name, column.Label)
            : XptVariable.Character(column.Name, column.Label, column.Length ?? Math.Max(1, longestValue));
        return SasFormat.TryParse(column.DisplayFormat, out var f)
            ? variable with { Format = f.Name, FormatLength = f.Width, FormatDecimals = f.Decimals }
            : variable;
    }

    /// <summary>The NAMESTR fields of <paramref name="variable"/> that Dataset-JSON cannot carry: informat, right justification, a numeric length under 8.</summary>
    /// <param name="variable">The variable.</param>
    /// <returns>Names of the fields lost, empty when none.</returns>
    public static IReadOnlyList<string> UncarriedFields(XptVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var lost = new List<string>();
        if (variable.Informat.Length > 0 || variable.InformatLength > 0 || variable.InformatDecimals > 0)
        {
            lost.Add("informat");
        }

        if (variable.Justification != XptJustification.Left)
        {
            lost.Add("justification");
        }

        if (variable.Type == XptVariableType.Numeric && variable.Length != 8)
        {
            lost.Add(string.Create(CultureInfo.InvariantCulture, $"length {variable.Length}"));
        }

        return lost;
    }

    /// <summary>
    /// Writes an XPT value as the next value of <paramref name="writer"/>: numbers as numbers (or ISO 8601 text in a
    /// temporal column), any missing value as null, text as a string.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="column">The column the value goes to.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="DatasetJsonException">A temporal value has no exact ISO 8601 text (a fractional date, a time outside a day).</exception>
    public static void WriteValue(DatasetJsonWriter writer, DatasetJsonColumn column, XptValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(column);
        if (value.IsText)
        {
            writer.WriteString(value.TextValue);
            return;
        }

        if (!value.IsNumber)
        {
            writer.WriteNull();
            return;
        }

        var number = value.NumberValue;
        if (column.TargetDataType != DatasetJsonTargetDataType.Integer || column.DataType is not (DatasetJsonDataType.Date or DatasetJsonDataType.DateTime or DatasetJsonDataType.Time))
        {
            writer.WriteNumber(number);
            return;
        }

        string? text;
        var exact = column.DataType switch
        {
            DatasetJsonDataType.Date => SasIsoText.TryFormatDate(number, out text),
            DatasetJsonDataType.DateTime => SasIsoText.TryFormatDateTime(number, out text),
            _ => SasIsoText.TryFormatTime(number, out text),
        };
        if (!exact)
        {
            throw new DatasetJsonException(CoreDatasetJsonMessages.NoExactText(number, column), null, writer.RowCount + 1, column.Name);
        }

        writer.WriteString(text);
    }

    /// <summary>
    /// The XPT value of a cell read by <paramref name="reader"/>: null is missing <c>.</c> (or blank text), a
    /// decimal <c>""</c> is missing, numbers are their nearest double, booleans 1 and 0, ISO 8601 text in a temporal
    /// column with targetDataType integer its SAS number.
    /// </summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="ordinal">The column.</param>
    /// <param name="numeric">Whether the XPT variable is numeric (<see cref="IsNumeric"/>).</param>
    /// <returns>The value.</returns>
    /// <exception cref="DatasetJsonException">Temporal text that is not a complete date, datetime or time.</exception>
    public static XptValue ReadValue(DatasetJsonReader reader, int ordinal, bool numeric)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var kind = reader.GetKind(ordinal);
        if (!numeric)
        {
            return kind == DatasetJsonValueKind.Null ? XptValue.Text(string.Empty)
                : kind == DatasetJsonValueKind.String ? XptValue.Text(reader.GetString(ordinal).TrimEnd(' '))
                : XptValue.Text(reader.GetValue(ordinal).ToString());
        }

        switch (kind)
        {
            case DatasetJsonValueKind.Null:
                return XptValue.Missing();
            case DatasetJsonValueKind.Boolean:
                return XptValue.Number(reader.GetBoolean(ordinal) ? 1 : 0);
            case DatasetJsonValueKind.Number:
                return XptValue.Number(reader.GetDouble(ordinal));
        }

        var column = reader.Metadata.Columns[ordinal];
        var text = reader.GetString(ordinal);
        if (text.Length == 0)
        {
            return XptValue.Missing();
        }

        double number;
        var parsed = column.DataType switch
        {
            DatasetJsonDataType.Date => SasIsoText.TryParseDate(text, out number),
            DatasetJsonDataType.DateTime => SasIsoText.TryParseDateTime(text, out number),
            DatasetJsonDataType.Time => SasIsoText.TryParseTime(text, out number),
            _ => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out number),
        };
        return parsed
            ? XptValue.Number(number)
            : throw new DatasetJsonException(CoreDatasetJsonMessages.NotTemporal(text, column), reader.FilePath, reader.RowNumber, column.Name);
    }
}

/// <summary>Message texts of the Dataset-JSON mapping.</summary>
internal static class CoreDatasetJsonMessages
{
    public static string NoExactText(double value, DatasetJsonColumn column) =>
        string.Create(CultureInfo.InvariantCulture, $"the SAS value {value:R} has no exact ISO 8601 {column.DataType.ToString().ToLowerInvariant()} text (a {column.DisplayFormat} column holds whole days, datetimes and times within a day); remove the format or round the value.");

    public static string NotTemporal(string text, DatasetJsonColumn column) =>
        $"\"{text}\" is not a complete ISO 8601 {column.DataType.ToString().ToLowerInvariant()}; a column with targetDataType integer converts each value to a SAS number.";
}
