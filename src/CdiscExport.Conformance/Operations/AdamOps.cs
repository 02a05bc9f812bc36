using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Dates;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Operations;

/// <summary>ADaM operations.</summary>
internal static class AdamOps
{
    /// <summary>params: variables (ADSL copies of DM variables).</summary>
    public static void AdslMatchesDm(RuleContext c)
    {
        var adsl = c.Package.Find("ADSL");
        var dm = c.Package.Datasets.FirstOrDefault(d => d.Name == "DM" && !d.IsAdam);
        if (adsl is null)
        {
            return;
        }

        if (dm is null)
        {
            c.NotExecutable("ADSL is present but DM was not supplied");
            return;
        }

        c.Applicable = true;
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < dm.RowCount; r++)
        {
            rows.TryAdd(dm.Text(r, "USUBJID"), r);
        }

        for (var r = 0; r < adsl.RowCount; r++)
        {
            if (!rows.TryGetValue(adsl.Text(r, "USUBJID"), out var dr))
            {
                continue;
            }

            foreach (var v in c.List("variables", "AGE|AGEU|SEX|RACE|SUBJID|SITEID|ARM").Where(v => adsl.Has(v) && dm.Has(v)))
            {
                if (adsl.Text(r, v) != dm.Text(dr, v))
                {
                    c.Report(adsl, v, r, adsl.Text(r, v), $"ADSL {v} '{adsl.Text(r, v)}' differs from DM '{dm.Text(dr, v)}'.");
                }
            }
        }
    }

    public static void Flags(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            var flags = d.Variables.Where(v => v.Name.EndsWith("FL", StringComparison.Ordinal) && v.Type == XptVariableType.Character).Select(v => v.Name).ToList();
            if (d.Name == "ADSL" && flags.Count == 0)
            {
                c.Report(d, null, null, null, "ADSL has no population flag (*FL).");
            }

            foreach (var f in flags)
            {
                var yOnly = f == "ABLFL" || (f.StartsWith("ANL", StringComparison.Ordinal) && f.Length == 7);
                var popFlag = d.Name == "ADSL" && c.List("populationFlags", "SAFFL|ITTFL|FASFL|EFFFL|PPROTFL|RANDFL|ENRLFL|COMPLFL").Contains(f);
                var fn = f[..^1] + "N";
                for (var r = 0; r < d.RowCount; r++)
                {
                    var s = d.Text(r, f);
                    var ok = s switch { "Y" => true, "N" => !yOnly, "" => !popFlag, _ => false };
                    if (!ok)
                    {
                        c.Report(d, f, r, s, $"{f} is '{s}'; allowed: {(yOnly ? "Y or null" : popFlag ? "Y or N" : "Y, N or null")}.");
                    }

                    if (d.Has(fn) && d.Num(r, fn) is { } n && ((s == "Y" && n != 1) || (s == "N" && n != 0)))
                    {
                        c.Report(d, fn, r, d.Text(r, fn), $"{fn} {n} disagrees with {f} '{s}'.");
                    }
                }
            }
        }
    }

    public static void TreatmentDates(RuleContext c)
    {
        var adsl = c.Package.Find("ADSL");
        if (adsl is null)
        {
            return;
        }

        c.Applicable = true;
        if (c.Package.Domain("EX").Any(d => !d.IsAdam))
        {
            foreach (var v in new[] { "TRTSDT", "TRTEDT" }.Where(v => !adsl.Has(v) && !adsl.Has(v + "M")))
            {
                c.Report(adsl, v, null, null, $"EX exists but ADSL has no {v}/{v}M.");
            }
        }

        foreach (var s in adsl.Variables.Select(v => v.Name).Where(n => n.StartsWith("TR", StringComparison.Ordinal) && n.EndsWith("SDT", StringComparison.Ordinal)))
        {
            var e = s[..^3] + "EDT";
            if (!adsl.Has(e))
            {
                continue;
            }

            for (var r = 0; r < adsl.RowCount; r++)
            {
                if (adsl.Num(r, s) is { } a && adsl.Num(r, e) is { } b && a > b)
                {
                    c.Report(adsl, e, r, adsl.Text(r, e), $"{s} is after {e}.");
                }
            }
        }
    }

    public static void DateNumeric(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            foreach (var v in d.Variables.Where(v => v.Name.EndsWith("DT", StringComparison.Ordinal) || v.Name.EndsWith("DTM", StringComparison.Ordinal) || (v.Name.EndsWith("TM", StringComparison.Ordinal) && v.Name.Length > 3)))
            {
                if (v.Name.EndsWith("ELTM", StringComparison.Ordinal))
                {
                    continue;
                }

                if (v.Type != XptVariableType.Numeric)
                {
                    c.Report(d, v.Name, null, "Char", $"{v.Name} must be numeric (SAS date/time).");
                }
                else if (v.Format.Length == 0)
                {
                    c.Report(d, v.Name, null, null, $"{v.Name} has no SAS date/time display format in the XPT header.");
                }
            }
        }
    }

    public static void RelativeDay(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            foreach (var v in d.Variables.Where(v => v.Name.EndsWith("DY", StringComparison.Ordinal) && v.Type == XptVariableType.Numeric))
            {
                c.Applicable = true;
                var end = v.Name.EndsWith("SDY", StringComparison.Ordinal) ? v.Name[..^3] + "EDY" : null;
                for (var r = 0; r < d.RowCount; r++)
                {
                    if (d.Num(r, v.Name) == 0)
                    {
                        c.Report(d, v.Name, r, "0", $"{v.Name} is 0; relative days skip day 0.");
                    }

                    if (end is not null && d.Has(end) && d.Num(r, v.Name) is { } a && d.Num(r, end) is { } b && a > b)
                    {
                        c.Report(d, end, r, d.Text(r, end), $"{v.Name} {a} is after {end} {b}.");
                    }
                }
            }
        }
    }

    /// <summary>params: dataset, label.</summary>
    public static void DatasetLabel(RuleContext c)
    {
        foreach (var d in c.Package.Datasets.Where(d => d.Name == c.Param("dataset")))
        {
            c.Applicable = true;
            if (d.Label != c.Param("label"))
            {
                c.Report(d, null, null, d.Label, $"{d.Name} label is '{d.Label}'; it must be '{c.Param("label")}'.");
            }
        }
    }

    /// <summary>params: group (PARAMCD), pairs (AVALC:AVAL): 1:1 within each group.</summary>
    public static void ValuePerGroup(RuleContext c) => ValueOps.OneToOne(c);

    /// <summary>params: any (variables or prefixes ending in '*'): at least one present.</summary>
    public static void VariableAny(RuleContext c)
    {
        var any = c.List("any");
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            var ok = d.Variables.Any(v => any.Any(a => a.Contains('*', StringComparison.Ordinal)
                ? StructureOps.NamePattern(a.Replace("*", "xx", StringComparison.Ordinal)).IsMatch(v.Name)
                : a == v.Name));
            if (!ok)
            {
                c.Report(d, null, null, null, $"{d.Name} has none of {string.Join(", ", any)}.");
            }
        }
    }

    internal static bool Complete(string s) => PartialDateTime.TryParse(s, out var p) && p.IsCompleteDate;
}
