using System.Globalization;
using System.Text;
using CsvHelper;

namespace CdiscExport.Bench;

/// <summary>
/// <c>generate --subjects N --out DIR</c>: the sample study's raw forms at N subjects. Subject k is a copy of sample
/// subject k mod 19 under a new identifier (the template's id plus a copy number), so every form keeps the sample's
/// layout, visit schedule, lab panel, distributions and internal consistency, and rows per subject match the sample.
/// </summary>
internal static class StudyGenerator
{
    public static int Run(string[] args)
    {
        var subjects = BenchArguments.Int(args, "--subjects", 5000);
        var output = Path.GetFullPath(BenchArguments.Value(args, "--out") ?? throw new ArgumentException("--out DIR is required"));
        var template = Path.GetFullPath(BenchArguments.Value(args, "--from") ?? Path.Combine(Root(), "samples", "bortezomib-lenalidomide-ph1", "raw"));
        var key = BenchArguments.Value(args, "--key") ?? "SUBJID";
        Generate(template, output, subjects, key);
        Console.WriteLine($"{subjects:N0} subjects written to {output}");
        return 0;
    }

    public static void Generate(string template, string output, int subjects, string key)
    {
        Directory.CreateDirectory(output);
        var forms = Directory.GetFiles(template, "*.csv").Order(StringComparer.Ordinal).ToList();

        // The subjects of the whole study, in one order: subject k copies the same template subject in every form
        // (a form such as transplants holds only some subjects, so each form's own list would not line up).
        var templates = forms.SelectMany(f => ReadSubjects(f, key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var file in forms)
        {
            using var reader = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ',', HasHeader = true });
            var headers = reader.Headers.ToArray();
            var keyIndex = Array.IndexOf(headers, key);
            var bySubject = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var row = Enumerable.Range(0, headers.Length).Select(i => reader.GetString(i)).ToArray();
                var id = keyIndex >= 0 ? row[keyIndex] : string.Empty;
                if (!bySubject.TryGetValue(id, out var list))
                {
                    bySubject[id] = list = [];
                }

                list.Add(row);
            }

            using var stream = File.Create(Path.Combine(output, Path.GetFileName(file)));
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write(string.Join(',', headers.Select(Quote)) + "\r\n");
            for (var k = 0; k < subjects; k++)
            {
                var source = keyIndex >= 0 ? templates[k % templates.Count] : string.Empty;
                var copy = k / templates.Count;
                if (!bySubject.TryGetValue(source, out var rows) || (keyIndex < 0 && k > 0))
                {
                    continue;
                }

                foreach (var row in rows)
                {
                    var values = (string[])row.Clone();
                    if (keyIndex >= 0 && copy > 0)
                    {
                        values[keyIndex] = string.Create(CultureInfo.InvariantCulture, $"{source}-{copy:D4}");
                    }

                    writer.Write(string.Join(',', values.Select(Quote)) + "\r\n");
                }
            }
        }
    }

    private static IEnumerable<string> ReadSubjects(string file, string key)
    {
        using var reader = CsvReader.FromFile(file, CsvReaderOptions.Default with { Separator = ',', HasHeader = true });
        var index = Array.IndexOf(reader.Headers.ToArray(), key);
        var subjects = new List<string>();
        while (index >= 0 && reader.Read())
        {
            subjects.Add(reader.GetString(index));
        }

        return subjects;
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.StartsWith(' ') ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    internal static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CdiscExport.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
