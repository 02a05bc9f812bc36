using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation;

/// <summary>
/// A rule's <c>Match Datasets</c>: other datasets joined to the frame before the check, as CORE's preprocessor
/// joins them. A plain join is pandas' merge (inner unless said otherwise; null keys match null keys; a column both
/// sides hold keeps the frame's name, the other's gets <c>.NAME</c>; a column the rule reads as <c>NAME.X</c> is
/// named so). SUPP-- datasets are pivoted (one column per QNAM) and joined on IDVAR's variable; a child dataset
/// (SUPP--, CO, RELREC) finds its parent record through IDVAR/IDVARVAL.
/// </summary>
internal static class Joins
{
    public static Frame Apply(CheckContext c, RuleDefinition rule)
    {
        // Many rules join the same datasets the same way (every domain to DM by USUBJID): the join is made once per
        // study and shared (frames are never changed once built).
        var referencedKey = string.Join(",", rule.Check.Tests().SelectMany(t => new[] { t.Name, t.Param("value") as string }).OfType<string>()
            .Where(n => n.Contains('.', StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal));
        var key = c.Dataset.UnsplitName + "|" + string.Join(";", rule.MatchDatasets.Select(m =>
            $"{m.Name}:{m.IsChild}:{m.Wildcard}:{m.JoinType}:{string.Join(",", m.Keys.Select(k => k.Left + "=" + k.Right))}")) + "|" + referencedKey;
        if (ReferenceEquals(c.Frame, c.Study.ContentsOf(c.Dataset)))
        {
            return c.Study.Joined(key, () => Build(c, rule));
        }

        return Build(c, rule);
    }

    private static Frame Build(CheckContext c, RuleDefinition rule)
    {
        var frame = c.Frame;
        var referenced = rule.Check.Tests().SelectMany(t => new[] { t.Name, t.Param("value") as string }).OfType<string>().ToList();
        var merged = new HashSet<string>(StringComparer.Ordinal);
        var current = c.Dataset;
        foreach (var match in rule.MatchDatasets)
        {
            var name = match.Name;
            List<StudyDataset> others;
            if (match.IsChild)
            {
                if ((name.StartsWith("SUPP", StringComparison.Ordinal) || name.StartsWith("SQAP", StringComparison.Ordinal)) && current.IsSupp && current.RDomain is { } rd)
                {
                    others = name == "SUPP--" || name == current.Name ? c.Study.Datasets.Where(d => d.Domain == rd).ToList() : [];
                }
                else if (name == current.Domain || name == current.Name)
                {
                    others = ParentsOf(c, frame, match);
                }
                else
                {
                    others = [];
                }
            }
            else
            {
                if (name == current.UnsplitName)
                {
                    continue;
                }

                var own = current.Domain ?? current.Name;
                others = c.Study.Datasets.Where(d => d.Domain == name || d.Name == name || d.UnsplitName == name ||
                    (name == "SUPP--" && !current.IsSupp && d.RDomain == own)).ToList();
            }

            foreach (var other in others)
            {
                var key = other.Domain ?? other.Name;
                if (!merged.Add(key))
                {
                    continue;
                }

                var right = Renamed(other.Contents, name, referenced);
                if (match.IsChild)
                {
                    frame = ChildJoin(frame, current, right, other, match);
                }
                else if (name == "RELREC")
                {
                    frame = RelrecJoin(c, frame, current, other.Contents, match.Wildcard);
                }
                else if (name.StartsWith("SUPP", StringComparison.Ordinal) || name.StartsWith("SQ", StringComparison.Ordinal))
                {
                    frame = SuppJoin(frame, right);
                }
                else
                {
                    var left = match.Keys.Select(k => k.Left.Replace("--", current.Domain ?? "", StringComparison.Ordinal)).ToList();
                    var rightKeys = match.Keys.Select(k => k.Right.Replace("--", name, StringComparison.Ordinal)).ToList();
                    var leftJoin = match.JoinType.Equals("left", StringComparison.OrdinalIgnoreCase);

                    // Which records pair with which is the same for every rule making this join on the study's
                    // records (only the column names differ): it is worked out once.
                    var pairing = ReferenceEquals(frame, c.Study.ContentsOf(current))
                        ? c.Study.Pairing($"{current.UnsplitName}|{other.Name}|{string.Join(",", left)}|{string.Join(",", rightKeys)}|{leftJoin}", () => Pair(frame, right, left, rightKeys, leftJoin))
                        : Pair(frame, right, left, rightKeys, leftJoin);
                    frame = Merge(frame, right, left, rightKeys, "." + name, pairing);
                }
            }
        }

        return frame;
    }

    private static List<StudyDataset> ParentsOf(CheckContext c, Frame frame, MatchDataset match)
    {
        if (frame.Column("RDOMAIN") is { } rdomain)
        {
            var domains = OperatorsValues(rdomain).Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal);
            return c.Study.Datasets.Where(d => d.Domain is { } dom && domains.Contains(dom)).ToList();
        }

        return c.Study.Datasets.Where(d => match.Keys.All(k => d.Has(k.Right))).ToList();
    }

    private static IEnumerable<Value> OperatorsValues(FrameColumn column) => Operators.OperatorRegistry.ValuesOf(column);

    /// <summary>The other dataset's columns, those the rule reads as <c>NAME.X</c> renamed so.</summary>
    private static Frame Renamed(Frame source, string name, List<string> referenced)
    {
        var prefix = name + ".";
        var wanted = referenced.Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Select(r => r[prefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var result = new Frame(source.RowCount, source.SourceNames, source.SourceNameOfRow, source.SourceRows);
        foreach (var col in source.Columns)
        {
            result.Set(wanted.Contains(col.Name) ? col.Renamed(prefix + col.Name) : col);
        }

        return result;
    }

    /// <summary>pandas' merge: left rows in order, each repeated per matching right row (inner), or kept once with nulls (left).</summary>
    /// <summary>pandas' merge pairing: left rows in order, each repeated per matching right row (inner), or kept once with -1 (left).</summary>
    internal static (int[] Left, int[] Right) Pair(Frame left, Frame right, IReadOnlyList<string> leftKeys, IReadOnlyList<string> rightKeys, bool leftJoin)
    {
        var lk = leftKeys.Select(k => left.Column(k) ?? throw new MissingColumnException(k)).ToList();
        var rk = rightKeys.Select(k => right.Column(k) ?? throw new MissingColumnException(k)).ToList();
        var coder = new KeyCoder(lk.Count, nullIsValue: true);
        var rightKeyOfRow = coder.Encode(rk, right.RowCount, add: true);
        var byKey = KeyCoder.RowsByKey(rightKeyOfRow, coder.Count);
        var leftKeyOfRow = coder.Encode(lk, left.RowCount, add: false);
        var leftRows = new List<int>(left.RowCount);
        var rightRows = new List<int>(left.RowCount);
        for (var r = 0; r < left.RowCount; r++)
        {
            var key = leftKeyOfRow[r];
            if (key >= 0 && byKey[key] is { } matches)
            {
                foreach (var m in matches)
                {
                    leftRows.Add(r);
                    rightRows.Add(m);
                }
            }
            else if (leftJoin)
            {
                leftRows.Add(r);
                rightRows.Add(-1);
            }
        }

        return (leftRows.ToArray(), rightRows.ToArray());
    }

    /// <summary>pandas' merge of two frames: left rows in order, each repeated per matching right row (inner), or kept once with nulls (left).</summary>
    internal static Frame Merge(Frame left, Frame right, IReadOnlyList<string> leftKeys, IReadOnlyList<string> rightKeys, string suffix, bool leftJoin) =>
        Merge(left, right, leftKeys, rightKeys, suffix, Pair(left, right, leftKeys, rightKeys, leftJoin));

    private static Frame Merge(Frame left, Frame right, IReadOnlyList<string> leftKeys, IReadOnlyList<string> rightKeys, string suffix, (int[] Left, int[] Right) pairing)
    {
        var (leftRows, rightAt) = pairing;
        var result = left.Take(leftRows);
        var sameKeys = leftKeys.Zip(rightKeys).Where(p => p.First == p.Second).Select(p => p.Second).ToHashSet(StringComparer.Ordinal);
        foreach (var col in right.Columns)
        {
            if (sameKeys.Contains(col.Name))
            {
                continue;
            }

            var name = left.Has(col.Name) ? col.Name + suffix : col.Name;
            result.Set(col.Take(rightAt, name));
        }

        return result;
    }

    /// <summary>
    /// CORE's SUPP-- join: QVAL pivoted to one column per QNAM, joined (left) on STUDYID, USUBJID, APID, POOLID,
    /// SPDEVID where both sides have them, plus the variable IDVAR names, compared as text when numeric.
    /// </summary>
    private static Frame SuppJoin(Frame left, Frame supp)
    {
        var qnam = supp.Column("QNAM") ?? throw new MissingColumnException("QNAM");
        var qval = supp.Column("QVAL") ?? throw new MissingColumnException("QVAL");
        var idvar = supp.Column("IDVAR");
        var idvarval = supp.Column("IDVARVAL");
        var staticKeys = new[] { "STUDYID", "USUBJID", "APID", "POOLID", "SPDEVID" }.Where(k => left.Has(k) && supp.Has(k)).ToList();
        var idvars = idvar is null ? [Value.Null] : Operators.OperatorRegistry.ValuesOf(idvar).DefaultIfEmpty(Value.Null).ToList();
        var qnams = Operators.OperatorRegistry.ValuesOf(qnam).Where(v => !v.IsNull).Select(v => v.ToString()).ToList();
        var result = left;
        foreach (var iv in idvars)
        {
            var keyName = iv.IsNull ? null : iv.ToString();
            if (keyName is not null && left.Column(keyName) is null)
            {
                throw new MissingColumnException(keyName);
            }

            // IDVARVAL is text; a numeric --SEQ is matched by its text without ".0".
            var leftKeys = staticKeys.Select(k => left.Column(k)!).ToList();
            var rightKeys = staticKeys.Select(k => supp.Column(k)!).ToList();
            if (keyName is not null)
            {
                leftKeys.Add(NormalisedColumn(left.Column(keyName)!));
                rightKeys.Add(NormalisedColumn(idvarval ?? FrameColumn.Constant("IDVARVAL", Value.Null, supp.RowCount)));
            }

            var coder = new KeyCoder(leftKeys.Count, nullIsValue: true);
            var suppKey = coder.Encode(rightKeys, supp.RowCount, add: true);
            var values = new Dictionary<int, Dictionary<string, Value>>();
            for (var r = 0; r < supp.RowCount; r++)
            {
                var rowIdvar = idvar?[r] ?? Value.Null;
                if (!(rowIdvar.Equals(iv) || (iv.IsNull && rowIdvar.IsNull)))
                {
                    continue;
                }

                if (!values.TryGetValue(suppKey[r], out var row))
                {
                    values[suppKey[r]] = row = new Dictionary<string, Value>(StringComparer.Ordinal);
                }

                var name = qnam[r].ToString();
                if (row.ContainsKey(name) && !qval[r].IsNull)
                {
                    throw new InvalidOperationException(ConformanceMessages.SuppQnamTwiceForOneParent(name));
                }

                row[name] = qval[r];
            }

            var leftKey = coder.Encode(leftKeys, result.RowCount, add: false);
            var columns = qnams.ToDictionary(n => n, _ => new Value[result.RowCount], StringComparer.Ordinal);
            for (var r = 0; r < result.RowCount; r++)
            {
                if (leftKey[r] >= 0 && values.TryGetValue(leftKey[r], out var row))
                {
                    foreach (var (n, v) in row)
                    {
                        columns[n][r] = v;
                    }
                }
            }

            foreach (var (n, vals) in columns)
            {
                if (!result.Has(n))
                {
                    result.Set(FrameColumn.Encode(n, vals));
                }
            }
        }

        return result;
    }

    private static FrameColumn NormalisedColumn(FrameColumn column) =>
        new(column.Name, column.Codes, column.Distinct.Select(v => v.IsNull ? v : Value.Of(Normalised(v))).ToArray());

    /// <summary>
    /// CORE's RELREC join: for each pair of RELREC records sharing USUBJID and RELID, one on this dataset's domain and
    /// one on another, this dataset's records (of that subject; of that IDVAR value when IDVARVAL is given, else
    /// matched by the two IDVAR variables' values) are joined to the other dataset's, whose columns are named
    /// <c>RELREC.X</c>, the domain prefix of its general-class variables replaced by the match's wildcard
    /// (<c>RELREC.**TERM</c>). The frame becomes the union of those joins: records related to nothing leave it.
    /// </summary>
    private static Frame RelrecJoin(CheckContext c, Frame left, StudyDataset current, Frame relrec, string wildcard)
    {
        var domain = current.Domain ?? current.Name;
        string Col(string n, int r) => relrec.Column(n)?[r].ToString() ?? "";
        var pairs = new List<(int Left, int Right)>();
        for (var l = 0; l < relrec.RowCount; l++)
        {
            if (Col("RDOMAIN", l) != domain)
            {
                continue;
            }

            for (var r = 0; r < relrec.RowCount; r++)
            {
                if (r != l && Col("RDOMAIN", r) != domain && Col("USUBJID", r) == Col("USUBJID", l) && Col("RELID", r) == Col("RELID", l) && Col("STUDYID", r) == Col("STUDYID", l))
                {
                    pairs.Add((l, r));
                }
            }
        }

        var suffixes = WildcardSuffixes(c.Study);
        var pieces = new List<Frame>();
        foreach (var (l, r) in pairs)
        {
            var otherDomain = Col("RDOMAIN", r);
            var other = c.Study.Datasets.FirstOrDefault(d => d.Domain == otherDomain);
            if (other is null)
            {
                continue;
            }

            var right = other.Contents;
            var subject = Col("USUBJID", l);
            IEnumerable<int> Rows(Frame f, string idvar, string idvarval) => Enumerable.Range(0, f.RowCount).Where(i =>
                (subject.Length == 0 || f.Column("USUBJID")?[i].ToString() == subject) &&
                (idvarval.Length == 0 || (f.Column(idvar) is { } col && Normalised(col[i]) == Normalised(Value.Of(idvarval)))));
            var withValues = Col("IDVARVAL", l).Length > 0 && Col("IDVARVAL", r).Length > 0;
            var leftCandidates = Rows(left, Col("IDVAR", l), withValues ? Col("IDVARVAL", l) : "").ToList();
            var rightCandidates = Rows(right, Col("IDVAR", r), withValues ? Col("IDVARVAL", r) : "").ToList();
            var lIdvar = left.Column(Col("IDVAR", l));
            var rIdvar = right.Column(Col("IDVAR", r));
            var li = new List<int>();
            var ri = new List<int>();
            foreach (var a in leftCandidates)
            {
                foreach (var b in rightCandidates)
                {
                    var same = left.Column("STUDYID")?[a].Equals(right.Column("STUDYID")?[b] ?? Value.Null) != false &&
                        (left.Column("USUBJID")?[a] ?? Value.Null).Equals(right.Column("USUBJID")?[b] ?? Value.Null);
                    if (same && (withValues || (lIdvar is not null && rIdvar is not null && Normalised(lIdvar[a]) == Normalised(rIdvar[b]))))
                    {
                        li.Add(a);
                        ri.Add(b);
                    }
                }
            }

            var piece = left.Take(li);
            foreach (var col in right.Columns)
            {
                var renamed = col.Name.StartsWith(otherDomain, StringComparison.Ordinal) && suffixes.Contains(col.Name[otherDomain.Length..])
                    ? wildcard + col.Name[otherDomain.Length..]
                    : col.Name;
                piece.Set(col.Take(ri, "RELREC." + renamed));
            }

            pieces.Add(piece);
        }

        return pieces.Count == 0 ? left.Take([]) : Frame.Concat(pieces);
    }

    /// <summary>The variable suffixes the SDTM general classes share (TERM, TRT, DECOD, SEQ, ...), from the guide's domain variables.</summary>
    private static HashSet<string> WildcardSuffixes(Study study)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (study.Guide is { } guide)
        {
            foreach (var d in guide.Datasets)
            {
                foreach (var v in guide.VariablesOf(d.Name))
                {
                    if (v.Name.Length > d.Name.Length && v.Name.StartsWith(d.Name, StringComparison.Ordinal) && d.Name.Length == 2)
                    {
                        result.Add(v.Name[2..]);
                    }
                }
            }
        }

        return result;
    }

    private static int IdOf(Dictionary<string, int> ids, string text)
    {
        if (!ids.TryGetValue(text, out var id))
        {
            id = ids.Count;
            ids.Add(text, id);
        }

        return id;
    }

    private static long KeyAndText(int key, int text) => ((long)key << 32) | (uint)text;

    // CORE compares IDVARVAL with a numeric --SEQ as text, numbers without ".0".
    private static string Normalised(Value v) => v.IsNull ? "\u0000" : Operators.OperatorRegistry.StrConversion(v).ToString();

    /// <summary>
    /// CORE's child join: each record of the child (SUPP--, CO, RELREC) takes the first parent record that matches
    /// its keys and whose IDVAR variable equals IDVARVAL (parent values win where both have a column); child records
    /// of other parents are kept as they are.
    /// </summary>
    private static Frame ChildJoin(Frame child, StudyDataset current, Frame parent, StudyDataset parentDataset, MatchDataset match)
    {
        var keys = match.Keys.Select(k => k.Left).ToList();
        var usesIdvar = keys.Contains("IDVAR") || keys.Contains("IDVARVAL");
        var rdomain = child.Column("RDOMAIN");
        if (!(current.IsSupp || rdomain is not null) || !usesIdvar)
        {
            var left = keys.Select(k => k.Replace("--", current.Domain ?? "", StringComparison.Ordinal)).ToList();
            var right = match.Keys.Select(k => k.Right.Replace("--", parentDataset.Domain ?? "", StringComparison.Ordinal)).ToList();
            return Merge(child, parent, left, right, "." + (parentDataset.Domain ?? parentDataset.Name), leftJoin: true);
        }

        var standard = keys.Where(k => k is not ("IDVAR" or "IDVARVAL")).ToList();
        var idvar = child.Column("IDVAR");
        var idvarval = child.Column("IDVARVAL");
        var parentDomain = parentDataset.Domain ?? "";
        var relevant = new bool[child.RowCount];
        for (var r = 0; r < relevant.Length; r++)
        {
            relevant[r] = current.IsSupp || rdomain is null || rdomain[r].ToString() == parentDomain;
        }

        // Parents by their standard keys (a child row with a null key may take any parent).
        var childKeyColumns = standard.Select(k => child.Column(k)).ToList();
        var parentKeyColumns = standard.Select(k => parent.Column(k)).ToList();
        var keyed = childKeyColumns.All(k => k is not null) && parentKeyColumns.All(k => k is not null);
        var coder = new KeyCoder(keyed ? standard.Count : 0, nullIsValue: false);
        var parentKey = keyed ? coder.Encode(parentKeyColumns!, parent.RowCount, add: true) : new int[parent.RowCount];
        var childKey = keyed ? coder.Encode(childKeyColumns!, child.RowCount, add: false) : new int[child.RowCount];
        var byKey = KeyCoder.RowsByKey(parentKey, coder.Count);
        var allParents = Enumerable.Range(0, parent.RowCount).ToList();

        // Per IDVAR variable of the parent: its values as text, numbered, and (key, text number) to the first parent
        // holding it; a number per distinct text keeps the per-row work to integer hashing.
        var byIdvar = new Dictionary<string, (Dictionary<string, int> Texts, Dictionary<long, int> First)>(StringComparer.Ordinal);
        (Dictionary<string, int> Texts, Dictionary<long, int> First)? IndexOf(string variable)
        {
            if (byIdvar.TryGetValue(variable, out var index))
            {
                return index;
            }

            if (parent.Column(variable) is not { } target)
            {
                return null;
            }

            var textIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var ids = target.Distinct.Select(v => v.IsNull ? -1 : IdOf(textIds, Normalised(v))).ToArray();
            var first = new Dictionary<long, int>();
            for (var p = 0; p < parent.RowCount; p++)
            {
                if (ids[target.Codes[p]] is var id and >= 0)
                {
                    first.TryAdd(KeyAndText(keyed ? parentKey[p] : 0, id), p);
                    if (keyed)
                    {
                        first.TryAdd(KeyAndText(-1, id), p);
                    }
                }
            }

            index = (textIds, first);
            byIdvar[variable] = index;
            return index;
        }

        var matched = new int[child.RowCount];
        Array.Fill(matched, -1);
        for (var r = 0; r < child.RowCount; r++)
        {
            if (!relevant[r])
            {
                continue;
            }

            var nullKey = keyed && childKeyColumns.Any(k => k![r].IsNull);
            var candidates = nullKey ? allParents : keyed ? (childKey[r] >= 0 ? byKey[childKey[r]] : null) : allParents;
            if (candidates is null || candidates.Count == 0)
            {
                continue;
            }

            var iv = idvar?[r] ?? Value.Null;
            var ivv = idvarval?[r] ?? Value.Null;
            if (iv.IsNull || ivv.IsNull)
            {
                matched[r] = candidates[0];
                continue;
            }

            if (IndexOf(iv.ToString()) is { } index && index.Texts.TryGetValue(Normalised(ivv), out var text)
                && index.First.TryGetValue(KeyAndText(nullKey ? -1 : keyed ? childKey[r] : 0, text), out var p))
            {
                matched[r] = p;
            }
        }

        // Parent values take the place of the child's where both hold a column ({**child, **parent}); child records
        // of other parents come first, unchanged (CORE concatenates the rest before the merged ones).
        var rows = current.IsSupp
            ? Enumerable.Range(0, child.RowCount).Where(r => relevant[r]).ToArray()
            : Enumerable.Range(0, child.RowCount).Where(r => !relevant[r]).Concat(Enumerable.Range(0, child.RowCount).Where(r => relevant[r])).ToArray();
        var result = child.Take(rows);
        var parentRows = rows.Select(r => relevant[r] ? matched[r] : -1).ToArray();
        foreach (var col in parent.Columns)
        {
            var taken = col.Take(parentRows);
            if (result.Column(col.Name) is { } own)
            {
                var shift = own.Distinct.Length;
                var codes = new int[rows.Length];
                var ownCodes = own.Codes;
                var takenCodes = taken.Codes;
                for (var k = 0; k < codes.Length; k++)
                {
                    codes[k] = parentRows[k] >= 0 ? shift + takenCodes[k] : ownCodes[k];
                }

                result.Set(new FrameColumn(col.Name, codes, [.. own.Distinct, .. taken.Distinct]));
            }
            else
            {
                result.Set(taken);
            }
        }

        return result;
    }
}
