using CdiscExport.Core.Terminology;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// <c>ct: CODELIST, source: COLUMN [, map: {raw: value}] [, extensions: [value]]</c> — a controlled-terminology
/// lookup. The raw value (after <c>map</c>) must be a submission value of the codelist; failing that, a synonym or the
/// preferred term, matched without regard to case, gives its submission value ("Recovered/resolved" becomes
/// "RECOVERED/RESOLVED"). A value still not found is an error, except the sponsor values the spec lists under
/// <c>extensions</c>, which are allowed only when the codelist is extensible (and are declared as such in define.xml).
/// </summary>
internal sealed class CtAlgorithm(
    SpecNode node,
    string codelistName,
    ValueRef source,
    IReadOnlyDictionary<string, string> map,
    IReadOnlyList<string> extensions) : IAlgorithm
{
    private readonly Memo<string, string> _values = new();
    private Codelist? _codelist;

    public SpecNode Node { get; } = node;

    public string CodelistName { get; } = codelistName;

    public IReadOnlyList<string> Extensions { get; } = extensions;

    public void Bind(BindScope scope)
    {
        source.Bind(scope);
        _codelist = scope.Terminology.FindBySubmissionValue(CodelistName)
            ?? throw Node.Error(MappingMessages.NoSuchCodelist(CodelistName, scope.Terminology.Version));
        if (Extensions.Count > 0 && !_codelist.Extensible)
        {
            throw Node.Error(MappingMessages.NotExtensible(CodelistName, Extensions));
        }

        _values.Clear();
    }

    public string Evaluate(RecordContext context)
    {
        var raw = source.Get(context);
        if (raw.Length == 0)
        {
            return raw;
        }

        // Each distinct raw value is looked up once; a value not in the codelist ends the run, so it is never remembered.
        return _values.TryGet(raw, out var value) ? value : _values.Add(raw, Lookup(raw));
    }

    private string Lookup(string raw)
    {
        var value = map.TryGetValue(raw, out var mapped) ? mapped : raw;
        if (value.Length == 0 || Extensions.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        var codelist = _codelist!;
        var term = codelist.FindBySubmissionValue(value) ?? codelist.FindBySynonym(value);
        if (term is not null)
        {
            return term.SubmissionValue;
        }

        throw new MappingFailure(source.RawColumn, MappingMessages.NotInCodelist(raw, CodelistName, codelist.Code, codelist.Extensible));
    }
}

/// <summary>
/// <c>ct_decode: {source: LBTESTCD, codelist: LBTESTCD, decode: LBTEST}</c> — the paired codelist's value for the same
/// NCI concept: LBTESTCD HGB gives LBTEST "Hemoglobin", TSPARMCD SSTDTC gives TSPARM "Study Start Date".
/// </summary>
internal sealed class CtDecodeAlgorithm(SpecNode node, ValueRef source, string codelistName, string decodeName) : IAlgorithm
{
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private Codelist? _codes;
    private Codelist? _decodes;

    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope)
    {
        source.Bind(scope);
        _codes = scope.Terminology.FindBySubmissionValue(codelistName)
            ?? throw Node.Error(MappingMessages.NoSuchCodelist(codelistName, null));
        _decodes = scope.Terminology.FindBySubmissionValue(decodeName)
            ?? throw Node.Error(MappingMessages.NoSuchCodelist(decodeName, null));
    }

    public string Evaluate(RecordContext context)
    {
        var code = source.Get(context);
        if (code.Length == 0)
        {
            return code;
        }

        // A codelist has thousands of terms and a dataset repeats a handful of codes: look each code up once.
        return _cache.TryGetValue(code, out var cached) ? cached : Decode(code);
    }

    // Apart from Evaluate, whose every call would otherwise allocate the closure of the term search.
    private string Decode(string code)
    {
        var term = _codes!.FindBySubmissionValue(code)
            ?? throw new MappingFailure(source.RawColumn, MappingMessages.CodeNotInCodelist(code, codelistName));
        var decode = _decodes!.Terms.FirstOrDefault(t => t.Code == term.Code)
            ?? throw new MappingFailure(source.RawColumn, MappingMessages.NoDecode(decodeName, code, term.Code));
        _cache[code] = decode.SubmissionValue;
        return decode.SubmissionValue;
    }
}
