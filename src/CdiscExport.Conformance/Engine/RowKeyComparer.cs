namespace CdiscExport.Conformance.Engine;

/// <summary>
/// Compares rows of one dataset by the codes of some of its columns, so key and duplicate checks hash integers
/// instead of building a string per row. Equal codes mean equal texts, so this agrees with comparing the texts.
/// </summary>
/// <remarks>Every row's hash is computed up front, column by column (a sequential pass over each code array), so a
/// set of rows hashes an int lookup and compares columns only when hashes collide.</remarks>
internal sealed class RowKeyComparer : IEqualityComparer<int>
{
    private readonly EncodedColumn[] columns;
    private readonly int[] hashes;

    private RowKeyComparer(EncodedColumn[] columns, int[] hashes)
    {
        this.columns = columns;
        this.hashes = hashes;
    }

    /// <summary>A comparer of the first <paramref name="rowCount"/> rows by <paramref name="columns"/>.</summary>
    public static RowKeyComparer Create(IReadOnlyList<EncodedColumn> columns, int rowCount)
    {
        var hashes = new int[rowCount];
        foreach (var column in columns)
        {
            var codes = column.Codes;
            for (var r = 0; r < hashes.Length; r++)
            {
                hashes[r] = unchecked((hashes[r] * -1521134295) + codes[r]);
            }
        }

        return new RowKeyComparer([.. columns], hashes);
    }

    public bool Equals(int x, int y)
    {
        if (hashes[x] != hashes[y])
        {
            return false;
        }

        foreach (var c in columns)
        {
            if (c.Code(x) != c.Code(y))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(int row) => hashes[row];
}
