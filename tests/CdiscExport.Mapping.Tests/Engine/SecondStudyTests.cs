using CdiscExport.Core.Datasets;
using CdiscExport.Mapping.Engine;
using CdiscExport.Testing;

namespace CdiscExport.Mapping.Tests.Engine;

/// <summary>
/// A second study whose raw layout nobody designed for the sample (other column names, US and ISO dates, numeric
/// codes, a BOM, a partial date) exports through spec files alone.
/// </summary>
public sealed class SecondStudyTests
{
    private static readonly MappingResult Result =
        MappingEngine.Run(RepositoryPaths.Get("tests", "fixtures", "second-study", "spec"));

    private static Dataset Get(string name) => Result.Datasets.Single(d => d.Name == name);

    [Fact]
    public void Run_SecondStudy_WritesDmExAeWithStudyId()
    {
        Result.StudyId.ShouldBe("XYZ-201");
        Result.Datasets.Select(d => d.Name).ShouldBe(["DM", "EX", "AE"]);
        Get("DM").Text("USUBJID")[0].ShouldBe("XYZ-201/P-0001");
    }

    [Fact]
    public void Run_SecondStudy_MapsCodesThroughTheSpecsMaps()
    {
        var dm = Get("DM");
        Enumerable.Range(0, dm.RowCount).Select(r => dm.Text("SEX")[r]).ShouldBe(["M", "F", "F"]);
        Enumerable.Range(0, dm.RowCount).Select(r => dm.Text("RACE")[r]).ShouldBe(["WHITE", "BLACK OR AFRICAN AMERICAN", "ASIAN"]);
        dm.Text("BRTHDTC")[0].ShouldBe("1950-03-17");
        dm.Text("RFSTDTC")[0].ShouldBe("2019-01-10");
        dm.Text("ARMCD")[1].ShouldBe("PBO");
    }

    [Fact]
    public void Run_SecondStudy_DerivesSeqInDateOrderAndStudyDaysWithoutDayZero()
    {
        var ae = Get("AE");
        ae.RowCount.ShouldBe(3);
        // P-0001's nausea (09JAN, before first dose on 10JAN) comes first and is day -1; headache on 12JAN is day 3.
        ae.Text("AETERM")[0].ShouldBe("NAUSEA");
        ae.Number("AESEQ")[0].ShouldBe(1);
        ae.Number("AESTDY")[0].ShouldBe(-1);
        ae.Text("EPOCH")[0].ShouldBe("SCREENING");
        ae.Text("AETERM")[1].ShouldBe("HEADACHE, MILD");
        ae.Text("AESTDTC")[1].ShouldBe("2019-01-12T08:30");
        ae.Number("AESTDY")[1].ShouldBe(3);
    }

    [Fact]
    public void Run_SecondStudy_KeepsPartialDatesPartialWithNoStudyDay()
    {
        var ae = Get("AE");
        ae.Text("AESTDTC")[2].ShouldBe("2019-02");
        ae.Number("AESTDY")[2].ShouldBeNull();
        ae.Text("AESER")[2].ShouldBe("Y");
        ae.Text("AESEV")[2].ShouldBe("MODERATE");
    }

    [Fact]
    public void Run_SecondStudy_OrdersVariablesAsSdtmig()
    {
        var names = Get("AE").Columns.Select(c => c.Name).ToList();
        names.Take(4).ShouldBe(["STUDYID", "DOMAIN", "USUBJID", "AESEQ"]);
        names.IndexOf("AESTDTC").ShouldBeLessThan(names.IndexOf("AEENDTC"));
        names.ShouldNotContain(n => n.StartsWith('_'));
    }

    [Fact]
    public void Run_SecondStudy_ReconcilesEveryRawRow()
    {
        var adverse = Result.Reconciliation.Single(r => r.Form == "adverse");
        adverse.RowsRead.ShouldBe(3);
        adverse.RowsMapped.ShouldBe(3);
        adverse.RowsSetAside.ShouldBe(0);
    }
}
