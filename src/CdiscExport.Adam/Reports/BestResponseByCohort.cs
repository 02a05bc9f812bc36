using System.Globalization;
using System.Net;
using System.Text;
using CdiscExport.Adam.Response;
using CdiscExport.Core.Csv;
using CdiscExport.Core.Datasets;

namespace CdiscExport.Adam.Reports;

/// <summary>One cohort's line of the best-response table: computed from ADRS and as published.</summary>
/// <param name="Cohort">TRT01PN.</param>
/// <param name="Treatment">TRT01P.</param>
/// <param name="Subjects">Subjects in ADSL.</param>
/// <param name="Published">The published best responses, e.g. "2 PR, 1 MR".</param>
/// <param name="Investigator">From ADRS BOR.</param>
/// <param name="Labs">From ADRS BORLB.</param>
public sealed record BestResponseLine(int Cohort, string Treatment, int Subjects, string Published, string Investigator, string Labs)
{
    /// <summary>True when both computed summaries equal the published one.</summary>
    public bool Matches => Investigator == Published && Labs == Published;
}

/// <summary>
/// The abstract's table "best response by cohort", computed from ADRS (BOR and BORLB) beside the published one,
/// with the CR + nCR + PR rate among evaluable subjects.
/// </summary>
public sealed class BestResponseByCohort
{
    /// <summary>Creates the table.</summary>
    public BestResponseByCohort(IReadOnlyList<BestResponseLine> lines, int evaluable, int responders, int respondersLabs, string? source,
        string? publishedRate = null)
    {
        PublishedRate = publishedRate;
        Lines = lines;
        Evaluable = evaluable;
        Responders = responders;
        RespondersLabs = respondersLabs;
        Source = source;
    }

    /// <summary>One line per cohort.</summary>
    public IReadOnlyList<BestResponseLine> Lines { get; }

    /// <summary>EFFFL = Y subjects.</summary>
    public int Evaluable { get; }

    /// <summary>CR + nCR + PR by BOR among evaluable subjects.</summary>
    public int Responders { get; }

    /// <summary>CR + nCR + PR by BORLB among evaluable subjects.</summary>
    public int RespondersLabs { get; }

    /// <summary>Where the published table comes from.</summary>
    public string? Source { get; }

    /// <summary>The published CR + nCR + PR rate, e.g. "10/17 (59%)".</summary>
    public string? PublishedRate { get; }

    /// <summary>Builds the table from ADSL (TRT01PN, TRT01P, EFFFL) and ADRS (BOR, BORLB).</summary>
    public static BestResponseByCohort Compute(Dataset adsl, Dataset adrs, IReadOnlyDictionary<int, string> published, string? source,
        string? publishedRate = null)
    {
        var paramcd = adrs.Text("PARAMCD");
        var avalc = adrs.Text("AVALC");
        var usubjid = adrs.Text("USUBJID");
        Dictionary<string, string> Best(string code) => Enumerable.Range(0, adrs.RowCount).Where(r => paramcd[r] == code)
            .ToDictionary(r => usubjid[r], r => avalc[r], StringComparer.Ordinal);
        var bor = Best("BOR");
        var borlb = Best("BORLB");
        var subjects = Enumerable.Range(0, adsl.RowCount).Select(r => (
            Usubjid: adsl.Text("USUBJID")[r],
            Cohort: (int)(adsl.Number("TRT01PN")[r] ?? 0),
            Treatment: adsl.Text("TRT01P")[r],
            Evaluable: adsl.Text("EFFFL")[r] == "Y")).ToList();
        var lines = subjects.GroupBy(s => s.Cohort).OrderBy(g => g.Key).Select(g => new BestResponseLine(
            g.Key, g.First().Treatment, g.Count(), Normalise(published.GetValueOrDefault(g.Key, "")),
            Summarise(g.Select(s => bor.GetValueOrDefault(s.Usubjid, ""))),
            Summarise(g.Select(s => borlb.GetValueOrDefault(s.Usubjid, ""))))).ToList();
        static bool IsResponder(string? c) => c is "CR" or "nCR" or "PR";
        var evaluable = subjects.Where(s => s.Evaluable).ToList();
        return new BestResponseByCohort(lines, evaluable.Count,
            evaluable.Count(s => IsResponder(bor.GetValueOrDefault(s.Usubjid))),
            evaluable.Count(s => IsResponder(borlb.GetValueOrDefault(s.Usubjid))), source, publishedRate);
    }

    /// <summary>"2 PR, 1 MR": counts per category, best first.</summary>
    internal static string Summarise(IEnumerable<string> categories) => string.Join(", ", categories
        .Where(c => c.Length > 0)
        .GroupBy(c => c)
        .OrderBy(g => ResponseCategories.Parse(g.Key)?.Aval() ?? 99)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")));

    /// <summary>A published summary in the same order and spelling as <see cref="Summarise"/>.</summary>
    internal static string Normalise(string published) => Summarise(published.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .SelectMany(part =>
        {
            var bits = part.Split(' ', 2, StringSplitOptions.TrimEntries);
            return bits.Length == 2 && int.TryParse(bits[0], CultureInfo.InvariantCulture, out var n)
                ? Enumerable.Repeat(ResponseCategories.Parse(bits[1])?.Code() ?? bits[1], n)
                : [part];
        }));

    /// <summary>Writes the CSV: one line per cohort and a total line.</summary>
    public void WriteCsv(Stream output)
    {
        using var writer = DatasetCsvWriter.Create(output);
        writer.WriteHeader(["COHORT", "TREATMENT", "N", "PUBLISHED", "ADRS_BOR", "ADRS_BORLB", "MATCH"]);
        foreach (var l in Lines)
        {
            writer.WriteRecord([Invariant(l.Cohort), l.Treatment, Invariant(l.Subjects), l.Published, l.Investigator, l.Labs, l.Matches ? "Y" : "N"]);
        }

        writer.WriteRecord(["ALL", "CR + nCR + PR among evaluable", Invariant(Evaluable), PublishedRate ?? "",
            $"{Invariant(Responders)}/{Invariant(Evaluable)}", $"{Invariant(RespondersLabs)}/{Invariant(Evaluable)}", ""]);
    }

    /// <summary>Writes a self-contained HTML page with the same table.</summary>
    public void WriteHtml(Stream output, string studyId)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(studyId)).Append(": best response by cohort</title>\n<style>\n")
            .Append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 8px;text-align:left}")
            .Append("th{background:#eee}.ok{color:#060}.bad{color:#a00;font-weight:bold}\n</style>\n</head>\n<body>\n<h1>")
            .Append(Encode(studyId)).Append(": best response by cohort</h1>\n<p>Computed from ADRS: BOR (investigator, modified EBMT, maintained &ge; 6 weeks, censored at dexamethasone add-on) and BORLB (derived from the M-protein labs by the same rules), beside the published table")
            .Append(Source is null ? "" : " (" + Encode(Source) + ")").Append(".</p>\n<table>\n<tr><th>Cohort</th><th>Treatment</th><th>N</th><th>Published</th><th>ADRS BOR</th><th>ADRS BORLB</th><th>Match</th></tr>\n");
        foreach (var l in Lines)
        {
            b.Append("<tr><td>").Append(l.Cohort.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Encode(l.Treatment))
                .Append("</td><td>").Append(l.Subjects.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Encode(l.Published))
                .Append("</td><td>").Append(Encode(l.Investigator)).Append("</td><td>").Append(Encode(l.Labs)).Append("</td><td class=\"")
                .Append(l.Matches ? "ok\">yes" : "bad\">no").Append("</td></tr>\n");
        }

        b.Append("</table>\n<p>CR + nCR + PR among evaluable subjects: ")
            .Append(string.Create(CultureInfo.InvariantCulture, $"{Responders}/{Evaluable} (BOR), {RespondersLabs}/{Evaluable} (BORLB)"))
            .Append(PublishedRate is null ? "" : "; published " + Encode(PublishedRate)).Append(".</p>\n</body>\n</html>\n");
        var bytes = new UTF8Encoding(false).GetBytes(b.ToString());
        output.Write(bytes);
    }

    private static string Encode(string s) => WebUtility.HtmlEncode(s);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
