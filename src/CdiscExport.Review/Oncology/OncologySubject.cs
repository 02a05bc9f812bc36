namespace CdiscExport.Review.Oncology;

/// <summary>What happened to a subject on a day of the swimmer plot.</summary>
internal enum SubjectEventKind
{
    /// <summary>The first assessment of a response category (CR, PR, ...).</summary>
    ResponseOnset,

    /// <summary>The first assessment of progressive disease (or relapse from CR).</summary>
    Progression,

    /// <summary>A dose-limiting toxicity.</summary>
    Dlt,

    /// <summary>Death.</summary>
    Death,
}

/// <summary>An event of a subject, on a day counted from the first dose.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Day">Days since the first dose (ADSL TRTSDT is day 0).</param>
/// <param name="Category">For a response onset, its category (CR, PR, ...); else "".</param>
/// <param name="Description">What the chart's tooltip says, naming the record it comes from.</param>
internal sealed record SubjectEvent(SubjectEventKind Kind, double Day, string Category, string Description);

/// <summary>One post-baseline value of the disease marker.</summary>
/// <param name="Day">Days since the first dose.</param>
/// <param name="Value">The value, in the unit of the parameter.</param>
/// <param name="PercentChange">Percent change from the subject's baseline.</param>
internal sealed record MarkerPoint(double Day, double Value, double PercentChange);

/// <summary>One subject of an oncology study as the response charts draw it.</summary>
/// <param name="Usubjid">USUBJID.</param>
/// <param name="Label">What the charts call the subject: SUBJID, else USUBJID.</param>
/// <param name="Arm">Dose level or arm: TRT01P, else TRT01A, else ARM.</param>
/// <param name="ArmOrder">The arm's order: TRT01PN (TRT01AN), else the arm's position by name.</param>
internal sealed record OncologySubject(string Usubjid, string Label, string Arm, double ArmOrder)
{
    /// <summary>Days on treatment (TRTEDT - TRTSDT + 1), or null when the subject has no treatment dates.</summary>
    public double? TreatmentDays { get; init; }

    /// <summary>Whether the subject is still on study (ADSL EOSSTT = ONGOING).</summary>
    public bool Ongoing { get; init; }

    /// <summary>Best overall response, as a code of <see cref="ResponseScale"/> (<see cref="ResponseScale.Missing"/> when none).</summary>
    public string BestResponse { get; init; } = ResponseScale.Missing;

    /// <summary>Response onsets, progression, DLTs and death, by day.</summary>
    public IReadOnlyList<SubjectEvent> Events { get; init; } = [];

    /// <summary>Baseline value of the disease marker, or null when none was found.</summary>
    public double? Baseline { get; init; }

    /// <summary>Post-baseline values of the disease marker, by day.</summary>
    public IReadOnlyList<MarkerPoint> Marker { get; init; } = [];

    /// <summary>Why the subject has no percent change, when it has none (no baseline, baseline 0, no later value).</summary>
    public string? MarkerNote { get; init; }

    /// <summary>The best (lowest) percent change from baseline over all post-baseline values, or null when none.</summary>
    public double? BestPercentChange => Marker.Count == 0 ? null : Marker.Min(p => p.PercentChange);
}
