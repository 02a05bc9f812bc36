using System.Globalization;
using CdiscExport.Core.Datasets;

namespace CdiscExport.Mapping.Derivations;

/// <summary>
/// The order of records on sort keys held as text: a key whose every value is a number sorts by value (so VISITNUM 10
/// follows 9), any other key ordinally (ISO 8601 dates sort correctly as text); missing values last. Each key column
/// is examined once, up front, so that sorting half a million records parses nothing per comparison.
/// </summary>
internal sealed class ValueOrder : IComparer<int>
{
    private readonly Func<int, int, int>[] _keys;

    public ValueOrder(Dataset dataset, IReadOnlyList<string> variables) =>
        _keys = variables.Select(v => Key(dataset[v])).ToArray();

    /// <summary>Compares two rows on the keys in turn; 0 when they tie on all of them.</summary>
    public int Compare(int left, int right)
    {
        foreach (var key in _keys)
        {
            var c = key(left, right);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>The rows' indexes in key order; ties keep their original order (a stable sort).</summary>
    public int[] SortedRows(int count)
    {
        var rows = Enumerable.Range(0, count).ToArray();
        // Array.Sort is not stable, so the row index is the last key.
        Array.Sort(rows, (l, r) =>
        {
            var c = Compare(l, r);
            return c != 0 ? c : l.CompareTo(r);
        });
        return rows;
    }

    private static Func<int, int, int> Key(DatasetColumn column)
    {
        if (column is NumericColumn numbers)
        {
            return (l, r) => CompareMissingLast(numbers[l], numbers[r]);
        }

        var texts = Enumerable.Range(0, column.Count).Select(column.GetText).ToArray();
        var parsed = new double?[texts.Length];
        var allNumbers = true;
        for (var i = 0; i < texts.Length && allNumbers; i++)
        {
            if (texts[i].Length == 0)
            {
                continue;
            }

            allNumbers = double.TryParse(texts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
            parsed[i] = d;
        }

        if (allNumbers)
        {
            return (l, r) => CompareMissingLast(parsed[l], parsed[r]);
        }

        return (l, r) =>
        {
            string a = texts[l], b = texts[r];
            return a.Length == 0 || b.Length == 0 ? (a.Length == 0).CompareTo(b.Length == 0) : string.CompareOrdinal(a, b);
        };
    }

    private static int CompareMissingLast(double? a, double? b) =>
        a is null || b is null ? (a is null).CompareTo(b is null) : a.Value.CompareTo(b.Value);
}
