using System.Globalization;
using CdiscExport.Core.Csv;

namespace CdiscExport.Bench;

/// <summary>
/// A realistic SDTM LB dataset of 22 variables, generated with a fixed seed: subjects with a screening and ten
/// scheduled visits, eleven tests with their units, ranges, indicators and baseline flags.
/// </summary>
internal static class LbGenerator
{
    private static readonly (string Code, string Name, string Cat, string Unit, double Low, double High, double Mean, double Sd)[] Tests =
    [
        ("HGB", "Hemoglobin", "HEMATOLOGY", "g/dL", 12, 16, 11.5, 1.8),
        ("PLAT", "Platelets", "HEMATOLOGY", "10^9/L", 150, 400, 190, 70),
        ("NEUT", "Neutrophils", "HEMATOLOGY", "10^9/L", 1.8, 7.5, 3.1, 1.2),
        ("WBC", "Leukocytes", "HEMATOLOGY", "10^9/L", 4, 11, 5.6, 1.9),
        ("SODIUM", "Sodium", "CHEMISTRY", "mmol/L", 135, 145, 138, 3),
        ("K", "Potassium", "CHEMISTRY", "mmol/L", 3.5, 5.1, 4.2, 0.4),
        ("CREAT", "Creatinine", "CHEMISTRY", "mg/dL", 0.6, 1.3, 1.1, 0.4),
        ("CA", "Calcium", "CHEMISTRY", "mg/dL", 8.5, 10.5, 9.4, 0.7),
        ("ALB", "Albumin", "CHEMISTRY", "g/dL", 3.5, 5, 3.8, 0.5),
        ("MCPROT", "Monoclonal Protein", "PROTEIN", "g/dL", 0, 0, 2.4, 1.3),
        ("MPROTEXR", "Monoclonal Protein Excretion Rate", "PROTEIN", "mg/day", 0, 0, 420, 300),
    ];

    public static readonly string[] Header =
    [
        "STUDYID", "DOMAIN", "USUBJID", "LBSEQ", "LBTESTCD", "LBTEST", "LBCAT", "LBORRES", "LBORRESU", "LBORNRLO",
        "LBORNRHI", "LBSTRESC", "LBSTRESN", "LBSTRESU", "LBSTNRLO", "LBSTNRHI", "LBNRIND", "LBLOBXFL", "VISITNUM",
        "VISIT", "LBDTC", "LBDY",
    ];

    public static void Write(string path, int rows, int seed = 20051015)
    {
        var random = new Random(seed);
        using var stream = File.Create(path);
        using var csv = DatasetCsvWriter.Create(stream);
        csv.WriteHeader(Header);
        var fields = new string[Header.Length];
        var perSubject = Tests.Length * 11;
        var start = new DateOnly(2004, 6, 1);
        for (var row = 0; row < rows; row++)
        {
            var subject = row / perSubject;
            var withinSubject = row % perSubject;
            var visit = withinSubject / Tests.Length;
            var test = Tests[withinSubject % Tests.Length];
            var firstDose = start.AddDays(subject % 500);
            var day = visit == 0 ? -7 : ((visit - 1) * 21) + 1;
            var date = firstDose.AddDays(day < 0 ? day : day - 1);
            var value = Math.Max(0, Math.Round(test.Mean + (test.Sd * Gaussian(random)), 2));
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            var hasRange = test.High > 0;
            fields[0] = "BORLEN-PH1";
            fields[1] = "LB";
            fields[2] = string.Create(CultureInfo.InvariantCulture, $"BORLEN-PH1-{subject / 1000 + 1:00}-{subject % 1000:000}");
            fields[3] = (withinSubject + 1).ToString(CultureInfo.InvariantCulture);
            fields[4] = test.Code;
            fields[5] = test.Name;
            fields[6] = test.Cat;
            fields[7] = text;
            fields[8] = test.Unit;
            fields[9] = hasRange ? test.Low.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
            fields[10] = hasRange ? test.High.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
            fields[11] = text;
            fields[12] = text;
            fields[13] = test.Unit;
            fields[14] = fields[9];
            fields[15] = fields[10];
            fields[16] = !hasRange ? string.Empty : value < test.Low ? "LOW" : value > test.High ? "HIGH" : "NORMAL";
            fields[17] = visit == 0 ? "Y" : string.Empty;
            fields[18] = visit.ToString(CultureInfo.InvariantCulture);
            fields[19] = visit == 0 ? "SCREENING" : string.Create(CultureInfo.InvariantCulture, $"CYCLE {visit} DAY 1");
            fields[20] = string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}T{8 + (row % 4):00}:{row % 60:00}");
            fields[21] = day.ToString(CultureInfo.InvariantCulture);
            csv.WriteRecord(fields);
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
