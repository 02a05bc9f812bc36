using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CdiscExport.Mapping.Specs;

/// <summary>
/// A YAML node that remembers its file and position, so every complaint about a spec can say where it is.
/// Reading a mapping through <see cref="Keys"/> checks that no unknown key is present, which is how a misspelt key
/// ("sorce:") becomes an error instead of being ignored.
/// </summary>
internal sealed class SpecNode
{
    private readonly string[] _hidden;

    private SpecNode(string file, YamlNode node, string? key, string[]? hidden = null)
    {
        File = file;
        Node = node;
        Key = key;
        _hidden = hidden ?? [];
    }

    public string File { get; }

    public YamlNode Node { get; }

    public string? Key { get; }

    public int Line => (int)Node.Start.Line;

    public int Column => (int)Node.Start.Column;

    public bool IsScalar => Node is YamlScalarNode;

    public bool IsMapping => Node is YamlMappingNode;

    public bool IsSequence => Node is YamlSequenceNode;

    public static SpecNode Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new SpecException(path, (int)e.Start.Line, (int)e.Start.Column, null, $"not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new SpecException(path, 0, 0, null, "a spec file holds exactly one YAML document");
        }

        return new SpecNode(path, stream.Documents[0].RootNode, null);
    }

    public SpecException Error(string reason, IReadOnlyList<string>? allowed = null) =>
        new(File, Line, Column, Key, reason, allowed);

    public string Scalar()
    {
        if (Node is YamlScalarNode s)
        {
            return s.Value ?? string.Empty;
        }

        throw Error($"\"{Key}\" must be a single value, not a {Describe()}");
    }

    public double Number()
    {
        var text = Scalar();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw Error($"\"{Key}\" must be a number, not \"{text}\"");
    }

    public IReadOnlyList<SpecNode> Items()
    {
        if (Node is YamlSequenceNode seq)
        {
            return seq.Children.Select(c => new SpecNode(File, c, Key)).ToList();
        }

        throw Error($"\"{Key}\" must be a list, not a {Describe()}");
    }

    /// <summary>A scalar or a list of scalars, as a list.</summary>
    public IReadOnlyList<string> Strings() =>
        Node is YamlScalarNode ? [Scalar()] : Items().Select(i => i.Scalar()).ToList();

    /// <summary>The entries of a mapping, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, SpecNode>> Entries()
    {
        if (Node is not YamlMappingNode map)
        {
            throw Error($"\"{Key ?? "document"}\" must be a mapping of keys to values, not a {Describe()}");
        }

        return map.Children
            .Where(kv => _hidden.Length == 0 || !_hidden.Contains((kv.Key as YamlScalarNode)?.Value, StringComparer.Ordinal))
            .Select(kv =>
            {
                var name = (kv.Key as YamlScalarNode)?.Value ?? string.Empty;
                return new KeyValuePair<string, SpecNode>(name, new SpecNode(File, kv.Value, name));
            })
            .ToList();
    }

    /// <summary>
    /// The same mapping with <paramref name="keys"/> left out of its entries: how options that apply to any
    /// algorithm (<c>map:</c>, <c>default:</c>) are taken off before the algorithm reads its own keys.
    /// </summary>
    public SpecNode Without(params string[] keys) => new(File, Node, Key, [.. _hidden, .. keys]);

    /// <summary>Reads a mapping whose keys must all be among <paramref name="allowed"/>.</summary>
    public SpecMap Keys(params string[] allowed)
    {
        var entries = Entries();
        foreach (var (key, value) in entries)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                var keyNode = new SpecNode(File, ((YamlMappingNode)Node).Children.Keys.First(k => (k as YamlScalarNode)?.Value == key), key);
                throw keyNode.Error($"unknown key \"{key}\"", allowed);
            }
        }

        return new SpecMap(this, entries);
    }

    private string Describe() => Node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };
}

/// <summary>A mapping node whose keys were checked.</summary>
internal sealed class SpecMap(SpecNode node, IReadOnlyList<KeyValuePair<string, SpecNode>> entries)
{
    public SpecNode Node { get; } = node;

    public IReadOnlyList<KeyValuePair<string, SpecNode>> Entries { get; } = entries;

    public SpecNode? Optional(string key) => Entries.FirstOrDefault(e => e.Key == key).Value;

    public SpecNode Required(string key) =>
        Optional(key) ?? throw Node.Error($"\"{key}\" is required here");

    public string? OptionalScalar(string key) => Optional(key)?.Scalar();

    public string RequiredScalar(string key) => Required(key).Scalar();
}
