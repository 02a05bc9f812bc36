using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Raw;
using CdiscExport.Testing;

namespace CdiscExport.Mapping.Tests.Raw;

/// <summary>
/// Random mutations of a real ODM export and of a workbook: each reader either reads the file or stops with a
/// <see cref="MappingException"/> naming it; never another exception, never a hang.
/// </summary>
public sealed class RawSourceFuzzTests
{
    [Fact]
    public void Read_MutatedOdmFiles_ReadsOrFailsWithLocation()
    {
        var original = File.ReadAllBytes(RepositoryPaths.Get("tests", "fixtures", "odm-clinical", "odmlib", "odm-data-snapshot.xml"));
        var failures = Fuzz(original, ".xml", 400, "<>/=\"\n", path =>
        {
            foreach (var form in OdmClinicalDataReader.Read(path, RawSettings.Default))
            {
                for (var row = 0; row < form.RowCount; row++)
                {
                    form.LineOf(row).ShouldBeGreaterThan(0);
                    for (var column = 0; column < form.Headers.Count; column++)
                    {
                        form.Get(row, column).ShouldNotBeNull();
                    }
                }
            }
        }, e => e.Line.ShouldBeGreaterThanOrEqualTo(0));

        failures.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Read_MutatedWorkbooks_ReadsOrFailsNamingTheFile()
    {
        var original = File.ReadAllBytes(RepositoryPaths.Get("tests", "fixtures", "excel", "formats.xlsx"));
        var failures = Fuzz(original, ".xlsx", 150, "\0\xff", path =>
        {
            foreach (var form in ExcelWorkbookReader.Read(path, RawSettings.Default with { HeaderRow = 2, Skip = 1 }, ["LB"]))
            {
                form.RowCount.ShouldBeGreaterThanOrEqualTo(0);
            }
        }, _ => { });

        failures.ShouldBeGreaterThan(0);
    }

    private static int Fuzz(byte[] original, string extension, int rounds, string planted, Action<string> read, Action<MappingException> check)
    {
        var random = new Random(20260317);
        var folder = Directory.CreateTempSubdirectory("cdisc-source-fuzz-").FullName;
        var failures = 0;
        try
        {
            var path = Path.Combine(folder, "source" + extension);
            for (var i = 0; i < rounds; i++)
            {
                File.WriteAllBytes(path, Mutate(original, random, planted));
                try
                {
                    read(path);
                }
                catch (MappingException e)
                {
                    failures++;
                    e.RawFile.ShouldStartWith(path);
                    check(e);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return failures;
    }

    private static byte[] Mutate(byte[] source, Random random, string planted)
    {
        var bytes = source.ToList();
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                default: bytes.Insert(at, (byte)planted[random.Next(planted.Length)]); break;
            }
        }

        return [.. bytes];
    }
}
