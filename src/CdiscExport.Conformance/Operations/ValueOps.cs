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

    /// <summary>
    /// Values of IG-coded variables checked against SDTM CT, exact case (FDAB017). params: extensible (true|false: the
    /// rule judges the non-extensible or the extensible codelists); igValues (VAR:value allowed beyond CT); when
    /// (VAR:CONDVAR@CODELIST separated by '|': the codelist of VAR applies only on records whose CONDVAR is a term of
    /// CT codelist CODELIST, as SDTMIG 3.4 says of RSTESTCD and RSTEST: ONCRTSCD/ONCRTS only when RSCAT is in ONCRSCAT).
    /// </summary>
    /// <remarks>
    /// The release judged by is the one the package declares (<see cref="TerminologyReleases"/>). A sponsor term in an
    /// extensible codelist that the package's define.xml declares as an extension (def:ExtendedValue="Yes" in the
    /// codelist it binds to the variable) is not reported; one it does not declare is a warning (CT2002), never an
    /// error.
    /// </remarks>
    public static void Codelist(RuleContext c)
    {
        var wantExtensible = c.Param("extensible", "false") == "true";
        var releases = TerminologyReleases.For(c);
        var ct = releases.Run;
        var valueLevel = c.List("valueLevelSuffixes", "ORRES|STRESC|ORRESU|STRESU|ORNRLO|ORNRHI");
        var igValues = c.List("igValues").Select(x => x.Split(':')).ToLookup(x => x[0], x => x[1], StringComparer.Ordinal);
        var conditions = c.List("when").Select(x => x.Split(':', '@')).Where(x => x.Length == 3).ToDictionary(x => x[0], x => (Variable: x[1], Codelist: x[2]), StringComparer.Ordinal);
        foreach (var d in AdamClasses.InScope(c))
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

                // Records where the codelist applies: all, or those whose condition variable holds a term of the
                // condition codelist; a condition codelist this release lacks leaves nothing to judge.
                bool[]? applies = null;
                EncodedColumn? conditionColumn = null;
                if (conditions.TryGetValue(v.Name, out var condition))
                {
                    var conditionList = ct.FindBySubmissionValue(condition.Codelist);
                    conditionColumn = d.ColumnOrNull(condition.Variable);
                    applies = conditionList is null ? new bool[conditionColumn.DistinctCount] : conditionColumn.Where(x => TerminologyReleases.InAny([conditionList], x));
                    if (!applies.Contains(true))
                    {
                        continue;
                    }
                }

                c.Applicable = true;
                var allowed = igValues[v.Name];
                var declared = wantExtensible ? DeclaredExtensions(d, v.Name) : [];
                var codes = lists.Select(l => l.Code).ToList();
                var column = d.Column(v.Name)!;
                var outside = column.Where(s => s.Length > 0 && !TerminologyReleases.InAny(lists, s) && !allowed.Contains(s) && !declared.Contains(s)
                                                && !releases.InOtherRelease(codes, lists, s));
                foreach (var r in column.RowsWhere(outside))
                {
                    if (applies is not null && !applies[conditionColumn!.Code(r)])
                    {
                        continue;
                    }

                    var s = column.Text(r);
                    var when = applies is null ? "" : $" (applies because {condition.Variable} '{conditionColumn!.Text(r)}' is in {condition.Codelist})";
                    c.Report(d, v.Name, r, s, $"{v.Name} '{s}' is not in {(wantExtensible ? "extensible" : "non-extensible")} codelist {string.Join("/", lists.Select(l => l.SubmissionValue))} ({ct.Version}){when}.");
                }
            }
        }
    }

    /// <summary>The sponsor extensions (def:ExtendedValue="Yes") of the define.xml codelists bound to a variable of a
    /// dataset, on the variable's ItemDef or its value-level items.</summary>
    private static HashSet<string> DeclaredExtensions(DatasetData d, string variable)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (d.Folder.Define is not { } define || DatasetDefinitions.GroupOf(define, d) is not { } group)
        {
            return result;
        }

        foreach (var r in group.ItemRefs)
        {
            if (!define.ItemDefs.TryGetValue(r.ItemOid, out var item) || !string.Equals(item.Name, variable, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var items = new List<Define.DefineItemDef> { item };
            if (define.ValueLists.TryGetValue(item.Oid, out var vlm))
            {
                items.AddRange(vlm.Select(x => define.ItemDefs.GetValueOrDefault(x.ItemOid)).OfType<Define.DefineItemDef>());
            }

            foreach (var i in items)
            {
                if (i.CodeListOid is { } oid && define.CodeLists.TryGetValue(oid, out var list))
                {
                    result.UnionWith(list.ExtendedValues);
                }
            }
        }

        return result;
    }

    /// <summary>params: pairs (A:B|C:D, -- for the domain prefix). Each A has one B and each B one A.</summary>
    public static void OneToOne(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
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
        foreach (var d in AdamClasses.InScope(c))
        {
            if (!d.Has("COUNTRY"))
            {
                continue;
            }

            c.Applicable = true;
            var column = d.Column("COUNTRY")!;
            foreach (var r in column.RowsWhere(column.Where(s => s.Length > 0 && !codes.Contains(s))))
            {
                var s = column.Text(r);
                c.Report(d, "COUNTRY", r, s, $"COUNTRY '{s}' is not an ISO 3166-1 alpha-3 code.");
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

    /// <summary>
    /// params: parameter (TSPARMCD), check (present: a record with TSVAL populated; date: TSVAL a full ISO 8601 date),
    /// requiredAfter (a date: the requirement applies to studies that started after it, as FDA's technical rejection
    /// criterion 1734 applies to studies started after 2016-12-17).
    /// </summary>
    /// <remarks>A study's start is TS SSTDTC, else the earliest complete DM RFICDTC or RFSTDTC. A study that started on or
    /// before <c>requiredAfter</c> is out of the rule's scope; one whose start is unknown is in it.</remarks>
    public static void TsDate(RuleContext c)
    {
        var parm = c.Param("parameter", "SSTDTC");
        var needDate = c.Param("check", "present") == "date";
        if (c.Param("requiredAfter") is { Length: > 0 } after && PartialDateTime.TryParse(after, out var cutoff) &&
            StudyStart(c) is { } start && start <= cutoff.Date)
        {
            return;
        }

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

    /// <summary>When the study started: TS SSTDTC, else the earliest complete DM RFICDTC or RFSTDTC; null when unknown.</summary>
    internal static NodaTime.LocalDate? StudyStart(RuleContext c)
    {
        foreach (var ts in c.Package.Domain("TS").Where(d => !d.IsAdam))
        {
            for (var r = 0; r < ts.RowCount; r++)
            {
                if (ts.Text(r, "TSPARMCD") == "SSTDTC" && Date(Parse(ts.Text(r, "TSVAL"))) is { } sstdtc)
                {
                    return sstdtc;
                }
            }
        }

        NodaTime.LocalDate? earliest = null;
        foreach (var dm in c.Package.Domain("DM").Where(d => !d.IsAdam))
        {
            foreach (var v in new[] { "RFICDTC", "RFSTDTC" })
            {
                var column = dm.ColumnOrNull(v);
                for (var k = 0; k < column.DistinctCount; k++)
                {
                    if (Date(column.DateOf(k)) is { } x && (earliest is null || x < earliest))
                    {
                        earliest = x;
                    }
                }
            }
        }

        return earliest;
    }

    public static void Iso8601(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            foreach (var v in d.Variables.Where(v => v.Name.EndsWith("DTC", StringComparison.Ordinal)))
            {
                c.Applicable = true;
                var column = d.Column(v.Name)!;
                var invalid = new bool[column.DistinctCount];
                for (var k = 0; k < invalid.Length; k++)
                {
                    invalid[k] = k != EncodedColumn.NullCode && column.DateOf(k) is null;
                }

                foreach (var r in column.RowsWhere(invalid))
                {
                    var s = column.Text(r);
                    c.Report(d, v.Name, r, s, $"{v.Name} '{s}' is not an ISO 8601 date/time (extended format, right truncation only, valid calendar).");
                }
            }
        }
    }

    public static void IsoDuration(RuleContext c)
    {
        var suffixes = c.List("suffixes", "DUR|ELTM|EVLINT|STINT|ENINT");
        foreach (var d in AdamClasses.InScope(c))
        {
            foreach (var v in d.Variables.Where(v => v.Name.Length > 2 && suffixes.Any(s => v.Name[2..] == s)))
            {
                c.Applicable = true;
                var column = d.Column(v.Name)!;
                foreach (var r in column.RowsWhere(column.Where(s => s.Length > 0 && !Duration().IsMatch(s))))
                {
                    var s = column.Text(r);
                    c.Report(d, v.Name, r, s, $"{v.Name} '{s}' is not an ISO 8601 duration (PnYnMnDTnHnMnS or PnW).");
                }
            }

            // A TS may give the age unit as its own parameter (AGEU YEARS with AGEMIN 18, as the SDTMIG 3.1.2 sample CST CDISC01 does); where it does
            // so, AGEMIN and AGEMAX are numbers with that unit, not ISO 8601 durations.
            if (d.Domain == "TS" && d.Has("TSPARMCD") && !Enumerable.Range(0, d.RowCount).Any(r => d.Text(r, "TSPARMCD") == "AGEU"))
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

    /// <summary>
    /// params: pairs (start:end|...), -- for the domain prefix; DTC compared at common precision, numbers directly. A pair
    /// ending in @Findings applies to Findings-class domains only: there --DTC starts the collection interval that --ENDTC
    /// ends (SDTMIG 4.4.8), while in Events and Interventions --DTC is when the record was collected, usually after the
    /// event ended (AEDTC at the next visit).
    /// </summary>
    public static void StartBeforeEnd(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            var cls = c.Env.Standards.Sdtmig.FindDataset(d.Domain)?.Class ?? string.Empty;
            foreach (var qualified in c.List("pairs"))
            {
                var at = qualified.IndexOf('@', StringComparison.Ordinal);
                if (at >= 0 && !cls.StartsWith(qualified[(at + 1)..], StringComparison.Ordinal))
                {
                    continue;
                }

                var pair = at >= 0 ? qualified[..at] : qualified;
                var parts = pair.Split(':');
                var a = d.Var(parts[0]);
                var b = d.Var(parts[1]);
                if (!d.Has(a) || !d.Has(b))
                {
                    continue;
                }

                c.Applicable = true;
                var starts = d.Column(a)!;
                var ends = d.Column(b)!;
                var dates = a.EndsWith("DTC", StringComparison.Ordinal);
                for (var r = 0; r < d.RowCount; r++)
                {
                    if (dates ? IsAfter(starts.DateOf(starts.Code(r)), ends.DateOf(ends.Code(r))) : starts.Num(r) is { } na && ends.Num(r) is { } nb && na > nb)
                    {
                        c.Report(d, b, r, ends.Text(r), $"{b} '{ends.Text(r)}' is before {a} '{starts.Text(r)}'.");
                    }
                }
            }
        }
    }

    /// <summary>Whether <paramref name="start"/> is after <paramref name="end"/> at their common precision; false when either is not a date.</summary>
    private static bool IsAfter(PartialDateTime? start, PartialDateTime? end)
    {
        if (start is not { } x || end is not { } y)
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

    /// <summary>For each USUBJID code of <paramref name="d"/>, the subject's value in <paramref name="dmValues"/>, or null when DM lacks the subject.</summary>
    private static string?[] PerSubject(DatasetData d, Dictionary<string, string> dmValues)
    {
        var usubjids = d.ColumnOrNull("USUBJID");
        var values = new string?[usubjids.DistinctCount];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = dmValues.GetValueOrDefault(usubjids.TextOf(k));
        }

        return values;
    }

    private static PartialDateTime? Parse(string? s) => s is not null && PartialDateTime.TryParse(s, out var p) ? p : null;

    private static readonly (string Dy, string Dtc)[] DayPairs = [("--DY", "--DTC"), ("--STDY", "--STDTC"), ("--ENDY", "--ENDTC")];

    public static void StudyDayConsistent(RuleContext c)
    {
        var rf = DmValues(c, c.Param("reference", "RFSTDTC"));
        foreach (var d in AdamClasses.InScope(c).Where(d => d.Domain != "DM"))
        {
            var usubjids = d.ColumnOrNull("USUBJID");
            var rfText = PerSubject(d, rf);
            var rfDate = Array.ConvertAll(rfText, Parse);
            foreach (var (dyP, dtcP) in DayPairs)
            {
                var dy = d.Var(dyP);
                var dtc = d.Var(dtcP);
                if (!d.Has(dy))
                {
                    continue;
                }

                c.Applicable = true;
                var days = d.Column(dy)!;
                var dtcs = d.Column(dtc);
                for (var r = 0; r < d.RowCount; r++)
                {
                    var day = days.Num(r);
                    if (day is null)
                    {
                        continue;
                    }

                    if (day == 0)
                    {
                        c.Report(d, dy, r, "0", $"{dy} is 0; there is no study day 0.");
                        continue;
                    }

                    var subject = usubjids.Code(r);
                    if (dtcs is null || rfText[subject] is null || dtcs.DateOf(dtcs.Code(r)) is not { } date || rfDate[subject] is not { } reference)
                    {
                        continue;
                    }

                    var expected = StudyDay.ComputeStudyDay(reference, date);
                    if (expected is int e && e != day)
                    {
                        c.Report(d, dy, r, day.Value.ToString(CultureInfo.InvariantCulture),
                            $"{dy} is {day} but {dtc} {dtcs.Text(r)} with RFSTDTC {rfText[subject]} gives study day {e}.");
                    }
                }
            }
        }
    }

    public static void StudyDayPresence(RuleContext c)
    {
        var rf = DmValues(c, "RFSTDTC");
        foreach (var d in AdamClasses.InScope(c).Where(d => d.Domain != "DM"))
        {
            var usubjids = d.ColumnOrNull("USUBJID");
            var rfComplete = Array.ConvertAll(PerSubject(d, rf), t => Parse(t) is { IsCompleteDate: true });
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

                var dtcs = d.Column(dtc)!;
                var days = d.Column(dy)!;
                var dtcComplete = new bool[dtcs.DistinctCount];
                for (var k = 0; k < dtcComplete.Length; k++)
                {
                    dtcComplete[k] = dtcs.DateOf(k) is { IsCompleteDate: true };
                }

                for (var r = 0; r < d.RowCount; r++)
                {
                    var complete = dtcComplete[dtcs.Code(r)] && rfComplete[usubjids.Code(r)];
                    var has = days.Num(r) is not null;
                    if (complete && !has)
                    {
                        c.Report(d, dy, r, null, $"{dy} is null although {dtc} and RFSTDTC are complete dates.");
                    }
                    else if (!complete && has)
                    {
                        c.Report(d, dy, r, days.Text(r), $"{dy} is populated although {dtc} or RFSTDTC is not a complete date.");
                    }
                }
            }
        }
    }

    private static NodaTime.LocalDate? Date(PartialDateTime? p) => p is { IsCompleteDate: true } q ? q.Date : null;

    /// <summary>The complete date of each code of <paramref name="column"/>, or null.</summary>
    private static NodaTime.LocalDate?[] Dates(EncodedColumn column)
    {
        var dates = new NodaTime.LocalDate?[column.DistinctCount];
        for (var k = 0; k < dates.Length; k++)
        {
            dates[k] = Date(column.DateOf(k));
        }

        return dates;
    }

    public static void ExposureWindow(RuleContext c)
    {
        var rfx = DmValues(c, "RFXSTDTC");
        var rfxe = DmValues(c, "RFXENDTC");
        foreach (var ex in c.Package.Domain("EX").Where(d => !d.IsAdam))
        {
            c.Applicable = true;
            var usubjids = ex.ColumnOrNull("USUBJID");
            var startText = PerSubject(ex, rfx);
            var endText = PerSubject(ex, rfxe);
            var starts = Array.ConvertAll(startText, t => Date(Parse(t ?? "")));
            var ends = Array.ConvertAll(endText, t => Date(Parse(t ?? "")));
            var columns = new[] { "EXSTDTC", "EXENDTC" }.Select(v => (Name: v, Column: ex.ColumnOrNull(v))).ToArray();
            var dates = columns.Select(x => Dates(x.Column)).ToArray();
            for (var r = 0; r < ex.RowCount; r++)
            {
                var u = usubjids.Code(r);
                var st = starts[u];
                var en = ends[u];
                for (var i = 0; i < columns.Length; i++)
                {
                    var (v, column) = columns[i];
                    var x = dates[i][column.Code(r)];
                    if (x is null)
                    {
                        continue;
                    }

                    if ((st is not null && x < st) || (en is not null && x > en))
                    {
                        c.Report(ex, v, r, column.Text(r), $"{v} {column.Text(r)} lies outside DM RFXSTDTC..RFXENDTC ({startText[u]}..{endText[u]}).");
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
            // The earliest start per subject code, then per subject.
            var usubjids = ex.ColumnOrNull("USUBJID");
            var starts = ex.ColumnOrNull("EXSTDTC");
            var dates = Dates(starts);
            var earliest = new NodaTime.LocalDate?[usubjids.DistinctCount];
            for (var r = 0; r < ex.RowCount; r++)
            {
                if (dates[starts.Code(r)] is { } x)
                {
                    ref var e = ref earliest[usubjids.Code(r)];
                    e = e is { } f && f < x ? f : x;
                }
            }

            for (var k = 0; k < earliest.Length; k++)
            {
                if (earliest[k] is { } x)
                {
                    var u = usubjids.TextOf(k);
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
                else if (Date(Parse(rf)) is { } d && d != f)
                {
                    c.Report(dm, "RFSTDTC", r, rf, $"RFSTDTC {rf} differs from the first EXSTDTC {f:yyyy-MM-dd}.");
                }
            }
        }
    }

    public static void EpochAndStart(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            var start = d.Has(d.Var("--STDTC")) ? d.Var("--STDTC") : d.Var("--DTC");
            var needStart = c.List("needStart", "AE|EX").Contains(d.Domain);
            var starts = d.ColumnOrNull(start);
            var strf = d.ColumnOrNull(d.Var("--STRF"));
            var strtpt = d.ColumnOrNull(d.Var("--STRTPT"));
            var epochs = d.Has("EPOCH") ? d.Column("EPOCH") : null;
            for (var r = 0; r < d.RowCount; r++)
            {
                var noStart = starts.IsNull(r);
                if (needStart && noStart && strf.IsNull(r) && strtpt.IsNull(r))
                {
                    c.Report(d, start, r, null, $"{start} is null and no {d.Var("--STRF")}/{d.Var("--STRTPT")} says when it started.");
                }

                if (epochs is not null && !noStart && epochs.IsNull(r))
                {
                    c.Report(d, "EPOCH", r, null, $"EPOCH is null although {start} is populated.");
                }
            }
        }
    }
}
