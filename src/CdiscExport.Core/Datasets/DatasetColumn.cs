using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using CdiscExport.Core.Dates;

namespace CdiscExport.Core.Datasets;

/// <summary>One variable's values, held column-wise. Columns are immutable once built.</summary>
public abstract class DatasetColumn
{
    private protected DatasetColumn(VariableMetadata metadata) => Metadata = metadata;

    /// <summary>The variable this column holds.</summary>
    public VariableMetadata Metadata { get; }

    /// <summary>The variable name (shorthand for <c>Metadata.Name</c>).</summary>
    public string Name => Metadata.Name;

    /// <summary>The number of values (rows).</summary>
    public abstract int Count { get; }

    /// <summary>True when the value at <paramref name="row"/> is missing (empty text or a missing number).</summary>
    public abstract bool IsMissing(int row);

    /// <summary>
    /// The value as text: character values as stored, numbers in shortest round-trip form, missing as "".
    /// </summary>
    public abstract string GetText(int row);

    /// <summary>A copy with the same values and other metadata.</summary>
    public abstract DatasetColumn WithMetadata(VariableMetadata metadata);

    /// <summary>A copy holding the rows named by <paramref name="order"/>, in that order.</summary>
    public abstract DatasetColumn Reorder(IReadOnlyList<int> order);

    /// <summary>Moves the values of the storage into the order given, unless <paramref name="moved"/> holds it already.</summary>
    internal abstract void ReorderStorage(int[] order, HashSet<object> moved);
}

/// <summary>Reordering shared by the column types.</summary>
internal static class ColumnOrder
{
    /// <summary>The values at the rows named by <paramref name="order"/>, in that order.</summary>
    public static T[] Reordered<T>(T[] values, IReadOnlyList<int> order)
    {
        var result = new T[order.Count];

        // An array (what sorting gives) is indexed directly: through the interface, each index would cost a call.
        if (order is int[] rows)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = values[rows[i]];
            }

            return result;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[order[i]];
        }

        return result;
    }

    /// <summary>Moves <paramref name="values"/> into the order given (a permutation), through a pooled copy.</summary>
    public static void ReorderInPlace<T>(T[] values, int[] order, HashSet<object> moved)
    {
        if (!moved.Add(values))
        {
            return;
        }

        var copy = ArrayPool<T>.Shared.Rent(values.Length);
        Array.Copy(values, copy, values.Length);
        for (var i = 0; i < order.Length; i++)
        {
            values[i] = copy[order[i]];
        }

        // References are cleared so that the pool does not keep the values alive.
        ArrayPool<T>.Shared.Return(copy, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
    }
}

/// <summary>
/// A character column. Missing is the empty string, as in SAS. A column of ISO 8601 date-times made from typed values
/// (<see cref="FromDateTimes"/>) keeps them beside their text (<see cref="DateTimes"/>), so that what reads the dates
/// (study days, epochs, baseline flags, ADaM) takes them as they were made instead of parsing the text again.
/// </summary>
public sealed class CharacterColumn : DatasetColumn
{
    private readonly string[] _values;
    private readonly PartialDateTime?[]? _dateTimes;

    /// <summary>Creates a column; <c>null</c> values are stored as "".</summary>
    public CharacterColumn(VariableMetadata metadata, IEnumerable<string?> values)
        : base(metadata)
    {
        _values = values is IReadOnlyCollection<string?> collection ? Copy(collection) : values.Select(v => v ?? string.Empty).ToArray();
    }

    // Shares values that are already known to hold no null: a copy with other metadata, or a freshly built array.
    private CharacterColumn(VariableMetadata metadata, string[] values, PartialDateTime?[]? dateTimes = null)
        : base(metadata)
    {
        _values = values;
        _dateTimes = dateTimes;
    }

    /// <inheritdoc/>
    public override int Count => _values.Length;

    /// <summary>The value at <paramref name="row"/> ("" when missing).</summary>
    public string this[int row] => _values[row];

    /// <summary>
    /// Creates a column over <paramref name="values"/> without copying them: the column takes the array over, and the
    /// caller must not change it afterwards. <c>null</c> values are replaced by "" in place.
    /// </summary>
    /// <remarks>This factory exists for performance reasons: building a dataset of half a million records column by
    /// column should not copy each column once more.</remarks>
    public static CharacterColumn FromArray(VariableMetadata metadata, string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] ??= string.Empty;
        }

        return new CharacterColumn(metadata, values!);
    }

    /// <summary>
    /// Creates a column of date-times over <paramref name="texts"/> (each value's ISO 8601 text, "" or null when missing)
    /// and <paramref name="values"/> (the same values typed, null when missing), without copying either: the column takes
    /// both arrays over, as <see cref="FromArray"/> does.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static CharacterColumn FromDateTimes(VariableMetadata metadata, string?[] texts, PartialDateTime?[] values)
    {
        if (texts.Length != values.Length)
        {
            throw new ArgumentException($"{metadata.Name}: {texts.Length} texts but {values.Length} date-times", nameof(values));
        }

        var column = FromArray(metadata, texts);
        return new CharacterColumn(metadata, column._values, values);
    }

    /// <summary>
    /// The values as the date-times they were made from (null where missing), when the column was made by
    /// <see cref="FromDateTimes"/>; null for a column of other text.
    /// </summary>
    public IReadOnlyList<PartialDateTime?>? DateTimes => _dateTimes;

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _values[row].Length == 0;

    /// <inheritdoc/>
    public override string GetText(int row) => _values[row];

    /// <inheritdoc/>
    public override DatasetColumn WithMetadata(VariableMetadata metadata) => new CharacterColumn(metadata, _values, _dateTimes);

    /// <inheritdoc/>
    public override DatasetColumn Reorder(IReadOnlyList<int> order) =>
        new CharacterColumn(Metadata, ColumnOrder.Reordered(_values, order), _dateTimes is null ? null : ColumnOrder.Reordered(_dateTimes, order));

    /// <inheritdoc/>
    internal override void ReorderStorage(int[] order, HashSet<object> moved)
    {
        ColumnOrder.ReorderInPlace(_values, order, moved);
        if (_dateTimes is not null)
        {
            ColumnOrder.ReorderInPlace(_dateTimes, order, moved);
        }
    }

    /// <summary>The longest value in bytes (ASCII), at least 1: the length SDTM asks for.</summary>
    public int LongestValue()
    {
        var longest = 1;
        foreach (var value in _values)
        {
            longest = Math.Max(longest, value.Length);
        }

        return longest;
    }

    private static string[] Copy(IReadOnlyCollection<string?> values)
    {
        var copy = new string[values.Count];
        var i = 0;
        foreach (var value in values)
        {
            copy[i++] = value ?? string.Empty;
        }

        return copy;
    }
}

/// <summary>A numeric column. Missing is <c>null</c> (SAS <c>.</c>).</summary>
public sealed class NumericColumn : DatasetColumn
{
    private readonly double?[] _values;

    /// <summary>Creates a column.</summary>
    public NumericColumn(VariableMetadata metadata, IEnumerable<double?> values)
        : base(metadata)
    {
        _values = values.ToArray();
    }

    // Shares values: a copy with other metadata, or a freshly built array.
    private NumericColumn(VariableMetadata metadata, double?[] values)
        : base(metadata)
    {
        _values = values;
    }

    /// <inheritdoc/>
    public override int Count => _values.Length;

    /// <summary>The value at <paramref name="row"/> (null when missing).</summary>
    public double? this[int row] => _values[row];

    /// <summary>
    /// Creates a column over <paramref name="values"/> without copying them: the column takes the array over, and the
    /// caller must not change it afterwards.
    /// </summary>
    /// <remarks>This factory exists for performance reasons, as <see cref="CharacterColumn.FromArray"/> does.</remarks>
    public static NumericColumn FromArray(VariableMetadata metadata, double?[] values) => new(metadata, values);

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _values[row] is null;

    /// <inheritdoc/>
    public override string GetText(int row) => FormatNumber(_values[row]);

    /// <inheritdoc/>
    public override DatasetColumn WithMetadata(VariableMetadata metadata) => new NumericColumn(metadata, _values);

    /// <inheritdoc/>
    public override DatasetColumn Reorder(IReadOnlyList<int> order) => new NumericColumn(Metadata, ColumnOrder.Reordered(_values, order));

    /// <inheritdoc/>
    internal override void ReorderStorage(int[] order, HashSet<object> moved) => ColumnOrder.ReorderInPlace(_values, order, moved);

    /// <summary>Shortest text that parses back to the same double ("R" semantics); "" for missing.</summary>
    public static string FormatNumber(double? value) =>
        value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
