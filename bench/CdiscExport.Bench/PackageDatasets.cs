namespace CdiscExport.Bench;

/// <summary>
/// The XPT files <c>cdisc-export validate</c> reads for a folder, so that an anchor reads exactly the same files: for a
/// package root every <c>m5/datasets/*/tabulations/sdtm</c> and <c>m5/datasets/*/analysis/adam/datasets</c> folder,
/// otherwise the folder itself; subfolders such as <c>split/</c> included, in ordinal order.
/// </summary>
internal static class PackageDatasets
{
    public static IReadOnlyList<string> Files(string folder)
    {
        var m5 = Path.Combine(folder, "m5", "datasets");
        var roots = Directory.Exists(m5)
            ? Directory.EnumerateDirectories(m5).Order(StringComparer.Ordinal)
                .SelectMany(study => (string[])[Path.Combine(study, "tabulations", "sdtm"), Path.Combine(study, "analysis", "adam", "datasets")])
                .Where(Directory.Exists)
            : [folder];
        return roots.SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".xpt", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>The observations in one XPT file, read with our reader (untimed preparation only).</summary>
    public static long CountRows(string xpt)
    {
        using var stream = File.OpenRead(xpt);
        using var reader = Xpt.XptReader.Open(stream);
        long n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }
}
