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

    /// <summary>
    /// The variable <paramref name="name"/> of SDTM domain <paramref name="dataset"/>: the guide's own, or else one that
    /// the domain's general observation class lets a sponsor add. SDTMIG 3.4 section 2.5 / SDTM v2.0: any Identifier or
    /// Timing variable, and any Qualifier of the domain's own class (Interventions, Events, Findings), may be added to a
    /// domain of that class; e.g. AEDTC (the Events class's --DTC) in AE, which SDTMIG 3.4 does not list.
    /// </summary>
    /// <remarks>
    /// An added variable's metadata come from the guide itself, not from a list kept here: label and type are the
    /// ones the guide gives the generic variable most often (--DTC is "Date/Time of Collection" in 19 domains), role
    /// and codelists are those of the first domain of the class that has it, and it is Permissible. It is placed
    /// where that domain places it among the variables of its role: after the nearest one before it there that
    /// <paramref name="dataset"/> has too (<see cref="StandardVariable.Order"/> is that variable's, and
    /// <see cref="StandardVariable.AddedFromClass"/> sorts it after), else before the nearest one after it. Null for a dataset outside the general observation classes (DM, TS, SUPPQUAL) and for a
    /// name no domain of the class has.
    /// </remarks>
    public StandardVariable? FindClassVariable(string dataset, string name)
    {
        if (FindVariable(dataset, name) is { } own)
        {
            return own;
        }

        if (FindDataset(dataset) is not { } domain || !IsGeneralObservationClass(domain.Class) || dataset.Length < 2)
        {
            return null;
        }

        var generic = Generic(dataset, name);
        foreach (var other in Datasets.Where(d => d.Class == domain.Class && d.Name != dataset))
        {
            var list = VariablesOf(other.Name);
            var index = IndexOfGeneric(list, other.Name, generic);
            if (index < 0)
            {
                continue;
            }

            var reference = list[index];
            var (label, type) = CommonLabelAndType(generic, reference);
            var order = PlaceAmong(VariablesOf(dataset), dataset, list, other.Name, index);
            return new StandardVariable(dataset, name, label, type, order, reference.Role, CoreCategory.Permissible,
                reference.CodelistCodes, reference.CodelistNames) { ClassPosition = index };
        }

        return null;
    }

    // The Order an added variable takes in its dataset: that of the nearest variable of the same role before it in the
    // reference dataset that this dataset has too (it then sorts right after it), else one less than the nearest such
    // variable after it; so --DTC, between VISITDY and --STDTC in BE, lands right before AESTDTC in AE.
    private static int PlaceAmong(IReadOnlyList<StandardVariable> own, string dataset, IReadOnlyList<StandardVariable> reference, string referenceName, int index)
    {
        var role = reference[index].Role;
        for (var i = index - 1; i >= 0; i--)
        {
            var at = reference[i].Role == role ? IndexOfGeneric(own, dataset, Generic(referenceName, reference[i].Name)) : -1;
            if (at >= 0)
            {
                return own[at].Order;
            }
        }

        for (var i = index + 1; i < reference.Count; i++)
        {
            var at = reference[i].Role == role ? IndexOfGeneric(own, dataset, Generic(referenceName, reference[i].Name)) : -1;
            if (at >= 0)
            {
                return own[at].Order - 1;
            }
        }

        return own.Count == 0 ? 0 : own[^1].Order;
    }

    private static bool IsGeneralObservationClass(string cls) =>
        cls is "Interventions" or "Events" or "Findings" or "Findings About";

    // "AEDTC" of AE -> "--DTC"; names without the domain prefix (VISITNUM, EPOCH) stay as they are.
    private static string Generic(string dataset, string name) =>
        name.Length > 2 && name.StartsWith(dataset[..2], StringComparison.Ordinal)
            ? "--" + name[2..]
            : name;

    private static int IndexOfGeneric(IReadOnlyList<StandardVariable> list, string dataset, string generic)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(Generic(dataset, list[i].Name), generic, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private (string Label, VariableDataType Type) CommonLabelAndType(string generic, StandardVariable fallback)
    {
        var counts = new Dictionary<(string, VariableDataType), int>();
        var best = (fallback.Label, fallback.Type);
        var bestCount = 0;
        foreach (var dataset in Datasets)
        {
            var list = VariablesOf(dataset.Name);
            var index = IndexOfGeneric(list, dataset.Name, generic);
            if (index < 0)
            {
                continue;
            }

            var key = (list[index].Label, list[index].Type);
            var count = counts[key] = counts.GetValueOrDefault(key) + 1;
            if (count > bestCount)
            {
                (best, bestCount) = (key, count);
            }
        }

        return best;
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
