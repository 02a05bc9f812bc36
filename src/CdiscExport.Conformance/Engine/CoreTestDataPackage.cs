using System.Globalization;
using CdiscExport.Conformance.Rules;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Engine;

/// <summary>What a CORE test-data folder's <c>.env</c> declares.</summary>
/// <param name="Product">PRODUCT, e.g. sdtmig, sendig, tig.</param>
/// <param name="Version">VERSION with dots, e.g. 3.4.</param>
/// <param name="ControlledTerminology">CT, e.g. sdtmct-2025-03-28, or null.</param>
/// <param name="DefineXml">DEFINE_XML, a file in the folder, or null.</param>
internal sealed record CoreTestEnvironment(string Product, string Version, string? ControlledTerminology, string? DefineXml);

/// <summary>
/// Reads a folder in CDISC CORE's test-data layout as a package: <c>_datasets.csv</c> (Filename, Label),
/// <c>_variables.csv</c> (dataset, variable, label, type Char|Num, length), one CSV per dataset, and <c>.env</c>.
/// Values are read as CORE reads them: an empty cell is null, <c>Num</c> columns are numbers, <c>Char</c>
/// columns text exactly as written (leading blanks kept), a column <c>_variables.csv</c> does not declare is a
/// number when every value is one.
/// </summary>
internal static class CoreTestDataPackage
{
    /// <summary>Whether <paramref name="folder"/> is in CORE's test-data layout.</summary>
    public static bool IsTestData(string folder) =>
        Directory.Exists(folder) && File.Exists(Path.Combine(folder, "_variables.csv"));

    /// <summary>Reads the <c>.env</c> of a test-data folder (defaults: SDTMIG 3.4).</summary>
    public static CoreTestEnvironment ReadEnvironment(string folder)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var env = Path.Combine(folder, ".env");
        if (File.Exists(env))
        {
            foreach (var line in File.ReadAllLines(env))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && !line.TrimStart().StartsWith('#'))
                {
                    values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
                }
            }
        }

        return new CoreTestEnvironment(
            values.GetValueOrDefault("PRODUCT", "sdtmig").ToLowerInvariant(),
            values.GetValueOrDefault("VERSION", "3-4").Replace('-', '.'),
            values.GetValueOrDefault("CT") is { Length: > 0 } ct ? ct : null,
            values.GetValueOrDefault("DEFINE_XML") is { Length: > 0 } dx ? dx : null);
    }

    /// <summary>Loads the folder's datasets.</summary>
    /// <exception cref="FormatException">A file is malformed; the message names it.</exception>
    public static Package Load(string folder)
    {
        folder = Path.GetFullPath(folder);
        var env = ReadEnvironment(folder);
        var labels = new Dictionary<string, (string Name, string Label)>(StringComparer.Ordinal);
        var datasetsCsv = Path.Combine(folder, "_datasets.csv");
        if (File.Exists(datasetsCsv))
        {
            var rows = ReadCsv(datasetsCsv);
            var header = rows.Count > 0 ? rows[0] : [];
            var file = header.IndexOf("Filename");
            var label = header.IndexOf("Label");
            var name = header.IndexOf("Dataset Name");
            foreach (var row in rows.Skip(1))
            {
                if (file >= 0 && file < row.Count)
                {
                    var stem = row[file];
                    labels[stem] = (name >= 0 && name < row.Count ? row[name] : stem.ToUpperInvariant(), label >= 0 && label < row.Count ? row[label] : "");
                }
            }
        }

        var declared = new Dictionary<string, List<(string Variable, string Label, string Type, int? Length)>>(StringComparer.OrdinalIgnoreCase);
        var variablesCsv = Path.Combine(folder, "_variables.csv");
        if (File.Exists(variablesCsv))
        {
            var rows = ReadCsv(variablesCsv);
            var header = rows.Count > 0 ? rows[0] : [];
            int Col(string n) => header.FindIndex(h => string.Equals(h, n, StringComparison.OrdinalIgnoreCase));
            var (ds, v, l, t, len) = (Col("dataset"), Col("variable"), Col("label"), Col("type"), Col("length"));
            foreach (var row in rows.Skip(1))
            {
                string F(int i) => i >= 0 && i < row.Count ? row[i] : "";
                var stem = Path.GetFileNameWithoutExtension(F(ds));
                if (!declared.TryGetValue(stem, out var list))
                {
                    declared[stem] = list = [];
                }

                list.Add((F(v), F(l), F(t), double.TryParse(F(len), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? (int)n : null));
            }
        }

        var kind = env.Product.StartsWith("adam", StringComparison.OrdinalIgnoreCase) ? PackageKind.Adam : PackageKind.Sdtm;
        var packageFolder = new PackageFolder(folder, kind);
        if (env.DefineXml is { } defineName && File.Exists(Path.Combine(folder, defineName)))
        {
            packageFolder.DefinePath = Path.Combine(folder, defineName);
            try
            {
                packageFolder.Define = Define.OdmDefineDocument.Load(packageFolder.DefinePath);
            }
            catch (Exception e) when (e is Odm.DefineFormatException or IOException or UnauthorizedAccessException)
            {
                packageFolder.DefineError = e.Message;
            }
        }

        var datasets = new List<DatasetData>();
        var problems = new List<LoadProblem>();
        // Only the files _datasets.csv lists are datasets (CORE cannot name the others and leaves them out).
        foreach (var path in Directory.EnumerateFiles(folder, "*.csv").Where(p => !Path.GetFileName(p).StartsWith('_')).Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            if (labels.Count > 0 && !labels.ContainsKey(stem))
            {
                continue;
            }

            try
            {
                var (name, label) = labels.TryGetValue(stem, out var l) ? l : (stem.ToUpperInvariant(), "");
                datasets.Add(ReadDataset(path, packageFolder, name, label, declared.GetValueOrDefault(stem) ?? []));
            }
            catch (FormatException e)
            {
                problems.Add(new LoadProblem(path, e.Message));
            }
        }

        return new Package([packageFolder], datasets, problems);
    }

    private static DatasetData ReadDataset(string path, PackageFolder folder, string name, string label, List<(string Variable, string Label, string Type, int? Length)> declared)
    {
        var rows = ReadCsv(path);
        var header = rows.Count > 0 ? rows[0] : [];
        var records = rows.Skip(1).ToList();
        var variables = new List<XptVariable>();
        var columns = new List<EncodedColumn>();
        for (var c = 0; c < header.Count; c++)
        {
            var meta = declared.FirstOrDefault(d => d.Variable == header[c]);
            var cells = records.Select(r => c < r.Count ? r[c] : "").ToList();
            var numeric = meta.Type is { Length: > 0 } type
                ? type.Equals("Num", StringComparison.OrdinalIgnoreCase) || type.Equals("Number", StringComparison.OrdinalIgnoreCase)
                : cells.Any(s => s.Length > 0) && cells.All(s => s.Length == 0 || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            var variable = new XptVariable(header[c], meta.Label ?? "", numeric ? XptVariableType.Numeric : XptVariableType.Character,
                meta.Length ?? (numeric ? 8 : Math.Max(1, cells.Count == 0 ? 1 : cells.Max(s => s.Length))));
            variables.Add(variable);
            columns.Add(Encode(variable, cells, numeric));
        }

        var meta2 = new XptDataset(name, label, variables);
        return new DatasetData(path, folder, meta2, 5, new FileInfo(path).Length, records.Count, columns.ToArray());
    }

    private static EncodedColumn Encode(XptVariable variable, List<string> cells, bool numeric)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 0 };
        var texts = new List<string> { "" };
        var numbers = new List<double?> { null };
        var codes = new int[cells.Count];
        for (var r = 0; r < cells.Count; r++)
        {
            var cell = cells[r];
            double? number = null;
            if (numeric && cell.Length > 0)
            {
                // A text in a numeric column ("." for missing, as SAS writes it) is a missing number.
                if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    number = d;
                    cell = d.ToString("R", CultureInfo.InvariantCulture);
                }
                else
                {
                    cell = "";
                }
            }

            if (!index.TryGetValue(cell, out var code))
            {
                code = texts.Count;
                index[cell] = code;
                texts.Add(cell);
                numbers.Add(number);
            }

            codes[r] = code;
        }

        return new EncodedColumn(variable, codes, texts.ToArray(), numeric ? numbers.ToArray() : null);
    }

    private static List<List<string>> ReadCsv(string path)
    {
        var text = File.ReadAllText(path);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return RuleCatalogue.ParseCsv(text);
    }
}
