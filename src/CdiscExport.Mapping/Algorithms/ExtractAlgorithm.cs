using System.Text.RegularExpressions;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// <c>extract: PATNUM, pattern: "^([0-9]+)-"</c> — the part of a value that a regular expression's first group
/// captures (the site number of a subject number <c>701-1015</c>); blank when the value is blank. A non-blank value
/// the pattern does not match is an error, unless <c>on_miss: blank</c>.
/// </summary>
internal sealed class ExtractAlgorithm : IAlgorithm
{
    private readonly ValueRef _source;
    private readonly Regex _pattern;
    private readonly bool _blankOnMiss;

    public ExtractAlgorithm(SpecNode node, ValueRef source, SpecNode pattern, bool blankOnMiss)
    {
        Node = node;
        _source = source;
        _blankOnMiss = blankOnMiss;
        try
        {
            _pattern = new Regex(pattern.Scalar(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw pattern.Error(MappingMessages.NotARegex(e.Message));
        }

        if (_pattern.GetGroupNumbers().Length < 2)
        {
            throw pattern.Error(MappingMessages.PatternNeedsGroup);
        }
    }

    public SpecNode Node { get; }

    public void Bind(BindScope scope) => _source.Bind(scope);

    public string Evaluate(RecordContext context)
    {
        var value = _source.Get(context);
        if (value.Length == 0)
        {
            return value;
        }

        var match = _pattern.Match(value);
        if (match.Success)
        {
            return match.Groups[1].Value;
        }

        return _blankOnMiss ? string.Empty
            : throw new MappingFailure(_source.RawColumn, MappingMessages.NoMatch(value, _pattern.ToString()));
    }
}
