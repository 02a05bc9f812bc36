namespace CdiscExport.Xpt.Tests;

/// <summary>Truncated, corrupt and random input must give an XptFormatException with a location, never hang or crash.</summary>
public sealed class HostileInputTests
{
    private static XptFormatException ReadAllShouldFail(byte[] bytes) =>
        Should.Throw<XptFormatException>(() => ReadAll(bytes));

    private static int ReadAll(byte[] bytes)
    {
        using var reader = XptReader.Open(new MemoryStream(bytes));
        var rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }

    [Fact]
    public void Open_EmptyStream_FailsAtRecordOne()
    {
        var error = ReadAllShouldFail([]);

        error.ByteOffset.ShouldBe(0);
        error.RecordNumber.ShouldBe(1);
        error.Member.ShouldBeNull();
    }

    [Fact]
    public void Open_CsvFile_FailsAtRecordOne()
    {
        var error = ReadAllShouldFail(System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("STUDYID,USUBJID,AGE\n", 20))));

        error.RecordNumber.ShouldBe(1);
    }

    [Fact]
    public void Open_FileStream_ReportsItsPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"xpt-hostile-{Guid.NewGuid():N}.xpt");
        File.WriteAllBytes(path, Fixtures.PilotBytes("dm.xpt")[..500]);
        try
        {
            var error = Should.Throw<XptFormatException>(() => XptReader.Open(File.OpenRead(path)));

            error.FilePath.ShouldBe(path);
            error.Member.ShouldBe("DM");
            error.ByteOffset.ShouldBe(480);
            error.RecordNumber.ShouldBe(7);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_TruncatedAnywhere_FailsOrReadsAPrefix()
    {
        var bytes = Fixtures.PilotBytes("dm.xpt");
        var full = ReadAll(bytes);
        var headerEnd = bytes.AsSpan().IndexOf("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!"u8) + 80;
        for (var cut = 0; cut < bytes.Length; cut += cut < headerEnd ? 1 : 7)
        {
            var truncated = bytes[..cut];
            if (cut < headerEnd)
            {
                ReadAllShouldFail(truncated).ByteOffset.ShouldBeLessThanOrEqualTo(cut);
                continue;
            }

            try
            {
                ReadAll(truncated).ShouldBeLessThanOrEqualTo(full); // a cut on a row boundary is undetectable in V5
            }
            catch (XptFormatException error)
            {
                error.Member.ShouldBe("DM");
            }
        }
    }

    [Fact]
    public void Read_RandomBytes_FailWithFormatException()
    {
        var random = new Random(1234);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            ReadAllShouldFail(bytes);
        }
    }

    [Fact]
    public void Read_RandomlyCorruptedPilotFile_NeverCrashesOtherwise()
    {
        var original = Fixtures.PilotBytes("suppdm.xpt");
        var random = new Random(99);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                // Bias towards the headers and NAMESTRs, where structure lives.
                var at = random.Next(random.Next(2) == 0 ? Math.Min(1500, bytes.Length) : bytes.Length);
                bytes[at] = (byte)random.Next(256);
            }

            try
            {
                ReadAll(bytes);
            }
            catch (XptFormatException)
            {
            }
        }
    }

    [Fact]
    public void Open_CorruptNamestrType_NamesTheVariable()
    {
        var bytes = Fixtures.PilotBytes("dm.xpt");
        var namestrs = bytes.AsSpan().IndexOf("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!"u8) + 80;
        bytes[namestrs + 140 + 1] = 7; // second variable's type

        var error = ReadAllShouldFail(bytes);

        error.Member.ShouldBe("DM");
        error.Variable.ShouldBe("DOMAIN");
        error.ByteOffset.ShouldBe(namestrs + 140);
    }

    [Fact]
    public void Open_V5FileWithV8MemberHeader_Fails()
    {
        var bytes = Fixtures.PilotBytes("dm.xpt");
        "MEMBV8  "u8.CopyTo(bytes.AsSpan(240 + 20));

        ReadAllShouldFail(bytes).RecordNumber.ShouldBe(4);
    }

    [Fact]
    public void Read_TrailingGarbage_FailsAsTruncatedObservation()
    {
        var bytes = Fixtures.PilotBytes("dm.xpt").Concat("garbage"u8.ToArray()).ToArray();

        ReadAllShouldFail(bytes).Member.ShouldBe("DM");
    }

    [Fact]
    public void Read_RandomlyCorruptedV8FileWithLabelV9Block_NeverCrashesOtherwise()
    {
        var dataset = new XptDataset("V8", "", [
            new XptVariable("A_LONG_NAME_FOR_A_VARIABLE", new string('l', 100), XptVariableType.Character, 30) { Format = "LONGFORMATNAME", FormatLength = 30 },
            XptVariable.Numeric("N", "n"),
        ]);
        var original = XptTestData.Write(dataset, [[XptValue.Text("x"), XptValue.Number(1)], [XptValue.Text("y"), XptValue.Missing('B')]], XptWriterOptions.V8);
        var labelBlock = original.AsSpan().IndexOf("LABELV9"u8) - 20;
        labelBlock.ShouldBeGreaterThan(0);
        var random = new Random(8);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[labelBlock + random.Next(Math.Min(400, bytes.Length - labelBlock))] = (byte)random.Next(256);
            }

            try
            {
                ReadAll(bytes);
            }
            catch (XptFormatException)
            {
            }
        }
    }
}
