using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Dates;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Operations;

/// <summary>Identifier and key operations.</summary>
internal static class KeyOps
{
    /// <summary>The rows the <c>where</c> parameter (VAR=value) selects, as a flag per code of VAR; null selects every row.</summary>
    private static (EncodedColumn Column, bool[] Selected)? Where(RuleContext c, DatasetData d)
    {
        var w = c.Param("where");
        if (w.Length == 0)
        {
            return null;
        }

        var eq = w.Split('=');
        var column = d.ColumnOrNull(d.Var(eq[0]));
        return (column, column.Where(s => s == eq[1]));
    }

    /// <summary>params: keys (A|B|...), where (VAR=value), fullDate (a variable that must be a full date).</summary>
    /// <remarks>Keys are unique across the splits of a domain (SUPPQSCG, SUPPQSCS and SUPPQSMM together, as
    /// <see cref="SplitDatasets"/> groups them); within one dataset rows are compared by row group.</remarks>
    public static void UniqueKeys(RuleContext c)
    {
        foreach (var group in SplitDatasets.Domains(AdamClasses.InScope(c)))
        {
            var split = group.Count() > 1;
            var seenTexts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in group)
            {
                var keys = c.List("keys").Select(d.Var).Where(d.Has).ToList();
                if (keys.Count == 0)
                {
                    continue;
                }

                c.Applicable = true;
                var full = c.Param("fullDate");
                var where = Where(c, d);
                var fullDates = full.Length > 0 && d.Has(full) ? d.Column(full) : null;
                var groups = split ? null : d.GroupsOf(keys);
                var seenGroups = groups is null ? null : new bool[groups.Count];
                for (var r = 0; r < d.RowCount; r++)
                {
                    if (where is { } w && !w.Selected[w.Column.Code(r)])
                    {
                        continue;
                    }

                    bool added;
                    if (seenGroups is not null)
                    {
                        var g = groups!.Groups[r];
                        added = !seenGroups[g];
                        seenGroups[g] = true;
                    }
                    else
                    {
                        added = seenTexts.Add(string.Join("\u0001", keys.Select(k => d.Text(r, k))));
                    }

                    if (!added)
                    {
                        c.Report(d, keys[^1], r, string.Join(", ", keys.Select(k => $"{k}={d.Text(r, k)}")), $"another record has the same {string.Join(", ", keys)}.");
                    }

                    if (fullDates is not null && fullDates.DateOf(fullDates.Code(r)) is not { IsCompleteDate: true })
                    {
                        c.Report(d, full, r, fullDates.Text(r), $"{full} must be at least a full date.");
                    }
                }
            }
        }
    }

    /// <summary>
    /// --SEQ is an integer, unique per subject across the datasets of one domain (split datasets together, the whole
    /// dataset of a domain also shipped split on its own: <see cref="SplitDatasets"/>). Subjects and numbers get ids
    /// shared by those datasets, once per distinct value; rows are then checked on integer pairs.
    /// </summary>
    public static void SeqUnique(RuleContext c)
    {
        // Per --SEQ code: null or not a number, not an integer, or else the id of the number.
        const int NotANumber = -1, NotInteger = -2;
        foreach (var group in SplitDatasets.Domains(AdamClasses.InScope(c).Where(d => !d.IsSupp && !d.IsAdam)))
        {
            var domain = SplitDatasets.NameOf(group);
            var subjects = new Dictionary<string, int>(StringComparer.Ordinal);
            var numbers = new Dictionary<double, int>();
            var checkedDatasets = new List<(DatasetData D, string Seq, int[] SubjectOf, int[] NumberOf)>();
            foreach (var d in group)
            {
                var seq = d.Var("--SEQ");
                if (!d.Has(seq) || !d.Has("USUBJID"))
                {
                    continue;
                }

                c.Applicable = true;
                var seqs = d.Column(seq)!;
                var usubjids = d.Column("USUBJID")!;
                var subjectOf = new int[usubjids.DistinctCount];
                for (var k = 0; k < subjectOf.Length; k++)
                {
                    subjectOf[k] = Id(subjects, usubjids.TextOf(k));
                }

                var numberOf = new int[seqs.DistinctCount];
                for (var k = 0; k < numberOf.Length; k++)
                {
                    numberOf[k] = seqs.NumOf(k) is not { } n ? NotANumber : n != Math.Floor(n) ? NotInteger : Id(numbers, n);
                }

                checkedDatasets.Add((d, seq, subjectOf, numberOf));
            }

            // (subject, number) pairs seen: a bit per possible pair when that is small, as it is for real studies.
            var dense = (long)subjects.Count * numbers.Count <= 1L << 27 ? new System.Collections.BitArray(subjects.Count * numbers.Count) : null;
            var seen = dense is null ? new HashSet<long>() : null;
            foreach (var (d, seq, subjectOf, numberOf) in checkedDatasets)
            {
                var seqs = d.Column(seq)!;
                var usubjids = d.Column("USUBJID")!;
                for (var r = 0; r < d.RowCount; r++)
                {
                    var number = numberOf[seqs.Code(r)];
                    if (number == NotANumber)
                    {
                        continue;
                    }

                    if (number == NotInteger)
                    {
                        c.Report(d, seq, r, seqs.Text(r), $"{seq} {seqs.Text(r)} is not an integer.");
                        continue;
                    }

                    var subject = subjectOf[usubjids.Code(r)];
                    bool added;
                    if (dense is not null)
                    {
                        var bit = (subject * numbers.Count) + number;
                        added = !dense[bit];
                        dense[bit] = true;
                    }
                    else
                    {
                        added = seen!.Add(((long)subject << 32) | (uint)number);
                    }

                    if (!added)
                    {
                        c.Report(d, seq, r, seqs.Text(r), $"{seq} {seqs.Text(r)} is used twice for this subject in {domain}.");
                    }
                }
            }
        }

        static int Id<T>(Dictionary<T, int> ids, T value)
            where T : notnull
        {
            if (!ids.TryGetValue(value, out var id))
            {
                id = ids.Count;
                ids.Add(value, id);
            }

            return id;
        }
    }

    /// <summary>params: variable (STUDYID): one value in every dataset, equal to DM's.</summary>
    public static void SameValue(RuleContext c)
    {
        var v = c.Param("variable", "STUDYID");
        var dm = c.Package.Domain("DM").FirstOrDefault(d => !d.IsAdam && d.RowCount > 0);
        string? expected = dm?.Text(0, v);
        foreach (var d in AdamClasses.InScope(c))
        {
            if (!d.Has(v))
            {
                continue;
            }

            c.Applicable = true;
            var column = d.Column(v)!;
            if (d.RowCount > 0)
            {
                expected ??= column.Text(0);
            }

            var expectedText = expected;
            foreach (var r in column.RowsWhere(column.Where(s => s != expectedText)))
            {
                var s = column.Text(r);
                c.Report(d, v, r, s, $"{v} '{s}' differs from '{expected}' (DM).");
            }
        }
    }

    public static void DomainValue(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c).Where(d => !d.IsSupp && !d.IsAdam))
        {
            if (!d.Has("DOMAIN"))
            {
                continue;
            }

            c.Applicable = true;
            var column = d.Column("DOMAIN")!;
            foreach (var r in column.RowsWhere(column.Where(s => s.Length != 2 || s.Any(ch => ch is < 'A' or > 'Z') || !d.Name.StartsWith(s, StringComparison.Ordinal))))
            {
                var s = column.Text(r);
                c.Report(d, "DOMAIN", r, s, $"DOMAIN '{s}' must be the 2-letter upper-case domain code that starts the dataset name {d.Name}.");
            }
        }
    }

    /// <summary>Records identical in every variable except --SEQ (and <c>ignore</c>).</summary>
    public static void DuplicateRecords(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            var ignore = c.List("ignore").Select(d.Var).Append(d.Var("--SEQ")).ToHashSet(StringComparer.Ordinal);
            var cols = Enumerable.Range(0, d.Variables.Count).Where(i => !ignore.Contains(d.Variables[i].Name)).ToArray();
            var seen = new HashSet<int>(d.RowCount, RowKeyComparer.Create(cols.Select(d.Column).ToList(), d.RowCount));
            for (var r = 0; r < d.RowCount; r++)
            {
                if (!seen.Add(r) && seen.TryGetValue(r, out var first))
                {
                    c.Report(d, null, r, null, $"record {r + 1} duplicates record {first + 1} in every variable except {string.Join(", ", ignore)}.");
                }
            }
        }
    }

    /// <summary>QNAM syntax, QNAMs that are standard parent variables, QLABEL length and one QLABEL per QNAM; each decided
    /// once per distinct value (or RDOMAIN and QNAM pair).</summary>
    /// <remarks>Whether a QNAM is a standard variable of its parent domain depends on the SDTMIG version: that part is
    /// left out for a package judged by a version whose metadata is not shipped (<see cref="IgVersion"/>).</remarks>
    public static void SuppQnam(RuleContext c)
    {
        var noMetadata = IgVersion.MetadataMissingReason(c);
        foreach (var d in AdamClasses.InScope(c).Where(d => d.IsSupp))
        {
            c.Applicable = true;
            var qnams = d.ColumnOrNull("QNAM");
            var labels = d.ColumnOrNull("QLABEL");
            var rdomains = d.ColumnOrNull("RDOMAIN");
            var badName = qnams.Where(q => !System.Text.RegularExpressions.Regex.IsMatch(q, "^[A-Z_][A-Z0-9_]{0,7}$"));
            var standard = new Dictionary<(int RDomain, int Qnam), bool>();
            var firstLabel = new int[qnams.DistinctCount];
            Array.Fill(firstLabel, -1);
            for (var r = 0; r < d.RowCount; r++)
            {
                var q = qnams.Code(r);
                var l = labels.Code(r);
                var rd = rdomains.Code(r);
                if (badName[q])
                {
                    c.Report(d, "QNAM", r, qnams.TextOf(q), $"QNAM '{qnams.TextOf(q)}' must be at most 8 characters A-Z 0-9 _, not starting with a digit.");
                }
                else if (noMetadata is null && IsStandard(rd, q))
                {
                    c.Report(d, "QNAM", r, qnams.TextOf(q), $"QNAM '{qnams.TextOf(q)}' is a standard {rdomains.TextOf(rd)} variable; it belongs in the parent dataset.");
                }

                var label = labels.TextOf(l);
                if (label.Length > 40)
                {
                    c.Report(d, "QLABEL", r, label, $"QLABEL has {label.Length} characters; at most 40.");
                }

                ref var first = ref firstLabel[q];
                if (first >= 0 && first != l)
                {
                    c.Report(d, "QLABEL", r, label, $"QNAM '{qnams.TextOf(q)}' has QLABEL '{label}' here and '{labels.TextOf(first)}' elsewhere.");
                }

                if (first < 0)
                {
                    first = l;
                }
            }

            bool IsStandard(int rd, int q)
            {
                if (!standard.TryGetValue((rd, q), out var found))
                {
                    var rdomain = rdomains.TextOf(rd);
                    found = rdomain.Length == 2 && c.Env.Standards.Sdtmig.FindVariable(rdomain, qnams.TextOf(q)) is not null;
                    standard[(rd, q)] = found;
                }

                return found;
            }
        }

        if (noMetadata is not null && c.Findings.Count == 0 && c.Applicable)
        {
            c.NotExecutable($"QNAM syntax and QLABEL were checked; whether a QNAM is a standard variable was not: {noMetadata}");
        }
    }

    /// <summary>params: variables (A|B).</summary>
    public static void NotNull(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            foreach (var v in c.List("variables").Select(d.Var).Where(d.Has))
            {
                c.Applicable = true;
                var column = d.Column(v)!;
                foreach (var r in column.RowsWhere(column.Where(s => s.Length == 0)))
                {
                    c.Report(d, v, r, null, $"{v} is null.");
                }
            }
        }
    }

    /// <summary>params: target (DM|ADSL), datasets: every USUBJID in scope exists in target.</summary>
    public static void SubjectIn(RuleContext c)
    {
        var target = c.Param("target", "DM");
        var targets = c.Package.Datasets.Where(d => d.Name == target).ToList();
        var scope = AdamClasses.InScope(c).Where(d => d.Name != target && d.Has("USUBJID")).ToList();
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

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in targets)
        {
            var column = t.ColumnOrNull("USUBJID");
            for (var k = 0; k < column.DistinctCount; k++)
            {
                ids.Add(column.TextOf(k));
            }
        }

        foreach (var d in scope)
        {
            var column = d.Column("USUBJID")!;
            foreach (var r in column.RowsWhere(column.Where(u => u.Length > 0 && !ids.Contains(u))))
            {
                var u = column.Text(r);
                c.Report(d, "USUBJID", r, u, $"USUBJID '{u}' is not in {target}.");
            }
        }
    }

    /// <summary>
    /// Each SUPP-- record points at a parent record: RDOMAIN names the parent, IDVAR is one of its variables and
    /// USUBJID with IDVARVAL finds a record. Parent records are indexed once per IDVAR by the codes of USUBJID and
    /// IDVAR; supplemental values are translated to those codes once per distinct value.
    /// </summary>
    public static void SuppParent(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c).Where(d => d.IsSupp))
        {
            c.Applicable = true;
            var parentName = d.Name[4..];
            var parents = c.Package.Datasets.Where(p => !p.IsSupp && !p.IsAdam && p.Name == parentName).ToList();
            if (parents.Count == 0)
            {
                parents = c.Package.Datasets.Where(p => !p.IsSupp && !p.IsAdam && p.Domain == parentName).ToList();
            }

            // RDOMAIN names the parent's domain: SUPPQSCG, the SUPP-- of split QSCG, has RDOMAIN QS (SDTMIG 4.1.7).
            var domains = parents.Select(p => p.Domain).Append(parentName).ToHashSet(StringComparer.Ordinal);
            var rdomains = d.ColumnOrNull("RDOMAIN");
            var idvars = d.ColumnOrNull("IDVAR");
            var idvals = d.ColumnOrNull("IDVARVAL");
            var usubjids = d.ColumnOrNull("USUBJID");
            var index = new List<ParentKeys>?[idvars.DistinctCount];
            for (var r = 0; r < d.RowCount; r++)
            {
                var rdomain = rdomains.Text(r);
                var idvar = idvars.Text(r);
                var idval = idvals.Text(r);
                if (!domains.Contains(rdomain))
                {
                    c.Report(d, "RDOMAIN", r, rdomain, $"RDOMAIN '{rdomain}' does not match the dataset name {d.Name}.");
                    continue;
                }

                if (parents.Count == 0)
                {
                    c.Report(d, "RDOMAIN", r, rdomain, $"no parent dataset {parentName} for {d.Name}.");
                    continue;
                }

                if (rdomain == "DM" && parentName == "DM")
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

                var keys = index[idvars.Code(r)] ??= parents.Where(p => p.Has(idvar)).Select(p => new ParentKeys(p, idvar, usubjids, idvals)).ToList();
                if (keys.Count == 0)
                {
                    c.Report(d, "IDVAR", r, idvar, $"IDVAR '{idvar}' is not a variable of {parentName}.");
                    continue;
                }

                var found = false;
                foreach (var k in keys)
                {
                    found |= k.Contains(usubjids.Code(r), idvals.Code(r));
                }

                if (!found)
                {
                    c.Report(d, "IDVARVAL", r, idval, $"no {parentName} record with {idvar}={idval} for this subject.");
                }
            }
        }
    }

    /// <summary>The (USUBJID, IDVAR value) pairs of one parent dataset, looked up by the codes of a SUPP-- dataset.</summary>
    private sealed class ParentKeys
    {
        private readonly HashSet<long> pairs = [];
        private readonly int[] subjectCodes;
        private readonly int[] valueCodes;

        public ParentKeys(DatasetData parent, string idvar, EncodedColumn suppUsubjids, EncodedColumn suppIdvals)
        {
            var usubjids = parent.ColumnOrNull("USUBJID");
            var values = parent.Column(idvar)!;
            for (var i = 0; i < parent.RowCount; i++)
            {
                pairs.Add(((long)usubjids.Code(i) << 32) | (uint)values.Code(i));
            }

            subjectCodes = suppUsubjids.CodesIn(usubjids);
            valueCodes = values.Variable.Type == XptVariableType.Numeric ? NumberCodes(suppIdvals, values) : suppIdvals.CodesIn(values);
        }

        /// <summary>
        /// For each IDVARVAL code, the code of the same number in a numeric parent variable (IDVARVAL "1.0" or " 1"
        /// finds --SEQ 1), or -1.
        /// </summary>
        private static int[] NumberCodes(EncodedColumn idvals, EncodedColumn numbers)
        {
            var byNumber = new Dictionary<double, int>();
            for (var k = 0; k < numbers.DistinctCount; k++)
            {
                if (numbers.NumOf(k) is { } n)
                {
                    byNumber.TryAdd(n, k);
                }
            }

            var map = new int[idvals.DistinctCount];
            for (var k = 0; k < map.Length; k++)
            {
                map[k] = -1;
                if (!NumericText.TryParse(idvals.TextOf(k), out var x))
                {
                    continue;
                }

                if (byNumber.TryGetValue(x, out var code))
                {
                    map[k] = code;
                    continue;
                }

                foreach (var (n, c) in byNumber)
                {
                    if (NumericText.Same(n, x))
                    {
                        map[k] = c;
                        break;
                    }
                }
            }

            return map;
        }

        public bool Contains(int suppUsubjid, int suppIdval)
        {
            var u = subjectCodes[suppUsubjid];
            var v = valueCodes[suppIdval];
            return u >= 0 && v >= 0 && pairs.Contains(((long)u << 32) | (uint)v);
        }
    }
}
