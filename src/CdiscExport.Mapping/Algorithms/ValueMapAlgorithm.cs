using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// <c>map: {"1": M, "2": F}</c> and <c>default: U</c> on any algorithm (other than <c>ct</c>, whose own <c>map</c>
/// comes before the codelist): the algorithm's value is looked up in the map, exactly. A value the map does not list
/// takes the default when one is given (<c>default: ""</c> makes it missing) and is otherwise an error naming the
/// value and the keys: an EDC code nobody mapped is never passed through. A missing value stays missing unless the
/// map has a <c>""</c> key.
/// </summary>
internal sealed class ValueMapAlgorithm(SpecNode node, IAlgorithm inner, IReadOnlyDictionary<string, string> map, string? fallback) : IAlgorithm
{
    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope) => inner.Bind(scope);

    public string Evaluate(RecordContext context)
    {
        var value = inner.Evaluate(context);
        if (map.TryGetValue(value, out var mapped))
        {
            return mapped;
        }

        if (value.Length == 0)
        {
            return value;
        }

        return fallback ?? throw new MappingFailure(null, MappingMessages.NotInMap(value, map.Keys));
    }
}
