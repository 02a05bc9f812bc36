using System.Globalization;
using CdiscExport.Core.Datasets;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Derivations;

/// <summary>VISITNUM and VISIT from the raw visit label and the study's visit schedule.</summary>
internal static class DeriveVarsVisitExtension
{
    /// <summary>
    /// Adds VISITNUM and VISIT. A label matching a scheduled rule takes that rule's number and name (a pattern's
    /// <c>{1}</c> is its first group, so <c>C7D1</c> becomes VISITNUM 7, VISIT "CYCLE 7 DAY 1"). An unscheduled record
    /// takes the VISITNUM of the subject's last scheduled visit on or before its date plus .01 (.02 for the next one),
    /// and VISIT "UNSCHEDULED n.nn", the convention SDTMIG 4.4.5 describes. A label no rule knows is an error.
    /// </summary>
    public static Dataset DeriveVarsVisit(this Dataset dataset, IReadOnlyList<VisitRule> rules, string labelVar, string dateVar, Func<int, Exception> unknownLabel)
    {
        var labels = dataset[labelVar];
        var dates = dataset[dateVar];
        var usubjid = dataset["USUBJID"];
        var visitnum = new double?[dataset.RowCount];
        var visit = new string[dataset.RowCount];
        var unscheduled = new List<int>();
        var subjectsWithUnscheduled = new HashSet<string>(StringComparer.Ordinal);

        // A dataset repeats a few visit labels over all its records: each is matched against the rules once.
        var byLabel = new Dictionary<string, LabelVisit>(StringComparer.Ordinal);
        LabelVisit? last = null;
        for (var row = 0; row < dataset.RowCount; row++)
        {
            visit[row] = string.Empty;
            var label = labels.GetText(row);
            if (label.Length == 0)
            {
                continue;
            }

            if (last is null || !ReferenceEquals(last.Label, label))
            {
                if (!byLabel.TryGetValue(label, out last))
                {
                    var rule = rules.FirstOrDefault(r => r.Raw == label || (r.Pattern?.IsMatch(label) ?? false))
                        ?? throw unknownLabel(row);
                    last = Visit(rule, label);
                    byLabel[label] = last;
                }
            }

            if (last.Rule.Unscheduled)
            {
                unscheduled.Add(row);
                subjectsWithUnscheduled.Add(usubjid.GetText(row));
                continue;
            }

            visitnum[row] = last.VisitNum;
            visit[row] = last.Visit;
        }

        // Scheduled visits by date of each subject that has unscheduled ones, to place each unscheduled one after the
        // visit it follows.
        var scheduled = new Dictionary<string, HashSet<(string Date, double Num)>>(StringComparer.Ordinal);
        if (unscheduled.Count > 0)
        {
            for (var row = 0; row < dataset.RowCount; row++)
            {
                if (visitnum[row] is not { } num || dates.GetText(row).Length < 10 || !subjectsWithUnscheduled.Contains(usubjid.GetText(row)))
                {
                    continue;
                }

                if (!scheduled.TryGetValue(usubjid.GetText(row), out var visits))
                {
                    scheduled[usubjid.GetText(row)] = visits = [];
                }

                visits.Add((dates.GetText(row)[..10], num));
            }
        }

        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in unscheduled.OrderBy(r => usubjid.GetText(r), StringComparer.Ordinal).ThenBy(r => dates.GetText(r), StringComparer.Ordinal).ThenBy(r => r))
        {
            var date = dates.GetText(row);
            var before = scheduled.GetValueOrDefault(usubjid.GetText(row)) ?? [];
            var previous = before.Where(v => date.Length >= 10 && string.CompareOrdinal(v.Date, date[..10]) <= 0)
                .Select(v => v.Num).DefaultIfEmpty(0).Max();
            // Unscheduled visits after the same scheduled visit are numbered .01, .02... in date order; records of
            // one unscheduled visit (same date) share its number.
            var prefix = usubjid.GetText(row) + "\u001f" + previous.ToString(CultureInfo.InvariantCulture);
            var key = prefix + "\u001f" + date;
            if (!used.TryGetValue(key, out var n))
            {
                n = counts.GetValueOrDefault(prefix) + 1;
                counts[prefix] = n;
                used[key] = n;
            }

            var number = Math.Round(Math.Floor(previous) + (n / 100.0), 2);
            visitnum[row] = number;
            var name = byLabel[labels.GetText(row)].Rule.Visit;
            visit[row] = (name.Length > 0 ? name : "UNSCHEDULED") + " " + number.ToString("0.00", CultureInfo.InvariantCulture);
        }

        return dataset
            .WithColumn(NumericColumn.FromArray(new VariableMetadata("VISITNUM", "Visit Number", VariableKind.Numeric), visitnum))
            .WithColumn(CharacterColumn.FromArray(new VariableMetadata("VISIT", "Visit Name", VariableKind.Character), visit));
    }

    // A scheduled label's VISITNUM and VISIT (a pattern's {1} is its first group); an unscheduled label's rule only.
    private static LabelVisit Visit(VisitRule rule, string label)
    {
        if (rule.Unscheduled)
        {
            return new LabelVisit(label, rule, null, string.Empty);
        }

        var match = rule.Pattern?.Match(label);
        string Fill(string template) => match is null ? template : template.Replace("{1}", match.Groups[1].Value, StringComparison.Ordinal);
        return new LabelVisit(label, rule, double.Parse(Fill(rule.VisitNum), CultureInfo.InvariantCulture), Fill(rule.Visit));
    }

    private sealed record LabelVisit(string Label, VisitRule Rule, double? VisitNum, string Visit);
}
