namespace CdiscExport.Adam.Response;

/// <summary>
/// A myeloma response category, in best-to-worst order. The numeric value is ADRS AVAL (1 best, 7 NE);
/// <see cref="RelapseFromCr"/> ranks with PD (AVAL 6) for ordering.
/// </summary>
public enum ResponseCategory
{
    /// <summary>Complete response.</summary>
    CR = 1,

    /// <summary>Near-complete response (sponsor extension of ONCRSR).</summary>
    NCR = 2,

    /// <summary>Partial response.</summary>
    PR = 3,

    /// <summary>Minimal response.</summary>
    MR = 4,

    /// <summary>Stable disease (EBMT "no change").</summary>
    SD = 5,

    /// <summary>Progressive disease.</summary>
    PD = 6,

    /// <summary>Not evaluable.</summary>
    NE = 7,

    /// <summary>Relapsed disease from CR (per-visit only; ranks with PD).</summary>
    RelapseFromCr = 8,
}

/// <summary>Codes, ranks and parsing of <see cref="ResponseCategory"/>.</summary>
public static class ResponseCategories
{
    /// <summary>The ONCRSR text of a category (nCR as the sponsor extension spells it).</summary>
    public static string Code(this ResponseCategory category) => category switch
    {
        ResponseCategory.CR => "CR",
        ResponseCategory.NCR => "nCR",
        ResponseCategory.PR => "PR",
        ResponseCategory.MR => "MR",
        ResponseCategory.SD => "SD",
        ResponseCategory.PD => "PD",
        ResponseCategory.NE => "NE",
        ResponseCategory.RelapseFromCr => "RELAPSED DISEASE FROM CR",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>ADRS AVAL: 1 (CR) to 7 (NE); relapse from CR is 6, as PD.</summary>
    public static int Aval(this ResponseCategory category) =>
        category == ResponseCategory.RelapseFromCr ? 6 : (int)category;

    /// <summary>True for CR, nCR, PR and MR: the categories that need confirmation.</summary>
    public static bool IsResponse(this ResponseCategory category) => category <= ResponseCategory.MR;

    /// <summary>True for PD and relapse from CR: the categories that end the best-response window.</summary>
    public static bool IsProgression(this ResponseCategory category) =>
        category is ResponseCategory.PD or ResponseCategory.RelapseFromCr;

    /// <summary>True when <paramref name="category"/> is at least as good as <paramref name="other"/>.</summary>
    public static bool IsAtLeast(this ResponseCategory category, ResponseCategory other) => category.Aval() <= other.Aval();

    /// <summary>Parses a response as RS records it (case-insensitive; NC is SD); null when not a category.</summary>
    public static ResponseCategory? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "CR" => ResponseCategory.CR,
        "NCR" => ResponseCategory.NCR,
        "PR" => ResponseCategory.PR,
        "MR" => ResponseCategory.MR,
        "SD" or "NC" => ResponseCategory.SD,
        "PD" => ResponseCategory.PD,
        "NE" => ResponseCategory.NE,
        "RELAPSED DISEASE FROM CR" => ResponseCategory.RelapseFromCr,
        _ => null,
    };
}
