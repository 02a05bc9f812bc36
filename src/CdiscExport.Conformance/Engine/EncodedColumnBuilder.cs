using System.Globalization;
using System.Text;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Engine;

/// <summary>Builds one <see cref="EncodedColumn"/> row by row while a file is read.</summary>
internal abstract class EncodedColumnBuilder
{
    private int[] codes;

    protected EncodedColumnBuilder(XptVariable variable, int capacity)
    {
        Variable = variable;
        codes = new int[Math.Max(capacity, 16)];
    }

    protected XptVariable Variable { get; }

    protected int Count { get; private set; }

    /// <summary>A builder for the variable's type; <paramref name="capacity"/> is the expected row count.</summary>
    public static EncodedColumnBuilder For(XptVariable variable, int capacity) =>
        variable.Type == XptVariableType.Character ? new TextColumnBuilder(variable, capacity) : new NumberColumnBuilder(variable, capacity);

    /// <summary>Adds the current row's value.</summary>
    public abstract void Add(XptReader reader, int ordinal);

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
/// Character values, interned per column: the bytes are decoded to a reused buffer and looked up without allocating,
/// so a value that repeats a million times is one string.
/// </summary>
internal sealed class TextColumnBuilder : EncodedColumnBuilder
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal) { [""] = EncodedColumn.NullCode };
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<string> texts = [""];
    private readonly char[] chars;
    private readonly byte[] last;
    private int lastLength = -1;
    private int lastCode;

    public TextColumnBuilder(XptVariable variable, int capacity)
        : base(variable, capacity)
    {
        lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        chars = new char[variable.Length];
        last = new byte[variable.Length];
    }

    public override void Add(XptReader reader, int ordinal)
    {
        var bytes = reader.GetBytes(ordinal);

        // Sorted datasets repeat a value row after row (STUDYID, USUBJID, --TESTCD): skip the lookup then.
        if (bytes.Length == lastLength && bytes.SequenceEqual(last.AsSpan(0, lastLength)))
        {
            Append(lastCode);
            return;
        }

        var length = Encoding.Latin1.GetChars(bytes, chars);
        var text = chars.AsSpan(0, length);
        if (!lookup.TryGetValue(text, out var code))
        {
            code = texts.Count;
            var s = new string(text);
            texts.Add(s);
            index.Add(s, code);
        }

        bytes.CopyTo(last);
        lastLength = bytes.Length;
        lastCode = code;
        Append(code);
    }

    public override EncodedColumn Build() => new(Variable, TakeCodes(), [.. texts], null);
}

/// <summary>Numbers, one code per distinct value; the round-trip text is formatted once per value.</summary>
internal sealed class NumberColumnBuilder : EncodedColumnBuilder
{
    private readonly Dictionary<long, int> byBits = [];
    private readonly Dictionary<string, int> byText = new(StringComparer.Ordinal);
    private readonly List<string> texts = [""];
    private readonly List<double?> numbers = [null];
    private long lastBits;
    private int lastCode = -1;

    public NumberColumnBuilder(XptVariable variable, int capacity)
        : base(variable, capacity)
    {
    }

    public override void Add(XptReader reader, int ordinal)
    {
        if (reader.GetDouble(ordinal) is not { } value)
        {
            Append(EncodedColumn.NullCode);
            return;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        if (lastCode >= 0 && bits == lastBits)
        {
            Append(lastCode);
            return;
        }

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

        lastBits = bits;
        lastCode = code;
        Append(code);
    }

    public override EncodedColumn Build() => new(Variable, TakeCodes(), [.. texts], [.. numbers]);
}
