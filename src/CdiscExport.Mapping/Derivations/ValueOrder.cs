using System.Globalization;

namespace CdiscExport.Mapping.Derivations;

/// <summary>
/// The order used for sort keys held as text: numbers by value (so VISITNUM 10 follows 9), other text ordinally
/// (ISO 8601 dates sort correctly as text), missing values last.
/// </summary>
internal sealed class ValueOrder : IComparer<string>
{
    public static ValueOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        x ??= string.Empty;
        y ??= string.Empty;
        if (x.Length == 0 || y.Length == 0)
        {
            return (x.Length == 0).CompareTo(y.Length == 0);
        }

        if (double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }

        return string.CompareOrdinal(x, y);
    }

    /// <summary>Compares two rows of a dataset on several variables in turn.</summary>
    public static int CompareRows(Core.Datasets.Dataset dataset, IReadOnlyList<string> variables, int left, int right)
    {
        foreach (var variable in variables)
        {
            var column = dataset[variable];
            var c = Instance.Compare(column.GetText(left), column.GetText(right));
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
