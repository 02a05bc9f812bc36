namespace CdiscExport.Xpt.Tests.Numbers;

public sealed class SasMissingTests
{
    public static TheoryData<SasMissingKind, string, string> AllKinds()
    {
        var data = new TheoryData<SasMissingKind, string, string> { { SasMissingKind.Dot, ".", "2E00000000000000" } };
        for (var letter = 'A'; letter <= 'Z'; letter++)
        {
            data.Add((SasMissingKind)(letter - 'A' + 1), "." + letter, $"{(int)letter:X2}00000000000000");
        }

        data.Add(SasMissingKind.Underscore, "._", "5F00000000000000");
        return data;
    }

    [Fact]
    public void AllKinds_Has28Entries() => AllKinds().Count.ShouldBe(28);

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Write_Kind_WritesMarkerThenZeros(SasMissingKind kind, string text, string hex)
    {
        var bytes = new byte[8];
        bytes.AsSpan().Fill(0xFF);

        SasMissing.Write(kind, bytes);

        Convert.ToHexString(bytes).ShouldBe(hex);
        SasMissing.ToText(kind).ShouldBe(text);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void TryRead_Bytes_ReturnsKind(SasMissingKind kind, string text, string hex)
    {
        SasMissing.TryRead(Convert.FromHexString(hex), out var read).ShouldBeTrue();
        read.ShouldBe(kind);
        SasMissing.TryRead(Convert.FromHexString(hex)[..3], out read).ShouldBeTrue(); // short numerics too
        read.ShouldBe(kind);
        SasMissing.TryParse(text, out read).ShouldBeTrue();
        read.ShouldBe(kind);
    }

    [Theory]
    [InlineData("2E00000000000001")] // a marker with a non-zero fraction is a (tiny unnormalised) number
    [InlineData("4110000000000000")] // 1
    [InlineData("0000000000000000")] // 0
    [InlineData("2F00000000000000")] // '/' is no marker
    public void TryRead_NotMissing_ReturnsFalse(string hex) =>
        SasMissing.TryRead(Convert.FromHexString(hex), out _).ShouldBeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".1")]
    [InlineData("A")]
    public void TryParse_NotMissing_ReturnsFalse(string text) => SasMissing.TryParse(text, out _).ShouldBeFalse();
}
