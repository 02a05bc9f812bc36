namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// The results of a pure per-record computation, remembered per distinct input. Raw forms repeat their values
/// (units, reference ranges, test names, dates) over hundreds of thousands of records, so most records are a lookup.
/// At most <see cref="Capacity"/> inputs are remembered: a column of all-distinct values costs its computation, not
/// a dictionary as large as the form.
/// </summary>
internal sealed class Memo<TKey, TValue>
    where TKey : notnull
{
    public const int Capacity = 1 << 16;

    private readonly Dictionary<TKey, TValue> _values = [];

    public bool TryGet(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> while there is room, and returns it.</summary>
    public TValue Add(TKey key, TValue value)
    {
        if (_values.Count < Capacity)
        {
            _values[key] = value;
        }

        return value;
    }

    public void Clear() => _values.Clear();
}
