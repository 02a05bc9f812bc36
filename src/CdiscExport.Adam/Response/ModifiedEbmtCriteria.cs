using NodaTime;

namespace CdiscExport.Adam.Response;

/// <summary>
/// Modified EBMT (Bladé 1998 with Richardson's nCR): per-visit response from M-protein labs (MYELOMA.md 1.3) and best
/// overall response with the 6-week maintenance rule (1.3, "Best overall response").
/// </summary>
/// <remarks>
/// Thresholds are the criteria's own: serum PR at &lt;= 50% of baseline, MR at &lt;= 75%; urine PR at &lt;= 10% of
/// baseline or &lt; 200 mg/day, MR at &lt;= 50%; PD a rise of more than 25% over the reference and at least 0.5 g/dL
/// (serum) or 200 mg/day (urine), or marrow plasma cells up more than 25% and by 10 points. A compartment counts
/// when its baseline value is above 0 (measurable); the visit takes the worse compartment.
/// </remarks>
public sealed class ModifiedEbmtCriteria(ResponseCriteriaParameters parameters, string category = ModifiedEbmtCriteria.DefaultCategory)
    : IResponseCriteria
{
    /// <summary>The spec name of this rule set.</summary>
    public const string RuleSetName = "modified-ebmt";

    /// <summary>RSCAT/PARCAT1 by default: the CDISC CT value for Bladé 1998.</summary>
    public const string DefaultCategory = "EBMT BLADE MYELOMA 1998";

    /// <inheritdoc/>
    public string Name => RuleSetName;

    /// <inheritdoc/>
    public string Category { get; } = category;

    /// <inheritdoc/>
    public ResponseCriteriaParameters Parameters { get; } = parameters;

    /// <inheritdoc/>
    public IReadOnlyList<Assessment> ClassifyVisits(IReadOnlyList<MProteinMeasurement> labs, LocalDate firstDose)
    {
        var ordered = labs.OrderBy(l => l.Date).ToList();
        var before = ordered.Where(l => l.Date <= firstDose).ToList();
        var s0 = before.LastOrDefault(l => l.Serum is not null)?.Serum;
        var u0 = before.LastOrDefault(l => l.Urine is not null)?.Urine;
        var bm0 = before.LastOrDefault(l => l.MarrowPlasmaCells is not null)?.MarrowPlasmaCells;
        var state = new LabState(s0, u0, bm0);
        var result = new List<Assessment>();
        foreach (var lab in ordered.Where(l => l.Date > firstDose))
        {
            var category = ClassifyVisit(lab, state);
            result.Add(new Assessment(lab.Date, category, lab.SourceRow));
            state.Advance(lab, category, Parameters.ConfirmationDays);
        }

        return result;
    }

    /// <summary>The category of one visit given baseline, nadir and whether a CR has been confirmed.</summary>
    internal ResponseCategory ClassifyVisit(MProteinMeasurement lab, LabState state)
    {
        var serumMeasurable = state.S0 is > 0;
        var urineMeasurable = state.U0 is > 0;
        var marrowHigh = lab.MarrowPlasmaCells is >= 5;
        if (state.CrConfirmed)
        {
            var reappeared = lab.SerumIfe == Immunofixation.Positive || lab.UrineIfe == Immunofixation.Positive
                || lab.Serum is > 0 || lab.Urine is > 0 || marrowHigh;
            if (reappeared)
            {
                return ResponseCategory.RelapseFromCr;
            }
        }

        var sRef = Parameters.PdReference == PdReference.Nadir ? state.SNadir : state.S0;
        var uRef = Parameters.PdReference == PdReference.Nadir ? state.UNadir : state.U0;
        var bmRef = Parameters.PdReference == PdReference.Nadir ? state.BmNadir : state.Bm0;
        var pd = (serumMeasurable && lab.Serum is { } s && sRef is { } sr && s > 1.25 * sr && s - sr >= 0.5)
            || (urineMeasurable && lab.Urine is { } u && uRef is { } ur && u > 1.25 * ur && u - ur >= 200)
            || (lab.MarrowPlasmaCells is { } bm && bmRef is { } br && bm > 1.25 * br && bm - br >= 10);
        if (pd)
        {
            return ResponseCategory.PD;
        }

        if ((serumMeasurable && lab.Serum is null) || (urineMeasurable && lab.Urine is null)
            || (!serumMeasurable && !urineMeasurable))
        {
            // A value needed for any category is missing, or the disease is not measurable in serum or urine.
            return ResponseCategory.NE;
        }

        if (lab.SerumIfe == Immunofixation.Negative && lab.UrineIfe == Immunofixation.Negative && !marrowHigh
            && (!Parameters.CrRequiresMarrow || lab.MarrowPlasmaCells is not null))
        {
            return ResponseCategory.CR;
        }

        var electrophoresisNegative = (lab.Serum ?? 0) == 0 && (lab.Urine ?? 0) == 0;
        if (electrophoresisNegative && (lab.SerumIfe == Immunofixation.Positive || lab.UrineIfe == Immunofixation.Positive)
            && !marrowHigh && (!Parameters.NcrRequiresMarrow || lab.MarrowPlasmaCells is not null))
        {
            return ResponseCategory.NCR;
        }

        var worst = ResponseCategory.PR;
        if (serumMeasurable)
        {
            worst = Worse(worst, ComputeSerumCategory(lab.Serum!.Value, state.S0!.Value));
        }

        if (urineMeasurable)
        {
            worst = Worse(worst, ComputeUrineCategory(lab.Urine!.Value, state.U0!.Value));
        }

        return worst;
    }

    /// <summary>Serum compartment: PR at &lt;= 50% of baseline, MR at &lt;= 75%, else SD.</summary>
    internal static ResponseCategory ComputeSerumCategory(double value, double baseline) =>
        value <= 0.5 * baseline ? ResponseCategory.PR : value <= 0.75 * baseline ? ResponseCategory.MR : ResponseCategory.SD;

    /// <summary>Urine compartment: PR at &lt;= 10% of baseline or &lt; 200 mg/day, MR at &lt;= 50%, else SD.</summary>
    internal static ResponseCategory ComputeUrineCategory(double value, double baseline) =>
        value <= 0.1 * baseline || value < 200 ? ResponseCategory.PR : value <= 0.5 * baseline ? ResponseCategory.MR : ResponseCategory.SD;

    private static ResponseCategory Worse(ResponseCategory a, ResponseCategory b) => a.Aval() >= b.Aval() ? a : b;

    /// <inheritdoc/>
    public IReadOnlyList<Assessment> FilterWindow(IReadOnlyList<Assessment> assessments, ResponseWindow window)
    {
        var v = assessments
            .Where(a => window.FirstDose is not { } first || a.Date >= first)
            .Where(a => !Parameters.CensorAtAddOn || window.CensorDate is not { } censor || a.Date <= censor)
            .OrderBy(a => a.Date)
            .ToList();
        for (var i = 0; i < v.Count; i++)
        {
            if (!v[i].Category.IsProgression())
            {
                continue;
            }

            if (!Parameters.PdRequiresConfirmation || (i + 1 < v.Count && v[i + 1].Category.IsProgression()))
            {
                return v.Take(i + 1).ToList();
            }
        }

        return v;
    }

    /// <inheritdoc/>
    public BestResponse ComputeBestResponse(IReadOnlyList<Assessment> assessments, ResponseWindow window, bool confirm)
    {
        if (Parameters.EarlyOffStudyNeDays is { } days && window.FirstDose is { } first
            && !assessments.Any(a => a.Date >= first.PlusDays(days)))
        {
            return new BestResponse(ResponseCategory.NE, assessments.OrderBy(a => a.Date).LastOrDefault());
        }

        var v = FilterWindow(assessments, window);
        Assessment? best = null;
        for (var i = 0; i < v.Count; i++)
        {
            var c = v[i].Category;
            if (!c.IsResponse() || (best is not null && best.Category.IsAtLeast(c)))
            {
                continue;
            }

            if (!confirm || IsMaintained(v, i))
            {
                best = v[i];
            }
        }

        if (best is not null)
        {
            return new BestResponse(best.Category, best);
        }

        var stable = v.FirstOrDefault(a => !a.Category.IsProgression() && a.Category != ResponseCategory.NE);
        if (stable is not null)
        {
            return new BestResponse(ResponseCategory.SD, stable);
        }

        var progression = v.FirstOrDefault(a => a.Category.IsProgression());
        return progression is not null
            ? new BestResponse(ResponseCategory.PD, progression)
            : new BestResponse(ResponseCategory.NE, v.LastOrDefault());
    }

    /// <summary>
    /// True when the response at <paramref name="index"/> is still met (same or better) at an assessment at least
    /// <see cref="ResponseCriteriaParameters.ConfirmationDays"/> later, with nothing worse in between and at most
    /// <see cref="ResponseCriteriaParameters.NeTolerance"/> NE assessments skipped.
    /// </summary>
    internal bool IsMaintained(IReadOnlyList<Assessment> v, int index)
    {
        var start = v[index];
        var ne = 0;
        for (var j = index + 1; j < v.Count; j++)
        {
            if (v[j].Category == ResponseCategory.NE)
            {
                if (++ne > Parameters.NeTolerance)
                {
                    return false;
                }

                continue;
            }

            if (!v[j].Category.IsAtLeast(start.Category))
            {
                return false;
            }

            if (Period.DaysBetween(start.Date, v[j].Date) >= Parameters.ConfirmationDays)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Baseline, nadir and CR-confirmation state carried from visit to visit.</summary>
    internal sealed class LabState(double? s0, double? u0, double? bm0)
    {
        public double? S0 { get; } = s0;

        public double? U0 { get; } = u0;

        public double? Bm0 { get; } = bm0;

        public double? SNadir { get; private set; } = s0;

        public double? UNadir { get; private set; } = u0;

        public double? BmNadir { get; private set; } = bm0;

        public bool CrConfirmed { get; private set; }

        private LocalDate? _crSince;

        public void Advance(MProteinMeasurement lab, ResponseCategory category, int confirmationDays)
        {
            SNadir = Min(SNadir, lab.Serum);
            UNadir = Min(UNadir, lab.Urine);
            BmNadir = Min(BmNadir, lab.MarrowPlasmaCells);
            if (category == ResponseCategory.CR)
            {
                _crSince ??= lab.Date;
                CrConfirmed |= Period.DaysBetween(_crSince.Value, lab.Date) >= confirmationDays;
            }
            else if (!CrConfirmed)
            {
                _crSince = null;
            }
        }

        private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    }
}
