using CdiscExport.Core.Datasets;

namespace CdiscExport.Mapping.Engine;

/// <summary>
/// The records of one dataset as they are mapped, held column by column (one array per target of the layout) together
/// with the raw file and line each came from. The record being built is written straight into the next slot of the
/// columns (<see cref="SetNext"/>) and kept by <see cref="Add"/>, so no record is copied. Before each block the engine
/// makes room for every row the block reads (no block makes more records than that), so the arrays grow at most once
/// per block, never per record.
/// </summary>
internal sealed class WorkingRecords
{
    private readonly string?[][] _targets;
    private string[] _files = [];
    private double?[] _lines = [];

    // Whether the next slot holds a value of a record that was not kept (set aside by a filter, for example).
    private bool _nextWritten;

    public WorkingRecords(int targetCount)
    {
        _targets = new string?[targetCount][];
        Array.Fill(_targets, []);
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
        }

        Array.Resize(ref _files, capacity);
        Array.Resize(ref _lines, capacity);
    }

    /// <summary>A target of the record being built; null when it has no value yet.</summary>
    public string? GetNext(int target) => _targets[target][Count];

    /// <summary>Sets a target of the record being built.</summary>
    public void SetNext(int target, string value)
    {
        _targets[target][Count] = value;
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

    /// <summary>The column of one target, "" where a record has no value. Each target is taken once.</summary>
    public CharacterColumn Take(int target, VariableMetadata metadata) => CharacterColumn.FromArray(metadata, Trimmed(_targets[target]));

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
