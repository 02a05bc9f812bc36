using CdiscExport.Cli.Export;
using CdiscExport.Core.Packages;
using CdiscExport.Testing;
using NodaTime;

namespace CdiscExport.Cli.Tests.Export;

/// <summary>The export writes ADaM beside SDTM when the spec has adam/*.yaml (issue 4).</summary>
public class AdamExportTests
{
    [Fact]
    public void Export_SampleStudy_WritesAdslAdrsAndBestResponseReport()
    {
        var root = Directory.CreateTempSubdirectory("adamexport");
        try
        {
            var outFolder = Path.Combine(root.FullName, "out");
            var options = new ExportOptions(RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1"), outFolder, null,
                new HashSet<string> { "xpt", "csv" }, 5, Instant.FromUtc(2025, 1, 1, 0, 0));
            var output = new StringWriter();

            PackageExporter.Export(options, output, TextWriter.Null, CliEnvironment.Process).ShouldBe(CliApp.Success);

            var layout = new PackageLayout(outFolder, "BORLEN-PH1");
            File.Exists(Path.Combine(layout.Adam, "adsl.xpt")).ShouldBeTrue();
            File.Exists(Path.Combine(layout.Adam, "adrs.xpt")).ShouldBeTrue();
            File.Exists(Path.Combine(layout.Csv, "adsl.csv")).ShouldBeTrue();
            File.ReadAllText(Path.Combine(layout.Reports, "best-response-by-cohort.csv")).ShouldContain("\"2 SD, 1 NE\",\"2 SD, 1 NE\",\"2 SD, 1 NE\",Y");
            File.ReadAllText(Path.Combine(layout.Reports, "best-response-by-cohort.html")).ShouldStartWith("<!DOCTYPE html>");
            output.ToString().ShouldContain("ADSL");

            // The study's 42-day confirmation window reaches INT-ADRS-003, which judges BOR by it (with its default
            // parameter, CBOR, it found nothing in scope), and BOR as derived passes it.
            using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(layout.Report(PackageLayout.ConformanceJson)));
            var rule = report.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "INT-ADRS-003");
            rule.GetProperty("status").GetString().ShouldBe("passed");
        }
        finally
        {
            root.Delete(true);
        }
    }
}
