using CdiscExport.Adam.Reports;

namespace CdiscExport.Adam.Tests.Reports;

public class BestResponseByCohortTests
{
    [Fact]
    public void Summarise_CountsBestFirst() =>
        BestResponseByCohort.Summarise(["NE", "PR", "nCR", "PR", ""]).ShouldBe("1 nCR, 2 PR, 1 NE");

    [Theory]
    [InlineData("2 PR, 1 MR", "2 PR, 1 MR")]
    [InlineData("1 MR, 2 PR", "2 PR, 1 MR")]
    [InlineData("1 ncr,2 PR", "1 nCR, 2 PR")]
    public void Normalise_SameOrderAndSpelling(string published, string expected) =>
        BestResponseByCohort.Normalise(published).ShouldBe(expected);
}
