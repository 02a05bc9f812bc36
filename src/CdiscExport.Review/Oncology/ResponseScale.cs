namespace CdiscExport.Review.Oncology;

/// <summary>
/// Response categories as the charts rank and name them, best first: the EBMT/IMWG myeloma categories (sCR, CR, nCR,
/// VGPR, PR, MR), RECIST's (CR, PR, SD, NON-CR/NON-PD, PD) and NE, spelled as CDISC's ONCRSR submission values.
/// A decoded spelling ("PARTIAL RESPONSE") is read as its code; a category not listed here ranks after NE.
/// </summary>
internal static class ResponseScale
{
    /// <summary>The categories known, best first.</summary>
    public static readonly IReadOnlyList<string> Known = ["sCR", "CR", "nCR", "VGPR", "PR", "MR", "SD", "NON-CR/NON-PD", "PD", "NE"];

    /// <summary>What a subject without a best response is shown as.</summary>
    public const string Missing = "missing";

    private static readonly Dictionary<string, string> Spellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STRINGENT COMPLETE RESPONSE"] = "sCR",
        ["COMPLETE RESPONSE"] = "CR",
        ["NEAR COMPLETE RESPONSE"] = "nCR",
        ["VERY GOOD PARTIAL RESPONSE"] = "VGPR",
        ["PARTIAL RESPONSE"] = "PR",
        ["MINIMAL RESPONSE"] = "MR",
        ["MINOR RESPONSE"] = "MR",
        ["STABLE DISEASE"] = "SD",
        ["NO CHANGE"] = "SD",
        ["NC"] = "SD",
        ["NON-CR/NON-PD"] = "NON-CR/NON-PD",
        ["PROGRESSIVE DISEASE"] = "PD",
        ["NOT EVALUABLE"] = "NE",
        ["NOT EVALUATED"] = "NE",
    };

    /// <summary>The category's code: "PARTIAL RESPONSE" and "pr" are PR, "NCR" is nCR; "" is <see cref="Missing"/>.</summary>
    public static string Normalise(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return Missing;
        }

        foreach (var known in Known)
        {
            if (string.Equals(known, t, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return Spellings.GetValueOrDefault(t, t);
    }

    /// <summary>Rank, best first: the position in <see cref="Known"/>; an unknown category after NE; missing last.</summary>
    public static int Rank(string category)
    {
        if (category == Missing)
        {
            return Known.Count + 1;
        }

        for (var i = 0; i < Known.Count; i++)
        {
            if (Known[i] == category)
            {
                return i;
            }
        }

        return Known.Count;
    }

    /// <summary>Whether the category is a response (better than stable disease).</summary>
    public static bool IsResponse(string category) => Rank(category) < Rank("SD");

    /// <summary>Whether a per-visit response says the disease progressed (PD, or relapse from CR).</summary>
    public static bool IsProgression(string text) =>
        Normalise(text) == "PD" || text.StartsWith("RELAPSE", StringComparison.OrdinalIgnoreCase);
}
