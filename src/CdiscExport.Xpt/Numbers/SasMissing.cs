namespace CdiscExport.Xpt;

/// <summary>The 28 SAS numeric missing values: <c>.</c>, <c>.A</c> to <c>.Z</c> and <c>._</c>.</summary>
public enum SasMissingKind : byte
{
    /// <summary>The ordinary missing value <c>.</c> (stored as 0x2E).</summary>
    Dot = 0,
#pragma warning disable CS1591 // the letters document themselves: .A is stored as 0x41, ... .Z as 0x5A
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
#pragma warning restore CS1591

    /// <summary>The special missing value <c>._</c> (stored as 0x5F).</summary>
    Underscore,
}

/// <summary>
/// Reads and writes SAS numeric missing values: a marker in the first byte (0x2E for <c>.</c>, 0x41–0x5A for
/// <c>.A</c>–<c>.Z</c>, 0x5F for <c>._</c>) and zero in every other byte. Used by both the reader and the writer.
/// </summary>
public static class SasMissing
{
    /// <summary>The marker byte stored first for <paramref name="kind"/>.</summary>
    /// <param name="kind">The missing value.</param>
    /// <returns>0x2E, 0x41–0x5A or 0x5F.</returns>
    public static byte ToByte(SasMissingKind kind) => kind switch
    {
        SasMissingKind.Dot => (byte)'.',
        SasMissingKind.Underscore => (byte)'_',
        >= SasMissingKind.A and <= SasMissingKind.Z => (byte)('A' + (kind - SasMissingKind.A)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, XptMessages.UnknownMissingKind),
    };

    /// <summary>Maps a marker byte back to its missing value. Undoes <see cref="ToByte"/>.</summary>
    /// <param name="marker">The first byte of a stored numeric.</param>
    /// <param name="kind">The missing value, when the byte is a marker.</param>
    /// <returns>Whether the byte is one of the 28 markers.</returns>
    public static bool TryFromByte(byte marker, out SasMissingKind kind)
    {
        switch (marker)
        {
            case (byte)'.':
                kind = SasMissingKind.Dot;
                return true;
            case (byte)'_':
                kind = SasMissingKind.Underscore;
                return true;
            case >= (byte)'A' and <= (byte)'Z':
                kind = (SasMissingKind)((int)SasMissingKind.A + (marker - 'A'));
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>Writes <paramref name="kind"/> into a stored numeric of any length: marker, then zero bytes.</summary>
    /// <param name="kind">The missing value.</param>
    /// <param name="destination">The whole stored value (all its bytes are written).</param>
    public static void Write(SasMissingKind kind, Span<byte> destination)
    {
        destination.Clear(); // every byte after the marker must be zero, or readers see a number
        destination[0] = ToByte(kind);
    }

    /// <summary>
    /// Recognises a stored missing value: a marker first byte and zero in every other byte. Undoes <see cref="Write"/>.
    /// </summary>
    /// <param name="source">The stored numeric, 1 to 8 bytes.</param>
    /// <param name="kind">The missing value found.</param>
    /// <returns>Whether the bytes hold a missing value rather than a number.</returns>
    public static bool TryRead(ReadOnlySpan<byte> source, out SasMissingKind kind)
    {
        // A zero fraction with a non-zero first byte is never a normalised number, so this cannot hide a value.
        if (source.IsEmpty || !TryFromByte(source[0], out kind) || source[1..].ContainsAnyExcept((byte)0))
        {
            kind = default;
            return false;
        }

        return true;
    }

    /// <summary>The SAS spelling: <c>.</c>, <c>.A</c> … <c>.Z</c>, <c>._</c>.</summary>
    /// <param name="kind">The missing value.</param>
    /// <returns>The text SAS prints for it.</returns>
    public static string ToText(SasMissingKind kind) => kind == SasMissingKind.Dot ? "." : "." + (char)ToByte(kind);

    /// <summary>Parses the SAS spelling (<c>.</c>, <c>.A</c> … <c>.Z</c>, <c>._</c>; letters case-insensitive). Undoes <see cref="ToText"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="kind">The missing value.</param>
    /// <returns>Whether the text is one of the 28 spellings.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out SasMissingKind kind)
    {
        kind = default;
        if (text is ".")
        {
            return true;
        }

        if (text.Length != 2 || text[0] != '.')
        {
            return false;
        }

        var marker = char.ToUpperInvariant(text[1]);
        return marker != '.' && marker < 128 && TryFromByte((byte)marker, out kind);
    }
}
