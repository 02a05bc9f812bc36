using CdiscExport.Core.Datasets;
using Shouldly;

namespace CdiscExport.Core.Tests.Datasets;

public class RowGroupsTests
{
    /// <summary>
    /// Rows, distinct values per column, columns: small tables go through the dense (group, value) table, wide ones
    /// (a key that soon identifies each record, refined by a column of many values) through the group-by-group split.
    /// </summary>
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 0, 3, 2 },
        { 1, 1, 1 },
        { 1_000, 4, 3 },
        { 50_000, 40, 3 },       // 40 x 40 x 40 = 64,000 pairs at most: the dense table throughout
        { 50_000, 5_000, 2 },    // 5,000 groups x 5,000 values: far beyond the table, split group by group
        { 200_000, 30_000, 3 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void By_GroupsRowsExactlyAsTheirValueTuples_NumberedInOrderOfFirstRecord(int rows, int distinct, int columns)
    {
        var random = new Random(rows + distinct + columns);
        var ids = Enumerable.Range(0, columns).Select(_ => Enumerable.Range(0, rows).Select(_ => random.Next(distinct)).ToArray()).ToList();

        var groups = RowGroups.All(rows);
        foreach (var column in ids)
        {
            groups = groups.By(column, distinct);
        }

        // The reference: the tuple of values of each record, numbered as first met.
        var expected = new int[rows];
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < rows; row++)
        {
            var key = string.Join(",", ids.Select(c => c[row]));
            if (!numbers.TryGetValue(key, out var number))
            {
                numbers[key] = number = numbers.Count;
            }

            expected[row] = number;
        }

        groups.Groups.ToArray().ShouldBe(expected);
        groups.Count.ShouldBe(numbers.Count);
        groups.IsUnique.ShouldBe(numbers.Count == rows);
    }

    [Fact]
    public void By_LeavesNoTraceInTheSharedPool_ForTheNextRefinement()
    {
        // The dense table is borrowed: a second refinement of other data must not see the first one's slots.
        var first = RowGroups.All(1_000).By(Enumerable.Range(0, 1_000).Select(i => i % 7).ToArray(), 7);
        first.Count.ShouldBe(7);
        var second = RowGroups.All(1_000).By(Enumerable.Repeat(3, 1_000).ToArray(), 7);
        second.Count.ShouldBe(1);
        second.Groups.ToArray().ShouldAllBe(g => g == 0);
    }

    [Fact]
    public void FirstRows_AreTheFirstRecordOfEachGroup()
    {
        var groups = RowGroups.All(6).By(new[] { 2, 0, 2, 1, 0, 1 }, 3);
        groups.Groups.ToArray().ShouldBe([0, 1, 0, 2, 1, 2]);
        groups.FirstRows().ShouldBe([0, 1, 3]);
    }
}
