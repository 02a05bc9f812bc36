using CdiscExport.Conformance.Define;
using CdiscExport.Conformance.Engine;
using CdiscExport.Odm;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Operations;

/// <summary>define.xml operations.</summary>
internal static class DefineOps
{
    public static void Present(RuleContext c)
    {
        foreach (var f in c.Package.Folders)
        {
            c.Applicable = true;
            if (f.DefinePath is null)
            {
                c.Report(null, null, null, "define.xml", $"{f.Path}: no define.xml; every {f.Kind.ToString().ToUpperInvariant()} package needs one named exactly define.xml.");
            }
        }
    }

    private static IEnumerable<(PackageFolder Folder, IDefineDocument Define)> Defines(RuleContext c)
    {
        foreach (var f in c.Package.Folders)
        {
            if (f.Define is not null)
            {
                c.Applicable = true;
                yield return (f, f.Define);
            }
        }
    }

    /// <summary>
    /// Schema validity against the CDISC schemas of the define's own Define-XML version (2.1 or 2.0, with ARM), then
    /// the reference checks. A Define-XML 1.0 define has no schema shipped: when nothing else is found the rule is not
    /// executable and says so, rather than passing or reporting 2.1 errors.
    /// </summary>
    public static void Schema(RuleContext c)
    {
        var schemas = DefineSchemas.Load(c.Env.StandardsFolder);
        string? notChecked = null;
        foreach (var f in c.Package.Folders.Where(f => f.DefinePath is not null))
        {
            c.Applicable = true;
            if (f.DefineError is not null)
            {
                c.Report(null, null, null, Path.GetFileName(f.DefinePath), $"define.xml is not well-formed or not readable: {f.DefineError}");
                continue;
            }

            var result = schemas.Check(f.DefinePath!);
            notChecked ??= result.NotCheckedReason;
            foreach (var error in result.Errors)
            {
                c.Report(null, null, null, $"line {error.Line}", $"define.xml line {error.Line}: {error.Message}");
            }

            var d = f.Define!;
            foreach (var oid in d.DuplicateOids)
            {
                c.Report(null, null, null, oid, $"OID {oid} is defined more than once.");
            }

            if (d.OdmAttributes.FileType != "Snapshot")
            {
                c.Report(null, null, null, d.OdmAttributes.FileType, "ODM FileType must be 'Snapshot'.");
            }

            foreach (var g in d.ItemGroups)
            {
                foreach (var r in g.ItemRefs.Where(r => !d.ItemDefs.ContainsKey(r.ItemOid)))
                {
                    c.Report(null, null, null, r.ItemOid, $"ItemGroupDef {g.Name}: ItemRef {r.ItemOid} names no ItemDef.");
                }
            }

            foreach (var i in d.ItemDefs.Values.Where(i => i.CodeListOid is not null && !d.CodeLists.ContainsKey(i.CodeListOid)))
            {
                c.Report(null, i.Name, null, i.CodeListOid, $"ItemDef {i.Oid}: CodeListRef {i.CodeListOid} names no CodeList.");
            }
        }

        if (notChecked is not null && c.Findings.Count == 0)
        {
            c.NotExecutable(notChecked);
        }
    }

    public static void Standards(RuleContext c)
    {
        foreach (var (_, d) in Defines(c))
        {
            if (d.StandardCount == 0)
            {
                c.Report(null, null, null, null, d.Version == DefineXmlVersion.Define21
                    ? "define.xml declares no def:Standards."
                    : $"define.xml ({d.Version.Title()}) names no standard: MetaDataVersion lacks def:StandardName/def:StandardVersion.");
            }

            foreach (var s in d.DanglingStandardRefs)
            {
                c.Report(null, null, null, s, $"def:StandardOID {s} names no def:Standard.");
            }
        }
    }

    /// <summary>
    /// The folder the define's relative hrefs start from: its own (xlink:href and the stylesheet are relative to the
    /// document), which is the datasets folder in a package and may not be when --define names a define elsewhere.
    /// </summary>
    private static string FolderOf(IDefineDocument d) => Path.GetDirectoryName(Path.GetFullPath(d.Path))!;

    private static DefineItemGroup? Group(IDefineDocument d, DatasetData ds) => DatasetDefinitions.GroupOf(d, ds);

    public static void Datasets(RuleContext c)
    {
        foreach (var (f, d) in Defines(c))
        {
            var files = c.Package.Datasets.Where(x => x.Folder == f).ToList();
            foreach (var ds in files.Where(ds => Group(d, ds) is null))
            {
                c.Report(ds, null, null, ds.Name, $"{DatasetDefinitions.NameOf(ds)}: {ds.FileName} has no ItemGroupDef in define.xml.");
            }

            foreach (var g in d.ItemGroups.Where(g => g.Leaf is not null))
            {
                if (!File.Exists(Path.Combine(FolderOf(d), g.Leaf!)) && !files.Any(x => Group(d, x) == g))
                {
                    c.Report(null, null, null, g.Leaf, $"define.xml describes {g.Name} at {g.Leaf}, but no such dataset file is in the folder.");
                }
            }
        }
    }

    public static void Variables(RuleContext c)
    {
        foreach (var (f, d) in Defines(c))
        {
            foreach (var ds in c.Package.Datasets.Where(x => x.Folder == f))
            {
                var g = Group(d, ds);
                if (g is null)
                {
                    continue;
                }

                var names = g.ItemRefs.Select(r => d.ItemDefs.GetValueOrDefault(r.ItemOid)?.Name).Where(n => n is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var v in ds.Variables.Where(v => !names.Contains(v.Name)))
                {
                    c.Report(ds, v.Name, null, v.Name, $"{v.Name} is in {ds.FileName} but not in define.xml.");
                }

                foreach (var n in names.Where(n => !ds.Has(n!)))
                {
                    c.Report(ds, n, null, n, $"define.xml lists {n} for {ds.Name}, but the dataset lacks it.");
                }
            }
        }
    }

    private static IEnumerable<(DatasetData Ds, XptVariable Var, DefineItemDef Item, DefineItemRef Ref)> Items(RuleContext c)
    {
        foreach (var (f, d) in Defines(c))
        {
            foreach (var ds in c.Package.Datasets.Where(x => x.Folder == f))
            {
                var g = Group(d, ds);
                if (g is null)
                {
                    continue;
                }

                foreach (var r in g.ItemRefs)
                {
                    if (d.ItemDefs.TryGetValue(r.ItemOid, out var item) && ds.Ordinal(item.Name) is var i and >= 0)
                    {
                        yield return (ds, ds.Variables[i], item, r);
                    }
                }
            }
        }
    }

    public static void Attributes(RuleContext c)
    {
        foreach (var (ds, v, item, _) in Items(c))
        {
            var numeric = item.DataType is "integer" or "float";
            if (numeric != (v.Type == XptVariableType.Numeric))
            {
                c.Report(ds, v.Name, null, item.DataType, $"define DataType {item.DataType} does not fit the XPT type {(v.Type == XptVariableType.Numeric ? "Num" : "Char")}.");
            }
            else if (!numeric && item.Length is int len && len != v.Length && item.DataType == "text")
            {
                c.Report(ds, v.Name, null, $"{len}", $"define Length {len} differs from the XPT length {v.Length}.");
            }
        }
    }

    public static void Labels(RuleContext c)
    {
        foreach (var (f, d) in Defines(c))
        {
            foreach (var ds in c.Package.Datasets.Where(x => x.Folder == f))
            {
                if (Group(d, ds) is { } g && g.Label.Length > 0 && g.Label != ds.Label)
                {
                    c.Report(ds, null, null, ds.Label, $"dataset label '{ds.Label}' differs from define.xml '{g.Label}'.");
                }
            }
        }

        foreach (var (ds, v, item, _) in Items(c))
        {
            if (item.Label.Length > 0 && item.Label != v.Label)
            {
                c.Report(ds, v.Name, null, v.Label, $"label '{v.Label}' differs from define.xml '{item.Label}'.");
            }
        }
    }

    /// <summary>
    /// Values of a variable are in the define.xml codelist bound to it: exact text for character variables, the same
    /// number within a double's precision for numeric ones (<see cref="NumericText"/>). When no value of the dataset is
    /// in the codelist, that is one finding (the codelist does not describe the variable), with the count of records.
    /// </summary>
    public static void CodelistValues(RuleContext c)
    {
        foreach (var (ds, v, item, _) in Items(c))
        {
            if (item.CodeListOid is null || !ds.Folder.Define!.CodeLists.TryGetValue(item.CodeListOid, out var list) || list.External || list.Values.Count == 0)
            {
                continue;
            }

            var column = ds.Column(v.Name)!;
            var outside = OutsideValues(list, column);
            ReportOutside(c, ds, v.Name, column, outside, s => $"{v.Name} '{s}' is not in define.xml codelist {list.Name} ({list.Oid}).",
                (n, example) => $"none of the {n} populated records of {v.Name} holds a value of define.xml codelist {list.Name} ({list.Oid}), e.g. '{example}'.");
        }
    }

    /// <summary>For each code of <paramref name="column"/>, whether its value is populated and outside <paramref name="list"/>.</summary>
    private static bool[] OutsideValues(DefineCodeList list, EncodedColumn column)
    {
        if (column.Variable.Type == XptVariableType.Numeric)
        {
            var numbers = list.Values.Select(x => NumericText.TryParse(x, out var n) ? n : (double?)null).OfType<double>().ToList();
            var outside = new bool[column.DistinctCount];
            for (var k = 0; k < outside.Length; k++)
            {
                outside[k] = column.NumOf(k) is { } x && !numbers.Any(n => NumericText.Same(n, x));
            }

            return outside;
        }

        var values = list.Values.ToHashSet(StringComparer.Ordinal);
        return column.Where(s => s.Length > 0 && !values.Contains(s));
    }

    /// <summary>
    /// Reports the records whose value is flagged: one finding per record, or, when every populated record is flagged
    /// (the metadata does not describe the data at all), one finding with the count of records.
    /// </summary>
    private static void ReportOutside(RuleContext c, DatasetData ds, string variable, EncodedColumn column, bool[] outside, Func<string, string> perRecord, Func<int, string, string> allRecords)
    {
        var populated = Enumerable.Range(0, ds.RowCount).Where(r => !column.IsNull(r)).ToList();
        var hits = populated.Where(r => outside[column.Code(r)]).ToList();
        if (hits.Count > 1 && hits.Count == populated.Count)
        {
            var example = column.Text(hits[0]);
            c.Report(ds, variable, null, example, allRecords(hits.Count, example));
            return;
        }

        foreach (var r in hits)
        {
            c.Report(ds, variable, r, column.Text(r), perRecord(column.Text(r)));
        }
    }

    public static void Keys(RuleContext c)
    {
        foreach (var (f, d) in Defines(c))
        {
            foreach (var ds in c.Package.Datasets.Where(x => x.Folder == f))
            {
                if (Group(d, ds) is not { } g)
                {
                    continue;
                }

                var keys = g.ItemRefs.Where(r => r.KeySequence is not null).OrderBy(r => r.KeySequence)
                    .Select(r => d.ItemDefs.GetValueOrDefault(r.ItemOid)?.Name).Where(n => n is not null && ds.Has(n)).Select(n => n!).ToList();
                if (keys.Count == 0)
                {
                    continue;
                }

                // One metadata problem (the keys do not identify records), reported once with how many records share keys.
                var groups = ds.GroupsOf(keys);
                var groupOf = groups.Groups;
                var seen = new bool[groups.Count];
                var first = -1;
                var duplicates = 0;
                for (var r = 0; r < groupOf.Length; r++)
                {
                    if (!seen[groupOf[r]])
                    {
                        seen[groupOf[r]] = true;
                    }
                    else
                    {
                        duplicates++;
                        first = first < 0 ? r : first;
                    }
                }

                if (duplicates > 0)
                {
                    var example = string.Join(", ", keys.Select(k => $"{k}={ds.Text(first, k)}"));
                    c.Report(ds, keys[^1], null, example,
                        $"the define.xml keys {string.Join(", ", keys)} do not identify records: {duplicates} records repeat the keys of an earlier one (first record {first + 1}: {example}).");
                }
            }
        }
    }

    public static void Structure(RuleContext c)
    {
        foreach (var (f, d) in Defines(c))
        {
            foreach (var ds in c.Package.Datasets.Where(x => x.Folder == f))
            {
                if (Group(d, ds) is not { } g)
                {
                    continue;
                }

                var order = g.ItemRefs.Select(r => (r.OrderNumber, Name: d.ItemDefs.GetValueOrDefault(r.ItemOid)?.Name)).Where(x => x.OrderNumber is not null && x.Name is not null)
                    .OrderBy(x => x.OrderNumber).Select(x => x.Name!).Where(ds.Has).ToList();
                var actual = ds.Variables.Select(v => v.Name).Where(n => order.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
                if (!order.SequenceEqual(actual, StringComparer.OrdinalIgnoreCase))
                {
                    c.Report(ds, null, null, null, $"define.xml OrderNumber order ({string.Join(", ", order)}) differs from the XPT column order.");
                }

                if (string.IsNullOrEmpty(g.Structure) || string.IsNullOrEmpty(g.Class))
                {
                    c.Report(ds, null, null, null, $"ItemGroupDef {g.Name} lacks def:Structure or def:Class.");
                }
            }
        }
    }

    public static void Leaf(RuleContext c)
    {
        foreach (var (_, d) in Defines(c))
        {
            foreach (var (id, href) in d.Leaves)
            {
                if (href.Length > 0 && !href.Contains("://", StringComparison.Ordinal) && !File.Exists(Path.Combine(FolderOf(d), href)))
                {
                    c.Report(null, null, null, href, $"def:leaf {id} points to {href}, which is not in {FolderOf(d)} (names are case-sensitive).");
                }
            }
        }
    }

    /// <summary>Define-XML 2.0's origin types (its CT before 2.1 renamed CRF to Collected and added Not Available).</summary>
    private static readonly HashSet<string> OriginTypes20 = new(["CRF", "Derived", "Assigned", "Protocol", "eDT", "Predecessor"], StringComparer.Ordinal);

    /// <summary>
    /// Origin types from the Define-XML CT of the define's version (the rule's <c>types</c> are 2.1's), and a MethodOID on
    /// Derived items. A Define-XML 1.0 origin is free text ("CRF Page 12"), so 1.0 defines are not judged.
    /// </summary>
    public static void Origins(RuleContext c)
    {
        var allowed21 = c.List("types", "Collected|Derived|Assigned|Protocol|Predecessor|Not Available").ToHashSet(StringComparer.Ordinal);
        var skipped10 = false;
        foreach (var (ds, v, item, r) in Items(c))
        {
            var version = ds.Folder.Define!.Version;
            if (version == DefineXmlVersion.Define10)
            {
                skipped10 = true;
                continue;
            }

            var allowed = version == DefineXmlVersion.Define20 ? OriginTypes20 : allowed21;
            if (item.OriginType is null && item.HasValueList)
            {
                continue;
            }

            if (item.OriginType is null || !allowed.Contains(item.OriginType))
            {
                c.Report(ds, v.Name, null, item.OriginType, $"ItemDef {item.Oid} has origin '{item.OriginType}'; use a Define-XML CT origin type.");
            }
            else if (item.OriginType == "Derived" && r.MethodOid is null)
            {
                c.Report(ds, v.Name, null, null, $"{v.Name} is Derived but its ItemRef has no MethodOID.");
            }
        }

        if (skipped10 && c.Findings.Count == 0)
        {
            c.NotExecutable("Define-XML 1.0 origins are free text (e.g. \"CRF Page 12\"), not Define-XML CT origin types, so they are not checked.");
        }
    }

    private static bool Holds(DatasetData ds, int r, DefineCondition cond)
    {
        if (!ds.Has(cond.Variable))
        {
            return false;
        }

        var v = ds.Text(r, cond.Variable);
        var number = ds.Column(cond.Variable)!.Variable.Type == XptVariableType.Numeric ? ds.Num(r, cond.Variable) : null;
        bool In() => number is { } n ? cond.Values.Any(x => NumericText.Equal(x, n)) : cond.Values.Contains(v);
        return cond.Comparator switch
        {
            "EQ" or "IN" => In(),
            "NE" or "NOTIN" => !In(),
            _ => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
                 && double.TryParse(cond.Values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
                 && cond.Comparator switch { "LT" => x < y, "LE" => x <= y, "GT" => x > y, "GE" => x >= y, _ => false },
        };
    }

    /// <summary>
    /// Value-level metadata: for each record, the first value-level item whose where clause holds describes the value;
    /// records no where clause selects are not judged. params: check = ct (value in the VLM codelist) or metadata (data
    /// type, length, mandatory).
    /// </summary>
    /// <remarks>
    /// Which item applies depends only on the variables the where clauses test, so it is decided once per group of
    /// rows sharing their values; what the value is (null, a number, its length, codelist membership) is decided
    /// once per distinct value. Where clauses on numeric variables compare numbers (VISITNUM EQ 1.3 holds for the
    /// stored 1.3000000000000003), as do codelists of numeric items. When every record an item selects fails the same
    /// way, the item does not describe the data: that is one finding with the count of records, not one per record.
    /// </remarks>
    public static void ValueLevel(RuleContext c)
    {
        var ct = c.Param("check", "metadata") == "ct";
        foreach (var (ds, v, item, _) in Items(c))
        {
            var define = ds.Folder.Define!;
            if (!define.ValueLists.TryGetValue(item.Oid, out var vlm))
            {
                continue;
            }

            var hits = ItemOfGroup(ds, vlm);
            var itemDefs = vlm.Select(x => define.ItemDefs.GetValueOrDefault(x.ItemOid)).ToArray();
            var groupOf = ds.GroupsOf(TestedVariables(ds, vlm)).Groups;
            var column = ds.Column(v.Name)!;
            var codes = column.Codes;
            var shape = ct ? null : ValueShape.Of(column);
            var outsideList = new bool[]?[vlm.Count];
            var selected = new int[vlm.Count];
            var selectedNull = new int[vlm.Count];
            var failures = new Dictionary<(int Item, string Kind), List<(int Row, string Message)>>();
            void Fail(int h, string kind, int r, string message)
            {
                if (!failures.TryGetValue((h, kind), out var list))
                {
                    failures[(h, kind)] = list = [];
                }

                list.Add((r, message));
            }

            for (var r = 0; r < codes.Length; r++)
            {
                var h = hits[groupOf[r]];
                if (h < 0 || itemDefs[h] is not { } vi)
                {
                    continue;
                }

                var code = codes[r];
                if (ct)
                {
                    if (code == EncodedColumn.NullCode)
                    {
                        continue;
                    }

                    selected[h]++;
                    if ((outsideList[h] ??= OutsideList(define, vi, column))[code])
                    {
                        var s = column.TextOf(code);
                        Fail(h, "ct", r, $"{v.Name} '{s}' is not in codelist {define.CodeLists[vi.CodeListOid!].Name} that define.xml binds to {vi.Oid}.");
                    }

                    continue;
                }

                if (code == EncodedColumn.NullCode)
                {
                    selectedNull[h]++;
                    if (vlm[h].Mandatory)
                    {
                        Fail(h, "mandatory", r, $"{v.Name} is null where value-level item {vi.Oid} is Mandatory.");
                    }

                    continue;
                }

                selected[h]++;
                if (vi.DataType is "integer" or "float" && !shape!.Numeric[code])
                {
                    Fail(h, "type", r, $"{v.Name} '{column.TextOf(code)}' is not {vi.DataType} as value-level item {vi.Oid} says.");
                }
                else if (vi.DataType == "integer" && shape!.HasDot[code])
                {
                    Fail(h, "type", r, $"{v.Name} '{column.TextOf(code)}' is not an integer as value-level item {vi.Oid} says.");
                }
                else if (vi.DataType == "text" && vi.Length is int len && column.TextOf(code).Length > len)
                {
                    Fail(h, "length", r, $"{v.Name} '{column.TextOf(code)}' is longer than the Length {len} of value-level item {vi.Oid}.");
                }
            }

            foreach (var ((h, kind), list) in failures.OrderBy(x => x.Value[0].Row))
            {
                if (list.Count > 1 && list.Count == (kind == "mandatory" ? selectedNull[h] + selected[h] : selected[h]))
                {
                    var (r, message) = list[0];
                    c.Report(ds, v.Name, null, column.Text(r),
                        $"all {list.Count} records value-level item {itemDefs[h]!.Oid} selects fail it, e.g. record {r + 1}: {message}");
                    continue;
                }

                foreach (var (r, message) in list)
                {
                    c.Report(ds, v.Name, r, column.Text(r), message);
                }
            }
        }
    }

    /// <summary>The variables the where clauses of <paramref name="vlm"/> test, those the dataset has, in first-use order.</summary>
    private static List<string> TestedVariables(DatasetData ds, IReadOnlyList<DefineValueLevelItem> vlm)
    {
        var names = new List<string>();
        foreach (var cond in vlm.SelectMany(x => x.Where).SelectMany(clause => clause))
        {
            if (ds.Has(cond.Variable) && !names.Contains(cond.Variable, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(cond.Variable);
            }
        }

        return names;
    }

    /// <summary>For each row group of the tested variables, the index of the first value-level item that applies, or -1.</summary>
    private static int[] ItemOfGroup(DatasetData ds, IReadOnlyList<DefineValueLevelItem> vlm)
    {
        var firstRows = ds.GroupsOf(TestedVariables(ds, vlm)).FirstRows();
        var hits = new int[firstRows.Length];
        for (var g = 0; g < firstRows.Length; g++)
        {
            var r = firstRows[g];
            hits[g] = -1;
            for (var i = 0; r >= 0 && i < vlm.Count; i++)
            {
                var x = vlm[i];
                if (x.Where.Count == 0 || x.Where.Any(clause => clause.All(cond => Holds(ds, r, cond))))
                {
                    hits[g] = i;
                    break;
                }
            }
        }

        return hits;
    }

    /// <summary>For each code of <paramref name="column"/>, whether its value is outside the codelist the item binds to
    /// (never when the item binds none, or an external or empty one).</summary>
    private static bool[] OutsideList(IDefineDocument define, DefineItemDef vi, EncodedColumn column)
    {
        if (vi.CodeListOid is null || !define.CodeLists.TryGetValue(vi.CodeListOid, out var list) || list.External || list.Values.Count == 0)
        {
            return new bool[column.DistinctCount];
        }

        return OutsideValues(list, column);
    }

    /// <summary>What value-level data types need to know of each distinct value of a column.</summary>
    private sealed record ValueShape(bool[] Numeric, bool[] HasDot)
    {
        public static ValueShape Of(EncodedColumn column) => new(
            column.Where(s => double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)),
            column.Where(s => s.Contains('.', StringComparison.Ordinal)));
    }

    public static void Stylesheet(RuleContext c)
    {
        foreach (var (_, d) in Defines(c))
        {
            if (d.Stylesheet is null)
            {
                c.Report(null, null, null, null, "define.xml has no xml-stylesheet; ship the stylesheet or a define.pdf.");
            }
            else if (!d.Stylesheet.Contains("://", StringComparison.Ordinal) && !File.Exists(Path.Combine(FolderOf(d), d.Stylesheet)))
            {
                c.Report(null, null, null, d.Stylesheet, $"the stylesheet {d.Stylesheet} is not beside define.xml.");
            }
        }
    }
}
