using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Engine;

/// <summary>Builds one <see cref="EncodedColumn"/> row by row while a file is read.</summary>
/// <remarks>The per-cell methods are compiled optimized at once: they run millions of times in the first second of
/// a run, before tiered compilation would replace their unoptimized first version.</remarks>
internal abstract class EncodedColumnBuilder
{
    private int[] codes;

    protected EncodedColumnBuilder(XptVariable variable, int offset, int capacity)
    {
        Variable = variable;
        Offset = offset;
        codes = new int[Math.Max(capacity, 16)];
    }

    protected XptVariable Variable { get; }

    /// <summary>Where the variable's field starts in a row's bytes.</summary>
    protected int Offset { get; }

    protected int Count { get; private set; }

    /// <summary>
    /// A builder for the variable's type, reading its field at <paramref name="offset"/> of each row's bytes
    /// (<see cref="XptReader.GetRowBytes"/>); <paramref name="capacity"/> is the expected row count.
    /// </summary>
    public static EncodedColumnBuilder For(XptVariable variable, int offset, int capacity) =>
        variable.Type == XptVariableType.Character ? new TextColumnBuilder(variable, offset, capacity) : new NumberColumnBuilder(variable, offset, capacity);

    /// <summary>Adds the value of a row, given as its bytes in file layout.</summary>
    public abstract void Add(ReadOnlySpan<byte> row);

    /// <summary>Adds the value of a row read from a file that is not XPT (Dataset-JSON), as the XPT file would hold it.</summary>
    public abstract void Add(XptValue value);

    /// <summary>The finished column.</summary>
    public abstract EncodedColumn Build();

    protected void Append(int code)
    {
        if (Count == codes.Length)
        {
            Array.Resize(ref codes, codes.Length * 2);
        }

        codes[Count++] = code;
    }

    protected int[] TakeCodes()
    {
        if (codes.Length != Count)
        {
            Array.Resize(ref codes, Count);
        }

        return codes;
    }
}

/// <summary>
/// Character values, interned per column by their bytes (<see cref="ByteStringTable"/>), so a value that repeats a
/// million times is decoded once and is one string.
/// </summary>
internal sealed class TextColumnBuilder : EncodedColumnBuilder
{
    private readonly ByteStringTable table = new();
    private readonly byte[] last;
    private int lastLength = -1;
    private int lastCode;

    public TextColumnBuilder(XptVariable variable, int offset, int capacity)
        : base(variable, offset, capacity)
    {
        last = new byte[variable.Length];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Add(ReadOnlySpan<byte> row) => AddBytes(row.Slice(Offset, Variable.Length));

    // The Latin-1 bytes XPT would hold (a character beyond Latin-1 has none: '?', as an XPT writer would refuse it).
    public override void Add(XptValue value)
    {
        var text = value.IsText ? value.TextValue : string.Empty;
        Span<byte> bytes = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = text[i] <= '\u00FF' ? (byte)text[i] : (byte)'?';
        }

        AddBytes(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddBytes(ReadOnlySpan<byte> field)
    {
        // Trailing blanks are padding, as XptReader.GetBytes reads them.
        var bytes = field.TrimEnd((byte)' ');

        // Sorted datasets repeat a value row after row (STUDYID, USUBJID, --TESTCD): skip the lookup then.
        if (bytes.Length == lastLength && bytes.SequenceEqual(last.AsSpan(0, lastLength)))
        {
            Append(lastCode);
            return;
        }

        var code = table.Intern(bytes);
        bytes.CopyTo(last);
        lastLength = bytes.Length;
        lastCode = code;
        Append(code);
    }

    public override EncodedColumn Build() => new(Variable, TakeCodes(), [.. table.Texts], null);
}

/// <summary>
/// Numbers, one code per distinct value; the round-trip text is formatted once per value. A field is decoded (as
/// <see cref="XptReader.GetDouble"/> does) only the first time its bytes are seen.
/// </summary>
internal sealed class NumberColumnBuilder : EncodedColumnBuilder
{
    private readonly Dictionary<ulong, int> byField = [];
    private readonly Dictionary<long, int> byBits = [];
    private readonly Dictionary<string, int> byText = new(StringComparer.Ordinal);
    private readonly List<string> texts = [""];
    private readonly List<double?> numbers = [null];
    private ulong lastField;
    private int lastCode = -1;

    public NumberColumnBuilder(XptVariable variable, int offset, int capacity)
        : base(variable, offset, capacity)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Add(ReadOnlySpan<byte> row)
    {
        var field = row.Slice(Offset, Variable.Length);
        var key = Key(field);
        if (lastCode >= 0 && key == lastField)
        {
            Append(lastCode);
            return;
        }

        if (!byField.TryGetValue(key, out var code))
        {
            code = CodeOf(SasMissing.TryRead(field, out _) ? null : IbmFloat.Decode(field));
            byField.Add(key, code);
        }

        lastField = key;
        lastCode = code;
        Append(code);
    }

    // As XPT holds it: any missing value is null, and -0 is 0 (an IBM zero has no sign).
    public override void Add(XptValue value)
    {
        lastCode = -1;
        Append(CodeOf(value.IsNumber ? value.NumberValue + 0.0 : null));
    }

    public override EncodedColumn Build() => new(Variable, TakeCodes(), [.. texts], [.. numbers]);

    // A field is at most 8 bytes: its bytes, big-endian, are a lossless key (fields of a column share one length).
    private static ulong Key(ReadOnlySpan<byte> field)
    {
        if (field.Length == 8)
        {
            return BinaryPrimitives.ReadUInt64BigEndian(field);
        }

        ulong key = 0;
        foreach (var b in field)
        {
            key = (key << 8) | b;
        }

        return key;
    }

    private int CodeOf(double? number)
    {
        if (number is not { } value)
        {
            return EncodedColumn.NullCode;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        if (!byBits.TryGetValue(bits, out var code))
        {
            // Codes stand for texts: two bit patterns with one spelling (none known, but cheap to rule out) share a code.
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            if (!byText.TryGetValue(text, out code))
            {
                code = texts.Count;
                texts.Add(text);
                numbers.Add(value);
                byText.Add(text, code);
            }

            byBits.Add(bits, code);
        }

        return code;
    }
}
