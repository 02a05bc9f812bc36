namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// The results of a pure per-record computation, remembered per distinct input. Raw forms repeat their values
/// (units, reference ranges, test names, dates) over hundreds of thousands of records, so most records are a lookup.
/// At most <see cref="Capacity"/> inputs are remembered: a column of all-distinct values costs its computation, not
/// a dictionary as large as the form. The last input is also kept aside: records come subject by subject and visit by
/// visit, so a record often repeats the input of the one before, which is then found without hashing.
/// </summary>
internal sealed class Memo<TKey, TValue>
    where TKey : notnull
{
    public const int Capacity = 1 << 16;

    private static readonly EqualityComparer<TKey> Comparer = EqualityComparer<TKey>.Default;

    private readonly Dictionary<TKey, TValue> _values = [];
    private bool _hasLast;
    private TKey _lastKey = default!;
    private TValue _lastValue = default!;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_hasLast && Comparer.Equals(key, _lastKey))
        {
            value = _lastValue;
            return true;
        }

        if (_values.TryGetValue(key, out value!))
        {
            Remember(key, value);
            return true;
        }

        return false;
    }

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> while there is room, and returns it.</summary>
    public TValue Add(TKey key, TValue value)
    {
        if (_values.Count < Capacity)
        {
            _values[key] = value;
        }

        Remember(key, value);
        return value;
    }

    public void Clear()
    {
        _values.Clear();
        _hasLast = false;
        _lastKey = default!;
        _lastValue = default!;
    }

    private void Remember(TKey key, TValue value)
    {
        _lastKey = key;
        _lastValue = value;
        _hasLast = true;
    }
}

/// <summary>
/// Results remembered per value within a pair of other inputs that take few distinct values (a unit pair, a reference
/// range): one <see cref="Memo{TKey, TValue}"/> per pair, so that a record hashes its value alone, and the pair is
/// looked up only when it differs from the record before.
/// </summary>
internal sealed class PairedMemo<TValue>
{
    private readonly Dictionary<(string First, string Second), Memo<string, TValue>> _byPair = [];
    private string? _first;
    private string? _second;
    private Memo<string, TValue>? _current;

    /// <summary>The memo of one pair (a fresh one, not kept, once <see cref="Memo{TKey, TValue}.Capacity"/> pairs are held).</summary>
    public Memo<string, TValue> For(string first, string second)
    {
        if (_current is not null && string.Equals(first, _first, StringComparison.Ordinal) && string.Equals(second, _second, StringComparison.Ordinal))
        {
            return _current;
        }

        if (!_byPair.TryGetValue((first, second), out var memo))
        {
            memo = new Memo<string, TValue>();
            if (_byPair.Count < Memo<string, TValue>.Capacity)
            {
                _byPair[(first, second)] = memo;
            }
        }

        (_first, _second, _current) = (first, second, memo);
        return memo;
    }
}
