using System.Globalization;
using CdiscExport.Conformance.Engine;

namespace CdiscExport.Conformance.Operations;

/// <summary>Record-level and cross-domain consistency operations.</summary>
internal static class ConsistencyOps
{
    /// <summary>
    /// Record rules given as data. params: checks, separated by '|', each one of
    /// <c>A=&gt;B</c> (A populated implies B populated), <c>A&lt;=&gt;B</c> (both or neither), <c>A^B</c> (not both),
    /// <c>A&gt;=0</c>, <c>A&gt;0</c> (numeric), <c>A=v=&gt;B=w</c> (A equal v implies B equal w).
    /// </summary>
    public static void Conditional(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            foreach (var check in c.List("checks"))
            {
                if (check.Contains("<=>", StringComparison.Ordinal))
                {
                    var p = check.Split("<=>");
                    var (a, b) = (d.Var(p[0]), d.Var(p[1]));
                    if (!d.Has(a) && !d.Has(b))
                    {
                        continue;
                    }

                    c.Applicable = true;
                    var (xs, ys) = (d.ColumnOrNull(a), d.ColumnOrNull(b));
                    for (var r = 0; r < d.RowCount; r++)
                    {
                        var (ha, hb) = (!xs.IsNull(r), !ys.IsNull(r));
                        if (ha != hb)
                        {
                            c.Report(d, ha ? b : a, r, ha ? xs.Text(r) : ys.Text(r), $"{(ha ? a : b)} is populated but {(ha ? b : a)} is null; both or neither.");
                        }
                    }
                }
                else if (check.Contains("=>", StringComparison.Ordinal))
                {
                    var p = check.Split("=>");
                    var (lhs, rhs) = (p[0], p[1]);
                    var lEq = lhs.Split('=');
                    var rEq = rhs.Split('=');
                    var a = d.Var(lEq[0]);
                    var b = d.Var(rEq[0]);
                    if (!d.Has(a))
                    {
                        continue;
                    }

                    c.Applicable = true;
                    var (xs, ys) = (d.Column(a)!, d.ColumnOrNull(b));
                    var fireOn = xs.Where(va => lEq.Length > 1 ? lEq[1].Split(',').Contains(va) : va.Length > 0);
                    var okOn = ys.Where(vb => rEq.Length > 1 ? rEq[1].Split(',').Contains(vb) : vb.Length > 0);
                    for (var r = 0; r < d.RowCount; r++)
                    {
                        if (!fireOn[xs.Code(r)] || okOn[ys.Code(r)])
                        {
                            continue;
                        }

                        var (va, vb) = (xs.Text(r), ys.Text(r));
                        c.Report(d, b, r, vb, $"{a} is '{va}' so {b} must be {(rEq.Length > 1 ? "'" + rEq[1] + "'" : "populated")}.");
                    }
                }
                else if (check.Contains('^', StringComparison.Ordinal))
                {
                    var p = check.Split('^');
                    var (a, b) = (d.Var(p[0]), d.Var(p[1]));
                    if (!d.Has(a) || !d.Has(b))
                    {
                        continue;
                    }

                    c.Applicable = true;
                    var (xs, ys) = (d.Column(a)!, d.Column(b)!);
                    for (var r = 0; r < d.RowCount; r++)
                    {
                        if (!xs.IsNull(r) && !ys.IsNull(r))
                        {
                            c.Report(d, b, r, ys.Text(r), $"{a} and {b} are both populated; they are mutually exclusive.");
                        }
                    }
                }
                else if (check.Contains(">=", StringComparison.Ordinal) || check.Contains('>', StringComparison.Ordinal))
                {
                    var strict = !check.Contains(">=", StringComparison.Ordinal);
                    var p = check.Split(strict ? ">" : ">=");
                    var a = d.Var(p[0]);
                    var limit = double.Parse(p[1], CultureInfo.InvariantCulture);
                    if (!d.Has(a))
                    {
                        continue;
                    }

                    c.Applicable = true;
                    var xs = d.Column(a)!;
                    var below = new bool[xs.DistinctCount];
                    for (var k = 0; k < below.Length; k++)
                    {
                        below[k] = xs.NumOf(k) is { } n && (strict ? n <= limit : n < limit);
                    }

                    foreach (var r in xs.RowsWhere(below))
                    {
                        c.Report(d, a, r, xs.Text(r), $"{a} is {xs.Text(r)}; it must be {(strict ? ">" : ">=")} {p[1]}.");
                    }
                }
            }
        }
    }

    public static void ExVsArm(RuleContext c)
    {
        var ex = c.Package.Domain("EX").Where(d => !d.IsAdam).SelectMany(d => Enumerable.Range(0, d.RowCount).Select(r => d.Text(r, "USUBJID"))).ToHashSet(StringComparer.Ordinal);
        var notTreated = c.List("notTreated", "SCRNFAIL|NOTASSGN|NOTTRT").ToHashSet(StringComparer.Ordinal);
        foreach (var dm in c.Package.Domain("DM").Where(d => !d.IsAdam))
        {
            if (!c.Package.Domain("EX").Any(d => !d.IsAdam))
            {
                continue;
            }

            c.Applicable = true;
            for (var r = 0; r < dm.RowCount; r++)
            {
                var u = dm.Text(r, "USUBJID");
                var arm = dm.Text(r, "ARMCD");
                var act = dm.Text(r, "ACTARMCD");
                var treated = arm.Length > 0 && !notTreated.Contains(arm) && !notTreated.Contains(act);
                if (treated && !ex.Contains(u))
                {
                    c.Report(dm, "ACTARMCD", r, act, "subject is randomized and treated but has no EX record.");
                }
                else if (!treated && ex.Contains(u))
                {
                    c.Report(dm, "ARMCD", r, arm, $"subject with ARMCD/ACTARMCD {arm}/{act} has EX records.");
                }
            }
        }
    }

    public static void Death(RuleContext c)
    {
        var fatal = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ae in c.Package.Domain("AE").Where(d => !d.IsAdam))
        {
            c.Applicable = true;
            for (var r = 0; r < ae.RowCount; r++)
            {
                var isFatal = ae.Text(r, "AEOUT") == "FATAL";
                var sdth = ae.Text(r, "AESDTH");
                if (isFatal || sdth == "Y")
                {
                    fatal.Add(ae.Text(r, "USUBJID"));
                }

                if (ae.Has("AESDTH") && isFatal != (sdth == "Y"))
                {
                    c.Report(ae, "AESDTH", r, sdth, $"AESDTH is '{sdth}' while AEOUT is '{ae.Text(r, "AEOUT")}'; AESDTH='Y' iff AEOUT='FATAL'.");
                }
            }
        }

        foreach (var dm in c.Package.Domain("DM").Where(d => !d.IsAdam))
        {
            c.Applicable = true;
            for (var r = 0; r < dm.RowCount; r++)
            {
                var fl = dm.Text(r, "DTHFL");
                var dtc = dm.Text(r, "DTHDTC");
                if (dm.Has("DTHDTC") && (fl == "Y") != (dtc.Length > 0))
                {
                    c.Report(dm, "DTHFL", r, fl, $"DTHFL is '{fl}' while DTHDTC is '{dtc}'; DTHFL='Y' iff DTHDTC is populated.");
                }
                else if (fl != "Y" && fatal.Contains(dm.Text(r, "USUBJID")))
                {
                    c.Report(dm, "DTHFL", r, fl, "subject has a fatal AE but DTHFL is not 'Y'.");
                }
            }
        }
    }

    public static void AeSerious(RuleContext c)
    {
        var criteria = c.List("criteria", "AESCAN|AESCONG|AESDISAB|AESDTH|AESHOSP|AESLIFE|AESMIE|AESOD");
        foreach (var ae in c.Package.Domain("AE").Where(d => !d.IsAdam && d.Has("AESER")))
        {
            c.Applicable = true;
            var present = criteria.Where(ae.Has).ToList();
            for (var r = 0; r < ae.RowCount; r++)
            {
                var any = present.FirstOrDefault(x => ae.Text(r, x) == "Y");
                var ser = ae.Text(r, "AESER");
                if (any is not null && ser != "Y")
                {
                    c.Report(ae, "AESER", r, ser, $"{any}='Y' but AESER is '{ser}'.");
                }
                else if (any is null && ser == "Y" && present.Count > 0)
                {
                    c.Report(ae, "AESER", r, ser, "AESER='Y' but no seriousness criterion is 'Y'.");
                }
            }
        }
    }

    /// <summary>
    /// params: parent (AE), qnam (AETRTEM), variable (AETRTEMFL): each parent record carries the flag, in the parent
    /// or as a SUPP-- qualifier. When no record carries it (no SUPPAE, or no AETRTEM in it) that is one finding for
    /// the dataset, with the count of records, not one per record.
    /// </summary>
    public static void SuppFlagPresent(RuleContext c)
    {
        var parent = c.Param("parent", "AE");
        var qnam = c.Param("qnam", "AETRTEM");
        foreach (var ae in c.Package.Domain(parent).Where(d => !d.IsAdam && !d.IsSupp))
        {
            c.Applicable = true;
            var flag = c.Param("variable");
            var supp = c.Package.Find("SUPP" + parent);
            var have = new HashSet<string>(StringComparer.Ordinal);
            if (supp is not null)
            {
                for (var r = 0; r < supp.RowCount; r++)
                {
                    if (supp.Text(r, "QNAM") == qnam)
                    {
                        have.Add(supp.Text(r, "USUBJID") + "\u0001" + supp.Text(r, "IDVARVAL"));
                    }
                }
            }

            var missing = new List<int>();
            for (var r = 0; r < ae.RowCount; r++)
            {
                var seq = ae.Text(r, ae.Var("--SEQ"));
                if (!have.Contains(ae.Text(r, "USUBJID") + "\u0001" + seq) && !(flag.Length > 0 && ae.Text(r, flag).Length > 0))
                {
                    missing.Add(r);
                }
            }

            if (missing.Count > 1 && missing.Count == ae.RowCount)
            {
                var where = supp is null ? $"there is no SUPP{parent}" : $"SUPP{parent} has no {qnam} qualifier";
                var inParent = flag.Length > 0 ? $" and {flag} is not populated" : "";
                c.Report(ae, flag.Length > 0 ? flag : ae.Var("--SEQ"), null, null, $"{where}{inParent}: none of the {ae.RowCount} records carries the {qnam} flag.");
                continue;
            }

            foreach (var r in missing)
            {
                var seq = ae.Text(r, ae.Var("--SEQ"));
                c.Report(ae, ae.Var("--SEQ"), r, seq, $"no SUPP{parent} {qnam} qualifier for this record.");
            }
        }
    }

    public static void LinkToTr(RuleContext c)
    {
        var tr = c.Package.Domain("TR");
        foreach (var rs in c.Package.Domain("RS").Where(d => !d.IsAdam))
        {
            c.Applicable = true;
            var links = new[] { "RSLNKID", "RSLNKGRP" }.Where(rs.Has).ToList();
            var used = links.SelectMany(l => Enumerable.Range(0, rs.RowCount).Where(r => rs.Text(r, l).Length > 0).Select(r => (l, r))).ToList();
            if (used.Count == 0)
            {
                continue;
            }

            if (tr.Count == 0)
            {
                c.NotExecutable("RS carries RSLNKID/RSLNKGRP but no TR dataset is in the package to check them against");
                return;
            }

            var have = tr.SelectMany(t => Enumerable.Range(0, t.RowCount).SelectMany(r => new[] { t.Text(r, "USUBJID") + "\u0001" + t.Text(r, "TRLNKID"), t.Text(r, "USUBJID") + "\u0001" + t.Text(r, "TRLNKGRP") })).ToHashSet(StringComparer.Ordinal);
            foreach (var (l, r) in used)
            {
                if (!have.Contains(rs.Text(r, "USUBJID") + "\u0001" + rs.Text(r, l)))
                {
                    c.Report(rs, l, r, rs.Text(r, l), $"{l} '{rs.Text(r, l)}' has no matching TR record for this subject.");
                }
            }
        }
    }

    private static bool IsNumeric(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// Numeric results carry units, and each test (with specimen, method and category) has one standard unit.
    /// Whether a value is numeric or a test unitless is decided once per distinct value; units are compared by code
    /// within row groups of the test keys.
    /// </summary>
    public static void LabUnits(RuleContext c)
    {
        var unitless = c.List("unitless", "PH|SPGRAV").ToHashSet(StringComparer.Ordinal);
        foreach (var lb in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            var tests = lb.ColumnOrNull("LBTESTCD");
            var orres = lb.ColumnOrNull("LBORRES");
            var stresc = lb.ColumnOrNull("LBSTRESC");
            var orresu = lb.Has("LBORRESU") ? lb.Column("LBORRESU") : null;
            var stresu = lb.ColumnOrNull("LBSTRESU");
            var hasStresu = lb.Has("LBSTRESU");
            var isUnitless = tests.Where(unitless.Contains);
            var orresNumeric = orres.Where(IsNumeric);
            var strescNumeric = stresc.Where(IsNumeric);
            var groups = lb.GroupsOf(["LBTESTCD", "LBSPEC", "LBMETHOD", "LBCAT"]);
            var groupOf = groups.Groups;
            var firstUnit = new int[groups.Count];
            Array.Fill(firstUnit, -1);
            for (var r = 0; r < lb.RowCount; r++)
            {
                if (isUnitless[tests.Code(r)])
                {
                    continue;
                }

                if (orresNumeric[orres.Code(r)] && orresu is not null && orresu.IsNull(r))
                {
                    c.Report(lb, "LBORRESU", r, orres.Text(r), $"numeric LBORRES for {tests.Text(r)} without LBORRESU.");
                }

                var su = stresu.Code(r);
                if (strescNumeric[stresc.Code(r)] && hasStresu && su == EncodedColumn.NullCode)
                {
                    c.Report(lb, "LBSTRESU", r, stresc.Text(r), $"numeric LBSTRESC for {tests.Text(r)} without LBSTRESU.");
                }

                if (su != EncodedColumn.NullCode)
                {
                    ref var first = ref firstUnit[groupOf[r]];
                    if (first >= 0 && first != su)
                    {
                        c.Report(lb, "LBSTRESU", r, stresu.TextOf(su), $"{tests.Text(r)} has LBSTRESU '{stresu.TextOf(su)}' here and '{stresu.TextOf(first)}' elsewhere.");
                    }

                    if (first < 0)
                    {
                        first = su;
                    }
                }
            }
        }
    }

    /// <summary>Standardized results follow the original ones: --STRESC populated with --ORRES, --STRESN equal to a numeric
    /// --STRESC, --STNRLO not above --STNRHI. Numbers are parsed once per distinct value.</summary>
    public static void LabStandard(RuleContext c)
    {
        foreach (var lb in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            var p = lb.Domain[..2];
            var orres = lb.ColumnOrNull(p + "ORRES");
            var stresc = lb.ColumnOrNull(p + "STRESC");
            var stresn = lb.ColumnOrNull(p + "STRESN");
            var lows = lb.ColumnOrNull(p + "STNRLO");
            var highs = lb.ColumnOrNull(p + "STNRHI");
            var hasStresc = lb.Has(p + "STRESC");
            var hasStresn = lb.Has(p + "STRESN");
            for (var r = 0; r < lb.RowCount; r++)
            {
                if (!orres.IsNull(r) && stresc.IsNull(r) && hasStresc)
                {
                    c.Report(lb, p + "STRESC", r, orres.Text(r), $"{p}ORRES is populated but {p}STRESC is null.");
                }

                if (hasStresn)
                {
                    var n = stresn.Num(r);
                    if (stresc.Num(r) is { } v)
                    {
                        if (n is null || Math.Abs(n.Value - v) > 1e-9 * Math.Max(1, Math.Abs(v)))
                        {
                            c.Report(lb, p + "STRESN", r, stresn.Text(r), $"{p}STRESC '{stresc.Text(r)}' is numeric but {p}STRESN is '{stresn.Text(r)}'.");
                        }
                    }
                    else if (n is not null)
                    {
                        c.Report(lb, p + "STRESN", r, stresn.Text(r), $"{p}STRESC '{stresc.Text(r)}' is not numeric but {p}STRESN is populated.");
                    }
                }

                if (lows.Num(r) is { } lo && highs.Num(r) is { } hi && hi < lo)
                {
                    c.Report(lb, p + "STNRHI", r, highs.Text(r), $"{p}STNRHI {hi} is below {p}STNRLO {lo}.");
                }
            }
        }
    }

    public static void BaselineFlag(RuleContext c)
    {
        foreach (var lb in AdamClasses.InScope(c))
        {
            var flag = new[] { lb.Var("--LOBXFL"), lb.Var("--BLFL") }.FirstOrDefault(lb.Has);
            if (flag is null)
            {
                continue;
            }

            c.Applicable = true;
            var keys = c.List("keys", "USUBJID|--TESTCD|--CAT|--SPEC|--METHOD|--TPT").Select(lb.Var).Where(lb.Has).ToList();
            var flags = lb.Column(flag)!;
            var yes = flags.CodeOf("Y");
            if (yes < 0)
            {
                continue;
            }

            var groups = lb.GroupsOf(keys);
            var groupOf = groups.Groups;
            var seen = new bool[groups.Count];
            for (var r = 0; r < lb.RowCount; r++)
            {
                if (flags.Code(r) != yes)
                {
                    continue;
                }

                if (!seen[groupOf[r]])
                {
                    seen[groupOf[r]] = true;
                }
                else
                {
                    c.Report(lb, flag, r, "Y", $"more than one {flag}='Y' for this subject and {string.Join("/", keys.Skip(1))}.");
                }
            }
        }
    }
}
