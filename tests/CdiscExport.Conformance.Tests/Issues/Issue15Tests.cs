using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Rules;

namespace CdiscExport.Conformance.Tests.Issues;

/// <summary>
/// Issue 15, "only real findings" when validating other people's packages: for each kind of false positive a small
/// package that carries both the false case and a real one; the real finding stays and the false one goes.
/// Partial classes by kind: split datasets, SAS-written numbers, conditional requirements, datasets found by what they
/// are, one metadata problem reported once.
/// </summary>
public sealed partial class Issue15Tests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("conf-issue15-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    /// <summary>Writes the package (and the define, beside the SDTM datasets) and validates it.</summary>
    private ConformanceResult Validate(MiniPackage p, string name, MiniDefine? define = null, ValidationOptions? options = null)
    {
        var root = p.Write(Path.Combine(temp, name));
        define?.Write(Path.Combine(root, "m5", "datasets", "s1", "tabulations", "sdtm", "define.xml"));
        return ConformanceEngine.Run([root], options);
    }

    private static RuleResult Rule(ConformanceResult result, string id) => result.Rules.Single(r => r.Rule.Id == id);

    /// <summary>The findings of a rule, including those folded into a CORE rule that raised the same one.</summary>
    private static List<Finding> Findings(ConformanceResult result, string id) => result.Findings.Where(f => f.Rule == id || f.AlsoRule == id).ToList();

    private static string Show(IEnumerable<Finding> findings) => string.Join("; ", findings.Select(f => $"{f.Dataset}.{f.Variable} row {f.Row}: {f.Message}"));
}
