using CdiscExport.Mapping.Engine;
using CdiscExport.Mapping.Raw;
using CdiscExport.Testing;

namespace CdiscExport.Mapping.Tests.Raw;

/// <summary>
/// Random mutations of a real raw form (bytes flipped, inserted, deleted, quotes and line breaks planted): the reader
/// either reads the file or stops with a located <see cref="MappingException"/>; never another exception, never a hang.
/// </summary>
public sealed class RawFormFuzzTests
{
    [Fact]
    public void Read_MutatedForms_ReadsOrFailsWithLocation()
    {
        var original = File.ReadAllBytes(RepositoryPaths.Get("samples", "bortezomib-lenalidomide-ph1", "raw", "ae.csv"));
        var random = new Random(20051015);
        var folder = Directory.CreateTempSubdirectory("cdisc-fuzz-").FullName;
        try
        {
            var path = Path.Combine(folder, "ae.csv");
            var failures = 0;
            for (var i = 0; i < 1500; i++)
            {
                File.WriteAllBytes(path, Mutate(original, random));
                try
                {
                    var form = RawFormReader.Read("ae", path, RawSettings.Default);
                    // Every record holds a value (perhaps "") in every column, and records follow the header in file order.
                    for (var row = 0; row < form.RowCount; row++)
                    {
                        for (var column = 0; column < form.Headers.Count; column++)
                        {
                            form.Get(row, column).ShouldNotBeNull();
                        }

                        form.LineOf(row).ShouldBeGreaterThan(row == 0 ? 1 : form.LineOf(row - 1));
                    }
                }
                catch (MappingException e)
                {
                    failures++;
                    e.RawFile.ShouldBe(path);
                    e.Line.ShouldBeGreaterThan(0);
                }
            }

            failures.ShouldBeGreaterThan(0); // the mutations do produce bad files
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = source.ToList();
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.Insert(at, (byte)'"'); break;
                case 2: bytes.Insert(at, (byte)'\n'); break;
                case 3: bytes.RemoveAt(at); break;
                default: bytes.Insert(at, (byte)','); break;
            }
        }

        return [.. bytes];
    }
}
