using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Dates;

namespace CdiscExport.Conformance.Operations;

/// <summary>Terminology, date and timing operations.</summary>
internal static partial class ValueOps
{
    [GeneratedRegex(@"^-?P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex Duration();

    /// <summary>params: extensible (true|false). Values of IG-coded variables checked against SDTM CT.</summary>
    public static void Codelist(RuleContext c)
    {
        var wantExtensible = c.Param("extensible", "false") == "true";
        var ct = c.Env.Standards.SdtmTerminology;
        var valueLevel = c.List("valueLevelSuffixes", "ORRES|STRESC|ORRESU|STRESU|ORNRLO|ORNRHI");
        var igValues = c.List("igValues").Select(x => x.Split(':')).ToLookup(x => x[0], x => x[1], StringComparer.Ordinal);
        foreach (var d in c.InScope())
        {
            foreach (var v in d.Variables)
            {
                var ig = StructureOps.IgVariable(c, d, v.Name);
                if (ig is null || ig.CodelistCodes.Count == 0 || (!d.IsSupp && v.Name.Length > 2 && valueLevel.Contains(v.Name[2..])))
                {
                    continue;
                }

                var lists = ig.CodelistCodes.Select(ct.FindByCode).Where(l => l is not null).Select(l => l!).ToList();
                if (lists.Count == 0 && ig.CodelistNames.Count > 0)
                {
                    lists = ig.CodelistNames.Select(ct.FindBySubmissionValue).Where(l => l is not null).Select(l => l!).ToList();
                }

                if (lists.Count == 0 || lists.Any(l => l.Extensible) != wantExtensible)
                {
                    continue;
                }

                c.Applicable = true;
                var allowed = igValues[v.Name];
                var column = d.Column(v.Name)!;
                foreach (var r in column.RowsWhere(column.Where(s => s.Length > 0 && !lists.Any(l => l.FindBySubmissionValue(s) is not null) && !allowed.Contains(s))))
                {
                    var s = column.Text(r);
                    c.Report(d, v.Name, r, s, $"{v.Name} '{s}' is not in {(wantExtensible ? "extensible" : "non-extensible")} codelist {string.Join("/", lists.Select(l => l.SubmissionValue))} ({ct.Version}).");
                }
            }
        }
    }

    /// <summary>params: pairs (A:B|C:D, -- for the domain prefix). Each A has one B and each B one A.</summary>
    public static void OneToOne(RuleContext c)
    {
        foreach (var d in c.InScope())
        {
            var groupBy = c.List("within");
            foreach (var pair in c.List("pairs"))
            {
                var parts = pair.Split(':');
                var a = d.Var(parts[0]);
                var b = d.Var(parts[1]);
                if (!d.Has(a) || !d.Has(b))
                {
                    continue;
                }

                c.Applicable = true;
                Check(a, b);
                Check(b, a);

                // Rows grouped by the "within" variables and x: each group may hold one y.
                void Check(string x, string y)
                {
                    var groups = d.GroupsOf([.. groupBy, x]);
                    var groupOf = groups.Groups;
                    var xs = d.Column(x)!;
                    var ys = d.Column(y)!;
                    var first = new int[groups.Count];
                    Array.Fill(first, -1);
                    for (var r = 0; r < groupOf.Length; r++)
                    {
                        var vy = ys.Code(r);
                        if (xs.Code(r) == EncodedColumn.NullCode || vy == EncodedColumn.NullCode)
                        {
                            continue;
                        }

                        ref var f = ref first[groupOf[r]];
                        if (f >= 0 && f != vy)
                        {
                            c.Report(d, y, r, ys.TextOf(vy), $"{x} '{xs.Text(r)}' has {y} '{ys.TextOf(vy)}' here and '{ys.TextOf(f)}' elsewhere; they must be 1:1.");
                        }

                        f = vy;
                    }
                }
            }
        }
    }

    public static void CountryIso(RuleContext c)
    {
        var path = Path.Combine(c.Env.StandardsFolder, "ct", "iso-3166-1.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var codes = doc.RootElement.GetProperty("3166-1").EnumerateArray().Select(e => e.GetProperty("alpha_3").GetString()!).ToHashSet(StringComparer.Ordinal);
        foreach (var d in c.InScope())
        {
            if (!d.Has("COUNTRY"))
            {
                continue;
            }

            c.Applicable = true;
            for (var r = 0; r < d.RowCount; r++)
            {
                var s = d.Text(r, "COUNTRY");
                if (s.Length > 0 && !codes.Contains(s))
                {
                    c.Report(d, "COUNTRY", r, s, $"COUNTRY '{s}' is not an ISO 3166-1 alpha-3 code.");
                }
            }
        }
    }

    public static void Dictionary(RuleContext c)
    {
        if (c.Env.Options.MedDraFolder is null)
        {
            c.NotExecutable($"needs a licensed {c.Param("dictionary", "MedDRA")} dictionary; none is configured");
            return;
        }

        c.NotExecutable($"{c.Param("dictionary", "MedDRA")} lookups are not implemented yet");
    }

    /// <summary>params: parameter (TSPARMCD), precision (day), presentOnly.</summary>
    public static void TsDate(RuleContext c)
    {
        var parm = c.Param("parameter", "SSTDTC");
        var needDate = c.Param("check", "present") == "date";
        foreach (var ts in c.Package.Domain("TS"))
        {
            c.Applicable = true;
            var rows = Enumerable.Range(0, ts.RowCount).Where(r => ts.Text(r, "TSPARMCD") == parm).ToList();
            if (!needDate)
            {
                if (!rows.Any(r => ts.Text(r, "TSVAL").Length > 0))
                {
                    c.Report(ts, "TSVAL", rows.Count > 0 ? rows[0] : null, parm, $"TS has no {parm} record with TSVAL populated.");
                }

                continue;
            }

            foreach (var r in rows)
            {
                var s = ts.Text(r, "TSVAL");
                if (s.Length > 0 && (!PartialDateTime.TryParse(s, out var p) || !p.IsCompleteDate))
                {
                    c.Report(ts, "TSVAL", r, s, $"{parm} TSVAL '{s}' is not an ISO 8601 date of at least YYYY-MM-DD.");
                }
            }
        }
    }

    public static void Iso8601(RuleContext c)
    {
        foreach (var d in c.InScope())
        {
            foreach (var v in d.Variables.Where(v => v.Name.EndsWith("DTC", StringComparison.Ordinal)))
            {
                c.Applicable = true;
                for (var r = 0; r < d.RowCount; r++)
                {
                    var s = d.Text(r, v.Name);
                    if (s.Length > 0 && !PartialDateTime.TryParse(s, out _))
                    {
                        c.Report(d, v.Name, r, s, $"{v.Name} '{s}' is not an ISO 8601 date/time (extended format, right truncation only, valid calendar).");
                    }
                }
            }
        }
    }

    public static void IsoDuration(RuleContext c)
    {
        var suffixes = c.List("suffixes", "DUR|ELTM|EVLINT|STINT|ENINT");
        foreach (var d in c.InScope())
        {
            foreach (var v in d.Variables.Where(v => v.Name.Length > 2 && suffixes.Any(s => v.Name[2..] == s)))
            {
                c.Applicable = true;
                for (var r = 0; r < d.RowCount; r++)
                {
                    var s = d.Text(r, v.Name);
                    if (s.Length > 0 && !Duration().IsMatch(s))
                    {
                        c.Report(d, v.Name, r, s, $"{v.Name} '{s}' is not an ISO 8601 duration (PnYnMnDTnHnMnS or PnW).");
                    }
                }
            }

            if (d.Domain == "TS" && d.Has("TSPARMCD"))
            {
                c.Applicable = true;
                for (var r = 0; r < d.RowCount; r++)
                {
                    var s = d.Text(r, "TSVAL");
                    if (c.List("tsParameters", "AGEMIN|AGEMAX").Contains(d.Text(r, "TSPARMCD")) && s.Length > 0 && !Duration().IsMatch(s))
                    {
                        c.Report(d, "TSVAL", r, s, $"TSVAL '{s}' for {d.Text(r, "TSPARMCD")} is not an ISO 8601 duration.");
                    }
                }
            }
        }
    }

    /// <summary>params: pairs (start:end|...), -- for the domain prefix; DTC compared at common precision, numbers directly.</summary>
    public static void StartBeforeEnd(RuleContext c)
    {
        foreach (var d in c.InScope())
        {
            foreach (var pair in c.List("pairs"))
            {
                var parts = pair.Split(':');
                var a = d.Var(parts[0]);
                var b = d.Var(parts[1]);
                if (!d.Has(a) || !d.Has(b))
                {
                    continue;
                }

                c.Applicable = true;
                for (var r = 0; r < d.RowCount; r++)
                {
                    if (IsAfter(d, r, a, b))
                    {
                        c.Report(d, b, r, d.Text(r, b), $"{b} '{d.Text(r, b)}' is before {a} '{d.Text(r, a)}'.");
                    }
                }
            }
        }
    }

    internal static bool IsAfter(DatasetData d, int r, string a, string b)
    {
        if (a.EndsWith("DTC", StringComparison.Ordinal))
        {
            if (!PartialDateTime.TryParse(d.Text(r, a), out var x) || !PartialDateTime.TryParse(d.Text(r, b), out var y))
            {
                return false;
            }

            var cmp = x.CompareDatePart(y);
            if (cmp == 0 && x.DateTime is { } xt && y.DateTime is { } yt)
            {
                cmp = xt.CompareTo(yt);
            }

            return cmp > 0;
        }

        return d.Num(r, a) is { } na && d.Num(r, b) is { } nb && na > nb;
    }

    internal static Dictionary<string, string> DmValues(RuleContext c, string variable)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dm in c.Package.Domain("DM").Where(d => !d.IsAdam))
        {
            for (var r = 0; r < dm.RowCount; r++)
            {
                map.TryAdd(dm.Text(r, "USUBJID"), dm.Text(r, variable));
            }
        }

        return map;
    }

    private static readonly (string Dy, string Dtc)[] DayPairs = [("--DY", "--DTC"), ("--STDY", "--STDTC"), ("--ENDY", "--ENDTC")];

    public static void StudyDayConsistent(RuleContext c)
    {
        var rf = DmValues(c, c.Param("reference", "RFSTDTC"));
        foreach (var d in c.InScope().Where(d => d.Domain != "DM"))
        {
            foreach (var (dyP, dtcP) in DayPairs)
            {
                var dy = d.Var(dyP);
                var dtc = d.Var(dtcP);
                if (!d.Has(dy))
                {
                    continue;
                }

                c.Applicable = true;
                for (var r = 0; r < d.RowCount; r++)
                {
                    var day = d.Num(r, dy);
                    if (day is null)
                    {
                        continue;
                    }

                    if (day == 0)
                    {
                        c.Report(d, dy, r, "0", $"{dy} is 0; there is no study day 0.");
                        continue;
                    }

                    if (!d.Has(dtc) || !rf.TryGetValue(d.Text(r, "USUBJID"), out var rfText)
                        || !PartialDateTime.TryParse(d.Text(r, dtc), out var date) || !PartialDateTime.TryParse(rfText, out var reference))
                    {
                        continue;
                    }

                    var expected = StudyDay.ComputeStudyDay(reference, date);
                    if (expected is int e && e != day)
                    {
                        c.Report(d, dy, r, day.Value.ToString(CultureInfo.InvariantCulture),
                            $"{dy} is {day} but {dtc} {d.Text(r, dtc)} with RFSTDTC {rfText} gives study day {e}.");
                    }
                }
            }
        }
    }

    public static void StudyDayPresence(RuleContext c)
    {
        var rf = DmValues(c, "RFSTDTC");
        foreach (var d in c.InScope().Where(d => d.Domain != "DM"))
        {
            foreach (var (dyP, dtcP) in DayPairs)
            {
                var dy = d.Var(dyP);
                var dtc = d.Var(dtcP);
                if (!d.Has(dtc))
                {
                    continue;
                }

                c.Applicable = true;
                if (!d.Has(dy))
                {
                    c.Report(d, dy, null, null, $"{d.Name} has {dtc} but no {dy}.");
                    continue;
                }

                for (var r = 0; r < d.RowCount; r++)
                {
                    var complete = PartialDateTime.TryParse(d.Text(r, dtc), out var p) && p.IsCompleteDate
                        && rf.TryGetValue(d.Text(r, "USUBJID"), out var rft) && PartialDateTime.TryParse(rft, out var q) && q.IsCompleteDate;
                    var has = d.Num(r, dy) is not null;
                    if (complete && !has)
                    {
                        c.Report(d, dy, r, null, $"{dy} is null although {dtc} and RFSTDTC are complete dates.");
                    }
                    else if (!complete && has)
                    {
                        c.Report(d, dy, r, d.Text(r, dy), $"{dy} is populated although {dtc} or RFSTDTC is not a complete date.");
                    }
                }
            }
        }
    }

    private static LocalDateOrNull Date(string s) => new(PartialDateTime.TryParse(s, out var p) && p.IsCompleteDate ? p.Date : null);

    private readonly record struct LocalDateOrNull(NodaTime.LocalDate? Value);

    public static void ExposureWindow(RuleContext c)
    {
        var rfx = DmValues(c, "RFXSTDTC");
        var rfxe = DmValues(c, "RFXENDTC");
        foreach (var ex in c.Package.Domain("EX").Where(d => !d.IsAdam))
        {
            c.Applicable = true;
            for (var r = 0; r < ex.RowCount; r++)
            {
                var u = ex.Text(r, "USUBJID");
                var st = Date(rfx.GetValueOrDefault(u, "")).Value;
                var en = Date(rfxe.GetValueOrDefault(u, "")).Value;
                foreach (var v in new[] { "EXSTDTC", "EXENDTC" })
                {
                    var x = Date(ex.Text(r, v)).Value;
                    if (x is null)
                    {
                        continue;
                    }

                    if ((st is not null && x < st) || (en is not null && x > en))
                    {
                        c.Report(ex, v, r, ex.Text(r, v), $"{v} {ex.Text(r, v)} lies outside DM RFXSTDTC..RFXENDTC ({rfx.GetValueOrDefault(u)}..{rfxe.GetValueOrDefault(u)}).");
                    }
                }
            }
        }
    }

    public static void RfstdtcFirstDose(RuleContext c)
    {
        var first = new Dictionary<string, NodaTime.LocalDate>(StringComparer.Ordinal);
        foreach (var ex in c.Package.Domain("EX").Where(d => !d.IsAdam))
        {
            for (var r = 0; r < ex.RowCount; r++)
            {
                if (Date(ex.Text(r, "EXSTDTC")).Value is { } x)
                {
                    var u = ex.Text(r, "USUBJID");
                    first[u] = first.TryGetValue(u, out var f) && f < x ? f : x;
                }
            }
        }

        foreach (var dm in c.Package.Domain("DM").Where(d => !d.IsAdam))
        {
            c.Applicable = true;
            for (var r = 0; r < dm.RowCount; r++)
            {
                if (!first.TryGetValue(dm.Text(r, "USUBJID"), out var f))
                {
                    continue;
                }

                var rf = dm.Text(r, "RFSTDTC");
                if (rf.Length == 0)
                {
                    c.Report(dm, "RFSTDTC", r, null, "RFSTDTC is null for a treated subject.");
                }
                else if (Date(rf).Value is { } d && d != f)
                {
                    c.Report(dm, "RFSTDTC", r, rf, $"RFSTDTC {rf} differs from the first EXSTDTC {f:yyyy-MM-dd}.");
                }
            }
        }
    }

    public static void EpochAndStart(RuleContext c)
    {
        foreach (var d in c.InScope())
        {
            c.Applicable = true;
            var start = d.Has(d.Var("--STDTC")) ? d.Var("--STDTC") : d.Var("--DTC");
            var needStart = c.List("needStart", "AE|EX").Contains(d.Domain);
            for (var r = 0; r < d.RowCount; r++)
            {
                var s = d.Text(r, start);
                if (needStart && s.Length == 0 && d.Text(r, d.Var("--STRF")).Length == 0 && d.Text(r, d.Var("--STRTPT")).Length == 0)
                {
                    c.Report(d, start, r, null, $"{start} is null and no {d.Var("--STRF")}/{d.Var("--STRTPT")} says when it started.");
                }

                if (d.Has("EPOCH") && s.Length > 0 && d.Text(r, "EPOCH").Length == 0)
                {
                    c.Report(d, "EPOCH", r, null, $"EPOCH is null although {start} is populated.");
                }
            }
        }
    }
}
