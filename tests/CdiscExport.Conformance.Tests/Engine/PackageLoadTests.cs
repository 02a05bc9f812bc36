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

}
