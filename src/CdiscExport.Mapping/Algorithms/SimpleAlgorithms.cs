using System.Globalization;
using System.Text;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary><c>copy: COLUMN</c> — the raw value, trimmed; <c>case: upper</c> upper-cases it.</summary>
internal sealed class CopyAlgorithm(SpecNode node, ValueRef source, bool upper) : IAlgorithm
{
    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope) => source.Bind(scope);

    public string Evaluate(RecordContext context)
    {
        var value = source.Get(context);
        return upper ? value.ToUpperInvariant() : value;
    }
}

/// <summary><c>constant: TEXT</c> — the same value on every record.</summary>
internal sealed class ConstantAlgorithm(SpecNode node, string value) : IAlgorithm
{
    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope)
    {
    }

    public string Evaluate(RecordContext context) => value;
}

/// <summary>
/// <c>template: "{study.STUDYID}-{SUBJID}"</c> — concatenation: literal text with names in braces replaced by their
/// values. When <c>skip_if_missing</c> names are blank the whole value is blank (no "ABC-" fragments).
/// </summary>
internal sealed class TemplateAlgorithm : IAlgorithm
{
    private readonly List<object> _parts = [];
    private readonly Memo<string, string> _built = new();
    private ValueRef? _single;
    private string? _constant;
    private string _prefix = string.Empty;
    private string _suffix = string.Empty;

    public TemplateAlgorithm(SpecNode node, string template)
    {
        Node = node;
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                _parts.Add(template[i..]);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw node.Error(MappingMessages.UnclosedTemplate(template));
            }

            if (open > i)
            {
                _parts.Add(template[i..open]);
            }

            _parts.Add(new ValueRef(template[(open + 1)..close].Trim(), node));
            i = close + 1;
        }
    }

    public SpecNode Node { get; }

    public void Bind(BindScope scope)
    {
        foreach (var part in _parts.OfType<ValueRef>())
        {
            part.Bind(scope);
        }

        _built.Clear();

        // A blank study attribute blanks every value (a concatenation with a missing piece is missing), and a template
        // where nothing varies ("{study.STUDYID}") is one string for every record. One name that varies between texts
        // and attributes ("{study.STUDYID}-{SUBJID}") is prefix + value + suffix, remembered per value.
        var refs = _parts.OfType<ValueRef>().ToList();
        var varying = refs.Where(r => r.Constant is null).ToList();
        _single = null;
        _constant = null;
        if (refs.Any(r => r.Constant is { Length: 0 }))
        {
            _constant = string.Empty;
        }
        else if (varying.Count == 0)
        {
            _constant = string.Concat(_parts.Select(Text));
        }
        else if (varying.Count == 1)
        {
            _single = varying[0];
            var at = _parts.IndexOf(_single);
            _prefix = string.Concat(_parts.Take(at).Select(Text));
            _suffix = string.Concat(_parts.Skip(at + 1).Select(Text));
        }
    }

    private static string Text(object part) => part as string ?? ((ValueRef)part).Constant!;

    public string Evaluate(RecordContext context)
    {
        if (_constant is { } constant)
        {
            return constant;
        }

        if (_single is { } single)
        {
            return EvaluateSingle(single.Get(context));
        }

        var sb = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part is ValueRef r)
            {
                var value = r.Get(context);
                if (value.Length == 0)
                {
                    // A concatenation with a missing piece is missing, not a fragment.
                    return string.Empty;
                }

                sb.Append(value);
            }
            else
            {
                sb.Append((string)part);
            }
        }

        return sb.ToString();
    }

    // USUBJID is "{study.STUDYID}-{SUBJID}" on every record of every dataset: build each distinct value once.
    private string EvaluateSingle(string value)
    {
        if (value.Length == 0)
        {
            return string.Empty;
        }

        return _built.TryGet(value, out var result) ? result : _built.Add(value, string.Concat(_prefix, value, _suffix));
    }
}

/// <summary>
/// <c>number: COLUMN</c> — a numeric raw value, read once per distinct raw text and given typed, with its shortest
/// round-trip text. Text that is not a number is an error unless <c>lenient: true</c>, which leaves it missing (e.g.
/// LBSTRESN of "&lt;0.1").
/// </summary>
internal sealed class NumberAlgorithm(SpecNode node, ValueRef source, bool lenient) : INumberAlgorithm
{
    private readonly Memo<string, MappedNumber> _numbers = new();

    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope) => source.Bind(scope);

    public string Evaluate(RecordContext context) => EvaluateNumber(context).Text;

    public MappedNumber EvaluateNumber(RecordContext context)
    {
        var text = source.Get(context);
        if (text.Length == 0)
        {
            return MappedNumber.Missing;
        }

        return _numbers.TryGet(text, out var number) ? number : _numbers.Add(text, Canonical(text));
    }

    // Failures are not remembered: they end the run.
    private MappedNumber Canonical(string text)
    {
        if (RawNumbers.TryParse(text, source.DecimalMark, out var value))
        {
            return new MappedNumber(NumberText.Format(value, text), value);
        }

        if (lenient)
        {
            return MappedNumber.Missing;
        }

        throw new MappingFailure(source.RawColumn,
            $"\"{text}\" is not a number; {RawNumbers.Expected(source.DecimalMark)}");
    }
}

/// <summary><c>first: [a, b, ...]</c> — the first of several algorithms that gives a value (coalesce).</summary>
internal sealed class FirstAlgorithm(SpecNode node, IReadOnlyList<IAlgorithm> choices) : IAlgorithm
{
    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope)
    {
        foreach (var c in choices)
        {
            c.Bind(scope);
        }
    }

    public string Evaluate(RecordContext context)
    {
        foreach (var c in choices)
        {
            var value = c.Evaluate(context);
            if (value.Length > 0)
            {
                return value;
            }
        }

        return string.Empty;
    }
}

/// <summary>
/// A failure inside an algorithm; the engine adds the raw file, line, target and subject before it reaches the user.
/// </summary>
internal sealed class MappingFailure(string? rawColumn, string reason) : Exception(reason)
{
    public string? RawColumn { get; } = rawColumn;
}
