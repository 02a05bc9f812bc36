using System.Globalization;
using System.Text;
using CdiscExport.Core.Datasets;
using CdiscExport.Mapping.Engine;
using CdiscExport.Testing;

namespace CdiscExport.Mapping.Tests.Engine;

/// <summary>
/// The pharmaverse raw EDC exports of the CDISC pilot (samples/cdiscpilot01-pharmaverse), mapped by
/// specs/cdiscpilot01-pharmaverse alone, compared cell by cell with the SDTM the pharmaverse programs make from them
/// (tests/fixtures/pharmaverse-sdtm, NA = missing). Every variable is compared except the few excluded below, each
/// with its reason and the side that is blank throughout; those that legitimately differ in some rows are listed
/// with the reason and the most rows they may differ in, so that a regression elsewhere fails. Records are matched
/// one to one.
/// </summary>
public sealed class PharmaverseTests
{
    private static readonly MappingResult Result = MappingEngine.Run(RepositoryPaths.Get("specs", "cdiscpilot01-pharmaverse"));

    private static readonly string Golden = RepositoryPaths.Get("tests", "fixtures", "pharmaverse-sdtm");

    /// <summary>
    /// AE records that are ours under another AESEQ: rows tied on collection and start date, whose pilot order came
    /// from AESPID, and rows whose raw start date is missing. No more than this many may be matched that way.
    /// </summary>
    private const int AeRowsInAnotherOrder = 229;

    /// <summary>
    /// DM variables not compared at all, each with the side that is blank on every row: the two sides differ on every
    /// row where either holds a value, so a row limit would only have hidden that.
    /// </summary>
    private static readonly Dictionary<string, (BlankOn Blank, string Reason)> DmExcluded = new()
    {
        ["BRTHDTC"] = (BlankOn.Ours, "absent from the raw files: no birth date is collected; pharmaverse imputes DMDTC minus AGE " +
            "years, an imputation SDTM does not hold (dates are tabulated as collected; imputation belongs to ADaM)"),
        ["RFICDTC"] = (BlankOn.Pharmaverse, "a choice of the pharmaverse programs: they leave it blank; we map the consent date IC_DT"),
    };

    /// <summary>DM variables that differ in some rows: name -> (most differing rows, why).</summary>
    private static readonly Dictionary<string, (int Rows, string Reason)> DmDifferences = new()
    {
        ["RFXENDTC"] = (6, "an error on the pharmaverse side: where the last exposure record has no end date, their last " +
            "exposure is the day before it started (4 subjects) or missing (2 subjects with one record); we take the " +
            "latest exposure date, start or end, as SDTMIG defines RFXENDTC and conformance rule SD1205 checks"),
        ["RFPENDTC"] = (80, "absent from the raw files: for screen failures and subjects with post-study follow-up " +
            "pharmaverse takes the last contact from visits (AE follow-up, SV) that no raw export holds; we take the " +
            "last disposition-form date"),
    };

    /// <summary>AE variables not compared at all, each with the side that is blank on every row.</summary>
    private static readonly Dictionary<string, (BlankOn Blank, string Reason)> AeExcluded = new()
    {
        ["AESPID"] = (BlankOn.Ours, "absent from the raw files: the sponsor's AE numbers (E01, E02, ...) are not exported"),
        ["AELLTCD"] = (BlankOn.Pharmaverse, "a choice of the pharmaverse programs: they leave it blank; the raw export codes it"),
        ["AESOCCD"] = (BlankOn.Pharmaverse, "a choice of the pharmaverse programs: they leave it blank; the raw export codes it"),
    };

    /// <summary>AE variables that differ in some rows: name -> (most differing rows, why).</summary>
    private static readonly Dictionary<string, (int Rows, string Reason)> AeDifferences = new()
    {
        ["AESTDTC"] = (24, "absent from the raw files: IT.AESTDAT is NA where pharmaverse keeps the pilot's start date"),
        ["AESTDY"] = (24, "follows AESTDTC"),
        ["AETRTEM"] = (6, "SUPPAE; follows AESTDTC: we flag N where the raw start date is missing, pharmaverse Y from the pilot's date"),
    };

    /// <summary>DS variables not compared at all, each with the side that is blank on every row.</summary>
    private static readonly Dictionary<string, (BlankOn Blank, string Reason)> DsExcluded = new()
    {
        ["DSSPID"] = (BlankOn.Ours, "absent from the raw files: the pilot's sponsor ids of its disposition records are not exported"),
    };

    /// <summary>DS variables that differ in some rows: name -> (most differing rows, why).</summary>
    private static readonly Dictionary<string, (int Rows, string Reason)> DsDifferences = new()
    {
        ["DSTERM"] = (2, "ties on the sort keys: the pilot's order is not in the raw files"),
        ["DSDECOD"] = (2, "ties on the sort keys"),
        ["DSDTC"] = (2, "ties on the sort keys"),
    };

    /// <summary>Which side of an excluded variable is blank on every row.</summary>
    private enum BlankOn
    {
        Ours,
        Pharmaverse,
    }

    [Fact]
    public void Run_Pharmaverse_WritesDmAeDsExWithSupps()
    {
        Result.StudyId.ShouldBe("CDISCPILOT01");
        Result.Datasets.Select(d => d.Name).ShouldBe(["DM", "SUPPDM", "AE", "SUPPAE", "DS", "EX", "TS"]);
    }

    [Fact]
    public void Run_Pharmaverse_DmAgreesCellByCell()
    {
        var dm = Rows(Get("DM"));
        var report = Compare("DM", ReadCsv("dm.csv"), dm, g => g["USUBJID"], o => o["USUBJID"], DmExcluded, DmDifferences, null, out _);
        report.ShouldBeEmpty();
    }

    [Fact]
    public void Run_Pharmaverse_AeAgreesCellByCell()
    {
        var ae = Rows(Get("AE"));
        // The treatment-emergent flag of SUPPAE is compared as if it were a variable of AE, on both sides.
        var flags = Rows(Get("SUPPAE")).Where(s => s["QNAM"] == "AETRTEM").ToDictionary(s => s["USUBJID"] + "/" + s["IDVARVAL"], s => s["QVAL"]);
        foreach (var row in ae)
        {
            row["AETRTEM"] = flags.GetValueOrDefault(row["USUBJID"] + "/" + row["AESEQ"], string.Empty);
        }

        var golden = ReadCsv("ae.csv");
        var goldenFlags = ReadCsv("suppae.csv").Where(s => s["QNAM"] == "AETRTEM").ToDictionary(s => s["USUBJID"] + "/" + s["IDVARVAL"], s => s["QVAL"]);
        foreach (var row in golden)
        {
            row["AETRTEM"] = goldenFlags.GetValueOrDefault(row["USUBJID"] + "/" + row["AESEQ"], string.Empty);
        }

        // AESEQ follows the pilot's order: collection date, start date, then AESPID, which the raw export lacks. Rows
        // that tie on the first two keep the raw file order, and rows whose start date the raw export lacks sort
        // last, so a golden row may be our row of another AESEQ of the same subject and collection date.
        var report = Compare("AE", golden, ae, g => g["USUBJID"] + "/" + g["AESEQ"], o => o["USUBJID"] + "/" + o["AESEQ"],
            AeExcluded, AeDifferences, (g, o) => o["USUBJID"] == g["USUBJID"] && o["AEDTC"] == g["AEDTC"], out var reordered);
        report.ShouldBeEmpty();
        reordered.ShouldBeLessThanOrEqualTo(AeRowsInAnotherOrder);
    }

    [Fact]
    public void Run_Pharmaverse_SuppdmHasTheFlagsTheRawDataDecide()
    {
        var ours = Rows(Get("SUPPDM")).Select(r => (r["USUBJID"], r["QNAM"], r["QVAL"])).ToHashSet();
        var golden = ReadCsv("suppdm.csv").Where(r => r["QNAM"] is "ITT" or "SAFETY").Select(r => (r["USUBJID"], r["QNAM"], r["QVAL"])).ToHashSet();
        ours.SetEquals(golden).ShouldBeTrue();
    }

    [Fact]
    public void Run_Pharmaverse_DsAndExAgreeCellByCell()
    {
        var ds = Compare("DS", ReadCsv("ds.csv"), Rows(Get("DS")), g => g["USUBJID"] + "/" + g["DSSEQ"], o => o["USUBJID"] + "/" + o["DSSEQ"],
            DsExcluded,
            DsDifferences,
            null,
            out _);
        var ex = Compare("EX", ReadCsv("ex.csv"), Rows(Get("EX")), g => g["USUBJID"] + "/" + g["EXSEQ"], o => o["USUBJID"] + "/" + o["EXSEQ"],
            new(),
            new(),
            null,
            out _);
        (ds + ex).ShouldBeEmpty();
    }

    private static Dataset Get(string name) => Result.Datasets.Single(d => d.Name == name);

    /// <summary>
    /// Every golden cell against ours; "" when all agree, else the first differing row and variable per variable,
    /// and any listed difference that now differs in more rows than allowed. Excluded variables are not compared;
    /// the side they name must be blank on every row. Records are matched one to one: a golden record is our record
    /// of the same key unless they differ beyond the allowed variables; then, with <paramref name="tie"/>, it may be
    /// an unmatched record of ours tied with it that differs only in --SEQ (a maximum matching over the tied records,
    /// so no record of ours stands for two golden ones).
    /// </summary>
    private static string Compare(
        string name,
        List<Dictionary<string, string>> golden,
        List<Dictionary<string, string>> ours,
        Func<Dictionary<string, string>, string> goldenKey,
        Func<Dictionary<string, string>, string> ourKey,
        Dictionary<string, (BlankOn Blank, string Reason)> excluded,
        Dictionary<string, (int Rows, string Reason)> allowed,
        Func<Dictionary<string, string>, Dictionary<string, string>, bool>? tie,
        out int reordered)
    {
        reordered = 0;
        var report = new StringBuilder();
        if (ours.Count != golden.Count)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{name}: {ours.Count} rows, pharmaverse {golden.Count}");
        }

        foreach (var (variable, (blank, _)) in excluded)
        {
            var side = blank == BlankOn.Ours ? ours : golden;
            if (side.FirstOrDefault(r => N(r.GetValueOrDefault(variable)).Length > 0) is { } filled)
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{name} {variable}: excluded as blank on {(blank == BlankOn.Ours ? "our" : "the pharmaverse")} side, but holds \"{filled[variable]}\"");
            }
        }

        var ignored = excluded.Keys.Concat(allowed.Keys).ToHashSet(StringComparer.Ordinal);
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < ours.Count; j++)
        {
            byKey.Add(ourKey(ours[j]), j);
        }

        // Pass 1: a golden record and ours of the same key that agree beyond the allowed variables.
        var match = new int[golden.Count];
        var matchedBy = Enumerable.Repeat(-1, ours.Count).ToArray();
        for (var i = 0; i < golden.Count; i++)
        {
            match[i] = -1;
            if (byKey.TryGetValue(goldenKey(golden[i]), out var j) && Differences(golden[i], ours[j], ignored).Count == 0)
            {
                match[i] = j;
                matchedBy[j] = i;
            }
        }

        // Pass 2: the rest, against tied records of ours still unmatched that differ only in --SEQ; a maximum
        // one-to-one matching (augmenting paths), so that the order of the golden rows does not decide it.
        if (tie is not null)
        {
            var free = Enumerable.Range(0, ours.Count).Where(j => matchedBy[j] < 0).ToList();
            var candidates = new Dictionary<int, List<int>>();
            for (var i = 0; i < golden.Count; i++)
            {
                if (match[i] < 0)
                {
                    candidates[i] = free.Where(j => tie(golden[i], ours[j]) && Differences(golden[i], ours[j], ignored).TrueForAll(v => v == name + "SEQ")).ToList();
                }
            }

            var tiedTo = new Dictionary<int, int>();
            foreach (var i in candidates.Keys)
            {
                Augment(i, candidates, tiedTo, []);
            }

            foreach (var (j, i) in tiedTo)
            {
                match[i] = j;
                matchedBy[j] = i;
                reordered++;
            }
        }

        var differing = new Dictionary<string, int>(StringComparer.Ordinal);
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < golden.Count; i++)
        {
            var g = golden[i];
            Dictionary<string, string> o;
            if (match[i] >= 0)
            {
                o = ours[match[i]];
            }
            else if (byKey.TryGetValue(goldenKey(g), out var j))
            {
                // Unmatched: its differences are those from our record of the same key.
                o = ours[j];
            }
            else
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{name} {goldenKey(g)}: no such row of ours");
                continue;
            }

            List<string> diffs = match[i] >= 0 ? [] : Differences(g, o, ignored);
            foreach (var variable in diffs.Concat(g.Keys.Where(allowed.ContainsKey).Where(v => N(g[v]) != N(o.GetValueOrDefault(v)))))
            {
                differing[variable] = differing.GetValueOrDefault(variable) + 1;
                first.TryAdd(variable, $"{name} {goldenKey(g)} {variable}: ours \"{o.GetValueOrDefault(variable)}\", pharmaverse \"{g[variable]}\"");
            }
        }

        foreach (var (variable, count) in differing)
        {
            if (!allowed.TryGetValue(variable, out var a) || count > a.Rows)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{first[variable]} ({count} rows differ)");
            }
        }

        return report.ToString();
    }

    /// <summary>Kuhn's augmenting path: matches golden record <paramref name="i"/>, moving earlier matches if need be.</summary>
    private static bool Augment(int i, Dictionary<int, List<int>> candidates, Dictionary<int, int> tiedTo, HashSet<int> seen)
    {
        foreach (var j in candidates[i])
        {
            if (seen.Add(j) && (!tiedTo.TryGetValue(j, out var other) || Augment(other, candidates, tiedTo, seen)))
            {
                tiedTo[j] = i;
                return true;
            }
        }

        return false;
    }

    private static List<string> Differences(Dictionary<string, string> g, Dictionary<string, string> o, HashSet<string> ignored) =>
        g.Keys.Where(v => !ignored.Contains(v) && N(g[v]) != N(o.GetValueOrDefault(v))).ToList();

    /// <summary>A cell as compared: NA is missing; numbers by value (the golden CSV writes 2, our XPT 2).</summary>
    private static string N(string? value)
    {
        var v = (value ?? string.Empty).Trim();
        if (v == "NA")
        {
            return string.Empty;
        }

        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("R", CultureInfo.InvariantCulture) : v;
    }

    private static List<Dictionary<string, string>> Rows(Dataset dataset) =>
        Enumerable.Range(0, dataset.RowCount)
            .Select(r => dataset.Columns.ToDictionary(c => c.Name, c => c.GetText(r), StringComparer.Ordinal))
            .ToList();

    /// <summary>An RFC 4180 CSV with a header row, as R's write.csv writes it, read with CsvHelper.</summary>
    private static List<Dictionary<string, string>> ReadCsv(string file)
    {
        using var reader = CsvHelper.CsvReader.FromFile(Path.Combine(Golden, file), CsvHelper.CsvReaderOptions.Default with { Separator = ',', HasHeader = true });
        var header = reader.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.Select((h, i) => (h, v: i < reader.FieldCount ? reader.GetString(i) : string.Empty))
                .ToDictionary(p => p.h, p => p.v, StringComparer.Ordinal));
        }

        return rows;
    }
}
