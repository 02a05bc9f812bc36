using System.Text;
using System.Text.RegularExpressions;
using CdiscExport.Mapping.Algorithms;

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

        var raw = root.Required("raw").Keys("folder", "encoding", "missing");
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

        var encoding = ParseEncoding(raw.Optional("encoding"));
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

        var missing = raw.Optional("missing")?.Strings() ?? [];
        var explained = ParseExplained(root.Optional("conformance"));
        return new StudySpec(studyFile, attributes, folder, encoding, standards, datasets, tables, visits, transliterate, missing, explained);
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

    private static Encoding ParseEncoding(SpecNode? node)
    {
        var name = node?.Scalar() ?? "utf-8";
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            throw node!.Error($"encoding \"{name}\" is not known", ["utf-8", "windows-1252", "iso-8859-1"]);
        }
    }

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
        var map = node.Keys("source", "join", "where", "why_excluded", "variables", "supp", "rows");
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

        return new BlockSpec(node, source, joins, where, map.OptionalScalar("why_excluded"), variables, supp, rows);
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
