namespace CdiscExport.Xpt.Tests;

/// <summary>Buffer edges are forced: reads that return a few bytes at a time, tiny buffers, forward-only streams.</summary>
public sealed class StreamTests
{
    [Theory]
    [InlineData("lb.xpt", 1, 1)]
    [InlineData("lb.xpt", 7, 100)]
    [InlineData("dm.xpt", 79, 81)]
    [InlineData("ts.xpt", 3, 160)]
    [InlineData("split/lbur.xpt", 4096, 1)]
    public void Read_ObservationSplitAcrossBuffers_ReturnsSameValues(string file, int chunk, int bufferSize)
    {
        var bytes = Fixtures.PilotBytes(file);
        var (expectedReader, expected) = XptTestData.Read(bytes);
        expectedReader.Dispose();

        var (reader, actual) = XptTestData.Read(bytes, new XptReaderOptions { BufferSize = bufferSize }, chunk);
        reader.Dispose();

        actual.ShouldMatch(expected, expectedReader.Dataset);
    }

    [Fact]
    public void Write_ForwardOnlyStream_GivesSameBytes()
    {
        var bytes = Fixtures.PilotBytes("ae.xpt");
        using var source = XptReader.Open(new MemoryStream(bytes));
        var target = new MemoryStream();

        using (var writer = XptWriter.Create(new ForwardOnlyStream(target, 13), source.Dataset, new XptWriterOptions { Created = source.Created, SasVersion = "9.4", OperatingSystem = "X64_10PR" }))
        {
            writer.Write(source);
            writer.Complete();
        }

        target.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public void Read_GetStringOfRepeatedValue_ReusesTheString()
    {
        using var reader = XptReader.Open(File.OpenRead(Fixtures.Pilot("lb.xpt")));
        var studyId = reader.GetOrdinal("STUDYID");
        reader.Read().ShouldBeTrue();
        var first = reader.GetString(studyId);
        reader.Read().ShouldBeTrue();

        reader.GetString(studyId).ShouldBeSameAs(first);
    }

    [Fact]
    public void GetBytes_EveryCharacterValue_DecodesToGetString()
    {
        using var reader = XptReader.Open(File.OpenRead(Fixtures.Pilot("ae.xpt")));
        var character = Enumerable.Range(0, reader.FieldCount).Where(i => reader.Dataset.Variables[i].Type == XptVariableType.Character).ToList();
        while (reader.Read())
        {
            foreach (var i in character)
            {
                System.Text.Encoding.Latin1.GetString(reader.GetBytes(i)).ShouldBe(reader.GetString(i));
            }
        }
    }

    [Fact]
    public void GetBytes_OnNumericVariable_Throws()
    {
        using var reader = XptReader.Open(File.OpenRead(Fixtures.Pilot("dm.xpt")));
        reader.Read();

        Should.Throw<InvalidOperationException>(() => reader.GetBytes(reader.GetOrdinal("AGE")));
    }

    [Fact]
    public void Dispose_LeaveOpen_KeepsStreamUsable()
    {
        var stream = new MemoryStream(Fixtures.PilotBytes("dm.xpt"));
        XptReader.Open(stream, new XptReaderOptions { LeaveOpen = true }).Dispose();
        stream.CanRead.ShouldBeTrue();

        XptReader.Open(stream = new MemoryStream(Fixtures.PilotBytes("dm.xpt"))).Dispose();
        stream.CanRead.ShouldBeFalse();
    }

    [Fact]
    public void GetValue_BeforeRead_Throws()
    {
        using var reader = XptReader.Open(File.OpenRead(Fixtures.Pilot("dm.xpt")));

        Should.Throw<InvalidOperationException>(() => reader.GetValue(0));
    }

    [Fact]
    public void GetDouble_OnCharacterVariable_Throws()
    {
        using var reader = XptReader.Open(File.OpenRead(Fixtures.Pilot("dm.xpt")));
        reader.Read();

        Should.Throw<InvalidOperationException>(() => reader.GetDouble(reader.GetOrdinal("USUBJID")));
        Should.Throw<InvalidOperationException>(() => reader.GetString(reader.GetOrdinal("AGE")));
    }

    [Theory]
    [InlineData("dm.xpt", "suppdm.xpt")]
    [InlineData("te.xpt", "ie.xpt")]
    public void Read_TwoMemberLibrary_StopsAtSecondMember(string first, string second)
    {
        var a = Fixtures.PilotBytes(first);
        var b = Fixtures.PilotBytes(second);
        var library = a.Concat(b.Skip(3 * 80)).ToArray(); // b without its 3 library records

        var (reader, rows) = XptTestData.Read(library);
        var (expectedReader, expected) = XptTestData.Read(a);
        reader.Dispose();
        expectedReader.Dispose();

        rows.ShouldMatch(expected, reader.Dataset);
    }

    [Fact]
    public void Read_TwoMemberLibraryWithShortRows_PaddingBeforeSecondMemberIsNotRows()
    {
        var dataset = new XptDataset("X", "", [XptVariable.Character("C", "", 3)]);
        var a = XptTestData.Write(dataset, [[XptValue.Text("a")], [XptValue.Text("b")]]);
        var library = a.Concat(a.Skip(3 * 80)).ToArray();

        var (reader, rows) = XptTestData.Read(library);
        reader.Dispose();

        rows.Count.ShouldBe(2);
    }
}
