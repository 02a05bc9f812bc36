using CdiscExport.Conformance.Evaluation.Operations;
using CdiscExport.Conformance.Evaluation.Operators;
using CdiscExport.Conformance.Language;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Conformance.Evaluation;

/// <summary>
/// One issue a rule raised: where (dataset, record, subject) and the output variables with their values (a
/// variable the dataset lacks shows "Not in dataset", as CORE's reports show it).
/// </summary>
/// <param name="Dataset">The dataset (a split dataset's own name), or STUDY for domain-presence rules.</param>
/// <param name="Record">The record number (1-based), or null for dataset-level issues.</param>
/// <param name="Usubjid">The subject, when the record has one.</param>
/// <param name="Values">Output variables and values, in the rule's order.</param>
/// <param name="Message">The rule's message with <c>--</c> standing for the dataset's domain prefix.</param>
internal sealed record Issue(string Dataset, int? Record, string? Usubjid, IReadOnlyList<(string Variable, Value Value)> Values, string Message);

/// <summary>What running one rule gave: status, a reason when it did not run, the issues, and per-dataset notes.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Status">passed, issues, not_applicable, not_executable or execution_error.</param>
/// <param name="Reason">Why it did not run (or ran partly), or null.</param>
/// <param name="Issues">The issues in dataset order.</param>
/// <param name="DatasetsRun">How many datasets the check was evaluated on.</param>
/// <param name="Skipped">Datasets in scope the rule could not be evaluated on, and why (a variable it reads is absent).</param>
internal sealed record RuleRun(RuleDefinition Rule, RuleStatus Status, string? Reason, IReadOnlyList<Issue> Issues, int DatasetsRun, IReadOnlyList<(string Dataset, string Reason)> Skipped);

/// <summary>
/// Runs rules of CORE's language over a <see cref="Study"/>, following CORE's engine: each dataset in scope
/// (a domain's split datasets together), a frame built as the rule type says, the <c>Match Datasets</c> joined,
/// the <c>Operations</c> computed, then the <c>Check</c>; a dataset lacking a variable the rule reads is skipped.
/// </summary>
internal static class RuleRunner
{
    /// <summary>The rule types the engine builds frames for.</summary>
    public static IReadOnlyCollection<string> RuleTypes { get; } =
    [
        "Record Data", "Domain Presence Check", "Dataset Metadata Check", "Variable Metadata Check",
        "Value Check with Dataset Metadata", "Value Check with Variable Metadata",
    ];

    /// <summary>Runs one rule over the study.</summary>
    public static RuleRun Run(RuleDefinition rule, Study study)
    {
        var issues = new List<Issue>();
        var byDomain = new Dictionary<string, List<Issue>>(StringComparer.Ordinal);
        var ran = 0;
        var skipped = new List<(string Dataset, string Reason)>();
        string? notExecutable = null;
        string? error = null;
        if (!RuleTypes.Contains(rule.RuleType))
        {
            return new RuleRun(rule, RuleStatus.NotExecutable, $"rule type \"{rule.RuleType}\" needs define.xml or CDISC Library content this engine does not evaluate yet", [], 0, []);
        }

        foreach (var dataset in study.Datasets)
        {
            if (byDomain.ContainsKey(dataset.UnsplitName) && rule.Scope.IncludeSplitDatasets != true)
            {
                continue;
            }

            if (!AppliesTo(rule, dataset))
            {
                continue;
            }

            try
            {
                var found = RunOn(rule, study, dataset, out var evaluated);
                byDomain[dataset.UnsplitName] = found;
                if (evaluated)
                {
                    ran++;
                }
            }
            catch (MissingColumnException e)
            {
                byDomain[dataset.UnsplitName] = [];
                skipped.Add((dataset.Name, e.Message));
            }
            catch (DomainNotFoundException e)
            {
                byDomain[dataset.UnsplitName] = [];
                skipped.Add((dataset.Name, e.Message));
            }
            catch (NotExecutableException e)
            {
                notExecutable ??= e.Message;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error ??= $"{dataset.Name}: {e.GetType().Name}: {e.Message}";
            }
        }

        foreach (var found in byDomain.Values)
        {
            issues.AddRange(found);
        }

        if (error is not null)
        {
            return new RuleRun(rule, RuleStatus.ExecutionError, error, issues, ran, skipped);
        }

        if (notExecutable is not null && issues.Count == 0 && ran == 0)
        {
            return new RuleRun(rule, RuleStatus.NotExecutable, notExecutable, issues, ran, skipped);
        }

        if (notExecutable is not null)
        {
            // It ran on some datasets and could not on others: its findings stand, and the reason says where it did not run.
            return new RuleRun(rule, issues.Count > 0 ? RuleStatus.Issues : RuleStatus.Passed, "not run on every dataset: " + notExecutable, issues, ran, skipped);
        }

        if (issues.Count > 0)
        {
            return new RuleRun(rule, RuleStatus.Issues, null, issues, ran, skipped);
        }

        if (ran > 0)
        {
            return new RuleRun(rule, RuleStatus.Passed, null, issues, ran, skipped);
        }

        var reason = skipped.Count > 0
            ? "no dataset in scope has what the rule reads (" + string.Join("; ", skipped.Take(3).Select(x => x.Dataset + ": " + x.Reason)) + (skipped.Count > 3 ? "; ..." : "") + ")"
            : "no dataset in the package is in the rule's scope";
        return new RuleRun(rule, RuleStatus.NotApplicable, reason, issues, ran, skipped);
    }

    /// <summary>
    /// CORE's scope test: the dataset's domain or name is included (or the include list is empty or ALL; SUPP--,
    /// SQ--, AP-- match those datasets) and not excluded; split datasets follow <c>include_split_datasets</c>; the
    /// dataset's class is included (an undetected class is in no named class) and not excluded.
    /// </summary>
    public static bool AppliesTo(RuleDefinition rule, StudyDataset dataset)
    {
        var scope = rule.Scope;
        var included = scope.Domains.Include;
        var excluded = scope.Domains.Exclude;
        var split = scope.IncludeSplitDatasets;
        bool Pattern(IReadOnlyList<string> list) =>
            (dataset.IsSupp && list.Any(x => x is "SUPP--" or "SQ--")) || (dataset.IsAp && !dataset.IsSupp && list.Any(x => x is "AP--" or "APFA--"));

        bool isIncluded;
        if (included.Count == 0)
        {
            isIncluded = !(split == true && !dataset.IsSplit);
        }
        else
        {
            isIncluded = (dataset.Domain is { } d && included.Contains(d)) || included.Contains(dataset.Name) || included.Contains("ALL") || Pattern(included);
        }

        var isExcluded = excluded.Count > 0 &&
            ((dataset.Domain is { } e && excluded.Contains(e)) || excluded.Contains(dataset.Name) || excluded.Contains(dataset.UnsplitName) || excluded.Contains("ALL") || Pattern(excluded));
        if (split == true && dataset.IsSplit && !isExcluded)
        {
            isIncluded = true;
        }

        if (split == false && dataset.IsSplit)
        {
            isExcluded = true;
        }

        if (!isIncluded || isExcluded)
        {
            return false;
        }

        var classes = scope.Classes;
        if (classes.Include.Count > 0 && !classes.Include.Contains("ALL"))
        {
            var c = dataset.Class;
            if (c is null || (!classes.Include.Contains(c) && !(c == "FINDINGS ABOUT" && classes.Include.Contains("FINDINGS"))))
            {
                return false;
            }
        }

        if (classes.Exclude.Count > 0 && dataset.Class is { } cls && (classes.Exclude.Contains(cls) || (cls == "FINDINGS ABOUT" && classes.Exclude.Contains("FINDINGS"))))
        {
            return false;
        }

        return true;
    }

    private static List<Issue> RunOn(RuleDefinition rule, Study study, StudyDataset dataset, out bool evaluated)
    {
        evaluated = false;
        var issues = new List<Issue>();
        foreach (var frame in FramesOf(rule, study, dataset))
        {
            var context = new CheckContext(frame, dataset, study, rule);
            if (rule.MatchDatasets.Count > 0)
            {
                context.Frame = Joins.Apply(context, rule);
            }

            if (rule.Operations.Count > 0)
            {
                context.Frame = CopyOf(context.Frame);
                OperationRunner.Run(context, rule.Operations);
            }

            if (context.Frame.RowCount == 0)
            {
                continue;
            }

            evaluated = true;
            var hits = OperatorRegistry.Evaluate(context, rule.Check);
            issues.AddRange(IssuesOf(rule, context, hits));
        }

        // A dataset-level rule evaluated block by block still gives one issue per dataset.
        if (issues.Count > 1 && rule.Sensitivity.Equals("Dataset", StringComparison.OrdinalIgnoreCase))
        {
            var datasets = string.Join(", ", issues.SelectMany(i => i.Dataset.Split(", ")).Distinct().Order(StringComparer.Ordinal));
            issues = [issues[0] with { Dataset = datasets }];
        }

        return issues;
    }

    /// <summary>
    /// The frames a rule is evaluated on: one (BuildFrame), except the cell-by-cell value checks, evaluated one
    /// variable at a time (each block is the variable's own column under the name variable_value, with its
    /// metadata as constants) instead of on a frame of every cell: the same rows in CORE's order (variable by
    /// variable), without copying a dataset of a million records thirty times.
    /// </summary>
    private static IEnumerable<Frame> FramesOf(RuleDefinition rule, Study study, StudyDataset dataset)
    {
        if (rule.RuleType is "Value Check with Dataset Metadata" or "Value Check with Variable Metadata")
        {
            var withDataset = rule.RuleType == "Value Check with Dataset Metadata";
            foreach (var split in study.SplitsOf(dataset.UnsplitName))
            {
                for (var i = 0; i < split.Variables.Count; i++)
                {
                    yield return ValueBlock(split, i, withDataset);
                }
            }

            yield break;
        }

        yield return BuildFrame(rule, study, dataset);
    }

    private static Frame ValueBlock(StudyDataset d, int variable, bool withDatasetMetadata)
    {
        var contents = d.Contents;
        var rows = contents.RowCount;
        var meta = d.Variables[variable];
        var frame = Frame.ForDataset(d.Name, rows);
        frame.Set(RecordNumbers(rows));
        frame.Set(FrameColumn.Constant("variable_name", Value.Of(meta.Name), rows));
        var column = contents.Columns[variable];
        frame.Set(column.Renamed("variable_value"));
        if (withDatasetMetadata)
        {
            foreach (var name in new[] { "dataset_size", "dataset_location", "dataset_name", "dataset_label", "record_count", "is_ap", "ap_suffix", "domain" })
            {
                frame.Set(FrameColumn.Constant(name, OperationRunner.DatasetMetadata(d, name), rows));
            }
        }
        else
        {
            frame.Set(FrameColumn.Constant("variable_order_number", Value.Of((long)meta.Order), rows));
            frame.Set(FrameColumn.Constant("variable_label", Value.Of(meta.Label), rows));
            frame.Set(FrameColumn.Constant("variable_size", meta.Size is int s ? Value.Of((long)s) : Value.Null, rows));
            frame.Set(FrameColumn.Constant("variable_data_type", Value.Of(meta.DataType), rows));
            frame.Set(FrameColumn.Constant("variable_format", Value.Of(meta.Format), rows));
            frame.Set(new FrameColumn("variable_value_length", column.Codes,
                column.Distinct.Select(v => meta.DataType == "Char" && v.Text is { } t ? Value.Of((long)t.Length) : Value.Null).ToArray()));
        }

        return frame;
    }

    // row_number 1..n, shared by every block of a dataset of n records.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, FrameColumn> RecordNumberColumns = new();

    private static FrameColumn RecordNumbers(int rows) => RecordNumberColumns.GetOrAdd(rows, n =>
    {
        var values = new Value[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = Value.Of((long)(i + 1));
        }

        return FrameColumn.Of("row_number", values);
    });

    private static Frame CopyOf(Frame f)
    {
        var copy = new Frame(f.RowCount, f.SourceNames, f.SourceNameOfRow, f.SourceRows);
        foreach (var c in f.Columns)
        {
            copy.Set(c);
        }

        return copy;
    }

    /// <summary>The frame a rule type evaluates (CORE's dataset builders).</summary>
    private static Frame BuildFrame(RuleDefinition rule, Study study, StudyDataset dataset)
    {
        switch (rule.RuleType)
        {
            case "Record Data":
                return study.ContentsOf(dataset);
            case "Domain Presence Check":
            {
                var frame = new Frame(1, ["STUDY"], [0], [0]);
                foreach (var d in study.Datasets)
                {
                    frame.Set(FrameColumn.Constant(d.UnsplitName, Value.Of(d.FileName), 1));
                }

                return frame;
            }

            case "Dataset Metadata Check":
                return Frame.Concat(study.SplitsOf(dataset.UnsplitName).Select(DatasetMetadataFrame).ToList());
            case "Variable Metadata Check":
                return Frame.Concat(study.SplitsOf(dataset.UnsplitName).Select(d => VariableMetadataFrame(d, rule)).ToList());
            default:
                throw new NotExecutableException(ConformanceMessages.RuleTypeNotImplemented(rule.RuleType));
        }
    }

    private static Frame DatasetMetadataFrame(StudyDataset d)
    {
        var frame = Frame.ForDataset(d.Name, 1);
        foreach (var name in new[] { "dataset_size", "dataset_location", "dataset_name", "dataset_label", "record_count", "is_ap", "ap_suffix", "domain" })
        {
            frame.Set(FrameColumn.Constant(name, OperationRunner.DatasetMetadata(d, name), 1));
        }

        return frame;
    }

    private static Frame VariableMetadataFrame(StudyDataset d, RuleDefinition rule)
    {
        var vars = d.Variables;
        var frame = Frame.ForDataset(d.Name, vars.Count);
        frame.Set(FrameColumn.Of("variable_name", vars.Select(v => Value.Of(v.Name)).ToArray()));
        frame.Set(FrameColumn.Of("variable_order_number", vars.Select(v => Value.Of((long)v.Order)).ToArray()));
        frame.Set(FrameColumn.Of("variable_label", vars.Select(v => Value.Of(v.Label)).ToArray()));
        frame.Set(FrameColumn.Of("variable_size", vars.Select(v => v.Size is int s ? Value.Of((long)s) : Value.Null).ToArray()));
        frame.Set(FrameColumn.Of("variable_data_type", vars.Select(v => Value.Of(v.DataType)).ToArray()));
        frame.Set(FrameColumn.Of("variable_format", vars.Select(v => Value.Of(v.Format)).ToArray()));
        if (MentionsMaxSize(rule))
        {
            var contents = d.Contents;
            frame.Set(FrameColumn.Of("variable_max_size", vars.Select(v =>
            {
                var col = contents.Column(v.Name);
                return Value.Of((long)(col is null ? 0 : OperatorRegistry.ValuesOf(col).Where(x => !x.IsNull).Select(x => x.ToString().Length).DefaultIfEmpty(0).Max()));
            }).ToArray()));
        }

        return frame;
    }

    private static bool MentionsMaxSize(RuleDefinition rule) =>
        rule.Outcome.OutputVariables.Contains("variable_max_size") || rule.Operations.Any(o => o.Operator == "variable_max_size") ||
        rule.Check.Tests().Any(t => t.Name == "variable_max_size" || t.Param("value") as string == "variable_max_size");

    /// <summary>The rows where the check holds, as issues: one per row (Record sensitivity) or one per dataset.</summary>
    private static List<Issue> IssuesOf(RuleDefinition rule, CheckContext context, bool[] hits)
    {
        var frame = context.Frame;
        var flagged = new List<int>();
        for (var r = 0; r < hits.Length; r++)
        {
            if (hits[r])
            {
                flagged.Add(r);
            }
        }

        if (flagged.Count == 0)
        {
            return [];
        }

        var targets = OutputVariables(rule, context);

        // A target holding lists of variable names (e.g. $TIMING_VARIABLES) brings those variables along, as CORE shows them.
        foreach (var target in targets.ToList())
        {
            if (frame.Column(target) is { } listColumn)
            {
                foreach (var r in flagged)
                {
                    foreach (var item in listColumn[r].Items)
                    {
                        var name = item.ToString();
                        if (frame.Has(name) && !targets.Contains(name))
                        {
                            targets.Add(name);
                        }
                    }
                }
            }
        }
        var usubjid = frame.Column("USUBJID");
        var presence = rule.RuleType.Contains("domain presence", StringComparison.OrdinalIgnoreCase);
        var message = rule.Outcome.Message.Replace("--", context.Dataset.Wildcard, StringComparison.Ordinal);
        IReadOnlyList<(string, Value)> ValuesAt(int row) => targets.Select(t => (t, frame.Column(t) is { } col ? col[row] : Value.Of("Not in dataset"))).ToList();

        if (rule.Sensitivity.Equals("Dataset", StringComparison.OrdinalIgnoreCase))
        {
            var datasetName = presence ? "STUDY" : string.Join(", ", flagged.Select(frame.SourceOf).Distinct().Order(StringComparer.Ordinal));
            return [new Issue(datasetName, null, null, ValuesAt(flagged[0]), message)];
        }

        return flagged.Select(r => new Issue(
            presence ? "STUDY" : frame.SourceOf(r),
            presence || frame.SourceRows[r] == 0 ? null : frame.SourceRows[r],
            usubjid?[r] is { IsNull: false } u ? u.ToString() : null,
            ValuesAt(r),
            message)).ToList();
    }

    /// <summary>
    /// The variables an issue shows: the rule's Output Variables (<c>--</c> resolved), else the targets of its
    /// tests in order.
    /// </summary>
    private static List<string> OutputVariables(RuleDefinition rule, CheckContext context)
    {
        var source = rule.Outcome.OutputVariables.Count > 0
            ? rule.Outcome.OutputVariables.Select(v => ReplaceFirst(v, context.Dataset.Wildcard))
            : rule.Check.Tests().Where(t => t.Name is not null).Select(t => t.Name!.Replace("--", context.Dataset.Wildcard, StringComparison.Ordinal));
        var result = new List<string>();
        foreach (var name in source)
        {
            if (!result.Contains(name))
            {
                result.Add(name);
            }
        }

        return result;
    }

    private static string ReplaceFirst(string s, string with)
    {
        var i = s.IndexOf("--", StringComparison.Ordinal);
        return i < 0 ? s : s[..i] + with + s[(i + 2)..];
    }
}
