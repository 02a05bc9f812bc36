namespace CdiscExport.Cli;

/// <summary>
/// What a run reads from the process around it: environment variables (<c>SOURCE_DATE_EPOCH</c>,
/// <c>CDISC_EXPORT_TIMINGS</c>) and the current folder (default report and review locations, and where an internal
/// error's log goes when no output is named). Tests pass their own so that they never change the process's.
/// </summary>
public sealed record CliEnvironment
{
    /// <summary>The process's own environment variables and current folder.</summary>
    public static CliEnvironment Process { get; } = new();

    /// <summary>Looks up an environment variable; null when unset. Default: <see cref="Environment.GetEnvironmentVariable(string)"/>.</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The folder relative defaults resolve against; null (default) means the process's current folder.</summary>
    public string? CurrentDirectory { get; init; }

    /// <summary>An environment with these variables set and every other one unset, and the process's current folder.</summary>
    /// <param name="variables">Name and value of each variable that is set.</param>
    /// <returns>The environment.</returns>
    public static CliEnvironment With(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new CliEnvironment { GetVariable = name => variables.TryGetValue(name, out var value) ? value : null };
    }

    /// <summary>The current folder: <see cref="CurrentDirectory"/>, else the process's.</summary>
    internal string Folder => CurrentDirectory ?? Environment.CurrentDirectory;

    /// <summary><paramref name="path"/> made absolute against <see cref="Folder"/>.</summary>
    internal string FullPath(string path) => Path.GetFullPath(path, Folder);

    /// <summary>Whether <c>CDISC_EXPORT_TIMINGS=1</c>.</summary>
    internal bool Timings => GetVariable("CDISC_EXPORT_TIMINGS") == "1";
}
