using System.Collections;
using System.Runtime.CompilerServices;

namespace CdiscExport.Odm;

/// <summary>
/// An immutable list that compares by its elements, so that records holding lists (the whole Define-XML model) compare
/// by value: a document read, written and read again equals the first reading.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[CollectionBuilder(typeof(OdmList), nameof(OdmList.Create))]
public sealed class OdmList<T> : IReadOnlyList<T>, IEquatable<OdmList<T>>
{
    private readonly T[] items;

    /// <summary>Creates a list holding <paramref name="items"/> in order.</summary>
    public OdmList(IEnumerable<T> items) => this.items = items.ToArray();

    /// <summary>The empty list.</summary>
    public static OdmList<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public T this[int index] => items[index];

    /// <summary>Converts an array into a list (so that <c>[..]</c> collection expressions and arrays assign directly).</summary>
    public static implicit operator OdmList<T>(T[] items) => new(items);

    /// <summary>Converts a list into an <see cref="OdmList{T}"/>.</summary>
    public static implicit operator OdmList<T>(List<T> items) => new(items);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(OdmList<T>? other) =>
        other is not null && items.AsSpan().SequenceEqual(other.items, EqualityComparer<T>.Default);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OdmList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", items)}]";
}

/// <summary>Creates <see cref="OdmList{T}"/> instances (the builder behind <c>[a, b]</c> collection expressions).</summary>
public static class OdmList
{
    /// <summary>A list holding <paramref name="items"/> in order.</summary>
    public static OdmList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}
