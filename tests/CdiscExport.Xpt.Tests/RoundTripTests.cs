namespace CdiscExport.Xpt.Tests;

public sealed class RoundTripTests
{
    private static XptValue N(double value) => XptValue.Number(value);

    private static XptValue T(string value) => XptValue.Text(value);

    private static void AssertRoundTrip(XptDataset dataset, IReadOnlyList<XptValue[]> rows, XptWriterOptions? options = null)
    {
        var bytes = XptTestData.Write(dataset, rows, options);
        (bytes.Length % 80).ShouldBe(0);
        var (reader, read) = XptTestData.Read(bytes);
        using (reader)
        {
            reader.Version.ShouldBe(options?.Version ?? 5);
            reader.Dataset.Name.ShouldBe(dataset.Name);
            reader.Dataset.Label.ShouldBe(dataset.Label);
            reader.Dataset.Type.ShouldBe(dataset.Type);
            reader.Dataset.Variables.ToList().ShouldBe(dataset.Variables.ToList());
            read.ShouldMatch(rows, dataset);
        }
    }

    [Fact]
    public void RoundTrip_ZeroRows_KeepsMetadata()
    {
        var dataset = new XptDataset("AE", "Adverse Events", [XptVariable.Character("STUDYID", "Study Identifier", 12), XptVariable.Numeric("AESEQ", "Sequence Number")]);
        AssertRoundTrip(dataset, []);
    }

    [Fact]
    public void RoundTrip_OneNumericColumn_KeepsEveryRow()
    {
        var dataset = new XptDataset("X", "", [XptVariable.Numeric("A", "")]);
        AssertRoundTrip(dataset, [.. Enumerable.Range(0, 37).Select(i => new[] { N(i * 0.25) })]);
    }

    [Fact]
    public void RoundTrip_OneShortCharacterColumn_PaddingIsNotARow()
    {
        // Row length 1: the final record holds up to 79 blank padding bytes that must not become rows.
        var dataset = new XptDataset("X", "", [XptVariable.Character("C", "", 1)]);
        var rows = Enumerable.Range(0, 81).Select(i => new[] { T(i % 5 == 0 ? "" : "x") }).Append([T("y")]).ToList();
        AssertRoundTrip(dataset, rows);
    }

    [Fact]
    public void RoundTrip_ValuesRepeatedAndChangedOnConsecutiveRows_KeepsEveryRow()
    {
        // The writer skips a field whose value is the one it wrote on the row before; every change must still land.
        var dataset = new XptDataset("X", "", [XptVariable.Character("C", "", 8), XptVariable.Numeric("N", ""), new XptVariable("S", "", XptVariableType.Numeric, 4)]);
        var same = "same";
        XptValue[][] rows =
        [
            [T(same), N(1.5), N(2)],
            [T(same), N(1.5), N(2)],
            [T("other"), XptValue.Missing(), N(2)],
            [T(same), N(1.5), XptValue.Missing(SasMissingKind.A)],
            [T(same), N(double.NaN), N(2)],
            [T(""), N(-0.0), N(3)],
            [T(same), N(0.0), N(3)],
        ];
        var expected = rows.Select(r => r.Select(v => v.IsNumber && double.IsNaN(v.NumberValue) ? XptValue.Missing() : v.IsNumber ? N(v.NumberValue + 0.0) : v).ToArray()).ToList();

        var bytes = XptTestData.Write(dataset, rows);
        var (reader, read) = XptTestData.Read(bytes);
        reader.Dispose();

        read.ShouldMatch(expected, dataset);
    }

    [Fact]
    public void Read_BlankFinalRowOfShortRecord_IsLostAsPadding()
    {
        // The documented V5 design flaw (XPT-NOTES.md §8): kept here so a change in behaviour is noticed.
        var dataset = new XptDataset("X", "", [XptVariable.Character("C", "", 4)]);
        var bytes = XptTestData.Write(dataset, [[T("a")], [T("")]]);

        var (reader, rows) = XptTestData.Read(bytes);
        reader.Dispose();

        rows.Count.ShouldBe(1);
    }

    [Fact]
    public void RoundTrip_300Columns_KeepsOrderAndValues()
    {
        var variables = Enumerable.Range(1, 300)
            .Select(i => i % 3 == 0 ? XptVariable.Numeric($"N{i}", $"Numeric {i}") : XptVariable.Character($"C{i}", $"Character {i}", (i % 17) + 1))
            .ToArray();
        var dataset = new XptDataset("WIDE", "300 columns", variables);
        var random = new Random(300);
        var rows = Enumerable.Range(0, 25).Select(_ => variables.Select(v => v.Type == XptVariableType.Numeric
            ? N(Math.Round(random.NextDouble() * 1e6, 3))
            : T(new string((char)('A' + random.Next(26)), random.Next(1, v.Length + 1)))).ToArray()).ToList();
        AssertRoundTrip(dataset, rows);
    }

    [Fact]
    public void RoundTrip_200ByteValuesAndAwkwardText_Survive()
    {
        var dataset = new XptDataset("TEXT", "Awkward text", [XptVariable.Character("LONG", "200 bytes", 200), XptVariable.Character("ODD", "odd characters", 40)]);
        var full = string.Concat(Enumerable.Range(0, 200).Select(i => (char)(33 + (i % 94))));
        XptValue[][] rows =
        [
            [T(full), T("a,b,c")],
            [T(new string('x', 199)), T("\"double\" and 'single' quotes")],
            [T("  leading blanks"), T("tab\there")],
            [T(""), T("trailing blanks   ")],
            [T("last"), T("semi;colon|pipe\\backslash")],
        ];
        AssertRoundTrip(dataset, rows);
    }

    [Fact]
    public void RoundTrip_AllSpecialMissings_StayDistinct()
    {
        var dataset = new XptDataset("MISS", "", [XptVariable.Numeric("FULL", ""), new XptVariable("SHORT", "", XptVariableType.Numeric, 3)]);
        var rows = Enumerable.Range(0, 28).Select(k => new[] { XptValue.Missing((SasMissingKind)k), XptValue.Missing((SasMissingKind)(27 - k)) }).ToList();
        AssertRoundTrip(dataset, rows);
    }

    [Fact]
    public void RoundTrip_ExtremeMagnitudes_AreExact()
    {
        var dataset = new XptDataset("EXTREME", "", [XptVariable.Numeric("V", "")]);
        double[] values = [IbmFloat.MinPositive, -IbmFloat.MinPositive, IbmFloat.MaxValue, -IbmFloat.MaxValue, 1.5e75, -1.5e75, 1e-78, 0, double.Epsilon * 0, 1e300 / 1e300, 123456789.123456789, -0.1];
        AssertRoundTrip(dataset, [.. values.Select(v => new[] { N(v) })]);
    }

    [Fact]
    public void Write_Underflow_WritesZeroAndReportsIt()
    {
        var dataset = new XptDataset("SMALL", "", [XptVariable.Numeric("V", "")]);
        var output = new MemoryStream();
        using var writer = XptWriter.Create(output, dataset, new XptWriterOptions { LeaveOpen = true });

        writer.WriteRow([N(1)]);
        writer.WriteRow([N(-1e-80)]);
        writer.Complete();

        writer.Underflows.ShouldBe([new XptUnderflow("V", 2, -1e-80)]);
        var (reader, rows) = XptTestData.Read(output.ToArray());
        reader.Dispose();
        rows[1][0].ShouldBe(N(0));
    }

    [Fact]
    public void Write_Overflow_WritesIbmMaximumAndReportsIt()
    {
        var dataset = new XptDataset("BIG", "", [XptVariable.Character("ID", "", 2), XptVariable.Numeric("V", "")]);
        var output = new MemoryStream();
        using var writer = XptWriter.Create(output, dataset, new XptWriterOptions { LeaveOpen = true });
        writer.WriteRow([T("1"), N(7e75)]);
        writer.WriteRow([T("2"), N(-7.3e75)]);
        writer.WriteRow([T("3"), N(1e300)]);
        writer.WriteRow([T("4"), N(IbmFloat.MaxValue)]);
        writer.Complete();

        writer.Overflows.ShouldBe([new XptOverflow("V", 2, -7.3e75), new XptOverflow("V", 3, 1e300)]);
        var (reader, rows) = XptTestData.Read(output.ToArray());
        reader.Dispose();
        var ibmMaximum = Math.ScaleB(1.0, 252); // (1 - 2^-56) x 16^63, to the nearest double
        rows.Select(r => r[1]).ShouldBe([N(7e75), N(-ibmMaximum), N(ibmMaximum), N(IbmFloat.MaxValue)]);
    }

    [Fact]
    public void Copy_FileHoldingIbmMaximum_IsByteExact()
    {
        // The largest IBM magnitude, both signs, as SAS writes it: it reads as 16^63, which is beyond every IBM value,
        // and is written back as the maximum it came from.
        var dataset = new XptDataset("BIG", "", [XptVariable.Numeric("V", ""), new XptVariable("W", "", XptVariableType.Numeric, 4)]);
        var original = XptTestData.Write(dataset, [[N(1e76), N(-1e76)], [N(-1e76), N(1)]]);
        original.AsSpan().IndexOf(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }).ShouldBeGreaterThan(0);

        using var reader = XptReader.Open(new MemoryStream(original));
        var copy = new MemoryStream();
        using var writer = XptWriter.Create(copy, reader.Dataset, new XptWriterOptions { LeaveOpen = true, Created = reader.Created, Modified = reader.Modified });
        writer.Write(reader);
        writer.Complete();

        copy.ToArray().ShouldBe(original);
        // The 4-byte W keeps the maximum's leading bytes, an exact double: only the 8-byte V values are reported.
        writer.Overflows.Select(o => (o.Variable, o.RowNumber)).ShouldBe([("V", 1L), ("V", 2L)]);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Write_NotFinite_ReadsBackAsMissingDot(double value)
    {
        var dataset = new XptDataset("NAN", "", [XptVariable.Numeric("V", "")]);
        var (reader, rows) = XptTestData.Read(XptTestData.Write(dataset, [[N(value)]]));
        reader.Dispose();

        rows[0][0].ShouldBe(XptValue.Missing(SasMissingKind.Dot));
    }

    [Fact]
    public void RoundTrip_ShortNumerics_AreTruncatedNotRounded()
    {
        var variables = Enumerable.Range(3, 6).Select(n => new XptVariable($"L{n}", "", XptVariableType.Numeric, n)).ToArray();
        var dataset = new XptDataset("SHORT", "", variables);
        var bytes = XptTestData.Write(dataset, [[.. variables.Select(_ => N(0.1))], [.. variables.Select(_ => N(21915))]]);

        var (reader, rows) = XptTestData.Read(bytes);
        reader.Dispose();

        for (var i = 0; i < variables.Length; i++)
        {
            var truncated = Convert.FromHexString("401999999999999A")[..variables[i].Length];
            rows[0][i].ShouldBe(N(IbmFloat.Decode(truncated)));
            rows[1][i].ShouldBe(N(21915)); // dates fit in 3 bytes exactly
        }
    }

    [Fact]
    public void RoundTrip_NamestrMetadata_IsKept()
    {
        XptVariable[] variables =
        [
            new("ADT", "Analysis Date", XptVariableType.Numeric, 8) { Format = "DATE", FormatLength = 9, Informat = "YYMMDD", InformatLength = 10 },
            new("AVAL", "Analysis Value", XptVariableType.Numeric, 8) { Format = "BEST", FormatLength = 12, FormatDecimals = 3, Justification = XptJustification.Right },
            new("USUBJID", "Unique Subject Identifier", XptVariableType.Character, 20) { Format = "$CHAR", FormatLength = 20 },
        ];
        var dataset = new XptDataset("ADRS", "Response Analysis Dataset", variables) { Type = "DATA" };
        AssertRoundTrip(dataset, [[N(21915), N(1.5), T("01-701-1015")]]);
    }

    [Fact]
    public void RoundTrip_V8LongNamesLabelsAndValues_Survive()
    {
        var longName = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_01234";
        var longLabel = string.Concat(Enumerable.Repeat("Label text ", 24)).PadRight(256, '!')[..256];
        XptVariable[] variables =
        [
            new(longName, longLabel, XptVariableType.Character, 1000),
            XptVariable.Numeric("SHORT", "A short label"),
            new("FMT", "long format name", XptVariableType.Numeric, 8) { Format = "VERYLONGFORMATNAME", FormatLength = 12, FormatDecimals = 2, Informat = "ANOTHERLONGINFORMAT", InformatLength = 8 },
        ];
        var dataset = new XptDataset("A_DATASET_NAME_OF_32_CHARACTERS_", "V8 dataset", variables);
        var longValue = string.Concat(Enumerable.Range(0, 1000).Select(i => (char)('a' + (i % 26))));
        AssertRoundTrip(dataset, [[T(longValue), N(1), N(2.5)], [T("short"), XptValue.Missing('Z'), N(-3)]], XptWriterOptions.V8);
    }

    [Fact]
    public void Write_V8LongLabelOnly_UsesLabelV8Block()
    {
        var dataset = new XptDataset("DS", "", [XptVariable.Numeric("A", new string('L', 41)), XptVariable.Numeric("B", "short")]);
        var bytes = System.Text.Encoding.ASCII.GetString(XptTestData.Write(dataset, [[N(1), N(2)]], XptWriterOptions.V8));

        bytes.ShouldContain("HEADER RECORD*******LABELV8 HEADER RECORD!!!!!!!1 ");
        bytes.ShouldNotContain("LABELV9");
        bytes.ShouldContain("HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!");
    }

    [Fact]
    public void Write_V5_MatchesHeaderTemplate()
    {
        var dataset = new XptDataset("DM", "Demographics", [XptVariable.Character("STUDYID", "Study Identifier", 12)]);
        var text = System.Text.Encoding.ASCII.GetString(XptTestData.Write(dataset, [[T("CDISCPILOT01")]]));

        text[..80].ShouldBe("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ");
        text[80..160].ShouldBe("SAS     SAS     SASLIB  9.4     .NET                            01JAN60:00:00:00");
        text[240..320].ShouldBe("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ");
        text[400..480].ShouldBe("SAS     DM      SASDATA 9.4     .NET                            01JAN60:00:00:00");
        text[560..640].ShouldBe("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000000100000000000000000000  ");
    }

    [Fact]
    public void Write_Timestamps_AreTheCallersNotTheClock()
    {
        var dataset = new XptDataset("DM", "", [XptVariable.Numeric("A", "")]);
        var options = new XptWriterOptions { Created = new DateTime(2025, 3, 4, 5, 6, 7), Modified = new DateTime(2026, 11, 24, 23, 59, 58) };

        var (reader, _) = XptTestData.Read(XptTestData.Write(dataset, [], options));
        using (reader)
        {
            reader.Created.ShouldBe(options.Created);
            reader.Modified.ShouldBe(options.Modified!.Value);
        }

        XptTestData.Write(dataset, [], options).ShouldBe(XptTestData.Write(dataset, [], options));
    }
}
