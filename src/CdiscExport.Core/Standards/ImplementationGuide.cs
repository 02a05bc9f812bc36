using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CdiscExport.Core.Standards;

/// <summary>
/// The dataset and variable metadata of one CDISC implementation guide (SDTMIG 3.4 or ADaMIG 1.3), read from the
/// CDISC CSV exports shipped in <c>specs/standards</c>.
/// </summary>
/// <remarks>Instances are immutable and safe to share between threads. Names are compared ordinally (CDISC names
/// are upper case).</remarks>
public sealed class ImplementationGuide
{
    private readonly Dictionary<string, StandardDataset> datasets;
    private readonly Dictionary<string, IReadOnlyList<StandardVariable>> variables;
    private readonly Dictionary<string, List<(Regex Pattern, StandardVariable Variable)>> placeholders;

    private ImplementationGuide(
        string name, string version, IReadOnlyList<StandardDataset> datasetList,
        Dictionary<string, IReadOnlyList<StandardVariable>> variables)
    {
        Name = name;
        Version = version;
        Datasets = datasetList;
        datasets = datasetList.ToDictionary(d => d.Name, StringComparer.Ordinal);
        this.variables = variables;
        placeholders = new Dictionary<string, List<(Regex, StandardVariable)>>(StringComparer.Ordinal);
        foreach (var (dataset, list) in variables)
        {
            var patterns = new List<(Regex, StandardVariable)>();
            foreach (var variable in list)
            {
                if (PlaceholderPattern(variable.Name) is { } pattern)
                {
                    patterns.Add((pattern, variable));
                }
            }

            placeholders[dataset] = patterns;
        }
    }

    /// <summary>"SDTMIG" or "ADaMIG".</summary>
    public string Name { get; }

    /// <summary>The guide's version, e.g. "3.4" or "1.3".</summary>
    public string Version { get; }

    /// <summary>All datasets (SDTM) or data structures (ADaM) in file order.</summary>
    public IReadOnlyList<StandardDataset> Datasets { get; }

    /// <summary>
    /// Loads SDTMIG metadata from <paramref name="folder"/> (the <c>sdtmig-3.4</c> folder holding
    /// <c>Datasets.csv</c> and <c>Variables.csv</c>).
    /// </summary>
    /// <exception cref="StandardsFormatException">A file is missing or malformed; the message names file and line.</exception>
    public static ImplementationGuide LoadSdtmig(string folder)
    {
        var datasetList = new List<StandardDataset>();
        string? version = null;
        using (var csv = MetadataCsvReader.Open(System.IO.Path.Combine(folder, "Datasets.csv"), false,
                   "Version", "Class", "Dataset Name", "Dataset Label", "Structure"))
        {
            while (csv.Read())
            {
                version ??= VersionOf(csv, "SDTMIG");
                datasetList.Add(new StandardDataset(
                    RequireValue(csv, "Dataset Name"), csv.Get("Dataset Label"), csv.Get("Class"), csv.Get("Structure")));
            }
        }

        var byDataset = new Dictionary<string, List<StandardVariable>>(StringComparer.Ordinal);
        using (var csv = MetadataCsvReader.Open(System.IO.Path.Combine(folder, "Variables.csv"), false,
                   "Variable Order", "Dataset Name", "Variable Name", "Variable Label", "Type",
                   "CDISC CT Codelist Code(s)", "Role", "Core"))
        {
            while (csv.Read())
            {
                var dataset = RequireValue(csv, "Dataset Name");
                var orderText = csv.Get("Variable Order");
                if (!int.TryParse(orderText, NumberStyles.None, CultureInfo.InvariantCulture, out var order))
                {
                    throw csv.Error(StandardsErrorMessages.NotAWholeNumber("Variable Order", orderText));
                }

                Add(byDataset, new StandardVariable(
                    dataset, RequireValue(csv, "Variable Name"), csv.Get("Variable Label"), ParseType(csv), order,
                    csv.Get("Role"), ParseCore(csv), SplitList(csv.Get("CDISC CT Codelist Code(s)")),
                    SplitList(csv.Get("Codelist Submission Values"))));
            }
        }

        return new ImplementationGuide("SDTMIG", version ?? "3.4", datasetList, Freeze(byDataset, ordered: true));
    }

    /// <summary>
    /// Loads ADaMIG metadata from <paramref name="folder"/> (the <c>adamig-1.3</c> folder holding
    /// <c>DataStructures.csv</c> and <c>Variables.csv</c>).
    /// </summary>
    /// <remarks>
    /// Variables are keyed by data structure name ("ADSL", "BDS"): ADaMIG's Variables.csv names the structure by its
    /// description ("Subject-Level Analysis Dataset"), which is matched to DataStructures.csv's "Data Structure
    /// Description" with or without a trailing " Structure". ADaMIG has no order or role columns: see
    /// <see cref="StandardVariable.Order"/> and <see cref="StandardVariable.Role"/>.
    /// </remarks>
    /// <exception cref="StandardsFormatException">A file is missing or malformed; the message names file and line.</exception>
    public static ImplementationGuide LoadAdamig(string folder)
    {
        var datasetList = new List<StandardDataset>();
        var structureByDescription = new Dictionary<string, string>(StringComparer.Ordinal);
        string? version = null;
        using (var csv = MetadataCsvReader.Open(System.IO.Path.Combine(folder, "DataStructures.csv"), false,
                   "Version", "Data Structure Name", "Data Structure Description", "Class"))
        {
            while (csv.Read())
            {
                version ??= VersionOf(csv, "ADaMIG");
                var name = RequireValue(csv, "Data Structure Name");
                var description = csv.Get("Data Structure Description");
                datasetList.Add(new StandardDataset(name, description, csv.Get("Class"), csv.Get("CDISC Notes")));
                structureByDescription.TryAdd(description, name);
                structureByDescription.TryAdd(name, name);
                if (description.EndsWith(" Structure", StringComparison.Ordinal))
                {
                    structureByDescription.TryAdd(description[..^" Structure".Length], name);
                }
            }
        }

        var byDataset = new Dictionary<string, List<StandardVariable>>(StringComparer.Ordinal);
        using (var csv = MetadataCsvReader.Open(System.IO.Path.Combine(folder, "Variables.csv"), false,
                   "Data Structure Name", "Variable Set", "Variable Name", "Variable Label", "Type",
                   "CDISC CT Codelist Code(s)", "CDISC CT Codelist Submission Value(s)", "Core"))
        {
            while (csv.Read())
            {
                var structureText = RequireValue(csv, "Data Structure Name");
                if (!structureByDescription.TryGetValue(structureText, out var dataset))
                {
                    throw csv.Error(StandardsErrorMessages.UnknownDataStructure(structureText, structureByDescription.Keys));
                }

                var order = byDataset.TryGetValue(dataset, out var existing) ? existing.Count + 1 : 1;
                Add(byDataset, new StandardVariable(
                    dataset, RequireValue(csv, "Variable Name"), csv.Get("Variable Label"), ParseType(csv), order,
                    csv.Get("Variable Set"), ParseCore(csv), SplitList(csv.Get("CDISC CT Codelist Code(s)")),
                    SplitList(csv.Get("CDISC CT Codelist Submission Value(s)"))));
            }
        }

        return new ImplementationGuide("ADaMIG", version ?? "1.3", datasetList, Freeze(byDataset, ordered: false));
    }

    /// <summary>The dataset or data structure named <paramref name="name"/> (e.g. "DM", "BDS"), or null.</summary>
    public StandardDataset? FindDataset(string name) => datasets.GetValueOrDefault(name);

    /// <summary>
    /// The variables of <paramref name="dataset"/> in implementation-guide order; empty for an unknown dataset.
    /// For ADaM pass the structure name ("ADSL", "BDS"), not the dataset name ("ADRS").
    /// </summary>
    public IReadOnlyList<StandardVariable> VariablesOf(string dataset) =>
        variables.TryGetValue(dataset, out var list) ? list : [];

    /// <summary>
    /// The variable <paramref name="name"/> of <paramref name="dataset"/>, or null.
    /// </summary>
    /// <remarks>
    /// An exact name wins. Otherwise ADaMIG placeholder names are tried in guide order: <c>xx</c> and <c>zz</c>
    /// stand for two digits 01–99, <c>y</c> and <c>w</c> for one digit 1–9 (ADaMIG 1.3 section 3.1.4), so
    /// "TRT01P" finds "TRTxxP" and "ANL01FL" finds "ANLzzFL". The returned record carries the actual name
    /// ("TRT01P"); everything else is the placeholder variable's metadata.
    /// </remarks>
    public StandardVariable? FindVariable(string dataset, string name)
    {
        if (!variables.TryGetValue(dataset, out var list))
        {
            return null;
        }

        foreach (var variable in list)
        {
            if (string.Equals(variable.Name, name, StringComparison.Ordinal))
            {
                return variable;
            }
        }

        foreach (var (pattern, variable) in placeholders[dataset])
        {
            if (pattern.IsMatch(name))
            {
                return variable with { Name = name };
            }
        }

        return null;
    }

    /// <summary>A copy whose variables without codelist names get them from <paramref name="nameOfCode"/>.</summary>
    internal ImplementationGuide WithCodelistNames(Func<string, string?> nameOfCode)
    {
        var filled = new Dictionary<string, IReadOnlyList<StandardVariable>>(StringComparer.Ordinal);
        foreach (var (dataset, list) in variables)
        {
            filled[dataset] = list
                .Select(v => v.CodelistCodes.Count == 0 || v.CodelistNames.Count > 0
                    ? v
                    : v with
                    {
                        CodelistNames = v.CodelistCodes.Select(nameOfCode).OfType<string>().ToArray(),
                    })
                .ToArray();
        }

        return new ImplementationGuide(Name, Version, Datasets, filled);
    }

    private static Regex? PlaceholderPattern(string name)
    {
        if (!name.Any(char.IsLower))
        {
            return null;
        }

        var pattern = new StringBuilder("^");
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var pair = i + 1 < name.Length && name[i + 1] == c;
            if ((c == 'x' || c == 'z') && pair)
            {
                pattern.Append("(?:0[1-9]|[1-9][0-9])");
                i++;
            }
            else if (c == 'y' || c == 'w')
            {
                pattern.Append("[1-9]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static string VersionOf(MetadataCsvReader csv, string prefix)
    {
        // "SDTMIG v3.4" -> "3.4"
        var text = csv.Get("Version");
        var marker = prefix + " v";
        return text.StartsWith(marker, StringComparison.Ordinal) ? text[marker.Length..] : text;
    }

    private static string RequireValue(MetadataCsvReader csv, string header)
    {
        var value = csv.Get(header);
        return value.Length > 0 ? value : throw csv.Error(StandardsErrorMessages.EmptyValue(header));
    }

    private static VariableDataType ParseType(MetadataCsvReader csv) => csv.Get("Type") switch
    {
        "Char" => VariableDataType.Char,
        "Num" => VariableDataType.Num,
        var other => throw csv.Error(StandardsErrorMessages.NotAllowed("Type", other, "Char, Num")),
    };

    private static CoreCategory ParseCore(MetadataCsvReader csv) => csv.Get("Core") switch
    {
        "Req" => CoreCategory.Required,
        "Exp" => CoreCategory.Expected,
        "Perm" => CoreCategory.Permissible,
        "Cond" => CoreCategory.Conditional,
        var other => throw csv.Error(StandardsErrorMessages.NotAllowed("Core", other, "Req, Exp, Perm, Cond")),
    };

    private static string[] SplitList(string cell) =>
        cell.Split([';', ' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Add(Dictionary<string, List<StandardVariable>> byDataset, StandardVariable variable)
    {
        if (!byDataset.TryGetValue(variable.Dataset, out var list))
        {
            byDataset[variable.Dataset] = list = [];
        }

        list.Add(variable);
    }

    private static Dictionary<string, IReadOnlyList<StandardVariable>> Freeze(
        Dictionary<string, List<StandardVariable>> byDataset, bool ordered) =>
        byDataset.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<StandardVariable>)(ordered ? kv.Value.OrderBy(v => v.Order).ToArray() : kv.Value.ToArray()),
            StringComparer.Ordinal);
}
