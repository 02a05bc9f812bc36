using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Dates;

namespace CdiscExport.Conformance.Operations;

/// <summary>
/// Best-overall-response operations. The response criteria are parameters: <c>responses</c> lists the allowed
/// responses best first (the hierarchy), <c>borParams</c> the BOR PARAMCDs, <c>visitParam</c> the per-visit overall
/// response PARAMCD, <c>progression</c> the progression response, <c>confirm</c> the responses that need confirmation
/// and <c>confirmDays</c> the minimum days to the confirming assessment. Defaults: modified EBMT.
/// </summary>
internal static class ResponseOps
{
    private const string EbmtResponses = "CR|nCR|PR|MR|SD|PD|NE";

    private static (DatasetData? Adrs, DatasetData? Adsl) Data(RuleContext c) => (c.Package.Find(c.Param("dataset", "ADRS")), c.Package.Find("ADSL"));

    private static IEnumerable<int> Rows(DatasetData d, IReadOnlyList<string> paramcds) =>
        Enumerable.Range(0, d.RowCount).Where(r => paramcds.Contains(d.Text(r, "PARAMCD")));

    public static void OnePerSubject(RuleContext c)
    {
        var (adrs, adsl) = Data(c);
        if (adrs is null)
        {
            return;
        }

        c.Applicable = true;
        var bor = c.List("borParams", "BOR");
        var ctx = new[] { "PARQUAL", "ACAT" }.Where(adrs.Has).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Rows(adrs, bor))
        {
            subjects.Add(adrs.Text(r, "USUBJID") + "\u0001" + adrs.Text(r, "PARAMCD"));
            var key = string.Join("\u0001", new[] { "USUBJID", "PARAMCD" }.Concat(ctx).Select(v => adrs.Text(r, v)));
            if (!seen.Add(key))
            {
                c.Report(adrs, "PARAMCD", r, adrs.Text(r, "PARAMCD"), $"second {adrs.Text(r, "PARAMCD")} record for this subject.");
            }
        }

        var population = c.List("population", "ITTFL|FASFL|SAFFL").FirstOrDefault(v => adsl?.Has(v) == true);
        if (adsl is null || population is null)
        {
            return;
        }

        var present = bor.Where(p => Rows(adrs, [p]).Any()).ToList();
        for (var r = 0; r < adsl.RowCount; r++)
        {
            if (adsl.Text(r, population) != "Y")
            {
                continue;
            }

            foreach (var p in present.Where(p => !subjects.Contains(adsl.Text(r, "USUBJID") + "\u0001" + p)))
            {
                c.Report(adsl, population, r, adsl.Text(r, "USUBJID"), $"subject in {population} population has no {p} record in {adrs.Name} (use AVALC 'NE').");
            }
        }
    }

    private static Dictionary<string, List<(LocalDateKey Date, string Response)>> Visits(RuleContext c, DatasetData adrs)
    {
        var visitParam = c.Param("visitParam", "OVRLRESP");
        var map = new Dictionary<string, List<(LocalDateKey, string)>>(StringComparer.Ordinal);
        foreach (var r in Rows(adrs, [visitParam]))
        {
            var date = adrs.Num(r, "ADT");
            if (date is null)
            {
                continue;
            }

            var u = adrs.Text(r, "USUBJID");
            if (!map.TryGetValue(u, out var list))
            {
                map[u] = list = [];
            }

            list.Add((new LocalDateKey(date.Value), adrs.Text(r, "AVALC")));
        }

        foreach (var l in map.Values)
        {
            l.Sort((a, b) => a.Item1.Day.CompareTo(b.Item1.Day));
        }

        return map;
    }

    private readonly record struct LocalDateKey(double Day);

    public static void BorValue(RuleContext c)
    {
        var (adrs, adsl) = Data(c);
        if (adrs is null)
        {
            return;
        }

        c.Applicable = true;
        var responses = c.List("responses", EbmtResponses).ToList();
        var pd = c.Param("progression", "PD");
        var visits = Visits(c, adrs);
        var trtsdt = new Dictionary<string, double>(StringComparer.Ordinal);
        if (adsl is not null && adsl.Has("TRTSDT"))
        {
            for (var r = 0; r < adsl.RowCount; r++)
            {
                if (adsl.Num(r, "TRTSDT") is { } t)
                {
                    trtsdt[adsl.Text(r, "USUBJID")] = t;
                }
            }
        }

        foreach (var r in Rows(adrs, c.List("borParams", "BOR")))
        {
            var v = adrs.Text(r, "AVALC");
            var rank = responses.IndexOf(v);
            if (rank < 0)
            {
                c.Report(adrs, "AVALC", r, v, $"BOR '{v}' is not one of {string.Join(", ", responses)}.");
                continue;
            }

            if (!visits.TryGetValue(adrs.Text(r, "USUBJID"), out var list))
            {
                continue;
            }

            var start = trtsdt.GetValueOrDefault(adrs.Text(r, "USUBJID"), double.MinValue);
            var best = int.MaxValue;
            foreach (var (date, resp) in list.Where(x => x.Date.Day >= start))
            {
                var i = responses.IndexOf(resp);
                if (i >= 0)
                {
                    best = Math.Min(best, i);
                }

                if (resp == pd)
                {
                    break;
                }
            }

            if (best != int.MaxValue && rank < best)
            {
                c.Report(adrs, "AVALC", r, v, $"BOR '{v}' is better than the best overall response up to progression ('{responses[best]}').");
            }
        }
    }

    public static void Confirmation(RuleContext c)
    {
        var (adrs, _) = Data(c);
        var confirmedParams = c.List("confirmedParams", "CBOR");
        if (adrs is null || !Rows(adrs, confirmedParams).Any())
        {
            return;
        }

        c.Applicable = true;
        var responses = c.List("responses", EbmtResponses).ToList();
        var confirm = c.List("confirm", "CR|nCR|PR|MR").ToHashSet(StringComparer.Ordinal);
        var days = double.Parse(c.Param("confirmDays", "0"), System.Globalization.CultureInfo.InvariantCulture);
        var pd = c.Param("progression", "PD");
        var visits = Visits(c, adrs);
        foreach (var r in Rows(adrs, confirmedParams))
        {
            var v = adrs.Text(r, "AVALC");
            if (!confirm.Contains(v) || !visits.TryGetValue(adrs.Text(r, "USUBJID"), out var list))
            {
                continue;
            }

            var rank = responses.IndexOf(v);
            var confirmed = false;
            for (var i = 0; i < list.Count && !confirmed; i++)
            {
                if (list[i].Response == pd)
                {
                    break;
                }

                if (responses.IndexOf(list[i].Response) is var ri && (ri < 0 || ri > rank))
                {
                    continue;
                }

                for (var j = i + 1; j < list.Count; j++)
                {
                    if (list[j].Response == pd)
                    {
                        break;
                    }

                    var rj = responses.IndexOf(list[j].Response);
                    if (rj >= 0 && rj <= rank && list[j].Date.Day - list[i].Date.Day >= days)
                    {
                        confirmed = true;
                        break;
                    }
                }
            }

            if (!confirmed)
            {
                c.Report(adrs, "AVALC", r, v, $"confirmed BOR '{v}' has no confirming assessment at least {days} days later without intervening {pd}.");
            }
        }
    }

    public static void Traceability(RuleContext c)
    {
        var (adrs, adsl) = Data(c);
        if (adrs is null)
        {
            return;
        }

        c.Applicable = true;
        var trtsdt = new Dictionary<string, double>(StringComparer.Ordinal);
        if (adsl?.Has("TRTSDT") == true)
        {
            for (var r = 0; r < adsl.RowCount; r++)
            {
                if (adsl.Num(r, "TRTSDT") is { } t)
                {
                    trtsdt[adsl.Text(r, "USUBJID")] = t;
                }
            }
        }

        var rs = c.Package.Domain("RS").Where(d => !d.IsAdam).ToList();
        var rsSeq = rs.SelectMany(d => Enumerable.Range(0, d.RowCount).Select(r => (Key: d.Text(r, "USUBJID") + "\u0001" + d.Text(r, "RSSEQ"), Stresc: d.Text(r, "RSSTRESC"))))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Stresc, StringComparer.Ordinal);
        var bor = c.List("borParams", "BOR");
        for (var r = 0; r < adrs.RowCount; r++)
        {
            var u = adrs.Text(r, "USUBJID");
            if (bor.Contains(adrs.Text(r, "PARAMCD")) && adrs.Num(r, "ADT") is { } adt && trtsdt.TryGetValue(u, out var t) && adt < t)
            {
                c.Report(adrs, "ADT", r, adrs.Text(r, "ADT"), "BOR ADT is before TRTSDT.");
            }

            if (adrs.Has("SRCSEQ") && adrs.Text(r, "SRCDOM") == "RS" && adrs.Text(r, "SRCSEQ").Length > 0)
            {
                if (!rsSeq.TryGetValue(u + "\u0001" + adrs.Text(r, "SRCSEQ"), out var stresc))
                {
                    c.Report(adrs, "SRCSEQ", r, adrs.Text(r, "SRCSEQ"), $"SRCSEQ {adrs.Text(r, "SRCSEQ")} names no RS record of this subject.");
                }
                else if (adrs.Text(r, "PARAMCD") == c.Param("visitParam", "OVRLRESP") && stresc != adrs.Text(r, "AVALC"))
                {
                    c.Report(adrs, "AVALC", r, adrs.Text(r, "AVALC"), $"AVALC '{adrs.Text(r, "AVALC")}' differs from the source RSSTRESC '{stresc}'.");
                }
            }
        }
    }

    internal static bool IsFull(string s) => PartialDateTime.TryParse(s, out var p) && p.IsCompleteDate;
}
