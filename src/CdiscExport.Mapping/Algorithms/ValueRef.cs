using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// A name used inside a spec, resolved at bind time to one of: a study attribute (<c>study.STUDYID</c>), a column
/// of a joined form (<c>enrol.COHORT</c>), a target variable defined earlier in the same block, or a column of the
/// block's own raw form — in that order.
/// </summary>
internal sealed class ValueRef(string name, SpecNode node)
{
    private enum RefKind { Unbound, Study, Joined, Target, Raw }

    private RefKind _kind;
    private int _ordinal;
    private string _form = string.Empty;
    private string _studyValue = string.Empty;

    public string Name { get; } = name;

    public SpecNode Node { get; } = node;

    /// <summary>The raw column name when the reference is to a raw column (for error messages), else null.</summary>
    public string? RawColumn => _kind is RefKind.Raw or RefKind.Joined ? Name : null;

    /// <summary>
    /// The decimal mark of the form a raw column belongs to ('.' for anything else: targets and study attributes
    /// hold numbers as the mapping writes them).
    /// </summary>
    public char DecimalMark { get; private set; } = '.';

    /// <summary>The value when it is the same on every record (a study attribute), once bound; else null.</summary>
    public string? Constant => _kind == RefKind.Study ? _studyValue : null;

    public void Bind(BindScope scope)
    {
        if (Name.StartsWith("study.", StringComparison.Ordinal))
        {
            var key = Name["study.".Length..];
            _studyValue = scope.Study.Attributes.TryGetValue(key, out var v)
                ? v
                : throw Node.Error(MappingMessages.NoStudyAttribute(key), scope.Study.Attributes.Keys.Select(k => "study." + k).ToList());
            _kind = RefKind.Study;
            return;
        }

        var dot = Name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && scope.JoinedForm(Name[..dot]) is null && scope.Source is { } own && own.Ordinal(Name) is var exact and >= 0)
        {
            // A raw column whose own name has a dot (EDC item names such as IT.AETERM), not a joined form's column.
            _ordinal = exact;
            _kind = RefKind.Raw;
            DecimalMark = own.DecimalMark;
            return;
        }

        if (dot > 0)
        {
            _form = Name[..dot];
            var column = Name[(dot + 1)..];
            var joined = scope.JoinedForm(_form)
                ?? throw Node.Error(MappingMessages.NotJoined(_form), scope.JoinedFormNames);
            _ordinal = joined.Ordinal(column);
            if (_ordinal < 0)
            {
                throw Node.Error(MappingMessages.NoSuchColumn(_form, joined.Path, column), joined.Headers);
            }

            _kind = RefKind.Joined;
            DecimalMark = joined.DecimalMark;
            return;
        }

        if (scope.IsTargetDefined(Name))
        {
            _ordinal = scope.Layout.IndexOf(Name);
            _kind = RefKind.Target;
            return;
        }

        if (scope.Source is { } source && source.Ordinal(Name) is var i and >= 0)
        {
            _ordinal = i;
            _kind = RefKind.Raw;
            DecimalMark = source.DecimalMark;
            return;
        }

        var allowed = new List<string>();
        allowed.AddRange(scope.DefinedTargets);
        if (scope.Source is not null)
        {
            allowed.AddRange(scope.Source.Headers);
        }

        throw Node.Error(
            scope.Source is null
                ? $"\"{Name}\" is neither a variable defined above nor a study attribute"
                : $"\"{Name}\" is neither a variable defined above nor a column of {scope.Source.Path}",
            allowed);
    }

    public string Get(RecordContext context) => _kind switch
    {
        RefKind.Study => _studyValue,
        RefKind.Target => context.Target(_ordinal),
        RefKind.Raw => context.Raw(_ordinal),
        RefKind.Joined => context.Joined(_form, _ordinal),
        _ => throw new InvalidOperationException($"{Name} was used before it was bound."),
    };
}
