namespace CdiscExport.Bench;

/// <summary>
/// The sample study generated at <see cref="Subjects"/> subjects (<see cref="StudyGenerator"/>) and exported with the
/// published CLI, laid out in a work folder as <c>raw-N/</c> (the raw forms) and <c>out-N/</c> (the package), so that
/// one benchmark can reuse the package another one exported.
/// </summary>
internal sealed record ScaledStudy(int Subjects, string Raw, string Package)
{
    /// <summary>The sample study's spec, exported with <c>--raw</c> pointing at the generated forms.</summary>
    public static string Spec => Path.Combine(StudyGenerator.Root(), "specs", "bortezomib-lenalidomide-ph1");

    private static string Template => Path.Combine(StudyGenerator.Root(), "samples", "bortezomib-lenalidomide-ph1", "raw");

    /// <summary>The study at <paramref name="subjects"/> subjects in <paramref name="work"/> (nothing is written yet).</summary>
    public static ScaledStudy In(string work, int subjects) =>
        new(subjects, Path.Combine(work, $"raw-{subjects}"), Path.Combine(work, $"out-{subjects}"));

    /// <summary>Whether a complete package is there (export swaps the package in only when it is complete).</summary>
    public bool IsExported => Directory.Exists(Path.Combine(Package, "m5", "datasets"));

    /// <summary>Writes the raw forms at <see cref="Subjects"/> subjects into <see cref="Raw"/>.</summary>
    public void GenerateRaw() => StudyGenerator.Generate(Template, Raw, Subjects, "SUBJID");

    /// <summary>The whole export (pinned creation time, fails only on reject findings) into <see cref="Package"/>, measured.</summary>
    public Measurement Export(string cli) =>
        ProcessMeasure.Run("dotnet", cli, "export", Spec, "--raw", Raw, "--out", Package, "--datetime", "2026-01-01T00:00:00Z", "--fail-on", "reject");
}
