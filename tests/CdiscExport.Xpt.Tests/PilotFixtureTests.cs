using System.Text;

namespace CdiscExport.Xpt.Tests;

/// <summary>The 30 SAS 9.4 files of the CDISC pilot: each reads fully and re-writes byte for byte.</summary>
public sealed class PilotFixtureTests
{
    public static TheoryData<string, int, int> PilotFiles => Fixtures.PilotFiles;

    [Theory]
    [MemberData(nameof(PilotFiles))]
    public void Read_PilotFile_ReadsEveryRowAndValue(string file, int rows, int columns)
    {
        using var reader = XptReader.Open(File.OpenRead(Fixtures.Pilot(file)));

        reader.Version.ShouldBe(5);
        reader.SasVersion.ShouldBe("9.4");
        reader.OperatingSystem.ShouldBe("X64_10PR");
        reader.Dataset.Name.ShouldBe(Path.GetFileNameWithoutExtension(file).ToUpperInvariant());
        reader.FieldCount.ShouldBe(columns);
        var count = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                if (reader.Dataset.Variables[i].Type == XptVariableType.Character)
                {
                    value.IsText.ShouldBeTrue();
                }
                else
                {
                    (value.IsNumber || value.IsMissing).ShouldBeTrue();
                }
            }

            count++;
        }

        count.ShouldBe(rows);
        reader.Read().ShouldBeFalse(); // stays at the end
    }

    [Fact]
    public void Read_Dm_FirstRowHasKnownValues()
    {
        using var reader = XptReader.Open(File.OpenRead(Fixtures.Pilot("dm.xpt")));

        reader.Dataset.Label.ShouldBe("Demographics");
        reader.Created.ShouldBe(new DateTime(2020, 8, 21, 9, 14, 29));
        reader.Read().ShouldBeTrue();
        reader.GetString(reader.GetOrdinal("STUDYID")).ShouldBe("CDISCPILOT01");
        reader.GetString(reader.GetOrdinal("DOMAIN")).ShouldBe("DM");
        reader.Dataset.Variables[reader.GetOrdinal("AGE")].Type.ShouldBe(XptVariableType.Numeric);
        reader.GetDouble(reader.GetOrdinal("AGE")).ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(PilotFiles))]
    public void Rewrite_PilotFile_IsByteIdenticalToSas(string file, int rows, int columns)
    {
        var original = Fixtures.PilotBytes(file);
        using var reader = XptReader.Open(new MemoryStream(original));
        var output = new MemoryStream();
        var options = new XptWriterOptions
        {
            Created = reader.Created,
            Modified = reader.Modified,
            SasVersion = reader.SasVersion,
            OperatingSystem = reader.OperatingSystem,
        };

        using (var writer = XptWriter.Create(output, reader.Dataset, options))
        {
            writer.Write(reader);
            writer.Complete();
            writer.RowCount.ShouldBe(rows);
        }

        var rewritten = output.ToArray();
        columns.ShouldBe(reader.Dataset.Variables.Count);

        // The brief's contract: identical from the first NAMESTR header record to the end of file ...
        var namestrHeader = IndexOfNamestrHeader(original);
        IndexOfNamestrHeader(rewritten).ShouldBe(namestrHeader);
        AssertSameBytes(file, original.AsSpan(namestrHeader), rewritten.AsSpan(namestrHeader), namestrHeader);

        // ... and, given SAS's header fields as options, identical from the first byte.
        AssertSameBytes(file, original, rewritten, 0);
    }

    private static int IndexOfNamestrHeader(byte[] bytes) =>
        bytes.AsSpan().IndexOf("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!"u8);

    private static void AssertSameBytes(string file, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, int origin)
    {
        var length = Math.Min(expected.Length, actual.Length);
        var first = expected[..length].CommonPrefixLength(actual[..length]);
        if (first < length || expected.Length != actual.Length)
        {
            var offset = origin + first;
            throw new ShouldAssertException(
                $"{file}: lengths {expected.Length} vs {actual.Length}; first difference at byte {offset} (record {(offset / 80) + 1}): " +
                $"SAS '{Encoding.Latin1.GetString(expected.Slice(first, Math.Min(16, expected.Length - first)))}' ours '{Encoding.Latin1.GetString(actual.Slice(first, Math.Min(16, actual.Length - first)))}'");
        }
    }
}
