using System.Globalization;
using CdiscExport.Xpt;

namespace CdiscExport.Review.Tests;

/// <summary>
/// A dataset of a package read with the XPT reader, independently of the review page's own loading: each record a
/// map from variable name to its text (character) or number (numeric, null when missing).
/// </summary>
internal sealed class PackageData
{
    private static readonly DateOnly SasEpoch = new(1960, 1, 1);

    private PackageData(List<Dictionary<string, object?>> records) => Records = records;

    public IReadOnlyList<Dictionary<string, object?>> Records { get; }

    public static PackageData Read(string folder, string dataset)
    {
        using var stream = File.OpenRead(Path.Combine(folder, dataset.ToLowerInvariant() + ".xpt"));
        using var reader = XptReader.Open(stream);
        var records = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.Dataset.Variables.Count; i++)
            {
                var variable = reader.Dataset.Variables[i];
                record[variable.Name] = variable.Type == XptVariableType.Numeric ? reader.GetDouble(i) : reader.GetString(i);
            }

            records.Add(record);
        }

        return new PackageData(records);
    }

    public static string Text(Dictionary<string, object?> record, string variable) => (string?)record[variable] ?? "";

    public static double? Number(Dictionary<string, object?> record, string variable) => (double?)record[variable];

    /// <summary>A SAS date (days since 1960-01-01) as a date.</summary>
    public static DateOnly SasDate(double days) => SasEpoch.AddDays((int)days);

    /// <summary>The date part of an ISO 8601 --DTC value.</summary>
    public static DateOnly IsoDate(string dtc) => DateOnly.ParseExact(dtc[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
