using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace CdiscExport.Conformance.Engine;

/// <summary>
/// Interns character values by their bytes: an open-addressing table over a byte arena that hands out one code per
/// distinct value, so a cell costs a hash of a few bytes and one comparison, and only a value seen for the first time
/// is decoded (Latin-1) to a string.
/// </summary>
/// <remarks>Code 0 is the empty value. Not thread-safe; one table per column being built.</remarks>
internal sealed class ByteStringTable
{
    private readonly List<string> texts = [""];
    private int[] slots = new int[64];
    private int[] hashes = new int[16];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private byte[] arena = new byte[1024];
    private int arenaUsed;

    /// <summary>The distinct values by code.</summary>
    public IReadOnlyList<string> Texts => texts;

    /// <summary>The code of <paramref name="bytes"/>, adding the value when it is new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return EncodedColumn.NullCode;
        }

        var hash = Hash(bytes);
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var code = slots[i];
            if (code == 0)
            {
                return Add(bytes, hash, i);
            }

            if (hashes[code] == hash && bytes.SequenceEqual(arena.AsSpan(starts[code], lengths[code])))
            {
                return code;
            }
        }
    }

    private int Add(ReadOnlySpan<byte> bytes, int hash, int slot)
    {
        var code = texts.Count;
        if (code == hashes.Length)
        {
            Array.Resize(ref hashes, code * 2);
            Array.Resize(ref starts, code * 2);
            Array.Resize(ref lengths, code * 2);
        }

        if (arenaUsed + bytes.Length > arena.Length)
        {
            Array.Resize(ref arena, Math.Max(arena.Length * 2, arenaUsed + bytes.Length));
        }

        bytes.CopyTo(arena.AsSpan(arenaUsed));
        hashes[code] = hash;
        starts[code] = arenaUsed;
        lengths[code] = bytes.Length;
        arenaUsed += bytes.Length;
        texts.Add(Encoding.Latin1.GetString(bytes));
        slots[slot] = code;

        // Keep the table at most half full so probes stay short.
        if (texts.Count * 2 > slots.Length)
        {
            Grow();
        }

        return code;
    }

    private void Grow()
    {
        slots = new int[slots.Length * 2];
        var mask = slots.Length - 1;
        for (var code = 1; code < texts.Count; code++)
        {
            var i = hashes[code] & mask;
            while (slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = code;
        }
    }

    // A multiply-rotate hash over 8-byte words; values are short (codes, dates, results), so this is a few steps.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Prime = 0x9E3779B97F4A7C15;
        var h = (ulong)bytes.Length * Prime;
        while (bytes.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Prime, 29);
            bytes = bytes[8..];
        }

        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            h = BitOperations.RotateLeft((h ^ tail) * Prime, 29);
        }

        h ^= h >> 32;
        return (int)h & int.MaxValue;
    }
}
