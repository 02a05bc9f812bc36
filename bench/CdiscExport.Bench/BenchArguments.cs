using System.Globalization;

namespace CdiscExport.Bench;

/// <summary>The benchmarks' options: <c>--name value</c> pairs after the mode, read the same way by every mode.</summary>
internal static class BenchArguments
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is absent.</summary>
    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/> when the option is absent.</summary>
    public static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The comma-separated integers after <paramref name="name"/> (e.g. <c>--subjects 500,5000</c>), or <paramref name="fallback"/>.</summary>
    public static IReadOnlyList<int> Ints(string[] args, string name, string fallback) =>
        (Value(args, name) ?? fallback).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Whether the flag <paramref name="name"/> is present.</summary>
    public static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;

    /// <summary>The work folder: <c>--work DIR</c>, else <paramref name="fallback"/> under the current folder; created if missing.</summary>
    public static string Work(string[] args, string fallback)
    {
        var work = Path.GetFullPath(Value(args, "--work") ?? fallback);
        Directory.CreateDirectory(work);
        return work;
    }
}
