using System.Globalization;
using System.Text.Json;
using CdiscExport.Testing;

namespace CdiscExport.Review.Tests;

/// <summary>
/// The sample study's review page (written by export) opened in headless Chromium: no console message, every section,
/// one mark per ADSL subject in each chart with the values of ADSL, ADRS and LB as read here from the XPT files, the
/// published best responses, and tables that page and filter.
/// </summary>
public sealed class ReviewPageChromiumTests
{
    private static readonly Lazy<ChromiumPage> Opened = new(() => HeadlessChromium.Open(ReviewPackages.SamplePage));

    private static ChromiumPage Page
    {
        get
        {
            ExternalTool.RequireOnPath("chromium", "chromium");
            return Opened.Value;
        }
    }

    [Fact]
    public void SamplePage_InChromium_HasNoConsoleMessageAndEverySection()
    {
        var page = Page;
        page.Console.ShouldBeEmpty();
        foreach (var section in new[] { "overview", "datasets", "findings", "reconciliation", "response" })
        {
            page.Dom.ShouldContain($"<section id=\"{section}\" aria-labelledby=\"{section}-h\">");
            page.Dom.ShouldContain($"<h2 id=\"{section}-h\">");
        }

        foreach (var chart in new[] { "waterfall", "swimmer", "spider" })
        {
            page.Dom.ShouldContain($"<figure id=\"{chart}\" class=\"chart\">");
            PageDom.Svg(page.Dom, chart + "-svg").ShouldNotBeNull();
        }

        // The script ran: the first dataset's first page is drawn, and the findings table too, each table with a
        // caption, column headers and a header cell per row.
        PageDom.Status(page.Dom, "dataset-view").Shown.ShouldBeGreaterThan(0);
        PageDom.Status(page.Dom, "findings-view").Shown.ShouldBeGreaterThan(0);
        var tables = System.Text.RegularExpressions.Regex.Matches(page.Dom[..page.Dom.IndexOf("</main>", StringComparison.Ordinal)], "<table[ >].*?</table>", System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Value).ToList();
        tables.Count.ShouldBeGreaterThanOrEqualTo(6);
        tables.ShouldAllBe(t => t.Contains("<caption>") && t.Contains("<th scope=\"col\""));
        PageDom.Rows(page.Dom, "dataset-view").ShouldAllBe(row => row.Count > 1);
    }

    [Fact]
    public void SamplePage_Waterfall_HasOneBarPerAdslSubjectWithBestPercentChangeAndBor()
    {
        var marks = PageDom.Marks(PageDom.Svg(Page.Dom, "waterfall-svg")!).ToDictionary(m => m["usubjid"], StringComparer.Ordinal);
        var expected = SampleStudy.Subjects;
        expected.Count.ShouldBe(19);
        marks.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Select(s => s.Usubjid).Order(StringComparer.Ordinal));
        foreach (var s in expected)
        {
            var mark = marks[s.Usubjid];
            mark["bor"].ShouldBe(s.BestResponse, s.Usubjid);
            if (s.BestPercentChange is { } best)
            {
                double.Parse(mark["value"], CultureInfo.InvariantCulture).ShouldBe(best, 0.006, s.Usubjid);
            }
            else
            {
                mark["value"].ShouldBe("", s.Usubjid);
            }
        }

        // Sorted from the largest rise to the deepest fall, subjects without a value last.
        var order = PageDom.Marks(PageDom.Svg(Page.Dom, "waterfall-svg")!).Select(m => m["value"]).ToList();
        var withValue = order.TakeWhile(v => v != "").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        withValue.ShouldBe(withValue.OrderByDescending(v => v).ToList());
        order.Skip(withValue.Count).ShouldAllBe(v => v == "");
    }

    [Fact]
    public void SamplePage_Swimmer_HasOneLanePerSubjectWithArmDaysOnTreatmentAndBor()
    {
        var marks = PageDom.Marks(PageDom.Svg(Page.Dom, "swimmer-svg")!).ToDictionary(m => m["usubjid"], StringComparer.Ordinal);
        marks.Count.ShouldBe(SampleStudy.Subjects.Count);
        foreach (var s in SampleStudy.Subjects)
        {
            var mark = marks[s.Usubjid];
            mark["arm"].ShouldBe(s.Arm, s.Usubjid);
            mark["bor"].ShouldBe(s.BestResponse, s.Usubjid);
            int.Parse(mark["days"], CultureInfo.InvariantCulture).ShouldBe(s.TreatmentDays, s.Usubjid);
        }
    }

    [Fact]
    public void SamplePage_Spider_HasOneLinePerSubjectWithPercentChangeOverTime()
    {
        var marks = PageDom.Marks(PageDom.Svg(Page.Dom, "spider-svg")!).ToDictionary(m => m["usubjid"], StringComparer.Ordinal);
        marks.Count.ShouldBe(SampleStudy.Subjects.Count);
        foreach (var s in SampleStudy.Subjects)
        {
            var mark = marks[s.Usubjid];
            mark["bor"].ShouldBe(s.BestResponse, s.Usubjid);
            var points = mark["points"].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split(':')).Select(p => (Day: int.Parse(p[0], CultureInfo.InvariantCulture), Change: double.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
            points.Select(p => p.Day).ShouldBe(s.Marker.Select(p => p.Day), s.Usubjid);
            for (var i = 0; i < points.Count; i++)
            {
                points[i].Change.ShouldBe(s.Marker[i].PercentChange, 0.006, $"{s.Usubjid} day {points[i].Day}");
            }
        }
    }

    [Fact]
    public void SamplePage_Charts_ShowThePublishedBestResponsesByCohort()
    {
        foreach (var chart in new[] { "waterfall-svg", "swimmer-svg", "spider-svg" })
        {
            var bySubject = PageDom.Marks(PageDom.Svg(Page.Dom, chart)!).ToDictionary(m => m["usubjid"], m => m["bor"], StringComparer.Ordinal);
            var byArm = SampleStudy.Subjects.GroupBy(s => s.Arm).ToDictionary(g => g.Key, g => SampleStudy.Multiset(g.Select(s => bySubject[s.Usubjid])), StringComparer.Ordinal);
            byArm.ShouldBe(SampleStudy.PublishedBestResponse, ignoreOrder: true, customMessage: chart);
        }

        // The best-response table says each cohort matches the published one.
        Page.Dom.ShouldNotContain("class=\"differs\"");
    }

    [Fact]
    public void SamplePage_FilterInAddress_ShowsOnlyMatchingRecordsOnePageAtATime()
    {
        var adrs = PackageData.Read(ReviewPackages.SampleAdam, "ADRS").Records;
        var all = HeadlessChromium.Open(ReviewPackages.SamplePage, "ds=ADRS");
        all.Console.ShouldBeEmpty();
        var (matching, total, shown) = PageDom.Status(all.Dom, "dataset-view");
        (matching, total).ShouldBe((adrs.Count, adrs.Count));
        shown.ShouldBe(50);
        PageDom.Rows(all.Dom, "dataset-view").Count.ShouldBe(50, "only one page of records is in the document");

        var filtered = HeadlessChromium.Open(ReviewPackages.SamplePage, "ds=ADRS&f.PARAMCD==BOR");
        filtered.Console.ShouldBeEmpty();
        var bor = adrs.Count(r => PackageData.Text(r, "PARAMCD") == "BOR");
        PageDom.Status(filtered.Dom, "dataset-view").ShouldBe((bor, adrs.Count, bor));
        var column = PageDom.Columns(filtered.Dom, "dataset-view").IndexOf("PARAMCD");
        PageDom.Rows(filtered.Dom, "dataset-view").ShouldAllBe(row => row[column] == "BOR");
    }

    [Fact]
    public void SamplePage_TypingInAFilter_ChangesTheRowsShown()
    {
        ExternalTool.RequireOnPath("chromium", "chromium");
        var folder = ReviewPackages.NewFolder();
        var page = Path.Combine(folder, "typed.html");
        var html = File.ReadAllText(ReviewPackages.SamplePage);
        var end = html.LastIndexOf("</body>", StringComparison.Ordinal);

        // A user's steps, scripted: once ADRS is drawn, type "=BOR" into the PARAMCD filter (an input event, as typing
        // fires); the table redraws after the page's debounce.
        const string Typing = """
            <script>
            (function () {
              function when(test, then) { var t = setInterval(function () { if (test()) { clearInterval(t); then(); } }, 20); }
              when(function () { return document.querySelector('#dataset-view .status[data-ms]'); }, function () {
                var status = document.querySelector('#dataset-view .status');
                document.body.setAttribute('data-before', status.getAttribute('data-matching'));
                var button = Array.prototype.filter.call(document.querySelectorAll('#dataset-view thead button.sort'), function (b) { return b.textContent === 'PARAMCD'; })[0];
                var input = document.querySelector('#dataset-view tr.filters input[data-col="' + button.getAttribute('data-col') + '"]');
                input.value = '=BOR';
                input.dispatchEvent(new Event('input', { bubbles: true }));
                when(function () { return document.querySelector('#dataset-view .status').getAttribute('data-matching') !== document.body.getAttribute('data-before'); },
                  function () { document.body.setAttribute('data-typed', 'done'); });
              });
            })();
            </script>

            """;
        File.WriteAllText(page, html[..end] + Typing + html[end..]);
        var typed = HeadlessChromium.Open(page, "ds=ADRS");
        typed.Console.ShouldBeEmpty();
        typed.Dom.ShouldContain("data-typed=\"done\"");
        var adrs = PackageData.Read(ReviewPackages.SampleAdam, "ADRS").Records;
        typed.Dom.ShouldContain($"data-before=\"{adrs.Count}\"");
        var bor = adrs.Count(r => PackageData.Text(r, "PARAMCD") == "BOR");
        PageDom.Status(typed.Dom, "dataset-view").ShouldBe((bor, adrs.Count, bor));
        var column = PageDom.Columns(typed.Dom, "dataset-view").IndexOf("PARAMCD");
        PageDom.Rows(typed.Dom, "dataset-view").ShouldAllBe(row => row[column] == "BOR");
    }

    [Fact]
    public void SamplePage_FindingsFilteredBySeverityAndDataset_MatchTheConformanceReport()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReviewPackages.Sample, "reports", "conformance.json")));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Severity: f.GetProperty("severity").GetString(), Dataset: f.GetProperty("dataset").GetString())).ToList();
        var warnings = findings.Count(f => f.Severity == "warning");
        var aeWarnings = findings.Count(f => f.Severity == "warning" && f.Dataset == "AE");
        warnings.ShouldBeGreaterThan(aeWarnings);
        aeWarnings.ShouldBeGreaterThan(0);

        PageDom.Status(Page.Dom, "findings-view").Matching.ShouldBe(findings.Count);
        var bySeverity = HeadlessChromium.Open(ReviewPackages.SamplePage, "findings&severity=warning");
        bySeverity.Console.ShouldBeEmpty();
        PageDom.Status(bySeverity.Dom, "findings-view").Matching.ShouldBe(warnings);
        var both = HeadlessChromium.Open(ReviewPackages.SamplePage, "findings&severity=warning&dataset=AE");
        PageDom.Status(both.Dom, "findings-view").Matching.ShouldBe(aeWarnings);
    }

    [Fact]
    public void PilotPage_InChromium_RendersTheRestWithoutOncologyCharts()
    {
        ExternalTool.RequireOnPath("chromium", "chromium");
        var page = HeadlessChromium.Open(ReviewPackages.PilotPage);
        page.Console.ShouldBeEmpty();
        foreach (var section in new[] { "overview", "datasets", "findings" })
        {
            page.Dom.ShouldContain($"<section id=\"{section}\" aria-labelledby=\"{section}-h\">");
        }

        page.Dom.ShouldNotContain("<section id=\"response\"");
        page.Dom.ShouldNotContain("<svg");
        PageDom.Status(page.Dom, "dataset-view").Shown.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void PilotPage_FilterInAddress_ShowsTheSasWrittenRecordsThatMatch()
    {
        ExternalTool.RequireOnPath("chromium", "chromium");
        var dm = PackageData.Read(ReviewPackages.Pilot, "DM").Records;
        var placebo = dm.Count(r => PackageData.Text(r, "ARM") == "Placebo");
        placebo.ShouldBeInRange(1, dm.Count - 1);
        var page = HeadlessChromium.Open(ReviewPackages.PilotPage, "ds=DM&f.ARM==Placebo");
        page.Console.ShouldBeEmpty();
        PageDom.Status(page.Dom, "dataset-view").ShouldBe((placebo, dm.Count, Math.Min(50, placebo)));
        var column = PageDom.Columns(page.Dom, "dataset-view").IndexOf("ARM");
        PageDom.Rows(page.Dom, "dataset-view").ShouldAllBe(row => row[column] == "Placebo");
    }
}
