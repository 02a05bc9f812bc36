namespace CdiscExport.Core.Datasets;

/// <summary>
/// The distinct values of one column, as text, and for every row which of them it holds (its id). What the define
/// says about a column (codelist terms, lengths, value-level groups, key uniqueness), the order of records on sort
/// keys and the grouping of records by key (<see cref="RowGroups"/>) depend only on which values occur where, and a
/// column of a million records holds a few hundred distinct values: each is examined once instead of once per record.
/// </summary>
/// <remarks>
/// Two rows share an id exactly when <see cref="DatasetColumn.GetText"/> gives the same text for them, so grouping by
/// id is grouping by text, as the define describes values.
/// </remarks>
public sealed class ColumnValues
{
    private readonly int[] _ids;
    private readonly string[] _texts;

    private ColumnValues(int[] ids, string[] texts)
    {
        _ids = ids;
        _texts = texts;
    }

    /// <summary>The number of distinct values.</summary>
    public int Count => _texts.Length;

    /// <summary>The distinct values as text ("" is the missing value), indexed by id.</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>The id of the value on <paramref name="row"/>.</summary>
    public int IdOf(int row) => _ids[row];

    /// <summary>The id of every row's value, by row.</summary>
    public ReadOnlySpan<int> Ids => _ids;

    /// <summary>The text of the value <paramref name="id"/> ("" when missing).</summary>
    public string Text(int id) => _texts[id];

    /// <summary>Indexes <paramref name="column"/>.</summary>
    public static ColumnValues Of(DatasetColumn column) => column switch
    {
        CharacterColumn text => OfText(text),
        NumericColumn numbers => OfNumbers(numbers),
        _ => throw new ArgumentException($"{column.Name}: unknown column type {column.GetType().Name}", nameof(column)),
    };

    private static ColumnValues OfText(CharacterColumn column)
    {
        var ids = new int[column.Count];
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        string? last = null;
        var lastId = -1;
        for (var row = 0; row < ids.Length; row++)
        {
            var value = column[row];
            // Sorted datasets repeat a value over runs of records, often as one pooled string: skip the hash then.
            if (!ReferenceEquals(value, last))
            {
                lastId = IdOf(byText, texts, value, value);
                last = value;
            }

            ids[row] = lastId;
        }

        return new ColumnValues(ids, [.. texts]);
    }

    private static ColumnValues OfNumbers(NumericColumn column)
    {
        // Numbers are told apart by their bits (0.0 and -0.0 print differently), then merged by text, so that ids
        // stay one per text even for the odd values that print alike (NaN payloads).
        var ids = new int[column.Count];
        var byBits = new Dictionary<long, int>();
        var values = new List<double?>();
        var missingId = -1;
        var lastBits = 0L;
        var lastId = -1;
        for (var row = 0; row < ids.Length; row++)
        {
            if (column[row] is not { } v)
            {
                if (missingId < 0)
                {
                    missingId = values.Count;
                    values.Add(null);
                }

                ids[row] = missingId;
                continue;
            }

            var bits = BitConverter.DoubleToInt64Bits(v);
            if (lastId < 0 || bits != lastBits)
            {
                lastId = IdOf(byBits, values, bits, v);
                lastBits = bits;
            }

            ids[row] = lastId;
        }

        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        var canonical = new int[values.Count];
        for (var id = 0; id < values.Count; id++)
        {
            var text = NumericColumn.FormatNumber(values[id]);
            canonical[id] = IdOf(byText, texts, text, text);
        }

        if (texts.Count != values.Count)
        {
            for (var row = 0; row < ids.Length; row++)
            {
                ids[row] = canonical[ids[row]];
            }
        }

        return new ColumnValues(ids, [.. texts]);
    }

    // The id of the value under key, numbered in order of first appearance: a new key adds its value to the list.
    private static int IdOf<TKey, TValue>(Dictionary<TKey, int> ids, List<TValue> values, TKey key, TValue value)
        where TKey : notnull
    {
        if (!ids.TryGetValue(key, out var id))
        {
            id = values.Count;
            ids.Add(key, id);
            values.Add(value);
        }

        return id;
    }
}
