using System.Globalization;
using System.Text;
using CdiscExport.Review.Oncology;

namespace CdiscExport.Review.Charts;

/// <summary>
/// The swimmer plot: one lane per subject, grouped by dose level or arm, the bar its time on treatment from the first
/// dose, with markers for the onset of each response category, progression, dose-limiting toxicities and death, and an
/// arrow for a subject still on study.
/// </summary>
/// <remarks>
/// <para>Reads, through <see cref="OncologyStudy"/>: ADSL USUBJID, SUBJID, TRT01P and TRT01PN (else TRT01A/TRT01AN, else
/// ARM) for the lanes and their groups; TRTSDT and TRTEDT for the bar (TRTEDT - TRTSDT + 1 days; day 0 is TRTSDT);
/// EOSSTT = ONGOING for the arrow; ADRS per-visit responses (PARAMCD OVR, else OVRLRESP, OVRRESP: AVALC and ADT) for
/// the first date of each response category and the first progression; SUPPAE AEDLT with AE AESTDTC (else ADSL DLTFL)
/// for DLTs; ADSL DTHDT (else DM DTHDTC, else DS DEATH) for deaths; ADRS BOR for the label at the end of the lane.</para>
/// <para>Lanes are ordered by arm, then by time on treatment, longest first. A study of more than
/// <see cref="MaxLanes"/> subjects shows the <see cref="MaxLanes"/> longest times on treatment, and says so.</para>
/// </remarks>
internal sealed class SwimmerChart
{
    /// <summary>The most lanes drawn; beyond it, the longest times on treatment are shown.</summary>
    public const int MaxLanes = 300;

    private const double Width = 960;
    private const double LabelWidth = 170;
    private const double Right = 70;
    private const double Top = 12;

    private static readonly string[] ArmShades = ["#cfd8e3", "#9fb3c8", "#7891ab", "#cbbfd9", "#a593bd", "#e0cfa8", "#c2a56a", "#b7d3b0", "#8bb483"];

    private SwimmerChart(OncologyStudy study, IReadOnlyList<OncologySubject> lanes, int subjects)
    {
        Lanes = lanes;
        SubjectCount = subjects;
        var parts = new List<string> { study.Sources.Subjects, "best overall response: " + study.Sources.BestResponse };
        parts.Add(study.Sources.VisitResponses is { } v ? "response onsets and progression: " + v : "no per-visit responses in ADRS");
        parts.Add(study.Sources.Dlts is { } d ? "DLTs: " + d : "no DLT records");
        parts.Add(study.Sources.Deaths is { } x ? "deaths: " + x : "no death variable");
        Sources = string.Join("; ", parts);
    }

    /// <summary>The subjects drawn, top to bottom.</summary>
    public IReadOnlyList<OncologySubject> Lanes { get; }

    /// <summary>Subjects in the study (more than <see cref="Lanes"/> when capped at <see cref="MaxLanes"/>).</summary>
    public int SubjectCount { get; }

    /// <summary>The chart's title.</summary>
    public string Title => "Swimmer plot: time on treatment by subject, with response onsets, progression, DLTs and deaths";

    /// <summary>The variables the chart was drawn from, in words.</summary>
    public string Sources { get; }

    /// <summary>The chart of <paramref name="study"/>.</summary>
    public static SwimmerChart Create(OncologyStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        IEnumerable<OncologySubject> subjects = study.Subjects;
        if (study.Subjects.Count > MaxLanes)
        {
            subjects = study.Subjects.OrderByDescending(s => s.TreatmentDays ?? -1).ThenBy(s => s.Usubjid, StringComparer.Ordinal).Take(MaxLanes);
        }

        var lanes = subjects.OrderBy(s => s.ArmOrder).ThenBy(s => s.Arm, StringComparer.Ordinal)
            .ThenByDescending(s => s.TreatmentDays ?? -1).ThenBy(s => s.Usubjid, StringComparer.Ordinal).ToList();
        return new SwimmerChart(study, lanes, study.Subjects.Count);
    }

    /// <summary>The chart as SVG markup.</summary>
    public string ToSvg(string id = "swimmer-svg")
    {
        var lane = Lanes.Count <= 60 ? 18.0 : Math.Max(3, 1200.0 / Lanes.Count);
        var labelled = lane >= 10;
        const double GroupHeader = 16;

        // Each arm starts with a header line naming it; its lanes follow.
        var laneTops = new double[Lanes.Count];
        var groupTops = new List<(double Y, string Arm)>();
        var y0 = Top;
        for (var i = 0; i < Lanes.Count; i++)
        {
            if (i == 0 || Lanes[i - 1].Arm != Lanes[i].Arm)
            {
                groupTops.Add((y0, Lanes[i].Arm));
                y0 += GroupHeader;
            }

            laneTops[i] = y0;
            y0 += lane;
        }

        var plotHeight = y0 - Top;
        var maxDay = Lanes.SelectMany(s => s.Events.Select(e => e.Day).Append(s.TreatmentDays ?? 0)).DefaultIfEmpty(1).Max();
        var step = Svg.NiceStep(maxDay, 8);
        var xMax = Math.Max(step, Math.Ceiling(maxDay / step) * step);
        double X(double day) => LabelWidth + Math.Max(0, day) / xMax * (Width - LabelWidth - Right);
        var arms = Lanes.Select(s => s.Arm).Distinct().ToList();
        var legendTop = Top + plotHeight + 46;
        var legendRows = Math.Ceiling(arms.Count / 2.0) + 2;
        var height = legendTop + legendRows * 20 + 10;

        var b = new StringBuilder();
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{Lanes.Count} of {SubjectCount} subjects{(Lanes.Count < SubjectCount ? " (the longest times on treatment)" : "")}, in {arms.Count} arms. {Sources}.");
        var svg = new Svg(b).Open(id, Width, height, Title, description);
        svg.DayGrid(xMax, step, Top, Top + plotHeight, X);
        foreach (var (gy, arm) in groupTops)
        {
            svg.Line(0, gy, Width - Right, gy, "group").Text(4, gy + 12, arm.Length == 0 ? "(no arm)" : arm, "class=\"group-label\"");
        }
        for (var i = 0; i < Lanes.Count; i++)
        {
            var s = Lanes[i];
            var y = laneTops[i];
            var mid = y + lane / 2;
            var armIndex = arms.IndexOf(s.Arm);
            svg.Group($"class=\"mark\" data-usubjid=\"{Svg.E(s.Usubjid)}\" data-arm=\"{Svg.E(s.Arm)}\" data-bor=\"{Svg.E(s.BestResponse)}\" data-days=\"{(s.TreatmentDays is { } days ? Svg.N(days) : "")}\"");
            svg.Rect(X(0), y + lane * 0.2, X(s.TreatmentDays ?? 0) - X(0), lane * 0.6,
                $"fill=\"{ArmShades[armIndex % ArmShades.Length]}\" stroke=\"#333\" stroke-width=\"0.5\"");
            svg.Tooltip(string.Create(CultureInfo.InvariantCulture,
                $"{s.Usubjid} ({s.Arm}): {(s.TreatmentDays is { } t ? $"{t:0} days on treatment" : "no treatment dates")}{(s.Ongoing ? ", ongoing" : "")}; best overall response {s.BestResponse}"));
            if (s.Ongoing && s.TreatmentDays is { } on)
            {
                svg.Marker(MarkerShape.Arrow, X(on) + lane * 0.4, mid, lane * 0.3, "class=\"ongoing\"");
            }

            foreach (var e in s.Events)
            {
                var (shape, fill) = EventStyle(e);
                svg.Marker(shape, X(e.Day), mid, Math.Min(6, lane * 0.36), $"class=\"event {e.Kind.ToString().ToLowerInvariant()}\" fill=\"{fill}\"").Tooltip(e.Description);
            }

            svg.EndGroup();
            if (labelled)
            {
                svg.Text(LabelWidth - 6, mid + 4, s.Label, "class=\"tick\" text-anchor=\"end\"")
                    .Text(X(s.TreatmentDays ?? 0) + (s.Ongoing ? lane : 4), mid + 4, s.BestResponse == ResponseScale.Missing ? "" : s.BestResponse, "class=\"bor\"");
            }
        }

        for (var i = 0; i < arms.Count; i++)
        {
            var lx = 10 + i % 2 * 470;
            var ly = legendTop + 20 * (i / 2);
            svg.Rect(lx, ly, 26, 12, $"fill=\"{ArmShades[i % ArmShades.Length]}\" stroke=\"#333\" stroke-width=\"0.5\"").Text(lx + 32, ly + 10, Shorten(arms[i], 60), "class=\"legend\"");
        }

        var row = legendTop + 20 * Math.Ceiling(arms.Count / 2.0);
        var keys = new List<(MarkerShape, string, string)>();
        foreach (var category in ResponseScale.Known.Where(c => ResponseScale.IsResponse(c) && Lanes.Any(s => s.Events.Any(e => e.Category == c))))
        {
            keys.Add((ResponseStyles.Of(category).Shape, ResponseStyles.Of(category).Colour, $"first {category}"));
        }

        keys.Add((MarkerShape.Cross, ResponseStyles.Of("PD").Colour, "progression"));
        keys.Add((MarkerShape.Star, "#000000", "DLT"));
        keys.Add((MarkerShape.Plus, "#555555", "death"));
        keys.Add((MarkerShape.Arrow, "#000000", "ongoing"));
        for (var i = 0; i < keys.Count; i++)
        {
            var (shape, fill, what) = keys[i];
            var lx = 10 + i % 6 * 155;
            var ly = row + 20 * (i / 6) + 6;
            svg.Marker(shape, lx + 6, ly, 6, $"class=\"event\" fill=\"{fill}\"").Text(lx + 16, ly + 4, what, "class=\"legend\"");
        }

        svg.Close();
        return b.ToString();
    }

    private static (MarkerShape Shape, string Fill) EventStyle(SubjectEvent e) => e.Kind switch
    {
        SubjectEventKind.ResponseOnset => (ResponseStyles.Of(e.Category).Shape, ResponseStyles.Of(e.Category).Colour),
        SubjectEventKind.Progression => (MarkerShape.Cross, ResponseStyles.Of("PD").Colour),
        SubjectEventKind.Dlt => (MarkerShape.Star, "#000000"),
        _ => (MarkerShape.Plus, "#555555"),
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "\u2026";
}
