using CdiscExport.Core.Datasets;

namespace CdiscExport.Core.Define;

/// <summary>
/// How numbers look as the XPT and CSV files print them (shortest round-trip text): all integers or not, the most
/// significant digits and the most decimals. Define-XML states these as DataType, Length and SignificantDigits.
/// </summary>
internal readonly record struct NumericShape
{
    private NumericShape(bool isInteger, int digits, int decimals)
    {
        IsInteger = isInteger;
        Digits = digits;
        Decimals = decimals;
    }

    /// <summary>True when no value has decimals.</summary>
    public bool IsInteger { get; } = true;

    /// <summary>The most digits of a value, sign and point not counted; at least 1.</summary>
    public int Digits { get; } = 1;

    /// <summary>The most decimals of a value; at least 1 unless all are integers.</summary>
    public int Decimals { get; }

    /// <summary>The shape of the values of <paramref name="column"/> (missing values ignored).</summary>
    public static NumericShape Of(NumericColumn column)
    {
        var builder = new Builder();
        var formatted = new HashSet<long>();
        for (var row = 0; row < column.Count; row++)
        {
            if (column[row] is not { } v)
            {
                continue;
            }

            // Whole numbers below 1e15 print as their digits ("R" switches to exponents at 1e15): count them without
            // formatting. Others are formatted once per distinct value.
            if (Math.Abs(v) < 1e15 && v == Math.Floor(v))
            {
                builder.AddInteger(DigitCount((long)Math.Abs(v)));
            }
            else if (formatted.Add(BitConverter.DoubleToInt64Bits(v)))
            {
                builder.Add(NumericColumn.FormatNumber(v));
            }
        }

        return builder.Build();
    }

    /// <summary>The shape of numbers given as their shortest round-trip texts (none of them empty).</summary>
    public static NumericShape Of(IEnumerable<string> texts)
    {
        var builder = new Builder();
        foreach (var text in texts)
        {
            builder.Add(text);
        }

        return builder.Build();
    }

    private static int DigitCount(long value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private struct Builder()
    {
        private bool _isInteger = true;
        private int _digits = 1;
        private int _decimals;

        public void AddInteger(int digits) => _digits = Math.Max(_digits, digits);

        public void Add(string number)
        {
            var text = number.TrimStart('-');
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0)
            {
                _isInteger = false;
                _decimals = Math.Max(_decimals, text.Length - dot - 1);
            }

            _digits = Math.Max(_digits, dot >= 0 ? text.Length - 1 : text.Length);
        }

        public readonly NumericShape Build() => new(_isInteger, _digits, Math.Max(_decimals, _isInteger ? 0 : 1));
    }
}
