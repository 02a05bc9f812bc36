using System.Text.RegularExpressions;
using CdiscExport.Conformance.Engine;
using CdiscExport.Core.Standards;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Operations;

/// <summary>Structure and metadata operations.</summary>
internal static partial class StructureOps
{
    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,7}$")]
    private static partial Regex SasName();

    [GeneratedRegex("^[A-Z_][A-Z0-9_]{0,7}$")]
    private static partial Regex CodeName();

    /// <summary>params: dataset, file, kind (sdtm|adam).</summary>
    public static void DatasetPresent(RuleContext c)
    {
        var name = c.Param("dataset");
        var file = c.Param("file", name.ToLowerInvariant() + ".xpt");
        var kind = c.Param("kind", "sdtm").Equals("adam", StringComparison.OrdinalIgnoreCase) ? PackageKind.Adam : PackageKind.Sdtm;
        foreach (var folder in c.Package.Folders.Where(f => f.Kind == kind))
        {
            c.Applicable = true;
            var inFolder = c.Package.Datasets.Where(d => d.Folder == folder).ToList();
            var ds = inFolder.Where(d => d.Name == name).ToList();
            var top = TopFolder(folder, inFolder);
            if (ds.Count == 0)
            {
                c.Report(null, null, null, name, $"{folder.Path}: no {file} ({name} dataset); it must be present.");
            }
            // The file may be the dataset's XPT or Dataset-JSON file (dm.xpt, dm.json): the name is judged, whatever the format.
            else if (!ds.Any(d => d.FileName == Path.GetFileNameWithoutExtension(file) + Path.GetExtension(d.FileName).ToLowerInvariant() && Path.GetDirectoryName(d.FilePath) == top))
            {
                c.Report(ds[0], null, null, ds[0].FileName, $"{name} is in {Path.GetRelativePath(folder.Path, ds[0].FilePath)}; the file must be named exactly {file} at the top of the datasets folder {top}.");
            }
        }
    }

    /// <summary>
    /// The top of a folder's datasets: the shallowest directory holding an XPT file. A folder named on the command
    /// line may hold its datasets one level down (<c>transport/cdisc-sdtm-3.1.2/dm.xpt</c>); split datasets sit below
    /// the top (<c>split/lbch.xpt</c>).
    /// </summary>
    private static string TopFolder(PackageFolder folder, IReadOnlyList<DatasetData> datasets) =>
        datasets.Select(d => Path.GetDirectoryName(d.FilePath)!)
            .OrderBy(p => p.Count(ch => ch == Path.DirectorySeparatorChar)).ThenBy(p => p, StringComparer.Ordinal)
            .FirstOrDefault() ?? folder.Path;

    public static void FileLayout(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            var expected = d.Name.ToLowerInvariant() + Path.GetExtension(d.FileName).ToLowerInvariant();
            if (d.FileName != expected)
            {
                c.Report(d, null, null, d.FileName, $"file {d.FileName} holds member {d.Name}; name it {expected}.");
            }

            if (!SasName().IsMatch(d.Name))
            {
                c.Report(d, null, null, d.Name, $"dataset name {d.Name} must be 1-8 characters A-Z, 0-9, starting with a letter.");
            }
        }

        foreach (var p in c.Package.Problems)
        {
            c.Report(null, null, null, Path.GetFileName(p.FilePath), p.Message);
        }
    }

    public static void XptVersion(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            if (d.XptVersion is not (5 or 0)) // 0: a Dataset-JSON file, which has no XPT version
            {
                c.Report(d, null, null, $"V{d.XptVersion}", $"{d.FileName} is SAS XPORT version {d.XptVersion}; submissions need version 5.");
            }
        }

        foreach (var p in c.Package.Problems)
        {
            c.Applicable = true;
            var what = Path.GetExtension(p.FilePath).ToLowerInvariant() is ".json" or ".ndjson" or ".dsjc" ? "Dataset-JSON v1.1" : "SAS XPORT v5";
            c.Report(null, null, null, Path.GetFileName(p.FilePath), $"not a readable {what} file: {p.Message}");
        }
    }

    public static void FileSize(RuleContext c)
    {
        var max = long.Parse(c.Param("max", "5368709120"), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            if (d.FileSize > max)
            {
                c.Report(d, null, null, d.FileSize.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{d.FileName} is {d.FileSize} bytes, over {max}; split it.");
            }
        }
    }

    private static bool IsAscii(string s) => !s.AsSpan().ContainsAnyExceptInRange(' ', '~');

    public static void NamesLabels(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            if (d.Label.Length > 40 || !IsAscii(d.Label))
            {
                c.Report(d, null, null, d.Label, $"dataset label of {d.Label.Length} characters; at most 40 printable ASCII characters.");
            }

            if (d.Name.Length > 8)
            {
                c.Report(d, null, null, d.Name, $"dataset name {d.Name} is longer than 8 characters.");
            }

            foreach (var v in d.Variables)
            {
                if (!SasName().IsMatch(v.Name))
                {
                    c.Report(d, v.Name, null, v.Name, $"variable name {v.Name}: at most 8 characters, A-Z 0-9 _, starting with a letter.");
                }

                if (v.Label.Length > 40 || !IsAscii(v.Label))
                {
                    c.Report(d, v.Name, null, v.Label, $"label of {v.Name} has {v.Label.Length} characters or non-ASCII; at most 40 printable ASCII characters.");
                }
            }
        }
    }

    public static void TextLength(RuleContext c)
    {
        var max = int.Parse(c.Param("max", "200"), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            for (var i = 0; i < d.Variables.Count; i++)
            {
                var v = d.Variables[i];
                if (v.Type != XptVariableType.Character)
                {
                    continue;
                }

                if (v.Length > max)
                {
                    c.Report(d, v.Name, null, v.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{v.Name} is declared {v.Length} bytes long; at most {max}.");
                }

                var column = d.Column(i);
                var tooLong = column.Where(s => System.Text.Encoding.UTF8.GetByteCount(s) > max);
                var codes = column.Codes;
                for (var r = 0; r < codes.Length; r++)
                {
                    if (tooLong[codes[r]])
                    {
                        c.Report(d, v.Name, r, column.Text(r)[..20] + "...", $"{v.Name} value is longer than {max} bytes; split it as the IG says.");
                    }
                }
            }
        }
    }

    public static void TextHygiene(RuleContext c)
    {
        var dotAllowed = c.List("dotAllowed", "COVAL|TSVAL");
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            for (var j = 0; j < d.Variables.Count; j++)
            {
                var v = d.Variables[j];
                if (v.Type != XptVariableType.Character)
                {
                    continue;
                }

                var allowDot = dotAllowed.Any(p => v.Name.StartsWith(p, StringComparison.Ordinal));
                var column = d.Column(j);

                // The verdict depends only on the value: decide once per distinct value.
                var problems = new string?[column.DistinctCount];
                for (var k = 0; k < problems.Length; k++)
                {
                    var s = column.TextOf(k);
                    problems[k] = s.Length == 0 ? null
                        : !IsAscii(s) ? "holds a character outside printable ASCII (32-126)"
                        : s[0] == ' ' ? "starts with a space"
                        : s == "." && !allowDot ? "is only '.'"
                        : null;
                }

                var codes = column.Codes;
                for (var r = 0; r < codes.Length; r++)
                {
                    if (problems[codes[r]] is { } problem)
                    {
                        c.Report(d, v.Name, r, column.Text(r), $"{v.Name} {problem}.");
                    }
                }
            }
        }
    }

    public static void NonEmpty(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            c.Applicable = true;
            if (d.RowCount == 0)
            {
                c.Report(d, null, null, null, $"{d.FileName} has no records; do not submit empty datasets.");
            }
        }
    }

    /// <summary>
    /// The IG variables of a dataset: SDTM by domain, SUPP-- as SUPPQUAL, ADaM by class (ADSL or BDS; ADaMIG 1.3
    /// metadata is shipped for those two, so an OCCDS or other ADaM dataset has none).
    /// </summary>
    internal static IReadOnlyList<StandardVariable> IgVariables(RuleContext c, DatasetData d)
    {
        var s = c.Env.Standards;
        if (d.IsAdam)
        {
            return AdamStructure(d) is { } structure ? s.Adamig.VariablesOf(structure) : [];
        }

        return s.Sdtmig.VariablesOf(d.IsSupp ? "SUPPQUAL" : d.Domain);
    }

    internal static StandardVariable? IgVariable(RuleContext c, DatasetData d, string name)
    {
        var s = c.Env.Standards;
        if (d.IsAdam)
        {
            return AdamStructure(d) is { } structure ? s.Adamig.FindVariable(structure, name) : null;
        }

        return s.Sdtmig.FindVariable(d.IsSupp ? "SUPPQUAL" : d.Domain, name);
    }

    /// <summary>The ADaMIG structure whose metadata describes an ADaM dataset, or null for classes none is shipped for.</summary>
    private static string? AdamStructure(DatasetData d) => AdamClasses.Of(d) switch
    {
        AdamClass.Adsl => "ADSL",
        AdamClass.Bds => "BDS",
        _ => null,
    };

    /// <summary>
    /// The datasets in scope whose IG metadata can be used: all ADaM ones, and the SDTM ones when the package is judged
    /// by the SDTMIG version shipped (<see cref="IgVersion"/>). When SDTM datasets had to be left out the rule says
    /// so, unless it found something in the others.
    /// </summary>
    private static IEnumerable<DatasetData> WithIgMetadata(RuleContext c)
    {
        var reason = IgVersion.MetadataMissingReason(c);
        var skipped = false;
        foreach (var d in AdamClasses.InScope(c))
        {
            if (reason is not null && !d.IsAdam)
            {
                skipped = true;
                continue;
            }

            yield return d;
        }

        if (skipped && c.Findings.Count == 0)
        {
            c.NotExecutable(reason!);
        }
    }

    /// <summary>Placeholder names (TRTxxP) become patterns.</summary>
    internal static Regex NamePattern(string igName) =>
        new("^" + Regex.Replace(igName, "[a-z]+", m => m.Value is "xx" or "zz" ? "[0-9]{2}" : m.Value is "y" or "w" ? "[0-9]" : "[A-Z0-9]+") + "$");

    private static IEnumerable<(StandardVariable Ig, string? Actual)> Match(DatasetData d, IEnumerable<StandardVariable> vars)
    {
        foreach (var v in vars)
        {
            if (d.Has(v.Name))
            {
                yield return (v, v.Name);
            }
            else if (v.Name.Any(char.IsLower))
            {
                var p = NamePattern(v.Name);
                var hits = d.Variables.Where(x => p.IsMatch(x.Name)).ToList();
                if (hits.Count == 0)
                {
                    yield return (v, null);
                }

                foreach (var h in hits)
                {
                    yield return (v, h.Name);
                }
            }
            else
            {
                yield return (v, null);
            }
        }
    }

    /// <summary>
    /// Required variables present and populated. A Required variable null on every record is one finding for the
    /// dataset ("null on all N records"), not one per record.
    /// </summary>
    public static void IgRequired(RuleContext c)
    {
        var checkNull = c.Param("nonNull", "true") == "true";
        foreach (var d in WithIgMetadata(c))
        {
            var required = IgVariables(c, d).Where(v => v.Core == CoreCategory.Required).ToList();
            if (required.Count == 0)
            {
                continue;
            }

            c.Applicable = true;
            foreach (var (ig, actual) in Match(d, required))
            {
                if (actual is null)
                {
                    c.Report(d, ig.Name, null, null, $"Required variable {ig.Name} is missing from {d.Name}.");
                    continue;
                }

                if (!checkNull)
                {
                    continue;
                }

                var column = d.Column(actual)!;
                if (d.RowCount > 1 && !column.Codes.ContainsAnyExcept(EncodedColumn.NullCode))
                {
                    c.Report(d, actual, null, null, $"Required variable {actual} is null on all {d.RowCount} records.");
                    continue;
                }

                foreach (var r in column.RowsWhere(column.Where(s => s.Length == 0)))
                {
                    c.Report(d, actual, r, null, $"Required variable {actual} is null.");
                }
            }

            foreach (var any in d.Name == "ADSL" ? [] : c.List("anyOf"))
            {
                var names = any.Split(',');
                if (!names.Any(d.Has))
                {
                    c.Report(d, names[0], null, null, $"{d.Name} needs at least one of {string.Join(", ", names)}.");
                }
            }
        }
    }

    public static void IgExpected(RuleContext c)
    {
        foreach (var d in WithIgMetadata(c))
        {
            var expected = IgVariables(c, d).Where(v => v.Core == CoreCategory.Expected).ToList();
            if (expected.Count == 0)
            {
                continue;
            }

            c.Applicable = true;
            foreach (var (ig, actual) in Match(d, expected))
            {
                if (actual is null)
                {
                    c.Report(d, ig.Name, null, null, $"Expected variable {ig.Name} is missing from {d.Name}; keep it even when all null.");
                }
            }
        }
    }

    public static void ExpectedAllNull(RuleContext c)
    {
        foreach (var d in WithIgMetadata(c))
        {
            var expected = IgVariables(c, d).Where(v => v.Core == CoreCategory.Expected).ToList();
            if (expected.Count == 0 || d.RowCount == 0)
            {
                continue;
            }

            c.Applicable = true;
            foreach (var (ig, actual) in Match(d, expected))
            {
                if (actual is not null && !d.Column(actual)!.Codes.ContainsAnyExcept(EncodedColumn.NullCode))
                {
                    c.Report(d, actual, null, null, $"Expected variable {actual} is null on every record; say in define.xml that it was not collected.");
                }
            }
        }
    }

    public static void IgUnknownVariable(RuleContext c)
    {
        foreach (var d in WithIgMetadata(c))
        {
            var ig = IgVariables(c, d);
            if (ig.Count == 0)
            {
                continue;
            }

            c.Applicable = true;
            var cls = d.IsAdam ? null : c.Env.Standards.Sdtmig.FindDataset(d.Domain)?.Class;
            var classNames = cls is null ? [] : c.Env.Standards.Sdtmig.Datasets.Where(x => x.Class == cls)
                .SelectMany(x => c.Env.Standards.Sdtmig.VariablesOf(x.Name)).Select(x => x.Name.StartsWith(x.Dataset, StringComparison.Ordinal) ? "--" + x.Name[x.Dataset.Length..] : x.Name)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var v in d.Variables)
            {
                var generic = v.Name.StartsWith(d.Domain, StringComparison.Ordinal) ? "--" + v.Name[d.Domain.Length..] : v.Name;
                if (IgVariable(c, d, v.Name) is null && !classNames.Contains(generic) && !classNames.Contains(v.Name) && !c.List("allowed").Contains(generic))
                {
                    c.Report(d, v.Name, null, v.Name, $"{v.Name} is not a variable of {d.Domain} in {(d.IsAdam ? "ADaMIG" : "SDTMIG")}; non-standard variables go to SUPP{d.Domain}.");
                }
            }
        }
    }

    public static void IgType(RuleContext c)
    {
        foreach (var d in AdamClasses.InScope(c))
        {
            if (IgVariables(c, d).Count == 0)
            {
                continue;
            }

            c.Applicable = true;
            foreach (var v in d.Variables)
            {
                var ig = IgVariable(c, d, v.Name);
                if (ig is null)
                {
                    continue;
                }

                var isNum = v.Type == XptVariableType.Numeric;
                var wantNum = ig.Type == VariableDataType.Num;
                if (isNum != wantNum)
                {
                    c.Report(d, v.Name, null, isNum ? "Num" : "Char", $"{v.Name} is {(isNum ? "Num" : "Char")}; the IG defines it {(wantNum ? "Num" : "Char")}.");
                }
            }
        }
    }

    /// <summary>
    /// A character variable is declared no longer than its longest value. The splits of a domain are judged together:
    /// a variable of LBCH may be as long as the longest value of LBTESTCD in LBCH, LBHE and LBUR (SDTMIG 4.1.7; the
    /// same variable has the same length in every split).
    /// </summary>
    public static void LengthFit(RuleContext c)
    {
        foreach (var group in SplitDatasets.Domains(AdamClasses.InScope(c).Where(d => d.RowCount > 0)))
        {
            c.Applicable = true;
            var longest = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var d in group)
            {
                for (var j = 0; j < d.Variables.Count; j++)
                {
                    var v = d.Variables[j];
                    if (v.Type != XptVariableType.Character)
                    {
                        continue;
                    }

                    var column = d.Column(j);
                    var max = longest.GetValueOrDefault(v.Name, 1);
                    for (var k = 0; k < column.DistinctCount; k++)
                    {
                        max = Math.Max(max, System.Text.Encoding.UTF8.GetByteCount(column.TextOf(k)));
                    }

                    longest[v.Name] = max;
                }
            }

            var across = group.Count > 1 ? $" across {SplitDatasets.NameOf(group)}" : "";
            foreach (var d in group)
            {
                foreach (var v in d.Variables.Where(v => v.Type == XptVariableType.Character && v.Length > longest[v.Name]))
                {
                    c.Report(d, v.Name, null, $"{v.Length}", $"{v.Name} is declared {v.Length} bytes; the longest value{across} has {longest[v.Name]}.");
                }
            }
        }
    }

    /// <summary>params: codes (suffixes such as --TESTCD), texts (--TEST), textMax, textExcept.</summary>
    public static void CodeFormat(RuleContext c)
    {
        var textMax = int.Parse(c.Param("textMax", "40"), System.Globalization.CultureInfo.InvariantCulture);
        var textExcept = c.List("textExcept", "IE|TI");
        foreach (var d in AdamClasses.InScope(c))
        {
            foreach (var pattern in c.List("codes"))
            {
                var name = d.Var(pattern);
                if (!d.Has(name))
                {
                    continue;
                }

                c.Applicable = true;
                var column = d.Column(name)!;
                foreach (var r in column.RowsWhere(column.Where(s => s.Length > 0 && !CodeName().IsMatch(s))))
                {
                    var s = column.Text(r);
                    c.Report(d, name, r, s, $"{name} '{s}' must be at most 8 characters A-Z 0-9 _, not starting with a digit.");
                }
            }

            if (textExcept.Contains(d.Domain))
            {
                continue;
            }

            foreach (var pattern in c.List("texts"))
            {
                var name = d.Var(pattern);
                if (!d.Has(name))
                {
                    continue;
                }

                c.Applicable = true;
                var column = d.Column(name)!;
                foreach (var r in column.RowsWhere(column.Where(s => s.Length > textMax)))
                {
                    var s = column.Text(r);
                    c.Report(d, name, r, s, $"{name} has {s.Length} characters; at most {textMax}.");
                }
            }
        }
    }

    /// <summary>
    /// params: required, parameters separated by '|'; <c>A/B</c> is satisfied by either; <c>A@P=V</c> is required only
    /// when TS has a parameter P whose TSVAL is V (CURTRT@ADDON=Y: the current therapy is needed only for an add-on
    /// trial; RANDQT@RANDOM=Y; TDIGRP@HLTSUBJI=Y).
    /// </summary>
    public static void TsParameters(RuleContext c)
    {
        foreach (var ts in c.Package.Domain("TS"))
        {
            c.Applicable = true;
            var present = Enumerable.Range(0, ts.RowCount).Select(r => ts.Text(r, "TSPARMCD")).ToHashSet(StringComparer.Ordinal);
            var values = Enumerable.Range(0, ts.RowCount).Select(r => (Code: ts.Text(r, "TSPARMCD"), Value: ts.Text(r, "TSVAL"))).ToHashSet();
            foreach (var entry in c.List("required"))
            {
                var at = entry.IndexOf('@', StringComparison.Ordinal);
                var p = at < 0 ? entry : entry[..at];
                if (at >= 0)
                {
                    var condition = entry[(at + 1)..].Split('=', 2);
                    if (!values.Contains((condition[0], condition.Length > 1 ? condition[1] : "")))
                    {
                        continue;
                    }
                }

                var alternatives = p.Split('/');
                if (!alternatives.Any(present.Contains))
                {
                    var why = at < 0 ? "" : $" (required because {entry[(at + 1)..]})";
                    c.Report(ts, "TSPARMCD", null, p, $"TS has no TSPARMCD {p} record{why}.");
                }
            }
        }
    }

    public static void TsValueOrNullFlavor(RuleContext c)
    {
        var flavors = c.List("nullFlavors", "UNK|NA|NI|NASK|ASKU|NAV|NP|OTH|PINF|NINF|QS|TRC|MSK").ToHashSet(StringComparer.Ordinal);
        foreach (var ts in c.Package.Domain("TS"))
        {
            c.Applicable = true;
            for (var r = 0; r < ts.RowCount; r++)
            {
                var val = ts.Text(r, "TSVAL");
                var nf = ts.Text(r, "TSVALNF");
                if (val.Length == 0 && nf.Length == 0)
                {
                    c.Report(ts, "TSVAL", r, ts.Text(r, "TSPARMCD"), "TSVAL and TSVALNF are both null; one must be populated.");
                }
                else if (val.Length > 0 && nf.Length > 0)
                {
                    c.Report(ts, "TSVALNF", r, nf, "TSVAL and TSVALNF are both populated; they are mutually exclusive.");
                }
                else if (flavors.Contains(val))
                {
                    c.Report(ts, "TSVAL", r, val, $"TSVAL holds the null flavor '{val}'; put it in TSVALNF.");
                }
            }
        }
    }
}
