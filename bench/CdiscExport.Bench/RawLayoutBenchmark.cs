using System.Globalization;
using System.Text;

namespace CdiscExport.Bench;

/// <summary>
/// <c>raw-layout --rows N</c> (issue 17): the same N-row lab form mapped to LB in today's comma layout (UTF-8, comma,
/// period, <c>DDMONYYYY</c>) and in a German EDC's layout (Latin-1, semicolon, decimal comma, <c>DD.MM.YYYY</c>),
/// whole <c>export --formats csv</c> processes of the published CLI, alternating, in one run. The two packages'
/// LB must be byte-identical (checked); the ratio local / comma is the cost of the local layout (target: within 10%).
/// </summary>
internal static class RawLayoutBenchmark
{
    private static readonly (string Test, string Unit, double Low, double High)[] Tests =
        [("Haemoglobin", "g/dL", 12, 16), ("Platelets", "10^9/L", 150, 400), ("WBC", "10^9/L", 4, 10), ("Creatinine", "umol/L", 53, 106)];

    public static int Run(string[] args)
    {
        var rows = BenchArguments.Int(args, "--rows", 1_000_000);
        var runs = BenchArguments.Int(args, "--runs", 3);
        var work = BenchArguments.Work(args, Path.Combine("bench", "work", "raw-layout"));
        Console.WriteLine($"preparing a {rows:N0}-row lab form in two layouts in {work} (untimed)");
        var comma = Write(Path.Combine(work, "comma"), rows, local: false);
        var local = Write(Path.Combine(work, "local"), rows, local: true);
        var cli = PublishedCli.Publish(work);

        var results = new Dictionary<string, List<Measurement>> { ["comma layout"] = [], ["local layout"] = [] };
        for (var run = 0; run < runs; run++)
        {
            foreach (var (name, spec) in new[] { ("comma layout", comma), ("local layout", local) })
            {
                results[name].Add(ProcessMeasure.Run("dotnet", cli, "export", spec, "--out", Path.Combine(work, "out-" + name[..5]),
                    "--formats", "csv", "--datetime", "2026-01-01T00:00:00Z"));
            }

            Console.WriteLine($"run {run + 1}/{runs} done");
        }

        var lbComma = File.ReadAllBytes(Path.Combine(work, "out-comma", "csv", "lb.csv"));
        var lbLocal = File.ReadAllBytes(Path.Combine(work, "out-local", "csv", "lb.csv"));
        if (!lbComma.AsSpan().SequenceEqual(lbLocal))
        {
            throw new InvalidOperationException("the two layouts gave different LB datasets");
        }

        Console.WriteLine();
        Console.WriteLine($"{"",-14} {"median s",9} {"peak MB",8}");
        foreach (var (name, list) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-14} {Measurement.MedianSeconds(list),9:F2} {Measurement.MaxPeakMegabytes(list),8:F0}"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LB identical ({lbComma.Length:N0} bytes); local / comma = {Measurement.MedianSeconds(results["local layout"]) / Measurement.MedianSeconds(results["comma layout"]):F3} (target <= 1.10)"));
        return 0;
    }

    // A spec folder (study.yaml, dm.yaml, lb.yaml) and its raw folder; returns the spec folder.
    private static string Write(string folder, int rows, bool local)
    {
        var raw = Path.Combine(folder, "raw");
        Directory.CreateDirectory(raw);
        var subjects = Math.Max(1, rows / 1000);
        var encoding = local ? Encoding.Latin1 : new UTF8Encoding(false);
        var sep = local ? ';' : ',';
        string Number(double value) => local ? value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') : value.ToString("0.##", CultureInfo.InvariantCulture);
        string Date(DateOnly d) => local ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : d.ToString("ddMMMyyyy", CultureInfo.InvariantCulture).ToUpperInvariant();

        var start = new DateOnly(2024, 1, 1);
        using (var dm = new StreamWriter(Path.Combine(raw, "dm.csv"), false, encoding))
        {
            dm.Write($"SUBJID{sep}FIRST\n");
            for (var s = 1; s <= subjects; s++)
            {
                dm.Write(string.Create(CultureInfo.InvariantCulture, $"{s:D6}{sep}{Date(start)}\n"));
            }
        }

        // Deterministic values: the same numbers in both layouts, some with decimals, a few text results.
        var random = new Random(17);
        using (var lab = new StreamWriter(Path.Combine(raw, "lab.csv"), false, encoding, 1 << 16))
        {
            lab.Write($"SUBJID{sep}VISIT{sep}LBDAT{sep}TEST{sep}RESULT{sep}UNIT\n");
            for (var i = 0; i < rows; i++)
            {
                var subject = (i % subjects) + 1;
                var visit = i / subjects / Tests.Length;
                var (test, unit, low, high) = Tests[i / subjects % Tests.Length];
                var value = i % 997 == 0 ? "NEGATIVE" : Number(Math.Round(low + (random.NextDouble() * (high - low) * 1.4) - ((high - low) * 0.2), 2));
                lab.Write(string.Create(CultureInfo.InvariantCulture, $"{subject:D6}{sep}V{visit}{sep}{Date(start.AddDays(visit))}{sep}{test}{sep}{value}{sep}{unit}\n"));
            }
        }

        var format = local ? "DD.MM.YYYY" : "DDMONYYYY";
        var layout = local ? "  encoding: latin-1\n  delimiter: \";\"\n  decimal: \",\"\n" : string.Empty;
        File.WriteAllText(Path.Combine(folder, "study.yaml"), $"""
            study:
              STUDYID: RAWBENCH
            raw:
              folder: raw
            {layout}datasets: [dm, lb]
            tables:
              labtests:
                key: TEST
                rows:
            {string.Join("\n", Tests.Select(t => string.Create(CultureInfo.InvariantCulture, $"      - {{ TEST: {t.Test}, UNIT: \"{t.Unit}\", LO: \"{t.Low}\", HI: \"{t.High}\" }}")))}
            """);
        File.WriteAllText(Path.Combine(folder, "dm.yaml"), $$"""
            dataset: DM
            records:
              - source: dm
                variables:
                  STUDYID: { template: "{study.STUDYID}" }
                  DOMAIN: { constant: DM }
                  USUBJID: { template: "{study.STUDYID}-{SUBJID}" }
                  SUBJID: { copy: SUBJID }
                  RFSTDTC: { date: FIRST, format: {{format}} }
            """);
        File.WriteAllText(Path.Combine(folder, "lb.yaml"), $$"""
            dataset: LB
            records:
              - source: lab
                variables:
                  STUDYID: { template: "{study.STUDYID}" }
                  DOMAIN: { constant: LB }
                  USUBJID: { template: "{study.STUDYID}-{SUBJID}" }
                  LBTESTCD: { constant: X }
                  LBTEST: { copy: TEST }
                  LBORRES: { number: RESULT, lenient: true }
                  LBORRESU: { copy: UNIT }
                  LBSTRESC: { convert: { value: RESULT, from: UNIT, to: UNIT } }
                  LBSTRESN: { number: LBORRES, lenient: true }
                  _LO: { lookup: labtests, key: TEST, field: LO }
                  _HI: { lookup: labtests, key: TEST, field: HI }
                  LBNRIND: { range_indicator: { value: RESULT, low: _LO, high: _HI } }
                  VISIT: { copy: VISIT }
                  LBDTC: { date: LBDAT, format: {{format}} }
            derive:
              - seq: { target: LBSEQ, by: [USUBJID], order: [LBDTC, LBTEST] }
            """);
        return folder;
    }
}
