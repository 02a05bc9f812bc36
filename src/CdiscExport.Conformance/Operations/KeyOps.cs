using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Dates;

namespace CdiscExport.Conformance.Operations;

/// <summary>Identifier and key operations.</summary>
internal static class KeyOps
{
    private static bool Where(RuleContext c, DatasetData d, int r)
    {
        var w = c.Param("where");
        if (w.Length == 0)
        {
            return true;
        }

        var eq = w.Split('=');
        return d.Text(r, d.Var(eq[0])) == eq[1];
    }

    /// <summary>params: keys (A|B|...), where (VAR=value), fullDate (a variable that must be a full date).</summary>
    public static void UniqueKeys(RuleContext c)
    {
        foreach (var group in c.InScope().GroupBy(d => d.IsSupp ? d.Name : d.Domain))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in group)
            {
                var keys = c.List("keys").Select(d.Var).Where(d.Has).ToList();
                if (keys.Count == 0)
                {
                    continue;
                }

                c.Applicable = true;
                var full = c.Param("fullDate");
                for (var r = 0; r < d.RowCount; r++)
                {
                    if (!Where(c, d, r))
                    {
                        continue;
                    }

                    var key = string.Join("\u0001", keys.Select(k => d.Text(r, k)));
                    if (!seen.Add(key))
                    {
                        c.Report(d, keys[^1], r, string.Join(", ", keys.Select(k => $"{k}={d.Text(r, k)}")), $"another record has the same {string.Join(", ", keys)}.");
                    }

                    if (full.Length > 0 && d.Has(full) && !(PartialDateTime.TryParse(d.Text(r, full), out var p) && p.IsCompleteDate))
                    {
                        c.Report(d, full, r, d.Text(r, full), $"{full} must be at least a full date.");
                    }
                }
            }
        }
    }

    public static void SeqUnique(RuleContext c)
    {
        foreach (var group in c.InScope().Where(d => !d.IsSupp && !d.IsAdam).GroupBy(d => (d.Domain, Path.GetDirectoryName(d.FilePath))))
        {
            var seen = new HashSet<(string, double)>();
            foreach (var d in group)
            {
                var seq = d.Var("--SEQ");
                if (!d.Has(seq) || !d.Has("USUBJID"))
                {
                    continue;
                }

                c.Applicable = true;
                for (var r = 0; r < d.RowCount; r++)
                {
                    if (d.Num(r, seq) is not { } n)
                    {
                        continue;
                    }

                    if (n != Math.Floor(n))
                    {
                        c.Report(d, seq, r, d.Text(r, seq), $"{seq} {d.Text(r, seq)} is not an integer.");
                    }
                    else if (!seen.Add((d.Text(r, "USUBJID"), n)))
                    {
                        c.Report(d, seq, r, d.Text(r, seq), $"{seq} {d.Text(r, seq)} is used twice for this subject in {group.Key.Domain}.");
                    }
                }
            }
        }
    }

    /// <summary>params: variable (STUDYID): one value in every dataset, equal to DM's.</summary>
    public static void SameValue(RuleContext c)
    {
        var v = c.Param("variable", "STUDYID");
        var dm = c.Package.Domain("DM").FirstOrDefault(d => !d.IsAdam && d.RowCount > 0);
        string? expected = dm?.Text(0, v);
        foreach (var d in c.InScope())
        {
            if (!d.Has(v))
            {
                continue;
            }

            c.Applicable = true;
            for (var r = 0; r < d.RowCount; r++)
            {
                var s = d.Text(r, v);
                expected ??= s;
                if (s != expected)
                {
                    c.Report(d, v, r, s, $"{v} '{s}' differs from '{expected}' (DM).");
                }
            }
        }
    }

    public static void DomainValue(RuleContext c)
    {
        foreach (var d in c.InScope().Where(d => !d.IsSupp && !d.IsAdam))
        {
            if (!d.Has("DOMAIN"))
            {
                continue;
            }

            c.Applicable = true;
            for (var r = 0; r < d.RowCount; r++)
            {
                var s = d.Text(r, "DOMAIN");
                if (s.Length != 2 || s.Any(ch => ch is < 'A' or > 'Z') || !d.Name.StartsWith(s, StringComparison.Ordinal))
                {
                    c.Report(d, "DOMAIN", r, s, $"DOMAIN '{s}' must be the 2-letter upper-case domain code that starts the dataset name {d.Name}.");
                }
            }
        }
    }

    /// <summary>Records identical in every variable except --SEQ (and <c>ignore</c>).</summary>
    public static void DuplicateRecords(RuleContext c)
    {
        foreach (var d in c.InScope())
        {
            c.Applicable = true;
            var ignore = c.List("ignore").Select(d.Var).Append(d.Var("--SEQ")).ToHashSet(StringComparer.Ordinal);
            var cols = Enumerable.Range(0, d.Variables.Count).Where(i => !ignore.Contains(d.Variables[i].Name)).ToArray();
            var seen = new HashSet<int>(d.RowCount, new RowKeyComparer(cols.Select(d.Column).ToList()));
            for (var r = 0; r < d.RowCount; r++)
            {
                if (!seen.Add(r) && seen.TryGetValue(r, out var first))
                {
                    c.Report(d, null, r, null, $"record {r + 1} duplicates record {first + 1} in every variable except {string.Join(", ", ignore)}.");
                }
            }
        }
    }

    public static void SuppQnam(RuleContext c)
    {
        foreach (var d in c.InScope().Where(d => d.IsSupp))
        {
            c.Applicable = true;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var r = 0; r < d.RowCount; r++)
            {
                var q = d.Text(r, "QNAM");
                var l = d.Text(r, "QLABEL");
                var rdomain = d.Text(r, "RDOMAIN");
                if (!System.Text.RegularExpressions.Regex.IsMatch(q, "^[A-Z_][A-Z0-9_]{0,7}$"))
                {
                    c.Report(d, "QNAM", r, q, $"QNAM '{q}' must be at most 8 characters A-Z 0-9 _, not starting with a digit.");
                }
                else if (rdomain.Length == 2 && c.Env.Standards.Sdtmig.FindVariable(rdomain, q) is not null)
                {
                    c.Report(d, "QNAM", r, q, $"QNAM '{q}' is a standard {rdomain} variable; it belongs in the parent dataset.");
                }

                if (l.Length > 40)
                {
                    c.Report(d, "QLABEL", r, l, $"QLABEL has {l.Length} characters; at most 40.");
                }

                if (labels.TryGetValue(q, out var first) && first != l)
                {
                    c.Report(d, "QLABEL", r, l, $"QNAM '{q}' has QLABEL '{l}' here and '{first}' elsewhere.");
                }

                labels.TryAdd(q, l);
            }
        }
    }

    /// <summary>params: variables (A|B).</summary>
    public static void NotNull(RuleContext c)
    {
        foreach (var d in c.InScope())
        {
            foreach (var v in c.List("variables").Select(d.Var).Where(d.Has))
            {
                c.Applicable = true;
                for (var r = 0; r < d.RowCount; r++)
                {
                    if (d.Text(r, v).Length == 0)
                    {
                        c.Report(d, v, r, null, $"{v} is null.");
                    }
                }
            }
        }
    }

    /// <summary>params: target (DM|ADSL), datasets: every USUBJID in scope exists in target.</summary>
    public static void SubjectIn(RuleContext c)
    {
        var target = c.Param("target", "DM");
        var targets = c.Package.Datasets.Where(d => d.Name == target).ToList();
        var scope = c.InScope().Where(d => d.Name != target && d.Has("USUBJID")).ToList();
        if (scope.Count == 0)
        {
            return;
        }

        c.Applicable = true;
        if (targets.Count == 0)
        {
            if (c.Param("missingTarget") == "not_executable")
            {
                c.NotExecutable($"no {target} dataset was supplied to check subjects against");
                return;
            }

            c.Report(null, "USUBJID", null, target, $"no {target} dataset to check subjects against.");
            return;
        }

        var ids = targets.SelectMany(t => Enumerable.Range(0, t.RowCount).Select(r => t.Text(r, "USUBJID"))).ToHashSet(StringComparer.Ordinal);
        foreach (var d in scope)
        {
            for (var r = 0; r < d.RowCount; r++)
            {
                var u = d.Text(r, "USUBJID");
                if (u.Length > 0 && !ids.Contains(u))
                {
                    c.Report(d, "USUBJID", r, u, $"USUBJID '{u}' is not in {target}.");
                }
            }
        }
    }

    public static void SuppParent(RuleContext c)
    {
        foreach (var d in c.InScope().Where(d => d.IsSupp))
        {
            c.Applicable = true;
            var parentName = d.Name[4..];
            var parents = c.Package.Datasets.Where(p => !p.IsSupp && (p.Domain == parentName || p.Name == parentName)).ToList();
            var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            for (var r = 0; r < d.RowCount; r++)
            {
                var rdomain = d.Text(r, "RDOMAIN");
                var idvar = d.Text(r, "IDVAR");
                var idval = d.Text(r, "IDVARVAL");
                if (rdomain != parentName)
                {
                    c.Report(d, "RDOMAIN", r, rdomain, $"RDOMAIN '{rdomain}' does not match the dataset name {d.Name}.");
                    continue;
                }

                if (parents.Count == 0)
                {
                    c.Report(d, "RDOMAIN", r, rdomain, $"no parent dataset {parentName} for {d.Name}.");
                    continue;
                }

                if (rdomain == "DM")
                {
                    if (idvar.Length > 0 || idval.Length > 0)
                    {
                        c.Report(d, "IDVAR", r, idvar, "IDVAR and IDVARVAL must be null when RDOMAIN is DM.");
                    }

                    continue;
                }

                if (idvar.Length == 0)
                {
                    continue;
                }

                if (!parents.Any(p => p.Has(idvar)))
                {
                    c.Report(d, "IDVAR", r, idvar, $"IDVAR '{idvar}' is not a variable of {parentName}.");
                    continue;
                }

                if (!index.TryGetValue(idvar, out var keys))
                {
                    keys = parents.Where(p => p.Has(idvar)).SelectMany(p => Enumerable.Range(0, p.RowCount).Select(i => p.Text(i, "USUBJID") + "\u0001" + p.Text(i, idvar))).ToHashSet(StringComparer.Ordinal);
                    index[idvar] = keys;
                }

                if (!keys.Contains(d.Text(r, "USUBJID") + "\u0001" + idval))
                {
                    c.Report(d, "IDVARVAL", r, idval, $"no {parentName} record with {idvar}={idval} for this subject.");
                }
            }
        }
    }
}
