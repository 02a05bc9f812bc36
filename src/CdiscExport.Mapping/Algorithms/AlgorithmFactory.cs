using System.Globalization;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// Reads one variable's algorithm from its spec node: a mapping whose first key names the algorithm
/// (<c>copy</c>, <c>constant</c>, <c>template</c>, <c>ct</c>, <c>ct_decode</c>, <c>date</c>, <c>number</c>,
/// <c>lookup</c>, <c>when</c>, <c>first</c>, <c>aggregate</c>, <c>convert</c>, <c>range_indicator</c>) and whose
/// other keys are that algorithm's options, plus <c>map</c> and <c>default</c>, which any algorithm but <c>ct</c> takes
/// (<see cref="ValueMapAlgorithm"/>). Unknown algorithms and options are errors that list what is allowed.
/// </summary>
internal static class AlgorithmFactory
{
    public static readonly string[] Names =
        ["copy", "constant", "template", "ct", "ct_decode", "date", "number", "lookup", "when", "first", "aggregate", "convert", "range_indicator", "extract"];

    public static IAlgorithm Parse(SpecNode node)
    {
        if (node.IsScalar)
        {
            throw node.Error(MappingMessages.NeedsAnAlgorithm(node.Key, node.Scalar()), Names);
        }

        var entries = node.Entries();
        var name = entries.Count > 0 ? entries[0].Key : string.Empty;
        if (name != "ct" && entries.Any(e => e.Key is "map" or "default"))
        {
            return ValueMap(node, name);
        }

        return name switch
        {
            "copy" => Copy(node),
            "constant" => new ConstantAlgorithm(node, node.Keys("constant").RequiredScalar("constant")),
            "template" => new TemplateAlgorithm(node, node.Keys("template").RequiredScalar("template")),
            "ct" => Ct(node),
            "ct_decode" => CtDecode(node),
            "date" => Date(node),
            "number" => Number(node),
            "lookup" => Lookup(node),
            "when" => When(node),
            "first" => new FirstAlgorithm(node, node.Keys("first").Required("first").Items().Select(Parse).ToList()),
            "aggregate" => Aggregate(node),
            "convert" => Convert(node),
            "range_indicator" => Range(node),
            "extract" => Extract(node),
            _ => throw node.Error(MappingMessages.UnknownAlgorithm(name), Names),
        };
    }

    private static ValueRef Ref(SpecNode node) => new(node.Scalar(), node);

    private static IAlgorithm ValueMap(SpecNode node, string name)
    {
        var entries = node.Entries();
        var mapNode = entries.FirstOrDefault(e => e.Key == "map").Value;
        var fallback = entries.FirstOrDefault(e => e.Key == "default").Value;
        if (mapNode is null)
        {
            throw fallback!.Error(MappingMessages.DefaultWithoutMap(name));
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapNode.Entries())
        {
            if (!map.TryAdd(key, value.Scalar()))
            {
                throw value.Error(MappingMessages.MappedTwice(key));
            }
        }

        return new ValueMapAlgorithm(node, Parse(node.Without("map", "default")), map, fallback?.Scalar());
    }

    private static IAlgorithm Copy(SpecNode node)
    {
        var map = node.Keys("copy", "case");
        var caseMode = map.OptionalScalar("case");
        if (caseMode is not null and not "upper")
        {
            throw map.Required("case").Error(MappingMessages.NotKnown("case", caseMode), ["upper"]);
        }

        return new CopyAlgorithm(node, Ref(map.Required("copy")), caseMode == "upper");
    }

    private static IAlgorithm Ct(SpecNode node)
    {
        var map = node.Keys("ct", "source", "map", "extensions");
        var mapping = map.Optional("map")?.Entries().ToDictionary(e => e.Key, e => e.Value.Scalar(), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var extensions = map.Optional("extensions")?.Strings() ?? [];
        return new CtAlgorithm(node, map.RequiredScalar("ct"), Ref(map.Required("source")), mapping, extensions);
    }

    private static IAlgorithm CtDecode(SpecNode node)
    {
        var map = node.Keys("ct_decode").Required("ct_decode").Keys("source", "codelist", "decode");
        return new CtDecodeAlgorithm(node, Ref(map.Required("source")), map.RequiredScalar("codelist"), map.RequiredScalar("decode"));
    }

    private static IAlgorithm Date(SpecNode node)
    {
        var map = node.Keys("date", "format", "time", "time_format");
        var time = map.Optional("time");
        return new DateAlgorithm(node, Ref(map.Required("date")), map.Required("format").Strings(),
            time is null ? null : Ref(time), map.OptionalScalar("time_format"));
    }

    private static IAlgorithm Number(SpecNode node)
    {
        var map = node.Keys("number", "lenient");
        return new NumberAlgorithm(node, Ref(map.Required("number")), map.OptionalScalar("lenient") is "true" or "yes");
    }

    private static IAlgorithm Lookup(SpecNode node)
    {
        var map = node.Keys("lookup", "key", "field", "on_miss");
        var onMiss = map.OptionalScalar("on_miss") ?? "error";
        if (onMiss is not ("error" or "blank"))
        {
            throw map.Required("on_miss").Error(MappingMessages.NotKnown("on_miss", onMiss), ["error", "blank"]);
        }

        var keys = map.Required("key");
        var refs = keys.IsScalar ? [Ref(keys)] : keys.Items().Select(Ref).ToList();
        return new LookupAlgorithm(node, map.RequiredScalar("lookup"), refs, map.RequiredScalar("field"), onMiss == "blank");
    }

    private static IAlgorithm When(SpecNode node)
    {
        var branches = new List<(Condition?, IAlgorithm)>();
        var items = node.Keys("when").Required("when").Items();
        for (var i = 0; i < items.Count; i++)
        {
            var branch = items[i].Keys("if", "then", "else");
            if (branch.Optional("else") is { } otherwise)
            {
                if (i != items.Count - 1)
                {
                    throw otherwise.Error(MappingMessages.ElseNotLast);
                }

                branches.Add((null, Parse(otherwise)));
            }
            else
            {
                branches.Add((new Condition(branch.Required("if")), Parse(branch.Required("then"))));
            }
        }

        return new ConditionAlgorithm(node, branches);
    }

    private static IAlgorithm Aggregate(SpecNode node)
    {
        var map = node.Keys("aggregate").Required("aggregate")
            .Keys("form", "on", "key", "value", "format", "time", "time_format", "pick", "where");
        return new AggregateAlgorithm(
            node,
            map.RequiredScalar("form"),
            map.RequiredScalar("on"),
            Ref(map.Optional("key") ?? map.Required("on")),
            map.RequiredScalar("value"),
            map.Optional("format")?.Strings(),
            map.OptionalScalar("time"),
            map.OptionalScalar("time_format"),
            map.OptionalScalar("pick") ?? "first",
            map.Optional("where"));
    }

    private static IAlgorithm Convert(SpecNode node)
    {
        var map = node.Keys("convert").Required("convert").Keys("value", "from", "to", "factors");
        var factors = (map.Optional("factors")?.Entries() ?? [])
            .ToDictionary(e => e.Key, e => e.Value.Number(), StringComparer.Ordinal);
        return new ConvertUnitAlgorithm(node, Ref(map.Required("value")), Ref(map.Required("from")), Ref(map.Required("to")), factors);
    }

    private static IAlgorithm Extract(SpecNode node)
    {
        var map = node.Keys("extract", "pattern", "on_miss");
        var onMiss = map.OptionalScalar("on_miss") ?? "error";
        if (onMiss is not ("error" or "blank"))
        {
            throw map.Required("on_miss").Error(MappingMessages.NotKnown("on_miss", onMiss), ["error", "blank"]);
        }

        return new ExtractAlgorithm(node, Ref(map.Required("extract")), map.Required("pattern"), onMiss == "blank");
    }

    private static IAlgorithm Range(SpecNode node)
    {
        var map = node.Keys("range_indicator").Required("range_indicator").Keys("value", "low", "high");
        return new RangeIndicatorAlgorithm(node, Ref(map.Required("value")), Ref(map.Required("low")), Ref(map.Required("high")));
    }

    internal static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
