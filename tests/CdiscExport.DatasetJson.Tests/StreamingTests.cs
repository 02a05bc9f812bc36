using System.Text;

namespace CdiscExport.DatasetJson.Tests;

/// <summary>Rows straddle buffer ends, streams go forward only, strings escape and unescape exactly.</summary>
public sealed class StreamingTests
{
    private static readonly string[] Texts = ["plain", "", "quote \" and backslash \\", "tab\tnew\nline\r", "\u0001 control", "caf\u00e9 \u00b5g/L", "\u65e5\u672c\u8a9e", "</script>&'"];

    [Theory]
    [InlineData(DatasetJsonForm.Json)]
    [InlineData(DatasetJsonForm.Ndjson)]
    [InlineData(DatasetJsonForm.Dsjc)]
    public void RoundTrip_TinyBufferForwardOnly_SameValues(DatasetJsonForm form)
    {
        var metadata = TestData.Metadata(Texts.Length * 50, TestData.Column("S", DatasetJsonDataType.String), TestData.Column("N", DatasetJsonDataType.Double),
            TestData.Column("B", DatasetJsonDataType.Boolean), TestData.Column("D", DatasetJsonDataType.Date));
        var bytes = TestData.Write(metadata, form, w =>
        {
            for (var i = 0; i < Texts.Length * 50; i++)
            {
                w.WriteString(Texts[i % Texts.Length]);
                if (i % 7 == 0)
                {
                    w.WriteNull();
                }
                else
                {
                    w.WriteNumber(i * 0.1);
                }

                w.WriteBoolean(i % 2 == 0);
                w.WriteString("2026-01-0" + ((i % 9) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.EndRow();
            }
        });
        Fixtures.SchemaProblem(bytes, form).ShouldBeNull();

        using var reader = DatasetJsonReader.Open(new ForwardOnlyStream(bytes), new DatasetJsonReaderOptions { BufferSize = 16, FilePath = "x" + DatasetJsonForms.Extension(form) });
        var row = 0;
        while (reader.Read())
        {
            reader.GetString(0).ShouldBe(Texts[row % Texts.Length]);
            if (row % 7 == 0)
            {
                reader.IsNull(1).ShouldBeTrue();
            }
            else
            {
                reader.GetDouble(1).ShouldBe(row * 0.1);
            }

            reader.GetBoolean(2).ShouldBe(row % 2 == 0);
            row++;
        }

        row.ShouldBe(Texts.Length * 50);
        reader.Form.ShouldBe(form);
    }

    [Fact]
    public void Write_NoRows_JsonHasEmptyRowsAndIsValid()
    {
        var bytes = TestData.Write(TestData.Metadata(0, TestData.Column("A", DatasetJsonDataType.String)), DatasetJsonForm.Json, _ => { });
        Encoding.UTF8.GetString(bytes).ShouldEndWith("\"rows\":[]}\n");
        Fixtures.SchemaProblem(bytes, DatasetJsonForm.Json).ShouldBeNull();
        using var reader = TestData.Open(bytes);
        reader.Read().ShouldBeFalse();
    }

    [Fact]
    public void Read_ByteOrderMarkAndCrLf_Accepted()
    {
        var text = "\uFEFF" + File.ReadAllText(Fixtures.Example("sdtm/ts.ndjson")).Replace("\n", "\r\n", StringComparison.Ordinal);
        using var reader = TestData.Open(Encoding.UTF8.GetBytes(text), "ts.ndjson", bufferSize: 16);
        using var plain = DatasetJsonReader.Open(File.OpenRead(Fixtures.Example("sdtm/ts.ndjson")));
        TestData.Rows(reader).ShouldBe(TestData.Rows(plain));
    }

    [Fact]
    public void Write_Dsjc_IsGzipLikeThePublishedExamples()
    {
        var bytes = TestData.Write(TestData.Metadata(0), DatasetJsonForm.Dsjc, _ => { });
        bytes[0].ShouldBe((byte)0x1F);
        bytes[1].ShouldBe((byte)0x8B);
    }

    /// <summary>A stream that can only be read forward, a few bytes at a time.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
