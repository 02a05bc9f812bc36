using System.Text.Json;
using CdiscExport.Core.Standards;

namespace CdiscExport.Core.Terminology;

/// <summary>
/// Reads a controlled terminology release from CDISC CORE's terminology cache converted to JSON (the shipped
/// <c>sdtmct-*.partial.json.gz</c> files): <c>{"_provenance": {"package": "sdtmct-2019-12-20", ...},
/// "codelists": {"C66731": {"extensible": false, "terms": [{"submissionValue": "M", "preferredTerm": "Male",
/// "synonyms": ["Male"]}, ...]}, ...}}</c>, or with <c>"allowed_terms": ["Female", "F", ...]</c> in place of
/// <c>"terms"</c> (submission values mixed with preferred terms and synonyms).
/// </summary>
internal static class CoreCacheJsonReader
{
    private const string CodelistsProperty = "codelists";
    private const string ProvenanceProperty = "_provenance";
    private const string PackageProperty = "package";
    private const string ExtensibleProperty = "extensible";
    private const string TermsProperty = "terms";
    private const string AllowedTermsProperty = "allowed_terms";
    private const string SubmissionValueProperty = "submissionValue";
    private const string PreferredTermProperty = "preferredTerm";
    private const string SynonymsProperty = "synonyms";

    /// <summary>What a cache file holds: its codelists (unnamed) and how complete they are.</summary>
    public sealed record Contents(string? Package, TerminologyCompleteness Completeness, List<Codelist> Codelists);

    /// <summary>
    /// Reads <paramref name="path"/> (plain or gzip). Codelists keep file order and are named by
    /// <paramref name="identityOf"/> (the source names none); the completeness follows from the terms' shape: all
    /// <c>"terms"</c> is <see cref="TerminologyCompleteness.CodelistValuesOnly"/>, any <c>"allowed_terms"</c>
    /// <see cref="TerminologyCompleteness.MixedValuesOnly"/>.
    /// </summary>
    /// <exception cref="StandardsFormatException">The file is missing or is not such a cache.</exception>
    public static Contents Read(string path, Func<string, (string Name, string SubmissionValue)?> identityOf)
    {
        JsonDocument document;
        using (var stream = TerminologyFile.OpenRead(path))
        {
            try
            {
                document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
            }
            catch (JsonException ex)
            {
                throw new StandardsFormatException(path, (ex.LineNumber ?? 0) + 1, TerminologyErrorMessages.MalformedJson(ex.Message), ex);
            }
            catch (InvalidDataException ex)
            {
                throw new StandardsFormatException(path, 0, TerminologyErrorMessages.CorruptGzip(ex.Message), ex);
            }
        }

        using (document)
        {
            var root = document.RootElement;
            Expect(path, root, JsonValueKind.Object, "$", "an object");
            string? package = null;
            if (root.TryGetProperty(ProvenanceProperty, out var provenance) && provenance.ValueKind == JsonValueKind.Object &&
                provenance.TryGetProperty(PackageProperty, out var packageName) && packageName.ValueKind == JsonValueKind.String)
            {
                package = packageName.GetString();
            }

            if (!root.TryGetProperty(CodelistsProperty, out var codelists) || codelists.ValueKind != JsonValueKind.Object)
            {
                throw Unexpected(path, "$." + CodelistsProperty, "an object of codelists by C-code");
            }

            var mixed = false;
            var result = new List<Codelist>();
            foreach (var codelist in codelists.EnumerateObject())
            {
                var at = $"$.{CodelistsProperty}.{codelist.Name}";
                Expect(path, codelist.Value, JsonValueKind.Object, at, "an object");
                if (!codelist.Name.StartsWith('C') || codelist.Name.Length < 2 || codelist.Name.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
                {
                    throw Unexpected(path, at, "an NCI C-code (C followed by digits) as the key");
                }

                if (!codelist.Value.TryGetProperty(ExtensibleProperty, out var extensible) ||
                    extensible.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw Unexpected(path, $"{at}.{ExtensibleProperty}", "true or false");
                }

                List<Term> terms;
                if (codelist.Value.TryGetProperty(TermsProperty, out var termArray))
                {
                    terms = ReadTerms(path, termArray, $"{at}.{TermsProperty}");
                }
                else if (codelist.Value.TryGetProperty(AllowedTermsProperty, out var valueArray))
                {
                    mixed = true;
                    terms = ReadValues(path, valueArray, $"{at}.{AllowedTermsProperty}");
                }
                else
                {
                    throw Unexpected(path, at, $"\"{TermsProperty}\" or \"{AllowedTermsProperty}\"");
                }

                var identity = identityOf(codelist.Name);
                result.Add(new Codelist(codelist.Name, identity?.Name, identity?.SubmissionValue, extensible.GetBoolean(), terms));
            }

            return new Contents(package, mixed ? TerminologyCompleteness.MixedValuesOnly : TerminologyCompleteness.CodelistValuesOnly, result);
        }
    }

    private static List<Term> ReadTerms(string path, JsonElement array, string at)
    {
        Expect(path, array, JsonValueKind.Array, at, "an array of terms");
        var terms = new List<Term>(array.GetArrayLength());
        var index = 0;
        foreach (var term in array.EnumerateArray())
        {
            var termAt = $"{at}[{index++}]";
            Expect(path, term, JsonValueKind.Object, termAt, "a term object");
            var submissionValue = RequiredString(path, term, SubmissionValueProperty, termAt);
            var preferredTerm = RequiredString(path, term, PreferredTermProperty, termAt);
            if (!term.TryGetProperty(SynonymsProperty, out var synonymArray))
            {
                throw Unexpected(path, $"{termAt}.{SynonymsProperty}", "an array of strings");
            }

            terms.Add(new Term(null, submissionValue, Strings(path, synonymArray, $"{termAt}.{SynonymsProperty}"), null, preferredTerm));
        }

        return terms;
    }

    /// <summary>One term per distinct value, first occurrence first: the list repeats a value where a preferred
    /// term equals a synonym.</summary>
    private static List<Term> ReadValues(string path, JsonElement array, string at)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<Term>();
        foreach (var value in Strings(path, array, at))
        {
            if (seen.Add(value))
            {
                terms.Add(new Term(null, value, [], null, null));
            }
        }

        return terms;
    }

    private static string[] Strings(string path, JsonElement array, string at)
    {
        Expect(path, array, JsonValueKind.Array, at, "an array of strings");
        var values = new string[array.GetArrayLength()];
        var index = 0;
        foreach (var value in array.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
            {
                throw Unexpected(path, $"{at}[{index}]", "a non-empty string");
            }

            values[index++] = text;
        }

        return values;
    }

    private static string RequiredString(string path, JsonElement element, string property, string at) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Unexpected(path, $"{at}.{property}", "a non-empty string");

    private static void Expect(string path, JsonElement element, JsonValueKind kind, string at, string expected)
    {
        if (element.ValueKind != kind)
        {
            throw Unexpected(path, at, expected);
        }
    }

    // JsonDocument keeps no line numbers, so a structural error names its JSON path instead (line 0: the whole file).
    private static StandardsFormatException Unexpected(string path, string at, string expected) =>
        new(path, 0, TerminologyErrorMessages.UnexpectedJson(at, expected));
}
