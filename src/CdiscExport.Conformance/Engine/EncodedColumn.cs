using System.Globalization;
using CdiscExport.Core.Dates;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Engine;

/// <summary>
/// One variable of a dataset, dictionary-encoded: each row holds a code into the column's distinct values. Code 0
/// is always the null value ("" for text, any SAS missing value for numbers); equal texts share one code.
/// </summary>
/// <remarks>
/// <para>Rules that depend only on a value (its length, its syntax, codelist membership) work on
/// <see cref="DistinctCount"/> values and go back to the rows through <see cref="Codes"/> only to report.</para>
/// <para>A text is what reports show: character values right-trimmed of blanks, numbers in round-trip form
/// (<c>"R"</c>, invariant culture). Immutable after loading, so rules may read it from several threads.</para>
/// </remarks>
public sealed class EncodedColumn
{
    /// <summary>The code of the null value.</summary>
    public const int NullCode = 0;

    private readonly int[] codes;
    private readonly string[] texts;
    private double?[]? numbers;
    private PartialDateTime?[]? dates;

    internal EncodedColumn(XptVariable variable, int[] codes, string[] texts, double?[]? numbers)
    {
        Variable = variable;
        this.codes = codes;
        this.texts = texts;
        this.numbers = numbers;
    }

    /// <summary>The XPT variable.</summary>
    public XptVariable Variable { get; }

    /// <summary>The code of each row.</summary>
    public ReadOnlySpan<int> Codes => codes;

    /// <summary>The code of each row, shared (never to be written).</summary>
    internal int[] CodesArray => codes;

    /// <summary>How many distinct values (the null value included) the column holds.</summary>
    public int DistinctCount => texts.Length;

    /// <summary>The code of a row.</summary>
    public int Code(int row) => codes[row];

    /// <summary>The text of a row; "" when null.</summary>
    public string Text(int row) => texts[codes[row]];

    /// <summary>The text of a code.</summary>
    public string TextOf(int code) => texts[code];

    /// <summary>Whether a row is null (blank text or a missing number).</summary>
    public bool IsNull(int row) => codes[row] == NullCode;

    /// <summary>The number of a row: the value of a numeric variable, a character value parsed invariantly, else null.</summary>
    public double? Num(int row) => NumOf(codes[row]);

    /// <summary>The number of a code, as <see cref="Num"/>.</summary>
    public double? NumOf(int code) => (numbers ?? ParseNumbers())[code];

    /// <summary>The ISO 8601 date/time of a code, or null when its text is not one (<see cref="PartialDateTime.TryParse"/>).</summary>
    public PartialDateTime? DateOf(int code) => (dates ?? ParseDates())[code];

    /// <summary>The code of <paramref name="text"/>, or -1 when no row holds it. Scans the distinct values.</summary>
    public int CodeOf(string text) => Array.IndexOf(texts, text);

    /// <summary>For each code, whether <paramref name="predicate"/> holds for its text; computed once per distinct value.</summary>
    public bool[] Where(Func<string, bool> predicate)
    {
        var result = new bool[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            result[i] = predicate(texts[i]);
        }

        return result;
    }

    /// <summary>
    /// For each code of this column, the code of the same text in <paramref name="other"/>, or -1 when no row there
    /// holds it: how rows of two datasets are matched by value without comparing strings per row.
    /// </summary>
    public int[] CodesIn(EncodedColumn other)
    {
        var index = new Dictionary<string, int>(other.texts.Length, StringComparer.Ordinal);
        for (var k = 0; k < other.texts.Length; k++)
        {
            index.TryAdd(other.texts[k], k);
        }

        var map = new int[texts.Length];
        for (var k = 0; k < texts.Length; k++)
        {
            map[k] = index.GetValueOrDefault(texts[k], -1);
        }

        return map;
    }

    /// <summary>The rows whose code is flagged in <paramref name="flagged"/> (one flag per code), in row order.</summary>
    public IEnumerable<int> RowsWhere(bool[] flagged)
    {
        for (var r = 0; r < codes.Length; r++)
        {
            if (flagged[codes[r]])
            {
                yield return r;
            }
        }
    }

    // Dates are parsed once per distinct value, on first use; a race parses the same values twice.
    private PartialDateTime?[] ParseDates()
    {
        var parsed = new PartialDateTime?[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            parsed[i] = PartialDateTime.TryParse(texts[i], out var p) ? p : null;
        }

        dates = parsed;
        return parsed;
    }

    // Character values are parsed only when a rule asks for a number; a race computes the same array twice.
    private double?[] ParseNumbers()
    {
        var parsed = new double?[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            parsed[i] = double.TryParse(texts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        }

        numbers = parsed;
        return parsed;
    }
}
