using NodaTime;

namespace CdiscExport.Adam.Response;

/// <summary>One per-visit response: its date, category and the source record it came from (-1 when derived).</summary>
public sealed record Assessment(LocalDate Date, ResponseCategory Category, int SourceRow = -1);

/// <summary>A best overall response and the assessment that gave it (null when there was none, e.g. NE without data).</summary>
public sealed record BestResponse(ResponseCategory Category, Assessment? From);

/// <summary>
/// The subject's best-response window: the first dose (assessments before it are not on treatment), the censoring
/// date (e.g. dexamethasone add-on; assessments on that day still count, as their labs are drawn pre-dose), if any.
/// </summary>
public sealed record ResponseWindow(LocalDate? FirstDose, LocalDate? CensorDate);

/// <summary>Immunofixation result.</summary>
public enum Immunofixation
{
    /// <summary>No monoclonal protein seen.</summary>
    Negative,

    /// <summary>Monoclonal protein seen.</summary>
    Positive,
}

/// <summary>
/// The M-protein results of one date: serum M-protein (g/dL, 0 when not detected), 24-hour urine M-protein (mg/day),
/// serum and urine immunofixation, marrow plasma cells (%). Any may be missing (null).
/// </summary>
public sealed record MProteinMeasurement(LocalDate Date)
{
    /// <summary>Serum M-protein by electrophoresis, g/dL; 0 when not detected.</summary>
    public double? Serum { get; init; }

    /// <summary>24-hour urine M-protein by electrophoresis, mg/day; 0 when not detected.</summary>
    public double? Urine { get; init; }

    /// <summary>Serum immunofixation.</summary>
    public Immunofixation? SerumIfe { get; init; }

    /// <summary>Urine immunofixation.</summary>
    public Immunofixation? UrineIfe { get; init; }

    /// <summary>Bone-marrow plasma cells, %.</summary>
    public double? MarrowPlasmaCells { get; init; }

    /// <summary>Row of a source record (e.g. the serum M-protein LB row), for tracing; -1 when none.</summary>
    public int SourceRow { get; init; } = -1;
}
