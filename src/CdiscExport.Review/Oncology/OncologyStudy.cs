using System.Globalization;
using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Dates;

namespace CdiscExport.Review.Oncology;

/// <summary>Where each part of the oncology charts was read from, in words the page prints under each chart.</summary>
internal sealed record OncologySources
{
    /// <summary>The subject-level variables: ADSL's USUBJID, arm, treatment dates and status, as present.</summary>
    public required string Subjects { get; init; }

    /// <summary>The best overall response: the ADRS parameter and variable, or why there is none.</summary>
    public required string BestResponse { get; init; }

    /// <summary>The per-visit responses (response onsets and progression), or null when ADRS has none.</summary>
    public string? VisitResponses { get; init; }

    /// <summary>The dose-limiting toxicities, or null when the package records none.</summary>
    public string? Dlts { get; init; }

    /// <summary>The deaths, or null when the package records no death variable.</summary>
    public string? Deaths { get; init; }
}

/// <summary>The disease marker whose percent change from baseline the waterfall and spider plots show.</summary>
/// <param name="Name">What it is, e.g. "serum M-protein".</param>
/// <param name="Source">The dataset, selection and variables it was read from.</param>
/// <param name="Unit">Its unit, or "".</param>
internal sealed record MarkerParameter(string Name, string Source, string Unit);

/// <summary>
/// An oncology study as the review page's response charts need it: one <see cref="OncologySubject"/> per ADSL record
/// with its arm, time on treatment, best overall response, response onsets, progression, DLTs and deaths, and the
/// percent change of a disease marker (M-protein or tumour size) from baseline.
/// </summary>
/// <remarks>
/// <para>Read from any package that has ADSL and ADRS, by these rules (each chart prints the variables it used):</para>
/// <list type="bullet">
/// <item>Subjects: ADSL USUBJID and SUBJID; arm TRT01P ordered by TRT01PN (else TRT01A/TRT01AN, else ARM); days on
/// treatment TRTEDT - TRTSDT + 1; ongoing when EOSSTT is ONGOING. Days are counted from TRTSDT (day 0).</item>
/// <item>Best overall response: ADRS AVALC of PARAMCD BOR (else CBOR), the subject's first such record.</item>
/// <item>Response onsets and progression: ADRS AVALC and ADT of the per-visit parameter OVR (else OVRLRESP, OVRRESP):
/// the first date of each response category, and the first PD (or relapse from CR).</item>
/// <item>DLTs: SUPPAE QNAM AEDLT (or DLT) = Y, dated by the AE record's AESTDTC (IDVAR/IDVARVAL); else ADSL DLTFL = Y,
/// undated (drawn at day 0).</item>
/// <item>Deaths: ADSL DTHDT, else DM DTHDTC, else DS DSSTDTC where DSDECOD is DEATH.</item>
/// <item>The marker, the first found of: an ADaM BDS dataset with a PARAMCD for M-protein or tumour size (ABLFL
/// baseline, PCHG or AVAL against BASE, ADT); SDTM LB serum M-protein (LBTESTCD MCPROT, LBSPEC SERUM, LBMETHOD other
/// than immunofixation), with urine M-protein (MPROTEXR) for a subject whose serum is not measurable; SDTM TR
/// TRTESTCD SUMDIAM. In SDTM, the baseline is the record flagged --LOBXFL (or --BLFL) = Y, else the last one dated on
/// or before TRTSDT; values are --STRESN, or --STRESC where "NOT DETECTED" (ND, NEGATIVE, ABSENT) is 0 and "&lt;x" is
/// x/2 (present but below quantitation, as ADRS's response derivation reads them); post-baseline values are those
/// dated after the baseline; a baseline of 0 is not measurable.</item>
/// </list>
/// </remarks>
internal sealed class OncologyStudy
{
    private static readonly string[] BestResponseParameters = ["BOR", "CBOR"];
    private static readonly string[] VisitResponseParameters = ["OVR", "OVRLRESP", "OVRRESP"];
    private static readonly string[] MarkerParameters = ["MCPROT", "MPROT", "MPROTEIN", "SPEP", "MSPIKE", "MPROTEXR", "SUMDIAM", "SLD", "TUMSIZE", "SUMLD"];
    private static readonly string[] DltQnams = ["AEDLT", "DLT", "DLTFL"];

    private OncologyStudy(IReadOnlyList<OncologySubject> subjects, OncologySources sources, MarkerParameter? marker)
    {
        Subjects = subjects;
        Sources = sources;
        Marker = marker;
    }

    /// <summary>The subjects in ADSL order.</summary>
    public IReadOnlyList<OncologySubject> Subjects { get; }

    /// <summary>Where each part was read from.</summary>
    public OncologySources Sources { get; }

    /// <summary>The disease marker, or null when the package has none (no waterfall or spider plot then).</summary>
    public MarkerParameter? Marker { get; }

    /// <summary>Reads the study from <paramref name="package"/>, or returns null when it has no ADSL and ADRS.</summary>
    public static OncologyStudy? Read(Package package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var adsl = package.Find("ADSL");
        var adrs = package.Find("ADRS");
        if (adsl is null || adrs is null || !adsl.Has("USUBJID") || !adrs.Has("USUBJID") || !adrs.Has("PARAMCD") || !adrs.Has("AVALC"))
        {
            return null;
        }

        var subjectVars = new List<string> { "USUBJID" };
        string Use(string variable)
        {
            if (adsl.Has(variable) && !subjectVars.Contains(variable))
            {
                subjectVars.Add(variable);
            }

            return variable;
        }

        var armVar = adsl.Has("TRT01P") ? "TRT01P" : adsl.Has("TRT01A") ? "TRT01A" : adsl.Has("ARM") ? "ARM" : null;
        var armOrderVar = armVar switch { "TRT01P" when adsl.Has("TRT01PN") => "TRT01PN", "TRT01A" when adsl.Has("TRT01AN") => "TRT01AN", _ => null };
        var arms = armVar is null ? [] : Enumerable.Range(0, adsl.RowCount).Select(r => adsl.Text(r, armVar)).Distinct().Order(StringComparer.Ordinal).ToList();
        var bestParam = BestResponseParameters.FirstOrDefault(p => HasParameter(adrs, p));
        var best = bestParam is null ? new Dictionary<string, string>() : FirstValueBySubject(adrs, bestParam);
        var visitParam = VisitResponseParameters.FirstOrDefault(p => HasParameter(adrs, p));
        var visits = visitParam is not null && adrs.Has("ADT") ? VisitResponses(adrs, visitParam) : [];
        var dlts = DatedDlts(package, out var dltSource);
        var deaths = Deaths(package, adsl, out var deathSource);
        var (markerParameter, markers) = ReadMarker(package, adsl);

        var subjects = new List<OncologySubject>(adsl.RowCount);
        var undatedDlt = false;
        for (var r = 0; r < adsl.RowCount; r++)
        {
            var usubjid = adsl.Text(r, "USUBJID");
            var start = adsl.Num(r, Use("TRTSDT"));
            var end = adsl.Num(r, Use("TRTEDT"));
            var arm = armVar is null ? "" : adsl.Text(r, Use(armVar));
            var armOrder = armOrderVar is not null && adsl.Num(r, Use(armOrderVar)) is { } n ? n : arms.IndexOf(arm);
            var events = new List<SubjectEvent>();
            if (start is { } s)
            {
                foreach (var (date, category, description) in visits.GetValueOrDefault(usubjid, []))
                {
                    events.Add(ResponseScale.IsProgression(category)
                        ? new SubjectEvent(SubjectEventKind.Progression, date - s, "PD", description)
                        : new SubjectEvent(SubjectEventKind.ResponseOnset, date - s, category, description));
                }

                events.AddRange(dlts.GetValueOrDefault(usubjid, []).Select(d => new SubjectEvent(SubjectEventKind.Dlt, d.Date - s, "", d.Description)));
                if (deaths.TryGetValue(usubjid, out var death))
                {
                    events.Add(new SubjectEvent(SubjectEventKind.Death, death.Date - s, "", death.Description));
                }
            }

            if (!dlts.ContainsKey(usubjid) && adsl.Text(r, Use("DLTFL")) == "Y")
            {
                undatedDlt = true;
                events.Add(new SubjectEvent(SubjectEventKind.Dlt, 0, "", "DLT (ADSL DLTFL = Y; no dated AE record)"));
            }

            var marker = markers.GetValueOrDefault(usubjid);
            subjects.Add(new OncologySubject(usubjid, adsl.Has("SUBJID") && adsl.Text(r, Use("SUBJID")).Length > 0 ? adsl.Text(r, "SUBJID") : usubjid, arm, armOrder)
            {
                TreatmentDays = start is { } a && end is { } b ? b - a + 1 : null,
                Ongoing = string.Equals(adsl.Text(r, Use("EOSSTT")), "ONGOING", StringComparison.OrdinalIgnoreCase),
                BestResponse = ResponseScale.Normalise(best.GetValueOrDefault(usubjid, "")),
                Events = events.OrderBy(e => e.Day).ThenBy(e => e.Kind).ToList(),
                Baseline = marker?.Baseline,
                Marker = marker?.Points ?? [],
                MarkerNote = markerParameter is null ? null : marker is null ? "no record of the marker" : marker.Note,
            });
        }

        var sources = new OncologySources
        {
            Subjects = "ADSL " + string.Join(", ", subjectVars.Where(v => v != "DLTFL")),
            BestResponse = bestParam is null ? "none: ADRS has no BOR or CBOR parameter" : $"ADRS PARAMCD = {bestParam}: AVALC",
            VisitResponses = visits.Count == 0 ? null : $"ADRS PARAMCD = {visitParam}: AVALC, ADT",
            Dlts = dltSource ?? (undatedDlt ? "ADSL DLTFL = Y (undated, drawn at day 0)" : null),
            Deaths = deathSource,
        };
        return new OncologyStudy(subjects, sources, markerParameter);
    }

    private static bool HasParameter(DatasetData ds, string paramcd) => HasParameter(ds, "PARAMCD", paramcd);

    private static Dictionary<string, string> FirstValueBySubject(DatasetData adrs, string paramcd)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in RowsOf(adrs, "PARAMCD", paramcd))
        {
            result.TryAdd(adrs.Text(r, "USUBJID"), adrs.Text(r, "AVALC"));
        }

        return result;
    }

    /// <summary>Per subject, the first date of each response category and of progression, in date order.</summary>
    private static Dictionary<string, List<(double Date, string Category, string Description)>> VisitResponses(DatasetData adrs, string paramcd)
    {
        var rows = RowsOf(adrs, "PARAMCD", paramcd).Where(r => adrs.Num(r, "ADT") is not null)
            .Select(r => (Subject: adrs.Text(r, "USUBJID"), Date: adrs.Num(r, "ADT")!.Value, Text: adrs.Text(r, "AVALC"), Row: r))
            .OrderBy(x => x.Subject, StringComparer.Ordinal).ThenBy(x => x.Date).ThenBy(x => x.Row);
        var result = new Dictionary<string, List<(double, string, string)>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var (subject, date, text, row) in rows)
        {
            var category = ResponseScale.IsProgression(text) ? "PD" : ResponseScale.Normalise(text);
            if ((category == "PD" || ResponseScale.IsResponse(category)) && seen.Add((subject, category)))
            {
                var what = category == "PD" ? "progression" : $"first {category}";
                var description = string.Create(CultureInfo.InvariantCulture, $"{what} on {Iso(date)} (ADRS record {row + 1}, {paramcd} AVALC {text})");
                (result.TryGetValue(subject, out var list) ? list : result[subject] = []).Add((date, category, description));
            }
        }

        return result;
    }

    /// <summary>DLTs dated by their AE record: SUPPAE QNAM AEDLT (DLT, DLTFL) = Y, IDVAR/IDVARVAL naming the AE.</summary>
    private static Dictionary<string, List<(double Date, string Description)>> DatedDlts(Package package, out string? source)
    {
        source = null;
        var result = new Dictionary<string, List<(double, string)>>(StringComparer.Ordinal);
        var supp = package.Find("SUPPAE");
        var ae = package.Find("AE");
        if (supp is null || ae is null || !supp.Has("QNAM") || !ae.Has("AESTDTC"))
        {
            return result;
        }

        var qnam = DltQnams.FirstOrDefault(q => supp.Column("QNAM")!.CodeOf(q) > 0);
        if (qnam is null)
        {
            return result;
        }

        var aeRows = new Dictionary<(string, string, string), int>();
        foreach (var variable in new[] { "AESEQ", "AESPID" }.Where(ae.Has))
        {
            for (var r = 0; r < ae.RowCount; r++)
            {
                aeRows.TryAdd((ae.Text(r, "USUBJID"), variable, ae.Text(r, variable)), r);
            }
        }

        foreach (var r in RowsOf(supp, "QNAM", qnam).Where(r => supp.Text(r, "QVAL") == "Y"))
        {
            var subject = supp.Text(r, "USUBJID");
            if (aeRows.TryGetValue((subject, supp.Text(r, "IDVAR"), supp.Text(r, "IDVARVAL")), out var aeRow) && SasDays(ae, aeRow, "AESTDTC") is { } date)
            {
                var term = ae.Has("AEDECOD") ? ae.Text(aeRow, "AEDECOD") : ae.Text(aeRow, "AETERM");
                var grade = ae.Has("AETOXGR") ? $", grade {ae.Text(aeRow, "AETOXGR")}" : "";
                (result.TryGetValue(subject, out var list) ? list : result[subject] = []).Add((date, $"DLT: {term}{grade}, from {Iso(date)} (AE record {aeRow + 1})"));
            }
        }

        source = $"SUPPAE QNAM = {qnam}, QVAL = Y, dated by AE AESTDTC";
        return result;
    }

    /// <summary>Deaths: ADSL DTHDT, else DM DTHDTC, else DS DSSTDTC where DSDECOD is DEATH.</summary>
    private static Dictionary<string, (double Date, string Description)> Deaths(Package package, DatasetData adsl, out string? source)
    {
        var result = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        source = null;
        if (adsl.Has("DTHDT"))
        {
            source = "ADSL DTHDT";
            for (var r = 0; r < adsl.RowCount; r++)
            {
                if (adsl.Num(r, "DTHDT") is { } d)
                {
                    result[adsl.Text(r, "USUBJID")] = (d, $"death on {Iso(d)} (ADSL DTHDT)");
                }
            }

            return result;
        }

        if (package.Find("DM") is { } dm && dm.Has("DTHDTC"))
        {
            source = "DM DTHDTC";
            for (var r = 0; r < dm.RowCount; r++)
            {
                if (SasDays(dm, r, "DTHDTC") is { } d)
                {
                    result[dm.Text(r, "USUBJID")] = (d, $"death on {Iso(d)} (DM DTHDTC)");
                }
            }

            return result;
        }

        if (package.Find("DS") is { } ds && ds.Has("DSDECOD") && ds.Has("DSSTDTC"))
        {
            source = "DS DSSTDTC where DSDECOD = DEATH";
            foreach (var r in RowsOf(ds, "DSDECOD", "DEATH"))
            {
                if (SasDays(ds, r, "DSSTDTC") is { } d)
                {
                    result.TryAdd(ds.Text(r, "USUBJID"), (d, $"death on {Iso(d)} (DS record {r + 1})"));
                }
            }
        }

        return result;
    }

    /// <summary>One subject's marker: baseline and post-baseline values, or why there are none.</summary>
    private sealed record MarkerSeries(double? Baseline, IReadOnlyList<MarkerPoint> Points, string? Note);

    /// <summary>A dated value of an SDTM findings record, as read for the marker.</summary>
    private readonly record struct Reading(double? Date, double? Value, bool Baseline);

    private static (MarkerParameter?, Dictionary<string, MarkerSeries>) ReadMarker(Package package, DatasetData adsl)
    {
        var starts = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var r = 0; r < adsl.RowCount; r++)
        {
            starts.TryAdd(adsl.Text(r, "USUBJID"), adsl.Num(r, "TRTSDT"));
        }

        foreach (var bds in package.OfKind(PackageKind.Adam).Where(d => d.Name is not ("ADSL" or "ADRS") && d.Has("PARAMCD") && d.Has("AVAL") && d.Has("USUBJID")))
        {
            if (MarkerParameters.FirstOrDefault(p => HasParameter(bds, p)) is { } paramcd)
            {
                return AdamMarker(bds, paramcd, starts);
            }
        }

        if (package.Find("LB") is { } lb && lb.Has("LBTESTCD") && lb.Has("LBDTC") && HasParameter(lb, "LBTESTCD", "MCPROT"))
        {
            bool Serum(int r) => lb.Text(r, "LBSPEC") == "SERUM" && !lb.Text(r, "LBMETHOD").Contains("IMMUNOFIXATION", StringComparison.OrdinalIgnoreCase);
            var serum = Readings(lb, "LB", "MCPROT", Serum);
            var urine = Readings(lb, "LB", "MPROTEXR", _ => true);
            var result = new Dictionary<string, MarkerSeries>(StringComparer.Ordinal);
            foreach (var (subject, start) in starts)
            {
                var series = Series(serum.GetValueOrDefault(subject, []), start, "serum M-protein");
                if (series.Points.Count == 0 && urine.TryGetValue(subject, out var u) && Series(u, start, "urine M-protein") is { Points.Count: > 0 } fromUrine)
                {
                    series = fromUrine with { Note = "urine M-protein (MPROTEXR): serum M-protein not measurable" };
                }

                result[subject] = series;
            }

            var unit = FirstText(lb, "LBTESTCD", "MCPROT", "LBSTRESU", Serum);
            return (new MarkerParameter("serum M-protein", "LB LBTESTCD = MCPROT, LBSPEC = SERUM, LBMETHOD other than immunofixation: LBSTRESN (LBSTRESC), LBDTC, baseline LBLOBXFL/LBBLFL; urine MPROTEXR for a subject whose serum M-protein is not measurable", unit), result);
        }

        if (package.Find("TR") is { } tr && tr.Has("TRTESTCD") && tr.Has("TRDTC") && HasParameter(tr, "TRTESTCD", "SUMDIAM"))
        {
            var readings = Readings(tr, "TR", "SUMDIAM", _ => true);
            var result = starts.ToDictionary(s => s.Key, s => Series(readings.GetValueOrDefault(s.Key, []), s.Value, "sum of diameters"), StringComparer.Ordinal);
            return (new MarkerParameter("sum of diameters of target lesions", "TR TRTESTCD = SUMDIAM: TRSTRESN, TRDTC, baseline TRLOBXFL/TRBLFL", FirstText(tr, "TRTESTCD", "SUMDIAM", "TRSTRESU", _ => true)), result);
        }

        return (null, []);
    }

    private static (MarkerParameter, Dictionary<string, MarkerSeries>) AdamMarker(DatasetData bds, string paramcd, Dictionary<string, double?> starts)
    {
        var bySubject = RowsOf(bds, "PARAMCD", paramcd).GroupBy(r => bds.Text(r, "USUBJID"), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new Dictionary<string, MarkerSeries>(StringComparer.Ordinal);
        foreach (var (subject, start) in starts)
        {
            var rows = bySubject.GetValueOrDefault(subject, []);
            var baselineRow = rows.Where(r => bds.Text(r, "ABLFL") == "Y").DefaultIfEmpty(-1).Last();
            var baseline = baselineRow >= 0 ? bds.Num(baselineRow, "AVAL") : rows.Select(r => bds.Num(r, "BASE")).FirstOrDefault(b => b is not null);
            if (baseline is null)
            {
                result[subject] = new MarkerSeries(null, [], "no baseline value (ABLFL, BASE)");
                continue;
            }

            var baselineDate = baselineRow >= 0 ? bds.Num(baselineRow, "ADT") : null;
            var points = new List<MarkerPoint>();
            foreach (var r in rows.Where(r => r != baselineRow && bds.Text(r, "ABLFL") != "Y"))
            {
                var date = bds.Num(r, "ADT");
                var day = date is { } d && start is { } s ? d - s : bds.Num(r, "ADY") is { } ady ? (ady > 0 ? ady - 1 : ady) : (double?)null;
                var isPost = date is { } dd && baselineDate is { } bd ? dd > bd : day is > 0;
                var pchg = bds.Num(r, "PCHG") ?? (bds.Num(r, "AVAL") is { } v && baseline != 0 ? (v - baseline.Value) / baseline.Value * 100 : null);
                if (isPost && day is { } x && pchg is { } p && bds.Num(r, "AVAL") is { } value)
                {
                    points.Add(new MarkerPoint(x, value, p));
                }
            }

            result[subject] = points.Count > 0
                ? new MarkerSeries(baseline, points.OrderBy(p => p.Day).ToList(), null)
                : new MarkerSeries(baseline, [], "no post-baseline value");
        }

        var source = $"{bds.Name} PARAMCD = {paramcd}: AVAL, {(bds.Has("PCHG") ? "PCHG" : "BASE")}, ADT, ABLFL";
        return (new MarkerParameter(paramcd, source, FirstText(bds, "PARAMCD", paramcd, "AVALU", _ => true)), result);
    }

    /// <summary>The records of one test of an SDTM findings dataset, by subject, in file order.</summary>
    private static Dictionary<string, List<Reading>> Readings(DatasetData ds, string prefix, string testcd, Func<int, bool> keep)
    {
        var result = new Dictionary<string, List<Reading>>(StringComparer.Ordinal);
        foreach (var r in RowsOf(ds, prefix + "TESTCD", testcd).Where(keep))
        {
            var value = ds.Num(r, prefix + "STRESN") ?? NumberOf(ds.Text(r, prefix + "STRESC"));
            var baseline = ds.Text(r, prefix + "LOBXFL") == "Y" || ds.Text(r, prefix + "BLFL") == "Y";
            var subject = ds.Text(r, "USUBJID");
            (result.TryGetValue(subject, out var list) ? list : result[subject] = []).Add(new Reading(SasDays(ds, r, prefix + "DTC"), value, baseline));
        }

        return result;
    }

    private static MarkerSeries Series(List<Reading> readings, double? start, string what)
    {
        var flagged = readings.Where(x => x.Baseline).ToList();
        var baseline = flagged.Count > 0
            ? flagged[^1]
            : readings.Where(x => x.Date is { } d && start is { } s && d <= s).OrderBy(x => x.Date).DefaultIfEmpty().Last();
        if (readings.Count == 0)
        {
            return new MarkerSeries(null, [], $"no {what} record");
        }

        if (baseline.Date is null || baseline.Value is not { } b)
        {
            return new MarkerSeries(null, [], $"no baseline {what}");
        }

        if (b <= 0)
        {
            return new MarkerSeries(b, [], $"{what} not measurable at baseline (0)");
        }

        // Days count from the first dose; without one, from the baseline.
        var origin = start ?? baseline.Date.Value;
        var points = readings.Where(x => x.Date > baseline.Date && x.Value is not null)
            .OrderBy(x => x.Date)
            .Select(x => new MarkerPoint(x.Date!.Value - origin, x.Value!.Value, (x.Value.Value - b) / b * 100))
            .ToList();
        return new MarkerSeries(b, points, points.Count == 0 ? $"no post-baseline {what}" : null);
    }

    /// <summary>
    /// A result's number: the text as a number; "NOT DETECTED", "ND", "NEGATIVE" and "ABSENT" are 0; "&lt;x" is x/2
    /// (present, below quantitation); anything else is no number.
    /// </summary>
    internal static double? NumberOf(string text)
    {
        var t = text.Trim();
        if (t.Equals("NOT DETECTED", StringComparison.OrdinalIgnoreCase) || t.Equals("ND", StringComparison.OrdinalIgnoreCase)
            || t.Equals("NEGATIVE", StringComparison.OrdinalIgnoreCase) || t.Equals("ABSENT", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (t.StartsWith('<') && double.TryParse(t.AsSpan(1).TrimStart('='), NumberStyles.Float, CultureInfo.InvariantCulture, out var below))
        {
            return below / 2;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static bool HasParameter(DatasetData ds, string variable, string value) => ds.Column(variable) is { } c && c.CodeOf(value) > 0;

    /// <summary>The rows whose <paramref name="variable"/> is <paramref name="value"/>, in file order, found by code.</summary>
    private static IEnumerable<int> RowsOf(DatasetData ds, string variable, string value)
    {
        var column = ds.Column(variable);
        var code = column?.CodeOf(value) ?? -1;
        if (column is null || code <= 0)
        {
            yield break;
        }

        for (var r = 0; r < ds.RowCount; r++)
        {
            if (column.Code(r) == code)
            {
                yield return r;
            }
        }
    }

    private static string FirstText(DatasetData ds, string variable, string value, string of, Func<int, bool> keep) =>
        ds.Has(of) ? RowsOf(ds, variable, value).Where(keep).Select(r => ds.Text(r, of)).FirstOrDefault(t => t.Length > 0) ?? "" : "";

    /// <summary>The SAS date (days since 1960-01-01) of an ISO 8601 --DTC value with a complete date, else null.</summary>
    private static double? SasDays(DatasetData ds, int row, string variable) =>
        ds.Column(variable) is { } c && c.DateOf(c.Code(row))?.Date is { } date ? SasDate.ToSasDays(date) : null;

    private static string Iso(double sasDays) =>
        SasDate.TryFromSasDays(sasDays, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : sasDays.ToString(CultureInfo.InvariantCulture);
}
