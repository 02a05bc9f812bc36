using System.Buffers.Binary;

namespace CdiscExport.Xpt.Tests.Numbers;

public sealed class IbmFloatTests
{
    // value → the 8 bytes IbmFloat.Encode must write (big-endian hex). Vectors from XPT-NOTES.md §6; the others
    // were computed independently with exact rational arithmetic from the same rule.
    public static TheoryData<double, string> ExactBytes => new()
    {
        { 0.0, "0000000000000000" },
        { -0.0, "0000000000000000" }, // documented choice: negative zero is written as plain zero
        { 1.0, "4110000000000000" },
        { -1.0, "C110000000000000" },
        { 3.0, "4130000000000000" },
        { 54.0, "4236000000000000" },
        { 84.0, "4254000000000000" },
        { 100.0, "4264000000000000" },
        { 0.5, "4080000000000000" },
        { 0.1, "401999999999999A" },
        { 0.03, "3F7AE147AE147AE0" },
        { 1e-5, "3CA7C5AC471B4788" },
        { 123456789.0, "4775BCD150000000" },
        { 21915.0, "44559B0000000000" },
        { Math.PI, "413243F6A8885A30" },
        { -123.456, "C27B74BC6A7EF9DC" },
        { 1.5e75, "7F350F84C42A3C34" },
        { -1.5e75, "FF350F84C42A3C34" },
        { 7.2e75, "7FFEB0E3AD978760" },
        { 1e-78, "001DA48CE468E7C7" },
        { Math.ScaleB(1.0, -260), "0010000000000000" },                     // smallest IBM magnitude, 16^-65
        { -Math.ScaleB(1.0, -260), "8010000000000000" },
        { Math.ScaleB((double)((1UL << 53) - 1), 199), "7FFFFFFFFFFFFFF8" }, // largest double below 16^63
    };

    [Theory]
    [MemberData(nameof(ExactBytes))]
    public void Encode_Value_WritesExactBytes(double value, string hex)
    {
        var bytes = new byte[8];

        IbmFloat.Encode(value, bytes).ShouldBe(IbmEncodeResult.Exact);

        Convert.ToHexString(bytes).ShouldBe(hex);
    }

    [Theory]
    [MemberData(nameof(ExactBytes))]
    public void Decode_ExactBytes_ReturnsValue(double value, string hex)
    {
        var decoded = IbmFloat.Decode(Convert.FromHexString(hex));

        decoded.ShouldBe(value == 0 ? 0.0 : value);
        double.IsNegative(decoded).ShouldBe(value < 0);
    }

    [Fact]
    public void MinPositiveAndMaxValue_MatchTheirBytes()
    {
        IbmFloat.MinPositive.ShouldBe(IbmFloat.Decode(Convert.FromHexString("0010000000000000")));
        IbmFloat.MaxValue.ShouldBe(IbmFloat.Decode(Convert.FromHexString("7FFFFFFFFFFFFFF8")));
    }

    [Theory]
    [InlineData(7.237005577332262e75, "7FFFFFFFFFFFFFFF")] // 2^252 = 16^63 needs exponent 64
    [InlineData(-1e76, "FFFFFFFFFFFFFFFF")]
    [InlineData(double.MaxValue, "7FFFFFFFFFFFFFFF")]
    public void Encode_AboveRange_ReportsOverflowAndWritesLargest(double value, string hex)
    {
        Math.Abs(value).ShouldBeGreaterThanOrEqualTo(Math.ScaleB(1.0, 252));
        var bytes = new byte[8];

        IbmFloat.Encode(value, bytes).ShouldBe(IbmEncodeResult.Overflow);

        Convert.ToHexString(bytes).ShouldBe(hex);
    }

    [Theory]
    [InlineData(2.6988026734670142e-79)] // 2^-261, half the smallest
    [InlineData(-5e-79)]
    [InlineData(double.Epsilon)]
    public void Encode_BelowRange_ReportsUnderflowAndWritesZero(double value)
    {
        Math.Abs(value).ShouldBeLessThan(IbmFloat.MinPositive);
        var bytes = new byte[8];
        bytes.AsSpan().Fill(0xAA);

        IbmFloat.Encode(value, bytes).ShouldBe(IbmEncodeResult.Underflow);

        Convert.ToHexString(bytes).ShouldBe("0000000000000000");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Encode_NotFinite_WritesMissingDot(double value)
    {
        var bytes = new byte[8];

        IbmFloat.Encode(value, bytes).ShouldBe(IbmEncodeResult.NotFinite);

        Convert.ToHexString(bytes).ShouldBe("2E00000000000000");
    }

    [Theory]
    [InlineData(3, "401999")]
    [InlineData(4, "40199999")]
    [InlineData(5, "4019999999")]
    [InlineData(7, "40199999999999")]
    [InlineData(8, "401999999999999A")]
    public void Encode_ShortLength_TruncatesWithoutRounding(int length, string hex)
    {
        var bytes = new byte[length];

        IbmFloat.Encode(0.1, bytes);

        Convert.ToHexString(bytes).ShouldBe(hex);
    }

    [Fact]
    public void Decode_ShortLength_PadsWithZeroBytes()
    {
        IbmFloat.Decode(Convert.FromHexString("40199999")).ShouldBe(0x199999 * Math.ScaleB(1.0, -24));
        IbmFloat.Decode(Convert.FromHexString("4110")).ShouldBe(1.0);
    }

    [Fact]
    public void Decode_FractionWiderThan53Bits_RoundsToNearest()
    {
        // 56 one-bits: (1 - 2^-56) × 16 is not a double; the nearest is 16.
        IbmFloat.Decode(Convert.FromHexString("41FFFFFFFFFFFFFF")).ShouldBe(16.0);
    }

    [Fact]
    public void Decode_Unnormalised_StillExact()
    {
        // A leading zero hex digit is legal on read: 0x01 × 16^-1 × 16 = 1/16.
        IbmFloat.Decode(Convert.FromHexString("4101000000000000")).ShouldBe(1.0 / 16);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    public void Encode_BadLength_Throws(int length) =>
        Should.Throw<ArgumentException>(() => IbmFloat.Encode(1, new byte[length]));

    [Fact]
    public void RoundTrip_RandomBitPatternsInRange_AreExact()
    {
        var random = new Random(20261124);
        var bytes = new byte[8];
        var checkedCount = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            var magnitude = Math.Abs(value);
            if (!double.IsFinite(value) || magnitude < IbmFloat.MinPositive || magnitude > IbmFloat.MaxValue)
            {
                continue;
            }

            IbmFloat.Encode(value, bytes).ShouldBe(IbmEncodeResult.Exact);
            var back = IbmFloat.Decode(bytes);
            if (BitConverter.DoubleToInt64Bits(back) != BitConverter.DoubleToInt64Bits(value))
            {
                throw new ShouldAssertException($"{value:R} came back as {back:R} via {Convert.ToHexString(bytes)}");
            }

            checkedCount++;
        }

        checkedCount.ShouldBeGreaterThan(5_000); // the IBM range is a slice of the double exponents
    }

    [Fact]
    public void RoundTrip_RandomEverydayMagnitudes_AreExact()
    {
        var random = new Random(42);
        var bytes = new byte[8];
        for (var i = 0; i < 100_000; i++)
        {
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            IbmFloat.Encode(value, bytes).ShouldBe(IbmEncodeResult.Exact);
            IbmFloat.Decode(bytes).ShouldBe(value);
        }
    }

    [Fact]
    public void Encode_EveryIbmExponent_RoundTrips()
    {
        var bytes = new byte[8];
        for (var k = -260; k < 252; k++)
        {
            var value = Math.ScaleB(1.0 + Math.ScaleB(1.0, -52), k);
            IbmFloat.Encode(value, bytes).ShouldBe(IbmEncodeResult.Exact);
            IbmFloat.Decode(bytes).ShouldBe(value);
            (bytes[0] & 0x7F).ShouldBe(((k + 4) >> 2) + 64); // exponent = ceil((k + 1) / 4) + 64
            BinaryPrimitives.ReadUInt64BigEndian(bytes).ShouldNotBe(0UL);
        }
    }
}
