using System.Globalization;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// <c>convert: {value: LBORRES, from: LBORRESU, to: LBSTRESU, factors: {"g/L > g/dL": 0.1}}</c> — a result in
/// standard units (LBSTRESC): numbers are multiplied by the factor for their unit pair (1 when the units are the same),
/// rounded to 10 significant digits to shed binary noise; text results ("Positive", "&lt;0.1") pass unchanged. A
/// numeric result whose unit pair has no factor is an error: the spec must say how to convert it.
/// </summary>
internal sealed class ConvertUnitAlgorithm(SpecNode node, ValueRef value, ValueRef from, ValueRef to, IReadOnlyDictionary<string, double> factors) : IAlgorithm
{
    // The factors by unit pair, so that no "from > to" key is built per record.
    private readonly Dictionary<(string From, string To), double> _factors = [];
    private readonly PairedMemo<string> _converted = new();

    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope)
    {
        value.Bind(scope);
        from.Bind(scope);
        to.Bind(scope);
    }

    public string Evaluate(RecordContext context)
    {
        var (text, fromUnit, toUnit) = (value.Get(context), from.Get(context), to.Get(context));
        var memo = _converted.For(fromUnit, toUnit);
        return memo.TryGet(text, out var converted) ? converted : memo.Add(text, Convert(text, fromUnit, toUnit));
    }

    // Failures are not remembered: they end the run.
    private string Convert(string text, string fromUnit, string toUnit)
    {
        if (!RawNumbers.TryParse(text, value.DecimalMark, out var number))
        {
            return text;
        }

        if (string.Equals(fromUnit, toUnit, StringComparison.Ordinal))
        {
            return NumberText.Format(number, text);
        }

        if (!_factors.TryGetValue((fromUnit, toUnit), out var factor))
        {
            if (!factors.TryGetValue($"{fromUnit} > {toUnit}", out factor))
            {
                throw new MappingFailure(from.RawColumn, MappingMessages.NoFactor(fromUnit, toUnit));
            }

            _factors[(fromUnit, toUnit)] = factor;
        }

        var converted = double.Parse((number * factor).ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return converted.ToString("R", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// <c>range_indicator: {value: LBSTRESN, low: LBSTNRLO, high: LBSTNRHI}</c> — LBNRIND (NRIND codelist): LOW below the
/// low limit, HIGH above the high limit, NORMAL within; missing when the result or both limits are missing.
/// </summary>
internal sealed class RangeIndicatorAlgorithm(SpecNode node, ValueRef value, ValueRef low, ValueRef high) : IAlgorithm
{
    private readonly PairedMemo<string> _indicators = new();

    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope)
    {
        value.Bind(scope);
        low.Bind(scope);
        high.Bind(scope);
    }

    public string Evaluate(RecordContext context)
    {
        var (text, lowText, highText) = (value.Get(context), low.Get(context), high.Get(context));
        var memo = _indicators.For(lowText, highText);
        return memo.TryGet(text, out var indicator) ? indicator : memo.Add(text, Indicator(text, lowText, highText));
    }

    private string Indicator(string text, string lowText, string highText)
    {
        if (!RawNumbers.TryParse(text, value.DecimalMark, out var v))
        {
            return string.Empty;
        }

        var hasLow = RawNumbers.TryParse(lowText, low.DecimalMark, out var lo);
        var hasHigh = RawNumbers.TryParse(highText, high.DecimalMark, out var hi);
        if (!hasLow && !hasHigh)
        {
            return string.Empty;
        }

        return hasLow && v < lo ? "LOW" : hasHigh && v > hi ? "HIGH" : "NORMAL";
    }
}
