using System.Globalization;
using CdiscExport.Conformance.Engine;
using CdiscExport.Testing;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Tests.Engine;

/// <summary>The dictionary-encoded package holds exactly what <see cref="XptReader"/> reads, cell by cell.</summary>
public sealed class PackageLoadTests
{
    private static readonly string Pilot = Path.Combine(RepositoryPaths.Fixtures, "cdiscpilot01-sdtm");

    [Fact]
    public void PilotPackage_EveryCell_MatchesXptReader()
    {
        var package = Package.Load([Pilot]);
        package.Datasets.ShouldNotBeEmpty();
        foreach (var d in package.Datasets)
        {
            using var stream = File.OpenRead(d.FilePath);
            using var reader = XptReader.Open(stream);
            var row = 0;
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    var column = d.Column(i);
                    var expected = value.IsText ? value.TextValue : value.IsNumber ? value.NumberValue.ToString("R", CultureInfo.InvariantCulture) : "";
                    column.Text(row).ShouldBe(expected, $"{d.Name}.{column.Variable.Name} row {row + 1}");
                    if (value.IsNumber)
                    {
                        column.Num(row).ShouldBe(value.NumberValue);
                    }
                    else if (value.IsMissing)
                    {
                        column.IsNull(row).ShouldBeTrue();
                    }
                }

                row++;
            }

            d.RowCount.ShouldBe(row);
        }
    }

    [Fact]
    public void RowGroups_PutRowsTogetherExactlyWhenEveryColumnAgrees()
    {
        var package = Package.Load([Pilot]);
        var lb = package.Find("LB")!;
        string[] keys = ["USUBJID", "LBTESTCD", "VISITNUM"];
        var groups = lb.GroupsOf(keys).Groups.ToArray();
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < lb.RowCount; r++)
        {
            var key = string.Join("\u0001", keys.Select(k => lb.Text(r, k)));
            if (byText.TryGetValue(key, out var first))
            {
                groups[r].ShouldBe(groups[first]);
            }
            else
            {
                byText[key] = r;
            }
        }

        byText.Values.Select(r => groups[r]).Distinct().Count().ShouldBe(byText.Count);
    }

    [Fact]
    public void ReadAhead_GivesTheSamePackage_AndTheSameFindings()
    {
        var readAhead = new ReadAhead();
        foreach (var file in Directory.GetFiles(Pilot, "*.xpt"))
        {
            readAhead.Read(file);
        }

        readAhead.Count.ShouldBe(Directory.GetFiles(Pilot, "*.xpt").Length);
        var ahead = ConformanceEngine.Run([Pilot], readAhead: readAhead);
        var plain = ConformanceEngine.Run([Pilot]);
        readAhead.Count.ShouldBe(0); // every file was taken, none read twice
        ahead.Datasets.ShouldBe(plain.Datasets);
        ahead.Findings.Select(f => f.ToString()).ShouldBe(plain.Findings.Select(f => f.ToString()));
    }

    [Fact]
    public async Task ReadAhead_UnderWayWhileThePackageLoads_GivesTheSameData()
    {
        // However the read ahead and the load interleave (the load waits for a file under way, or reads it itself),
        // every cell is what the file holds.
        var readAhead = new ReadAhead();
        var files = Directory.GetFiles(Pilot, "*.xpt").OrderByDescending(f => new FileInfo(f).Length).ToList();
        var reading = Task.Run(() => files.ForEach(readAhead.Read), TestContext.Current.CancellationToken);
        var ahead = Package.Load([Pilot], readAhead: readAhead);
        await reading;
        var plain = Package.Load([Pilot]);
        ahead.Datasets.Select(d => d.Name).ShouldBe(plain.Datasets.Select(d => d.Name));
        foreach (var (a, p) in ahead.Datasets.Zip(plain.Datasets))
        {
            a.RowCount.ShouldBe(p.RowCount, a.Name);
            for (var i = 0; i < a.Variables.Count; i++)
            {
                Enumerable.Range(0, a.RowCount).Select(a.Column(i).Text).ShouldBe(Enumerable.Range(0, p.RowCount).Select(p.Column(i).Text), $"{a.Name} column {i}");
            }
        }
    }

    [Fact]
    public void ReadAhead_OfAFileChangedSince_IsNotUsed()
    {
        var folder = Directory.CreateTempSubdirectory("cdisc-readahead-").FullName;
        try
        {
            var dm = Path.Combine(folder, "dm.xpt");
            File.Copy(Path.Combine(Pilot, "dm.xpt"), dm);
            var readAhead = new ReadAhead();
            readAhead.Read(dm);

            // Replaced by another dataset after it was read: the load must see what is on disk now.
            File.Copy(Path.Combine(Pilot, "ts.xpt"), dm, overwrite: true);
            var package = Package.Load([dm], readAhead: readAhead);
            package.Datasets.Single().Name.ShouldBe("TS");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
