namespace CdiscExport.Xpt.Tests;

/// <summary>The writer streams (never holds rows) and the reader's per-row path does not allocate for repeated values.</summary>
public sealed class StreamingTests
{
    private sealed class CountingSink : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Count += count;
    }

    private static readonly XptDataset Lb = new("LB", "Laboratory Test Results",
    [
        XptVariable.Character("STUDYID", "Study Identifier", 12),
        XptVariable.Character("LBTESTCD", "Lab Test or Examination Short Name", 8),
        XptVariable.Numeric("LBSTRESN", "Numeric Result/Finding in Standard Units"),
        XptVariable.Numeric("LBSEQ", "Sequence Number"),
    ]);

    [Fact]
    public void WriteRow_ManyRows_StreamsWithoutAllocatingPerRow()
    {
        const int rows = 200_000;
        var sink = new CountingSink();
        using var writer = XptWriter.Create(sink, Lb);
        XptValue[] row = [XptValue.Text("CDISCPILOT01"), XptValue.Text("ALT"), XptValue.Number(0), XptValue.Number(0)];

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rows; i++)
        {
            row[2] = XptValue.Number(i * 0.5);
            row[3] = XptValue.Number(i + 1);
            writer.WriteRow(row);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        writer.Complete();

        allocated.ShouldBeLessThan(64 * 1024);
        sink.Count.ShouldBe((16 * 80) + (rows * 36L)); // 8 header records, 4 NAMESTRs (560 bytes = 7 records), OBS header, rows
        (sink.Count % 80).ShouldBe(0);
    }

    [Fact]
    public void Read_RepeatedValues_DoesNotAllocatePerRow()
    {
        const int rows = 50_000;
        var output = new MemoryStream();
        using (var writer = XptWriter.Create(output, Lb, new XptWriterOptions { LeaveOpen = true }))
        {
            XptValue[] row = [XptValue.Text("CDISCPILOT01"), XptValue.Text("ALT"), XptValue.Number(1.5), XptValue.Missing('C')];
            for (var i = 0; i < rows; i++)
            {
                writer.WriteRow(row);
            }

            writer.Complete();
        }

        output.Position = 0;
        using var reader = XptReader.Open(output);
        reader.Read().ShouldBeTrue();
        _ = reader.GetString(0);
        _ = reader.GetString(1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 1;
        double sum = 0;
        while (reader.Read())
        {
            sum += reader.GetString(0).Length + reader.GetString(1).Length + (reader.GetDouble(2) ?? 0) + (reader.GetValue(3).IsMissing ? 1 : 0);
            count++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        count.ShouldBe(rows);
        sum.ShouldBe((rows - 1) * (12 + 3 + 1.5 + 1));
        allocated.ShouldBeLessThan(256 * 1024); // only the read buffer's refills, nothing per row
    }
}
