using CdiscExport.Core.Datasets;
using CdiscExport.Core.Dates;
using CdiscExport.Mapping.Algorithms;

namespace CdiscExport.Mapping.Engine;

/// <summary>
/// The records of one dataset as they are mapped, held column by column (one array per target of the layout) together
/// with the raw file and line each came from. The record being built is written straight into the next slot of the
/// columns (<see cref="SetNext(int, string)"/>) and kept by <see cref="Add"/>, so no record is copied. Before each block the engine
/// makes room for every row the block reads (no block makes more records than that), so the arrays grow at most once
/// per block, never per record. A target filled only by date (or only by number) algorithms also keeps its values typed
/// (<see cref="SetNext(int, IsoDateTime)"/>, <see cref="SetNext(int, MappedNumber)"/>), so that its column holds them
/// as they were made.
/// </summary>
internal sealed class WorkingRecords
{
    private readonly string?[][] _targets;

    // Per target: the typed values beside the texts, for targets filled only by date (number) algorithms; null for others.
    private readonly PartialDateTime?[]?[] _dateTimes;
    private readonly double?[]?[] _numbers;
    private string[] _files = [];
    private double?[] _lines = [];

    // Whether the next slot holds a value of a record that was not kept (set aside by a filter, for example).
    private bool _nextWritten;

    /// <param name="targetCount">The number of targets.</param>
    /// <param name="kinds">What each target holds: text, or typed values beside their text.</param>
    public WorkingRecords(int targetCount, IReadOnlyList<TargetKind> kinds)
    {
        _targets = new string?[targetCount][];
        Array.Fill(_targets, []);
        _dateTimes = new PartialDateTime?[]?[targetCount];
        _numbers = new double?[]?[targetCount];
        for (var i = 0; i < targetCount; i++)
        {
            _dateTimes[i] = kinds[i] == TargetKind.DateTime ? [] : null;
            _numbers[i] = kinds[i] == TargetKind.Number ? [] : null;
        }
    }

    public int Count { get; private set; }

    /// <summary>The number of targets (columns).</summary>
    public int TargetCount => _targets.Length;

    /// <summary>Makes room for <paramref name="capacity"/> records in all.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _files.Length)
        {
            return;
        }

        for (var i = 0; i < _targets.Length; i++)
        {
            Array.Resize(ref _targets[i], capacity);
            if (_dateTimes[i] is not null)
            {
                Array.Resize(ref _dateTimes[i], capacity);
            }

            if (_numbers[i] is not null)
            {
                Array.Resize(ref _numbers[i], capacity);
            }
        }

        Array.Resize(ref _files, capacity);
        Array.Resize(ref _lines, capacity);
    }

    /// <summary>A target of the record being built; null when it has no value yet.</summary>
    public string? GetNext(int target) => _targets[target][Count];

    /// <summary>What <paramref name="target"/> holds.</summary>
    public TargetKind KindOf(int target) =>
        _dateTimes[target] is not null ? TargetKind.DateTime : _numbers[target] is not null ? TargetKind.Number : TargetKind.Text;

    /// <summary>Sets a target of the record being built.</summary>
    /// <exception cref="InvalidOperationException">The target keeps typed values: a text alone would leave them out of step.</exception>
    public void SetNext(int target, string value)
    {
        if (KindOf(target) != TargetKind.Text)
        {
            throw new InvalidOperationException($"target {target} holds typed values ({KindOf(target)}); set it with its typed value");
        }

        _targets[target][Count] = value;
        _nextWritten = true;
    }

    /// <summary>Sets a date-time target of the record being built: its text, and its typed value where the target keeps them.</summary>
    public void SetNext(int target, IsoDateTime value)
    {
        _targets[target][Count] = value.Text;
        if (_dateTimes[target] is { } typed)
        {
            typed[Count] = value.Value;
        }

        _nextWritten = true;
    }

    /// <summary>Sets a number target of the record being built: its text, and the number where the target keeps them.</summary>
    public void SetNext(int target, MappedNumber value)
    {
        _targets[target][Count] = value.Text;
        if (_numbers[target] is { } typed)
        {
            typed[Count] = value.Value;
        }

        _nextWritten = true;
    }

    /// <summary>Starts a new record in the next slot, forgetting any value of a record that was not kept.</summary>
    public void ClearNext()
    {
        if (!_nextWritten)
        {
            return;
        }

        foreach (var column in _targets)
        {
            column[Count] = null;
        }

        foreach (var column in _dateTimes)
        {
            if (column is not null)
            {
                column[Count] = null;
            }
        }

        foreach (var column in _numbers)
        {
            if (column is not null)
            {
                column[Count] = null;
            }
        }

        _nextWritten = false;
    }

    /// <summary>Keeps the record being built, with the file and line it was mapped from.</summary>
    public void Add(string file, int line)
    {
        _files[Count] = file;
        _lines[Count] = line;
        Count++;
        _nextWritten = false;
    }

    /// <summary>
    /// The column of one target named <paramref name="name"/>: numeric for a number target, else character ("" where a
    /// record has no value) holding its date-times typed where the target keeps them. Each target is taken once.
    /// </summary>
    public DatasetColumn Take(int target, string name, string label) =>
        _numbers[target] is { } numbers ? NumericColumn.FromArray(new VariableMetadata(name, label, VariableKind.Numeric), Trimmed(numbers))
        : _dateTimes[target] is { } typed ? CharacterColumn.FromDateTimes(new VariableMetadata(name, label, VariableKind.Character), Trimmed(_targets[target]), Trimmed(typed))
        : CharacterColumn.FromArray(new VariableMetadata(name, label, VariableKind.Character), Trimmed(_targets[target]));

    /// <summary>The raw file of each record (<c>_FILE</c>).</summary>
    public CharacterColumn Files(VariableMetadata metadata) => CharacterColumn.FromArray(metadata, Trimmed(_files));

    /// <summary>The raw line of each record (<c>_LINE</c>), as a number: a text per record would cost a string each.</summary>
    public NumericColumn Lines(VariableMetadata metadata) => NumericColumn.FromArray(metadata, Trimmed(_lines));

    private T[] Trimmed<T>(T[] values)
    {
        if (values.Length != Count)
        {
            Array.Resize(ref values, Count);
        }

        return values;
    }
}
