using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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
        var text = System.IO.File.ReadAllText(path);
        RejectControlCharacters(path, text);
        using var reader = new StringReader(text);
        var parser = new TrackingParser(new Parser(reader));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new SpecException(path, (int)e.Start.Line, (int)e.Start.Column, null, $"not valid YAML: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner gives up on some malformed input (a flow mapping cut short by the end of the file)
            // without a location; the place is after the last event it could read.
            throw new SpecException(path, (int)parser.LastEnd.Line, (int)parser.LastEnd.Column, null,
                "not valid YAML: the text after this point cannot be read (an unclosed { or [, or a quote?)");
        }

        if (stream.Documents.Count != 1)
        {
            throw new SpecException(path, 0, 0, null, "a spec file holds exactly one YAML document");
        }

        return new SpecNode(path, stream.Documents[0].RootNode, null);
    }

    // YAML allows no C0 control character but tab and line breaks; YamlDotNet reads them into values, where they reach
    // labels and define.xml (which XML refuses). Refused here, at their place.
    private static void RejectControlCharacters(string path, string text)
    {
        var line = 1;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                continue;
            }

            if ((char.IsControl(c) && c is not ('\t' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                throw new SpecException(path, line, column, null,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the control character U+{(int)c:X4} is not allowed in a spec file; remove it"));
            }

            column++;
        }
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
    public IReadOnlyList<KeyValuePair<string, SpecNode>> Entries() =>
        Pairs().Select(p => new KeyValuePair<string, SpecNode>(p.Name, p.Value)).ToList();

    /// <summary>
    /// The same mapping with <paramref name="keys"/> left out of its entries: how options that apply to any
    /// algorithm (<c>map:</c>, <c>default:</c>) are taken off before the algorithm reads its own keys.
    /// </summary>
    public SpecNode Without(params string[] keys) => new(File, Node, Key, [.. _hidden, .. keys]);

    /// <summary>Reads a mapping whose keys must all be among <paramref name="allowed"/>.</summary>
    public SpecMap Keys(params string[] allowed)
    {
        var pairs = Pairs();
        foreach (var (name, keyNode, _) in pairs)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw keyNode.Error($"unknown key \"{name}\"", allowed);
            }
        }

        return new SpecMap(this, pairs.Select(p => new KeyValuePair<string, SpecNode>(p.Name, p.Value)).ToList());
    }

    /// <summary>
    /// A mapping's entries with their key nodes (for the key's position). A key must be a plain value: YAML allows
    /// a list, a mapping or an anchor without text as a key, which no spec key is, so it is an error at the key.
    /// </summary>
    private List<(string Name, SpecNode KeyNode, SpecNode Value)> Pairs()
    {
        if (Node is not YamlMappingNode map)
        {
            throw Error($"\"{Key ?? "document"}\" must be a mapping of keys to values, not a {Describe()}");
        }

        var pairs = new List<(string, SpecNode, SpecNode)>(map.Children.Count);
        foreach (var (key, value) in map.Children)
        {
            var keyNode = new SpecNode(File, key, Key);
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                var what = keyNode.Describe();
                throw keyNode.Error($"a key inside \"{Key ?? "document"}\" must be a plain name, not {(what.StartsWith('e') ? "an" : "a")} {what}");
            }

            if (_hidden.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            pairs.Add((name, new SpecNode(File, key, name), new SpecNode(File, value, name)));
        }

        return pairs;
    }

    private string Describe() => Node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        YamlScalarNode { Value: null or "" } => "empty value",
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

/// <summary>A YAML parser that remembers where the last event it read ended, for errors that carry no location.</summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    /// <summary>The end of the last event read (line 1, column 1 before any).</summary>
    public Mark LastEnd { get; private set; } = Mark.Empty;

    /// <inheritdoc/>
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc/>
    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastEnd = current.End;
        }

        return moved;
    }
}
