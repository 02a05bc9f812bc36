namespace CdiscExport.Testing;

/// <summary>
/// Approved text files (LF, fixed clock) compared byte for byte. A mismatch writes the new text beside the approved
/// file as <c>*.received.*</c> and fails; approve by renaming it in a commit that says why. Set
/// <c>CDISC_EXPORT_APPROVE=1</c> to create missing approved files.
/// </summary>
internal static class Approvals
{
    public static void Verify(string approvedFileName, string actual, [System.Runtime.CompilerServices.CallerFilePath] string callerFile = "")
    {
        var folder = Path.GetDirectoryName(callerFile)!;
        var approved = Path.Combine(folder, approvedFileName);
        var received = Path.Combine(folder, approvedFileName.Replace(".approved.", ".received.", StringComparison.Ordinal));
        if (!File.Exists(approved) && Environment.GetEnvironmentVariable("CDISC_EXPORT_APPROVE") == "1")
        {
            File.WriteAllText(approved, actual);
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"{approvedFileName} does not exist; review {received} and rename it to approve."
            : $"{approvedFileName} differs from the output; compare with {received}.");
    }
}
