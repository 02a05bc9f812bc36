using CdiscExport.Mapping.Specs;
using CdiscExport.Testing;

namespace CdiscExport.Mapping.Tests.Specs;

/// <summary>
/// adam/*.yaml load through the same SpecNode as the study and dataset files: snake_case keys, every key checked, and
/// every error a SpecException with file, line and column (before, a variable listed twice aborted the process).
/// </summary>
public sealed class AdamSpecLoaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("adamspec");

    public AdamSpecLoaderTests()
    {
        var adam = Directory.CreateDirectory(Path.Combine(_folder.FullName, "adam"));
        foreach (var file in Directory.GetFiles(RepositoryPaths.Get("specs", "bortezomib-lenalidomide-ph1", "adam"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(adam.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _folder.Delete(true);

    [Fact]
    public void NoAdamFolder_NoAdamSpec()
    {
        using var empty = new TempFolder();
        AdamSpecLoader.Load(empty.Path).ShouldBeNull();
    }

    [Fact]
    public void SampleFiles_LoadEveryKey()
    {
        var spec = AdamSpecLoader.Load(_folder.FullName).ShouldNotBeNull();
        spec.Adsl.AddOn.ShouldBe("DEXAMETHASONE");
        spec.Adsl.AgeGroups.Count.ShouldBe(2);
        spec.Adsl.Arms["B13L20"].ShouldBe(8);
        spec.Adrs.Parameters.Select(p => p.Paramcd).ShouldBe(["OVR", "BOR", "UBOR", "OVRLB", "BORLB"]);
        spec.Adrs.Variables.Single(v => v.Name == "AVALC").ExtendedValues.ShouldBe(["nCR"]);
        spec.Criteria.ConfirmationDays.ShouldBe(42);
        spec.Criteria.EarlyOffStudyNeDays.ShouldBe(21);
        spec.Criteria.Labs.UrineMProtein.ShouldBe("MPROTEXR");
    }

    [Fact]
    public void VariableListedTwice_IsSpecErrorAtTheSecond()
    {
        var file = Edit("adsl.yaml", text => text.Replace("  - { name: SEX, source: DM.SEX }\n", "  - { name: SEX, source: DM.SEX }\n  - { name: SEX, source: DM.SEX }\n", StringComparison.Ordinal));
        var e = Should.Throw<SpecException>(() => AdamSpecLoader.Load(_folder.FullName));
        e.FilePath.ShouldBe(file);
        e.Line.ShouldBe(LineOf(file, "name: SEX", second: true));
        e.Message.ShouldContain("variable SEX is listed twice");
    }

    [Fact]
    public void CamelCaseKey_IsUnknownKeyWithTheSnakeCaseOneAllowed()
    {
        var file = Edit("response-criteria.yaml", text => text.Replace("confirmation_days:", "confirmationDays:", StringComparison.Ordinal));
        var e = Should.Throw<SpecException>(() => AdamSpecLoader.Load(_folder.FullName));
        e.FilePath.ShouldBe(file);
        e.Key.ShouldBe("confirmationDays");
        e.Line.ShouldBe(LineOf(file, "confirmationDays:"));
        e.AllowedValues.ShouldContain("confirmation_days");
    }

    [Theory]
    [InlineData("rule_set: modified-ebmt", "rule_set: imwg", "unknown rule set \"imwg\"")]
    [InlineData("pd_reference: nadir", "pd_reference: lowest", "pd_reference \"lowest\" is not known")]
    [InlineData("confirmation_days: 42", "confirmation_days: six weeks", "\"six weeks\" is not a whole number")]
    [InlineData("censor_at_add_on: true", "censor_at_add_on: maybe", "\"maybe\" is not true or false")]
    public void WrongCriteriaValue_IsSpecErrorOnItsLine(string from, string to, string reason)
    {
        var file = Edit("response-criteria.yaml", text => text.Replace(from, to, StringComparison.Ordinal));
        var e = Should.Throw<SpecException>(() => AdamSpecLoader.Load(_folder.FullName));
        e.Line.ShouldBe(LineOf(file, to));
        e.Message.ShouldContain(reason);
    }

    [Fact]
    public void MissingCriteriaFile_IsSpecErrorNamingIt()
    {
        File.Delete(Path.Combine(_folder.FullName, "adam", "response-criteria.yaml"));
        Should.Throw<SpecException>(() => AdamSpecLoader.Load(_folder.FullName)).FilePath.ShouldEndWith("response-criteria.yaml");
    }

    [Fact]
    public void MalformedYaml_IsSpecErrorWithItsLine()
    {
        var file = Edit("adrs.yaml", text => "label: { x\n" + text);
        var e = Should.Throw<SpecException>(() => AdamSpecLoader.Load(_folder.FullName));
        e.FilePath.ShouldBe(file);
        e.Line.ShouldBeGreaterThan(0);
        e.Message.ShouldContain("not valid YAML");
    }

    private string Edit(string name, Func<string, string> change)
    {
        var file = Path.Combine(_folder.FullName, "adam", name);
        var before = File.ReadAllText(file);
        var after = change(before);
        after.ShouldNotBe(before);
        File.WriteAllText(file, after);
        return file;
    }

    private static int LineOf(string file, string text, bool second = false)
    {
        var lines = File.ReadAllLines(file);
        var hits = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal)).ToList();
        return hits[second ? 1 : 0] + 1;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("noadam").FullName;

        public void Dispose() => Directory.Delete(Path, true);
    }
}
