using System.Globalization;
using CdiscExport.Conformance.Language;

namespace CdiscExport.Conformance.Evaluation;

/// <summary>
/// A variable a check or operation reads is not in the dataset. CORE then skips the dataset for that rule (its
/// KeyError path); so do we, and the rule's status says which variable was missing.
/// </summary>
internal sealed class MissingColumnException(string column) : Exception($"variable {column} is not in the dataset")
{
    /// <summary>The missing variable.</summary>
    public string Column { get; } = column;
}

/// <summary>
/// A rule that cannot run on this data for a reason outside the data (content we do not ship, a construct of the
/// language we do not execute): the rule is reported not executable with the reason.
/// </summary>
internal sealed class NotExecutableException(string reason) : Exception(reason);

/// <summary>The right-hand side of a test: another column, or a literal.</summary>
internal readonly record struct Comparand(FrameColumn? Column, Value Literal)
{
    /// <summary>The value on a row.</summary>
    public Value At(int row) => Column is null ? Literal : Column[row];

    /// <summary>Whether the comparand is a column.</summary>
    public bool IsColumn => Column is not null;
}

/// <summary>What a test is evaluated against: the frame, the dataset it stands for and the study.</summary>
internal sealed class CheckContext
{
    /// <summary>A context for one frame.</summary>
    public CheckContext(Frame frame, StudyDataset dataset, Study study, RuleDefinition rule)
    {
        Frame = frame;
        Dataset = dataset;
        Study = study;
        Rule = rule;
    }

    /// <summary>The rows under evaluation.</summary>
    public Frame Frame { get; set; }

    /// <summary>The dataset the frame stands for.</summary>
    public StudyDataset Dataset { get; }

    /// <summary>The study.</summary>
    public Study Study { get; }

    /// <summary>The rule being run.</summary>
    public RuleDefinition Rule { get; }

    /// <summary>Rows.</summary>
    public int Rows => Frame.RowCount;

    /// <summary>
    /// A name with its leading <c>--</c> replaced by the dataset's domain prefix (CORE replaces the first
    /// <c>--</c> of a value that starts with it, in names and in literal values alike).
    /// </summary>
    public string Resolve(string name) =>
        name.StartsWith("--", StringComparison.Ordinal) ? Dataset.Wildcard + name[2..] : name;

    /// <summary>A literal as written, with a leading <c>--</c> resolved in texts and in list items.</summary>
    public Value ResolveLiteral(object? yaml) => yaml switch
    {
        string s => Value.FromYaml(Resolve(s)),
        IEnumerable<object?> items when yaml is not string => Value.List(items.Select(ResolveLiteral)),
        _ => Value.FromYaml(yaml),
    };

    /// <summary>The test's target column.</summary>
    /// <exception cref="MissingColumnException">The dataset lacks it.</exception>
    public FrameColumn Target(Test test) => Column(test.Name ?? throw new NotExecutableException(ConformanceMessages.TestWithoutName(test.Operator, test.Line)));

    /// <summary>A column by (unresolved) name.</summary>
    /// <exception cref="MissingColumnException">The dataset lacks it.</exception>
    public FrameColumn Column(string name)
    {
        var resolved = Resolve(name);
        return Frame.Column(resolved) ?? throw new MissingColumnException(resolved);
    }

    /// <summary>
    /// The test's <c>value</c>: the column of that name unless <c>value_is_literal</c> is set or no column has
    /// that name, then the literal (CORE's <c>get_comparator_data</c>).
    /// </summary>
    public Comparand Comparator(Test test, string key = "value")
    {
        var raw = test.Param(key);
        if (raw is string s && !test.Flag("value_is_literal"))
        {
            var resolved = Resolve(s);
            if (Frame.Column(resolved) is { } column)
            {
                return new Comparand(column, default);
            }
        }

        return new Comparand(null, ResolveLiteral(raw));
    }

    /// <summary>An integer parameter (prefix, suffix, ...).</summary>
    public static int IntParam(Test test, string key, int fallback = 0) => test.Param(key) switch
    {
        long n => (int)n,
        double d => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => fallback,
    };

    /// <summary>A parameter that names one column or several (<c>within</c>, <c>value</c> of the set operators), resolved.</summary>
    public List<string> Names(object? raw) => raw switch
    {
        string s => [Resolve(s)],
        IEnumerable<object?> items => items.Select(i => Resolve(Convert.ToString(i, CultureInfo.InvariantCulture) ?? "")).ToList(),
        _ => [],
    };
}
