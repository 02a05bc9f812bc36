using System.Globalization;
using CdiscExport.Conformance.Evaluation.Operators;
using CdiscExport.Conformance.Language;
using CdiscExport.Core.Standards;

namespace CdiscExport.Conformance.Evaluation.Operations;

/// <summary>
/// Runs a rule's <c>Operations</c>: each computes a column (named by the step's <c>id</c>) from the frame, another
/// dataset, the study or the implementation guide's metadata, before the check reads it.
/// </summary>
internal static class OperationRunner
{
    /// <summary>Operations the engine knows.</summary>
    public static IReadOnlyCollection<string> Names { get; } =
    [
        "distinct", "record_count", "min_date", "max_date", "dy", "study_domains", "dataset_names", "variable_count",
        "variable_exists", "extract_metadata", "get_column_order_from_dataset", "domain_label", "required_variables",
        "expected_variables", "get_column_order_from_library", "get_dataset_filtered_variables", "domain_is_custom",
        "max", "min",
    ];

    /// <summary>Runs every step in order, adding a column per step.</summary>
    /// <exception cref="NotExecutableException">A step needs an operation or content the engine does not have.</exception>
    /// <exception cref="MissingColumnException">A step reads a variable the data lacks (the dataset is skipped).</exception>
    public static void Run(CheckContext context, IReadOnlyList<OperationStep> steps)
    {
        foreach (var step in steps)
        {
            Run(context, step);
        }
    }

    private static void Run(CheckContext c, OperationStep step)
    {
        var frame = c.Frame;
        var rows = frame.RowCount;
        var target = step.Name is { } n ? (n.StartsWith("--", StringComparison.Ordinal) && step.Domain is { } d ? WildcardFor(c, d) + n[2..] : c.Resolve(n)) : null;
        switch (step.Operator)
        {
            case "distinct" when step.Parameters.GetValueOrDefault("value_is_reference") is true:
                DistinctReferences(c, step, target);
                return;
            case "distinct":
                Grouped(c, step, target, values => Value.List(Distinct(values)), values => Value.List(Distinct(values)));
                return;
            case "record_count":
                RecordCount(c, step);
                return;
            case "min_date":
                RequireDates(c, step, target);
                Grouped(c, step, target, values => DateExtreme(values, min: true), values => TextExtreme(values, min: true));
                return;
            case "max_date":
                RequireDates(c, step, target);
                Grouped(c, step, target, values => DateExtreme(values, min: false), values => TextExtreme(values, min: false));
                return;
            case "max":
                Grouped(c, step, target, values => Extreme(values, min: false), values => Extreme(values, min: false));
                return;
            case "min":
                Grouped(c, step, target, values => Extreme(values, min: true), values => Extreme(values, min: true));
                return;
            case "dy":
                StudyDay(c, step, target!);
                return;
            case "study_domains":
                Constant(c, step, Value.List(c.Study.Datasets.Select(ds => Value.Of(ds.Domain)).Distinct()));
                return;
            case "dataset_names":
                Constant(c, step, Value.List(c.Study.Datasets.Select(ds => ds.Name).Distinct()));
                return;
            case "variable_count":
            {
                var original = step.Name ?? "";
                var count = c.Study.Datasets.GroupBy(ds => ds.UnsplitName).Select(g => g.First())
                    .Count(ds => ds.Has(original.StartsWith("--", StringComparison.Ordinal) ? ds.Wildcard + original[2..] : original));
                Constant(c, step, Value.Of((long)count));
                return;
            }

            case "variable_exists":
                Constant(c, step, Value.Of(target is not null && SourceFrame(c, step).Has(target)));
                return;
            case "extract_metadata":
                Constant(c, step, DatasetMetadata(c.Dataset, target ?? ""));
                return;
            case "get_column_order_from_dataset":
                Constant(c, step, Value.List(SourceFrame(c, step).Names));
                return;
            case "domain_label":
            {
                var domain = step.Domain ?? c.Dataset.UnsplitName;
                Constant(c, step, Value.Of(Guide(c).FindDataset(domain)?.Label ?? ""));
                return;
            }

            case "required_variables" when c.Study.GuideIsNearest:
            {
                // The guide is another version's (a 3.3 package judged with 3.4's metadata): its Required variables
                // that the dataset has. A variable 3.4 added is absent from an older version's dataset, so it is never
                // asked for; one the dataset has is held Required as 3.4 holds it (Core status of the variables the
                // versions share is taken as unchanged). So AEDECOD null is still found, a missing variable is not.
                var present = SourceFrame(c, step);
                Constant(c, step, Value.List(LibraryVariables(c, step, v => v.Core == CoreCategory.Required).Where(present.Has)));
                return;
            }

            case "required_variables":
                Constant(c, step, Value.List(LibraryVariables(c, step, v => v.Core == CoreCategory.Required)));
                return;
            case "expected_variables":
                ThisVersionsVariables(c, step);
                Constant(c, step, Value.List(LibraryVariables(c, step, v => v.Core == CoreCategory.Expected)));
                return;
            case "get_column_order_from_library":
                ThisVersionsVariables(c, step);
                // For the general observation classes CORE takes the SDTM model's class variables (overlaid with the
                // guide's); only the guide's are shipped, which is the whole list for the other classes.
                if (c.Dataset.Class is "EVENTS" or "INTERVENTIONS" or "FINDINGS" or "FINDINGS ABOUT")
                {
                    throw new NotExecutableException(ConformanceMessages.NeedsClassVariablesToOrder(c.Dataset.Class));
                }

                Constant(c, step, Value.List(LibraryVariables(c, step, _ => true)));
                return;
            case "get_dataset_filtered_variables":
            {
                // Only variables the dataset has are listed, so the nearest guide serves as for required_variables:
                // a variable's role (Timing, Topic, ...) is the same in the versions that have it.
                var key = step.Parameters.GetValueOrDefault("key_name") as string;
                var value = step.Parameters.GetValueOrDefault("key_value") as string;
                var names = LibraryVariables(c, step, v => key is null || LibraryAttribute(v, key) == value);
                var present = SourceFrame(c, step);
                Constant(c, step, Value.List(names.Where(present.Has)));
                return;
            }

            case "domain_is_custom":
            {
                var domain = step.Domain ?? c.Dataset.UnsplitName;
                Constant(c, step, Value.Of(Guide(c).FindDataset(domain) is null));
                return;
            }

            default:
                throw new NotExecutableException(ConformanceMessages.OperationNotImplemented(step.Operator, step.Line));
        }
    }

    private static ImplementationGuide Guide(CheckContext c) =>
        c.Study.Guide ?? throw new NotExecutableException(ConformanceMessages.NeedsStandardMetadata(c.Study.Standard, c.Study.Version));

    /// <summary>
    /// An operation that lists which variables a domain has (or their Core status or order) answers only from the
    /// judged version's own metadata: the versions differ there (SDTMIG 3.4 added SV's SVCNTMOD, among others).
    /// </summary>
    private static void ThisVersionsVariables(CheckContext c, OperationStep step)
    {
        if (c.Study.GuideIsNearest)
        {
            throw new NotExecutableException(
                $"operation {step.Operator} needs {c.Study.Standard} {c.Study.Version}'s variable metadata, which is not shipped; which variables a domain has and their Core status differ between versions, so SDTMIG {Guide(c).Version}'s cannot stand in for it");
        }
    }

    private static string? LibraryAttribute(StandardVariable v, string key) => key switch
    {
        "role" => v.Role,
        "core" => v.Core switch { CoreCategory.Required => "Req", CoreCategory.Expected => "Exp", CoreCategory.Permissible => "Perm", _ => "" },
        "name" => v.Name,
        _ => null,
    };

    /// <summary>The guide's variables of the domain in guide order, <c>--</c> replaced, filtered.</summary>
    private static List<string> LibraryVariables(CheckContext c, OperationStep step, Func<StandardVariable, bool> keep)
    {
        var guide = Guide(c);
        var domain = step.Domain ?? c.Dataset.UnsplitName;
        var lookup = c.Dataset.IsSupp ? "SUPPQUAL" : domain;
        var variables = guide.VariablesOf(lookup);
        if (variables.Count == 0)
        {
            throw new NotExecutableException(ConformanceMessages.NeedsClassVariablesForCustomDomain(domain));
        }

        var prefix = c.Dataset.Wildcard;
        return variables.Where(keep).OrderBy(v => v.Order).Select(v => v.Name.StartsWith("--", StringComparison.Ordinal) ? prefix + v.Name[2..] : v.Name).ToList();
    }

    private static string WildcardFor(CheckContext c, string domain) => c.Study.Find(domain)?.Wildcard ?? domain;

    /// <summary>
    /// The frame an operation reads (CORE's <c>is_current_domain</c>): the frame under evaluation when its DOMAIN is
    /// the operation's domain (by default the dataset's), otherwise that domain's first dataset as read from its
    /// file. So an operation on a frame without DOMAIN (SUPP--, metadata frames) reads the dataset itself, and one
    /// on RELREC, RELSUB, CO or SUPP-- always does.
    /// </summary>
    private static Frame SourceFrame(CheckContext c, OperationStep step)
    {
        var domain = step.Domain ?? c.Dataset.UnsplitName;
        if ((domain.StartsWith("SUPP", StringComparison.Ordinal) || domain.StartsWith("SQ", StringComparison.Ordinal)) &&
            domain.EndsWith("--", StringComparison.Ordinal) && c.Dataset.RDomain is { } rd)
        {
            domain = domain.Replace("--", rd, StringComparison.Ordinal);
        }

        var relationship = domain is "RELREC" or "RELSUB" or "CO" || domain.StartsWith("SUPP", StringComparison.Ordinal) || domain.StartsWith("SQ", StringComparison.Ordinal);
        if (!relationship && c.Frame.Column("DOMAIN") is { } dc && c.Frame.RowCount > 0 && dc[0].Text == domain)
        {
            return c.Frame;
        }

        var other = c.Study.Datasets.FirstOrDefault(d => d.UnsplitName == domain || (domain.EndsWith("--", StringComparison.Ordinal) && d.UnsplitName.StartsWith(domain[..^2], StringComparison.Ordinal)))
            ?? throw new DomainNotFoundException(domain);
        return other.Contents;
    }

    /// <summary>The rows an operation's <c>filter</c> keeps (equality, or a prefix for values ending in <c>&amp;</c>).</summary>
    private static List<int> Filtered(Frame frame, OperationStep step)
    {
        var rows = Enumerable.Range(0, frame.RowCount).ToList();
        foreach (var (variable, raw) in step.Filter)
        {
            var column = frame.Column(variable) ?? throw new MissingColumnException(variable);
            if (raw is string s && s.EndsWith('&'))
            {
                var prefix = s.TrimEnd('&');
                rows = rows.Where(r => column[r].Text is { } t && t.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            }
            else
            {
                var wanted = Value.FromYaml(raw);
                rows = rows.Where(r => column[r].Equals(wanted)).ToList();
            }
        }

        return rows;
    }

    private static void Constant(CheckContext c, OperationStep step, Value value) =>
        c.Frame.Set(FrameColumn.Constant(step.Id, value, c.Frame.RowCount));

    /// <summary>
    /// An operation over the target's values: one value for the whole source without <c>group</c>; with it, one per
    /// group, joined back to the frame by the group variables (records of a group the source lacks get null).
    /// </summary>
    private static void Grouped(CheckContext c, OperationStep step, string? target, Func<IEnumerable<Value>, Value> whole, Func<IEnumerable<Value>, Value> perGroup)
    {
        var source = SourceFrame(c, step);
        var rows = Filtered(source, step);
        var column = source.Column(target ?? "") ?? throw new MissingColumnException(target ?? "");
        var group = GroupNames(c, step);
        if (group.Count == 0)
        {
            Constant(c, step, whole(rows.Select(r => column[r])));
            return;
        }

        // pandas groupby drops null keys: records of the frame whose key has a null get null.
        var sourceKeys = group.Select(g => source.Column(g) ?? throw new MissingColumnException(g)).ToList();
        var coder = new KeyCoder(group.Count, nullIsValue: false);
        var sourceKey = coder.Encode(sourceKeys, source.RowCount, add: true);
        var members = new List<Value>?[coder.Count];
        foreach (var r in rows)
        {
            if (sourceKey[r] >= 0)
            {
                (members[sourceKey[r]] ??= []).Add(column[r]);
            }
        }

        var results = members.Select(m => m is null ? Value.Null : perGroup(m)).ToArray();
        var frameKey = FrameKey(c, source, sourceKey, coder, () => group.Select(g => c.Frame.Column(g) ?? throw new MissingColumnException(g)).ToList());
        var distinct = results.Append(Value.Null).ToArray();
        var codes = new int[c.Frame.RowCount];
        for (var r = 0; r < codes.Length; r++)
        {
            codes[r] = frameKey[r] >= 0 ? frameKey[r] : results.Length;
        }

        c.Frame.Set(new FrameColumn(step.Id, codes, distinct));
    }


    /// <summary>
    /// The group key of each record of the rule's frame: the source's own keys when the operation groups the frame
    /// itself (the same columns give the same codes), else the frame's key columns coded against the source's groups.
    /// </summary>
    private static int[] FrameKey(CheckContext c, Frame source, int[] sourceKey, KeyCoder coder, Func<List<FrameColumn>> frameKeys) =>
        ReferenceEquals(source, c.Frame) ? sourceKey : coder.Encode(frameKeys(), c.Frame.RowCount, add: false);

    /// <summary>
    /// The group variables, <c>--</c> resolved; a variable that holds a list of names (the result of an earlier
    /// operation, such as $TIMING_VARIABLES) stands for those names (CORE's <c>_expand_operation_results_in_grouping</c>).
    /// </summary>
    private static List<string> GroupNames(CheckContext c, OperationStep step)
    {
        var names = new List<string>();
        foreach (var g in step.Group)
        {
            var name = c.Resolve(g);
            if (c.Frame.Column(name) is { } col && c.Frame.RowCount > 0 && col[0].Kind == ValueKind.List)
            {
                names.AddRange(col[0].Items.Select(v => v.ToString()));
            }
            else
            {
                names.Add(name);
            }
        }

        return names.Distinct().ToList();
    }

    /// <summary>
    /// With a <c>regex</c>, a group column whose first value matches it is grouped by the matching part (e.g. the
    /// date part of --DTC), as CORE's record_count does.
    /// </summary>
    private static FrameColumn RegexKey(FrameColumn column, string? regex)
    {
        if (regex is null)
        {
            return column;
        }

        var first = OperatorRegistry.ValuesOf(column).FirstOrDefault(v => !v.IsNull);
        var pattern = OperatorRegistry.PythonRegex(@"\A(?:" + regex + ")");
        if (first.Text is not { } s || !pattern.IsMatch(s))
        {
            return column;
        }

        return new FrameColumn(column.Name, column.Codes, column.Distinct.Select(v => v.Text is { Length: > 0 } x && pattern.Match(x) is { Success: true } m ? Value.Of(m.Value) : v).ToArray());
    }


    /// <summary>
    /// CORE's <c>distinct</c> with <c>value_is_reference</c>: the target's values (variable names, e.g. IDVAR) that are
    /// variables of the dataset the record's RDOMAIN names; for SUPP--, CO and RELREC, the IDVARs that exist.
    /// </summary>
    private static void DistinctReferences(CheckContext c, OperationStep step, string? target)
    {
        var source = SourceFrame(c, step);
        var column = source.Column(target ?? "") ?? throw new MissingColumnException(target ?? "");
        var rdomain = source.Column("RDOMAIN");
        var found = new List<Value>();
        foreach (var r in Filtered(source, step))
        {
            var name = column[r];
            var domain = rdomain?[r].ToString() ?? "";
            if (!name.IsNull && c.Study.Datasets.FirstOrDefault(d => d.Name == domain) is { } referenced && referenced.Has(name.ToString()) && !found.Contains(name))
            {
                found.Add(name);
            }
        }

        Constant(c, step, Value.List(found));
    }

    private static IEnumerable<Value> Distinct(IEnumerable<Value> values) => values.Where(v => !v.IsNull).Distinct();

    /// <summary>
    /// CORE's <c>min_date</c>/<c>max_date</c> on a whole column: the dates parsed (pandas <c>to_datetime</c>), the
    /// extreme written as Python's <c>isoformat</c> ("2014-01-02T00:00:00"), "" when there is none.
    /// </summary>
    private static Value DateExtreme(IEnumerable<Value> values, bool min)
    {
        DateTime? best = null;
        foreach (var v in values)
        {
            if (v.Text is { } s && IsoDates.Parse(s) is { } p && p.Precision >= 0)
            {
                if (best is null || (min ? p.Date < best : p.Date > best))
                {
                    best = p.Date;
                }
            }
        }

        return best is DateTime b ? Value.Of(b.ToString(b.Millisecond > 0 || b.Ticks % TimeSpan.TicksPerSecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.ffffff" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)) : Value.Of("");
    }

    /// <summary>
    /// CORE reads the column with pandas' <c>to_datetime</c>, which fails on the first value that is not an ISO 8601
    /// date: so does this (the rule then ends in an execution error naming the value).
    /// </summary>
    private static void RequireDates(CheckContext c, OperationStep step, string? target)
    {
        var source = SourceFrame(c, step);
        if (source.Column(target ?? "") is not { } column)
        {
            return;
        }

        foreach (var v in OperatorRegistry.ValuesOf(column))
        {
            if (!v.IsNull && (v.Text is not { } s || IsoDates.Parse(s) is null))
            {
                throw new InvalidOperationException(ConformanceMessages.NotAnIsoDate(step.Operator, target, v));
            }
        }
    }

    /// <summary>Per group, CORE's grouped min/max is pandas' on the raw column: the lexically first or last text.</summary>
    private static Value TextExtreme(IEnumerable<Value> values, bool min)
    {
        var texts = values.Where(v => !v.IsNull).ToList();
        if (texts.Count == 0)
        {
            return Value.Null;
        }

        return min ? texts.MinBy(v => v.ToString(), StringComparer.Ordinal) : texts.MaxBy(v => v.ToString(), StringComparer.Ordinal);
    }

    /// <summary>pandas' min/max on a column: numbers by value, texts lexically, nulls skipped.</summary>
    private static Value Extreme(IEnumerable<Value> values, bool min)
    {
        var present = values.Where(v => !v.IsNull).ToList();
        if (present.Count == 0)
        {
            return Value.Null;
        }

        if (present.All(v => v.Kind == ValueKind.Number))
        {
            var numbers = present.Select(v => v.Number!.Value).ToList();
            return Value.Of(min ? numbers.Min() : numbers.Max());
        }

        return TextExtreme(present, min);
    }

    private static void RecordCount(CheckContext c, OperationStep step)
    {
        var source = SourceFrame(c, step);
        var filtered = Filtered(source, step);
        var group = GroupNames(c, step);
        if (group.Count == 0)
        {
            Constant(c, step, Value.Of((long)filtered.Count));
            return;
        }

        // Groups keep null keys (pandas dropna=False); a group whose filtered rows are none counts 0.
        var regex = step.Parameters.GetValueOrDefault("regex") as string;
        var sourceKeys = group.Select(g => RegexKey(source.Column(g) ?? throw new MissingColumnException(g), regex)).ToList();
        var coder = new KeyCoder(group.Count, nullIsValue: true);
        var sourceKey = coder.Encode(sourceKeys, source.RowCount, add: true);
        var counts = new long[coder.Count];
        foreach (var r in filtered)
        {
            counts[sourceKey[r]]++;
        }

        var frameKey = FrameKey(c, source, sourceKey, coder, () => group.Select(g => RegexKey(c.Frame.Column(g) ?? throw new MissingColumnException(g), regex)).ToList());
        var distinct = counts.Select(n => Value.Of(n)).Append(Value.Null).ToArray();
        var codes = new int[c.Frame.RowCount];
        for (var r = 0; r < codes.Length; r++)
        {
            codes[r] = frameKey[r] >= 0 ? frameKey[r] : counts.Length;
        }

        c.Frame.Set(new FrameColumn(step.Id, codes, distinct));
    }



    /// <summary>
    /// CORE's <c>dy</c>: the study day of the target date against DM.RFSTDTC of the subject (day 1 is RFSTDTC, no
    /// day 0), "" when either date is not a full ISO date.
    /// </summary>
    private static void StudyDay(CheckContext c, OperationStep step, string target)
    {
        var dm = c.Study.Datasets.Where(d => d.Domain == "DM").ToList();
        if (dm.Count == 0)
        {
            throw new DomainNotFoundException("DM");
        }

        var dmFrame = Frame.Concat(dm.Select(d => d.Contents).ToList());
        var subjects = dmFrame.Column("USUBJID") ?? throw new MissingColumnException("USUBJID");
        var reference = dmFrame.Column("RFSTDTC") ?? throw new MissingColumnException("RFSTDTC");
        var start = new Dictionary<Value, Value>();
        for (var r = 0; r < dmFrame.RowCount; r++)
        {
            start.TryAdd(subjects[r], reference[r]);
        }

        // Dates are read once per distinct value, subjects looked up once per distinct USUBJID.
        var dtc = c.Column(target);
        var usubjid = c.Column("USUBJID");
        var dtcDates = dtc.Distinct.Select(DateOnly).ToArray();
        var starts = usubjid.Distinct.Select(u => start.TryGetValue(u, out var rf) ? DateOnly(rf) : null).ToArray();
        var days = new Dictionary<long, int>();
        var distinct = new List<Value> { Value.Of("") };
        var codes = new int[c.Frame.RowCount];
        var dtcCodes = dtc.Codes;
        var subjectCodes = usubjid.Codes;
        for (var r = 0; r < codes.Length; r++)
        {
            if (dtcDates[dtcCodes[r]] is DateTime x && starts[subjectCodes[r]] is DateTime y)
            {
                var d = (x - y).Days;
                var day = d < 0 ? d : d + 1;
                if (!days.TryGetValue(day, out var code))
                {
                    code = distinct.Count;
                    distinct.Add(Value.Of((long)day));
                    days[day] = code;
                }

                codes[r] = code;
            }
        }

        c.Frame.Set(new FrameColumn(step.Id, codes, distinct.ToArray()));
    }


    // Python's datetime.fromisoformat(...).date(): a full date, optionally with a time.
    private static DateTime? DateOnly(Value v) =>
        v.Text is { } s && IsoDates.IsComplete(s) && IsoDates.Parse(s) is { } p ? p.Date.Date : null;

    /// <summary>A dataset-level attribute by CORE's name (dataset_size, dataset_name, dataset_label, record_count, ...).</summary>
    internal static Value DatasetMetadata(StudyDataset d, string attribute) => attribute switch
    {
        "dataset_size" => Value.Of(d.FileSize),
        "dataset_location" => Value.Of(d.FileName),
        "dataset_name" => Value.Of(d.Name),
        "dataset_label" => Value.Of(d.Label),
        "record_count" => Value.Of((long)d.RecordCount),
        "is_ap" => Value.Of(d.IsAp),
        "ap_suffix" => Value.Of(d.ApSuffix),
        "domain" => Value.Of(d.Domain),
        _ => Value.Null,
    };
}

/// <summary>An operation or join names a domain the study lacks: CORE skips the dataset for that rule.</summary>
internal sealed class DomainNotFoundException(string domain) : Exception($"the study has no {domain} dataset")
{
    /// <summary>The missing domain.</summary>
    public string Domain { get; } = domain;
}
