using System.Buffers.Binary;

namespace CdiscExport.Xpt;

/// <summary>Outcome of <see cref="IbmFloat.Encode"/>: whether the bytes written hold the value exactly.</summary>
public enum IbmEncodeResult
{
    /// <summary>The value (or zero) was written exactly.</summary>
    Exact,

    /// <summary>The magnitude is non-zero but below <see cref="IbmFloat.MinPositive"/>; zero was written.</summary>
    Underflow,

    /// <summary>The magnitude is at or above 16^63; the largest IBM magnitude with the value's sign was written.</summary>
    Overflow,

    /// <summary>The value is NaN or an infinity, which IBM floats cannot hold; the SAS missing value <c>.</c> was written.</summary>
    NotFinite,
}

/// <summary>
/// Converts between IEEE 754 doubles and the IBM System/360 hexadecimal doubles that XPT files store
/// (1 sign bit, 7-bit excess-64 base-16 exponent, 56-bit fraction, big-endian).
/// </summary>
/// <remarks>
/// <para>
/// IEEE to IBM never rounds. A normal double is m × 2^k with a 53-bit significand; hex normalisation shifts it
/// left by 0 to 3 bits, so it always fits the 56-bit fraction. Every double in the IBM range
/// [<see cref="MinPositive"/>, 16^63) is therefore encoded exactly and decodes back to the same double.
/// Below that range the only IBM forms are denormalised ones that would drop low bits, so, as ReadStat does,
/// zero is written and <see cref="IbmEncodeResult.Underflow"/> returned: there is no exact IBM value to choose.
/// Subnormal doubles are all far below the range and take the same path.
/// </para>
/// <para>
/// Negative zero is written as eight zero bytes (IBM has no separate negative zero in practice), so it reads back
/// as positive zero. Short lengths (3–7) keep the leading bytes: truncation, never rounding; <see cref="Decode"/>
/// pads the dropped bytes with zeros. Missing values are handled by <see cref="SasMissing"/>.
/// </para>
/// </remarks>
public static class IbmFloat
{
    /// <summary>Smallest positive normalised IBM value, 16^-65 (about 5.4e-79).</summary>
    public static readonly double MinPositive = Math.ScaleB(1.0, -260);

    /// <summary>Largest IBM magnitude, (1 − 2^-56) × 16^63 (about 7.2e75); as a double it rounds to 16^63 − 2^200.</summary>
    public static readonly double MaxValue = Math.ScaleB((double)((1UL << 53) - 1), 252 - 53);

    // Doubles at or above this cannot be represented: they would need exponent 64.
    private static readonly double OverflowThreshold = Math.ScaleB(1.0, 252);

    /// <summary>
    /// Writes <paramref name="value"/> as an IBM double into <paramref name="destination"/>, keeping the leading
    /// <c>destination.Length</c> bytes (3–8). Read back with <see cref="Decode"/>.
    /// </summary>
    /// <param name="value">The value to encode.</param>
    /// <param name="destination">3 to 8 bytes; every byte is written.</param>
    /// <returns>Whether the value was written exactly, or what was written instead.</returns>
    /// <exception cref="ArgumentException">The destination is not 3 to 8 bytes long.</exception>
    public static IbmEncodeResult Encode(double value, Span<byte> destination)
    {
        if (destination.Length is < 3 or > 8)
        {
            throw new ArgumentException(XptMessages.NumericLength(destination.Length), nameof(destination));
        }

        if (destination.Length == 8)
        {
            return EncodeFull(value, destination);
        }

        Span<byte> full = stackalloc byte[8];
        var result = EncodeFull(value, full);
        full[..destination.Length].CopyTo(destination);
        return result;
    }

    /// <summary>
    /// Reads an IBM double of 1 to 8 bytes (shorter values are padded with zero bytes). Undoes <see cref="Encode"/>.
    /// Call <see cref="SasMissing.TryRead"/> first: a missing value decodes here as zero.
    /// </summary>
    /// <param name="source">The stored bytes, most significant first.</param>
    /// <returns>The nearest double; exact for every value that <see cref="Encode"/> wrote.</returns>
    /// <exception cref="ArgumentException">The source is empty or longer than 8 bytes.</exception>
    public static double Decode(ReadOnlySpan<byte> source)
    {
        if (source.Length is < 1 or > 8)
        {
            throw new ArgumentException(XptMessages.NumericLength(source.Length), nameof(source));
        }

        ulong fraction = 0;
        for (var i = 1; i < 8; i++)
        {
            fraction = (fraction << 8) | (i < source.Length ? source[i] : 0UL);
        }

        if (fraction == 0)
        {
            return 0.0;
        }

        var exponent = (source[0] & 0x7F) - 64;
        // fraction × 2^-56 × 16^exponent. The ulong → double conversion is the only rounding step, and it is
        // exact whenever the fraction came from a double (at most 53 significant bits).
        var magnitude = Math.ScaleB((double)fraction, (4 * exponent) - 56);
        return (source[0] & 0x80) != 0 ? -magnitude : magnitude;
    }

    private static IbmEncodeResult EncodeFull(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            SasMissing.Write(SasMissingKind.Dot, destination);
            return IbmEncodeResult.NotFinite;
        }

        var negative = double.IsNegative(value);
        var magnitude = Math.Abs(value);
        if (magnitude == 0.0)
        {
            destination.Clear();
            return IbmEncodeResult.Exact;
        }

        if (magnitude < MinPositive)
        {
            destination.Clear();
            return IbmEncodeResult.Underflow;
        }

        if (magnitude >= OverflowThreshold)
        {
            destination.Fill(0xFF);
            destination[0] = negative ? (byte)0xFF : (byte)0x7F;
            return IbmEncodeResult.Overflow;
        }

        // The magnitude is normal here (it is far above the subnormal range), so bits give 1.mantissa × 2^(e-1023),
        // i.e. m × 2^k with m = significand × 2^-53 in [0.5, 1) and k = e - 1022.
        var bits = BitConverter.DoubleToInt64Bits(magnitude);
        var significand = (ulong)(bits & 0xF_FFFF_FFFF_FFFFL) | (1UL << 52);
        var k = (int)((bits >> 52) & 0x7FF) - 1022;
        var hexExponent = (k + 3) >> 2; // ceil(k / 4); arithmetic shift floors negative values
        var shift = 3 + k - (4 * hexExponent); // 0..3: the leading hex digit has 1 to 4 significant bits
        var fraction = significand << shift; // at most 56 bits: exact
        var word = ((ulong)(hexExponent + 64) << 56) | fraction;
        if (negative)
        {
            word |= 1UL << 63;
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, word);
        return IbmEncodeResult.Exact;
    }
}
