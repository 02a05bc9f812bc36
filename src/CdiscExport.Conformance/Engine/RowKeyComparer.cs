namespace CdiscExport.Conformance.Engine;

/// <summary>
/// Compares rows of one dataset by the codes of some of its columns, so key and duplicate checks hash integers
/// instead of building a string per row. Equal codes mean equal texts, so this agrees with comparing the texts.
/// </summary>
internal sealed class RowKeyComparer(IReadOnlyList<EncodedColumn> columns) : IEqualityComparer<int>
{
    private readonly EncodedColumn[] columns = [.. columns];

    public bool Equals(int x, int y)
    {
        foreach (var c in columns)
        {
            if (c.Code(x) != c.Code(y))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(int row)
    {
        var hash = new HashCode();
        foreach (var c in columns)
        {
            hash.Add(c.Code(row));
        }

        return hash.ToHashCode();
    }
}
