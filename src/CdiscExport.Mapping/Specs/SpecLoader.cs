using System.Text;
using System.Text.RegularExpressions;
using CdiscExport.Mapping.Algorithms;
using CdiscExport.Mapping.Raw;

namespace CdiscExport.Mapping.Specs;

/// <summary>
/// Loads a study spec folder: <c>study.yaml</c> and the dataset files it lists. Every key is checked against what is
/// allowed where it stands; every error names the file, line and column.
/// </summary>
internal static class SpecLoader
{
    public static readonly string[] Derivations = ["seq", "study_day", "epoch", "visit", "baseline"];

    public static StudySpec Load(string specFolder, string? rawOverride)
    {
        var studyFile = Path.Combine(specFolder, "study.yaml");
        if (!File.Exists(studyFile))
        {
            throw new SpecException(studyFile, 0, 0, null, $"no study file: {specFolder} must hold study.yaml");
        }

        var root = SpecNode.Load(studyFile).Keys("study", "raw", "standards", "datasets", "tables", "visits", "xpt", "conformance");
        var attributes = root.Required("study").Entries().ToDictionary(e => e.Key, e => e.Value.Scalar(), StringComparer.Ordinal);
        if (!attributes.ContainsKey("STUDYID"))
        {
            throw root.Required("study").Error("the study section must give STUDYID");
        }

        var raw = root.Required("raw").Keys([.. RawKeys, "folder", "forms"]);
        var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(studyFile))!, raw.RequiredScalar("folder")));
        if (rawOverride is not null)
        {
            folder = Path.GetFullPath(rawOverride);
        }

        if (!Directory.Exists(folder))
        {
            throw (rawOverride is null ? raw.Required("folder").Error($"the raw folder {folder} does not exist")
                : new SpecException(studyFile, 0, 0, "raw", $"--raw {rawOverride}: the folder does not exist"));
        }

        var defaults = ParseRawSettings(raw, RawSettings.Default);
        var formSettings = new Dictionary<string, RawSettings>(StringComparer.Ordinal);
        foreach (var (form, node) in raw.Optional("forms")?.Entries() ?? [])
        {
            formSettings[form] = ParseRawSettings(node.Keys([.. RawKeys, "file", "sheet"]), defaults);
        }
        var standards = root.OptionalScalar("standards") is { } s
            ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(studyFile))!, s))
            : null;

        var tables = new Dictionary<string, LookupTable>(StringComparer.Ordinal);
        foreach (var (name, node) in root.Optional("tables")?.Entries() ?? [])
        {
            tables[name] = new LookupTable(node, name);
        }

        var visits = (root.Optional("visits")?.Items() ?? []).Select(ParseVisit).ToList();
        var transliterate = root.Optional("xpt")?.Keys("transliterate").OptionalScalar("transliterate") is "true" or "yes";

        var datasets = new List<DatasetSpec>();
        foreach (var item in root.Required("datasets").Items())
        {
            var name = item.Scalar();
            var file = Path.Combine(specFolder, name + ".yaml");
            if (!File.Exists(file))
            {
                throw item.Error($"dataset \"{name}\" has no mapping file ({file})");
            }

            datasets.Add(LoadDataset(file));
        }

        var explained = ParseExplained(root.Optional("conformance"));
        return new StudySpec(studyFile, attributes, folder, defaults, formSettings, standards, datasets, tables, visits, transliterate, explained,
            AdamSpecLoader.Load(specFolder));
    }

    // conformance: explained: {RULE: reason} — findings the sponsor has reviewed and explains, as a reviewer's guide
    // would. A reason is required: an explanation nobody wrote is a finding hidden.
    private static Dictionary<string, string> ParseExplained(SpecNode? conformance)
    {
        var explained = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rule, reason) in conformance?.Keys("explained").Optional("explained")?.Entries() ?? [])
        {
            var text = reason.Scalar().Trim();
            if (text.Length == 0)
            {
                throw reason.Error($"say why the findings of {rule} are accepted");
            }

            explained[rule] = text;
        }

        return explained;
    }

    /// <summary>The keys of a raw layout, allowed both for the folder and for each form.</summary>
    public static readonly string[] RawKeys = ["encoding", "missing", "delimiter", "decimal", "quote", "header_row", "skip"];

    // A raw layout: the keys given replace those of the settings inherited (the folder's, for a form); a form's file
    // and sheet are its own.
    private static RawSettings ParseRawSettings(SpecMap map, RawSettings inherited)
    {
        var settings = inherited with { File = null, Sheet = null };
        if (map.Optional("encoding") is { } encoding)
        {
            settings = settings with
            {
                Encoding = RawEncodings.Find(encoding.Scalar()) ?? throw encoding.Error($"encoding \"{encoding.Scalar()}\" is not known", RawEncodings.Examples),
            };
        }

        if (map.Optional("missing") is { } missing)
        {
            settings = settings with { Missing = missing.IsScalar ? [missing.Scalar()] : missing.Strings() };
        }

        if (map.Optional("delimiter") is { } delimiter)
        {
            settings = settings with
            {
                Delimiter = delimiter.Scalar() switch
                {
                    "," or "comma" => ',',
                    ";" or "semicolon" => ';',
                    "\t" or "tab" => '\t',
                    "|" or "pipe" => '|',
                    "detect" or "auto" => null,
                    var other => throw delimiter.Error($"delimiter \"{other}\" is not known", [",", ";", "tab", "|", "detect"]),
                },
            };
        }

        if (map.Optional("decimal") is { } mark)
        {
            settings = settings with
            {
                DecimalMark = mark.Scalar() switch
                {
                    "." => '.',
                    "," => ',',
                    var other => throw mark.Error($"decimal mark \"{other}\" is not known", [".", ","]),
                },
            };
        }

        if (map.Optional("quote") is { } quote)
        {
            settings = settings with
            {
                Quote = quote.Scalar() is { Length: 1 } q && char.IsAscii(q[0]) && !char.IsLetterOrDigit(q[0])
                    ? q[0]
                    : throw quote.Error($"quote \"{quote.Scalar()}\" is not one ASCII punctuation character", ["\"", "'"]),
            };
        }

        if (map.Optional("header_row") is { } header)
        {
            settings = settings with { HeaderRow = PositiveInteger(header, 1) };
        }

        if (map.Optional("skip") is { } skip)
        {
            settings = settings with { Skip = PositiveInteger(skip, 0) };
        }

        return settings with { File = map.OptionalScalar("file"), Sheet = map.OptionalScalar("sheet") };
    }

    private static int PositiveInteger(SpecNode node, int least) =>
        int.TryParse(node.Scalar(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= least
            ? n
            : throw node.Error($"\"{node.Scalar()}\" is not a whole number of at least {least}");

    private static VisitRule ParseVisit(SpecNode node)
    {
        var map = node.Keys("raw", "pattern", "VISITNUM", "VISIT", "unscheduled");
        var unscheduled = map.OptionalScalar("unscheduled") is "true" or "yes";
        var raw = map.OptionalScalar("raw");
        Regex? pattern = null;
        if (map.OptionalScalar("pattern") is { } p)
        {
            try
            {
                pattern = new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw map.Required("pattern").Error($"not a valid regular expression: {e.Message}");
            }
        }

        if ((raw is null) == (pattern is null))
        {
            throw node.Error("a visit rule gives either raw: (an exact label) or pattern: (a regular expression)");
        }

        return unscheduled
            ? new VisitRule(node, raw, pattern, string.Empty, map.OptionalScalar("VISIT") ?? string.Empty, true)
            : new VisitRule(node, raw, pattern, map.RequiredScalar("VISITNUM"), map.RequiredScalar("VISIT"), false);
    }

    private static DatasetSpec LoadDataset(string file)
    {
        var root = SpecNode.Load(file).Keys("dataset", "label", "records", "derive", "sort");
        var name = root.RequiredScalar("dataset");
        var blocks = root.Required("records").Items().Select(ParseBlock).ToList();
        var derivations = (root.Optional("derive")?.Items() ?? []).Select(ParseDerivation).ToList();
        var sort = root.Optional("sort")?.Strings() ?? [];
        return new DatasetSpec(file, name, root.OptionalScalar("label"), blocks, derivations, sort);
    }

    private static BlockSpec ParseBlock(SpecNode node)
    {
        var map = node.Keys("source", "unpivot", "join", "where", "why_excluded", "variables", "supp", "rows");
        var source = map.OptionalScalar("source");
        var rowsNode = map.Optional("rows");
        if ((source is null) == (rowsNode is null))
        {
            throw node.Error("a records block has either source: (a raw form) or rows: (literal records)");
        }

        var joins = (map.Optional("join")?.Items() ?? []).Select(j =>
        {
            var jm = j.Keys("form", "on", "key", "required");
            var on = jm.RequiredScalar("on");
            return new JoinSpec(j, jm.RequiredScalar("form"), on, jm.OptionalScalar("key") ?? on, jm.OptionalScalar("required") is "true" or "yes");
        }).ToList();

        var where = map.Optional("where") is { } w ? new Condition(w) : null;
        var variables = new List<(string, IAlgorithm)>();
        foreach (var (target, algo) in map.Optional("variables")?.Entries() ?? [])
        {
            if (variables.Any(v => v.Item1 == target))
            {
                throw algo.Error($"variable {target} is defined twice in this block");
            }

            variables.Add((target, AlgorithmFactory.Parse(algo)));
        }

        if (source is not null && variables.Count == 0)
        {
            // A dataset of no variables cannot be written (XPT, CSV and Dataset-JSON all need one).
            throw node.Error($"the records block of source {source} maps no variables; give variables: (TARGET: algorithm, one per line)");
        }

        var supp = new List<SuppSpec>();
        foreach (var (qnam, def) in map.Optional("supp")?.Entries() ?? [])
        {
            var sm = def.Keys("label", "value", "origin", "eval");
            if (qnam.Length > 8)
            {
                throw def.Error($"QNAM {qnam} is longer than 8 characters");
            }

            supp.Add(new SuppSpec(def, qnam, sm.RequiredScalar("label"), AlgorithmFactory.Parse(sm.Required("value")),
                sm.OptionalScalar("origin") ?? "CRF", sm.OptionalScalar("eval") ?? string.Empty));
        }

        IReadOnlyList<IReadOnlyDictionary<string, string>>? rows = rowsNode?.Items()
            .Select(r => (IReadOnlyDictionary<string, string>)r.Entries().ToDictionary(e => e.Key, e => e.Value.Scalar(), StringComparer.Ordinal))
            .ToList();

        var unpivotNode = map.Optional("unpivot");
        if (unpivotNode is not null && source is null)
        {
            throw unpivotNode.Error("unpivot: needs a source: form to turn long");
        }

        var unpivot = unpivotNode is null ? null : UnpivotSpec.Parse(unpivotNode);

        return new BlockSpec(node, source, joins, where, map.OptionalScalar("why_excluded"), variables, supp, rows, unpivot);
    }

    private static DerivationSpec ParseDerivation(SpecNode node)
    {
        var entries = node.Entries();
        if (entries.Count != 1)
        {
            throw node.Error("each derive: entry names one derivation", Derivations);
        }

        var (name, options) = entries[0];
        if (!Derivations.Contains(name))
        {
            throw options.Error($"unknown derivation \"{name}\"", Derivations);
        }

        var allowed = name switch
        {
            "seq" => new[] { "target", "by", "order" },
            "study_day" => ["date", "target"],
            "epoch" => ["date", "target"],
            "visit" => ["label", "date"],
            _ => ["target", "by", "date", "value"],
        };

        return new DerivationSpec(options, name, options.Keys(allowed));
    }
}
