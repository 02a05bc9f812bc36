using CdiscExport.Core.Standards;
using CdiscExport.Core.Terminology;
using CdiscExport.Mapping.Raw;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>What names mean inside one record block: its raw form, the forms joined to it, the targets defined so far.</summary>
internal sealed class BindScope(StudySpec study, RawForm? source, IReadOnlyDictionary<string, RawForm> joined, ControlledTerminology terminology, FormCatalog forms, TargetLayout layout)
{
    private readonly List<string> _targets = [];

    public StudySpec Study { get; } = study;

    public RawForm? Source { get; } = source;

    public ControlledTerminology Terminology { get; } = terminology;

    public FormCatalog Forms { get; } = forms;

    public TargetLayout Layout { get; } = layout;

    public IReadOnlyList<string> DefinedTargets => _targets;

    public IReadOnlyList<string> JoinedFormNames => joined.Keys.ToList();

    public RawForm? JoinedForm(string name) => joined.GetValueOrDefault(name);

    public bool IsTargetDefined(string name) => _targets.Contains(name, StringComparer.Ordinal);

    public void Define(string target) => _targets.Add(target);
}
