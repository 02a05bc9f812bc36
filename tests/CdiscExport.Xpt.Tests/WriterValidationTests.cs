namespace CdiscExport.Xpt.Tests;

/// <summary>Limits and bad input are rejected in Create or WriteRow, naming the variable, the row and the limit.</summary>
public sealed class WriterValidationTests
{
    private static XptDataset One(XptVariable variable, string name = "DS", string label = "") => new(name, label, [variable]);

    private static XptLimitException CreateShouldFail(XptDataset dataset, XptWriterOptions? options = null) =>
        Should.Throw<XptLimitException>(() => XptWriter.Create(new MemoryStream(), dataset, options));

    public static TheoryData<XptVariable, string, int?> V5Limits => new()
    {
        { XptVariable.Numeric("NINECHARS", ""), "NINECHARS", 8 },
        { XptVariable.Numeric("1ABC", ""), "1ABC", 8 },
        { XptVariable.Numeric("A-B", ""), "A-B", 8 },
        { XptVariable.Numeric("_N_", ""), "_N_", 8 },
        { XptVariable.Numeric("", ""), "", 8 },
        { XptVariable.Numeric("A", new string('x', 41)), "A", 40 },
        { XptVariable.Character("A", "", 201), "A", 200 },
        { XptVariable.Character("A", "", 0), "A", 200 },
        { new XptVariable("A", "", XptVariableType.Numeric, 2), "A", 8 },
        { new XptVariable("A", "", XptVariableType.Numeric, 9), "A", 8 },
        { XptVariable.Numeric("A", "") with { Format = "NINECHARS" }, "A", 8 },
        { XptVariable.Numeric("A", "Caf\u00e9"), "A", null },
    };

    [Theory]
    [MemberData(nameof(V5Limits))]
    public void Create_V5LimitExceeded_NamesVariableAndLimit(XptVariable variable, string name, int? limit)
    {
        var error = CreateShouldFail(One(variable));

        error.Member.ShouldBe("DS");
        error.Variable.ShouldBe(name);
        error.Limit.ShouldBe(limit);
    }

    [Fact]
    public void Create_V8_AllowsWhatV5Rejects()
    {
        using var writer = XptWriter.Create(new MemoryStream(), new XptDataset("LONG_DATASET_NAME", "", [XptVariable.Character("LONG_VARIABLE_NAME", new string('x', 256), 32767)]), XptWriterOptions.V8);
        writer.Dataset.Variables[0].Length.ShouldBe(32767);
    }

    [Fact]
    public void Create_V8LimitsExceeded_Throws()
    {
        CreateShouldFail(One(XptVariable.Numeric(new string('A', 33), "")), XptWriterOptions.V8).Limit.ShouldBe(32);
        CreateShouldFail(One(XptVariable.Numeric("A", new string('x', 257))), XptWriterOptions.V8).Limit.ShouldBe(256);
        CreateShouldFail(One(XptVariable.Character("A", "", 32768)), XptWriterOptions.V8).Limit.ShouldBe(32767);
    }

    [Fact]
    public void Create_DatasetLimits_Throw()
    {
        CreateShouldFail(One(XptVariable.Numeric("A", ""), name: "TOOLONGDS")).Variable.ShouldBeNull();
        CreateShouldFail(One(XptVariable.Numeric("A", ""), label: new string('x', 41))).Limit.ShouldBe(40);
        CreateShouldFail(One(XptVariable.Numeric("A", ""), label: new string('x', 41)), XptWriterOptions.V8).Limit.ShouldBe(40);
        CreateShouldFail(new XptDataset("DS", "", [XptVariable.Numeric("AGE", ""), XptVariable.Numeric("age", "")])).Variable.ShouldBe("age");
        Should.Throw<ArgumentException>(() => XptWriter.Create(new MemoryStream(), new XptDataset("DS", "", [])));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    public void Create_BadVersion_Throws(int version) =>
        Should.Throw<ArgumentException>(() => XptWriter.Create(new MemoryStream(), One(XptVariable.Numeric("A", "")), new XptWriterOptions { Version = version }));

    [Fact]
    public void Create_BadOptions_ThrowBeforeWriting()
    {
        var output = new MemoryStream();
        var dataset = One(XptVariable.Numeric("A", ""));

        Should.Throw<ArgumentException>(() => XptWriter.Create(output, dataset, new XptWriterOptions { Created = new DateTime(2060, 1, 1) }));
        Should.Throw<ArgumentException>(() => XptWriter.Create(output, dataset, new XptWriterOptions { Modified = new DateTime(1959, 12, 31) }));
        Should.Throw<ArgumentException>(() => XptWriter.Create(output, dataset, new XptWriterOptions { SasVersion = "123456789" }));
        Should.Throw<ArgumentException>(() => XptWriter.Create(output, dataset, new XptWriterOptions { OperatingSystem = "Ωmega" }));
        output.Length.ShouldBe(0);
    }

    [Fact]
    public void WriteRow_TextLongerThanVariable_NamesVariableRowAndLimit()
    {
        using var writer = XptWriter.Create(new MemoryStream(), new XptDataset("DS", "", [XptVariable.Character("ID", "", 3), XptVariable.Character("TERM", "", 200)]));
        writer.WriteRow([XptValue.Text("1"), XptValue.Text(new string('x', 200))]);

        var error = Should.Throw<XptLimitException>(() => writer.WriteRow([XptValue.Text("2"), XptValue.Text(new string('x', 201))]));

        error.Variable.ShouldBe("TERM");
        error.RowNumber.ShouldBe(2);
        error.Limit.ShouldBe(200);
    }

    [Fact]
    public void WriteRow_NonAsciiInV5_NamesVariableAndRow()
    {
        using var writer = XptWriter.Create(new MemoryStream(), One(XptVariable.Character("AETERM", "", 20)));

        var error = Should.Throw<XptLimitException>(() => writer.WriteRow([XptValue.Text("Naus\u00e9e")]));

        error.Variable.ShouldBe("AETERM");
        error.RowNumber.ShouldBe(1);
        error.Limit.ShouldBeNull();
    }

    [Fact]
    public void WriteRow_TransliterateNonAscii_WritesAsciiAndListsEachChange()
    {
        var output = new MemoryStream();
        var options = new XptWriterOptions { TransliterateNonAscii = true, LeaveOpen = true };
        using (var writer = XptWriter.Create(output, One(XptVariable.Character("AETERM", "Term \u2013 reported", 30)), options))
        {
            writer.WriteRow([XptValue.Text("Naus\u00e9e")]);
            writer.WriteRow([XptValue.Text("plain")]);
            writer.WriteRow([XptValue.Text("5 \u00b5g \u00b1 1 \u00d7 \u4e2d")]);
            writer.Complete();

            writer.Transliterations.ShouldBe(
            [
                new XptTransliteration("AETERM", null, "Term \u2013 reported", "Term - reported"),
                new XptTransliteration("AETERM", 1, "Naus\u00e9e", "Nausee"),
                new XptTransliteration("AETERM", 3, "5 \u00b5g \u00b1 1 \u00d7 \u4e2d", "5 ug +/- 1 x ?"),
            ]);
        }

        var (reader, rows) = XptTestData.Read(output.ToArray());
        reader.Dispose();
        rows.Select(r => r[0].TextValue).ShouldBe(["Nausee", "plain", "5 ug +/- 1 x ?"]);
        reader.Dataset.Variables[0].Label.ShouldBe("Term - reported");
    }

    [Fact]
    public void WriteRow_SameNonAsciiTextOnConsecutiveRows_ListsEveryRow()
    {
        // The writer leaves a field alone when the row before wrote the same string; a transliterated value must
        // still be reported for each row it is on.
        var output = new MemoryStream();
        var options = new XptWriterOptions { TransliterateNonAscii = true, LeaveOpen = true };
        var nausea = "Naus\u00e9e";
        using var writer = XptWriter.Create(output, One(XptVariable.Character("AETERM", "Term", 30)), options);
        writer.WriteRow([XptValue.Text(nausea)]);
        writer.WriteRow([XptValue.Text(nausea)]);
        writer.Complete();

        writer.Transliterations.Select(t => t.RowNumber).ShouldBe([1L, 2L]);
    }

    [Fact]
    public void WriteRow_WrongTypeOrCount_Throws()
    {
        using var writer = XptWriter.Create(new MemoryStream(), new XptDataset("DS", "", [XptVariable.Numeric("N", ""), XptVariable.Character("C", "", 4)]));

        Should.Throw<ArgumentException>(() => writer.WriteRow([XptValue.Text("1"), XptValue.Text("a")]));
        Should.Throw<ArgumentException>(() => writer.WriteRow([XptValue.Number(1), XptValue.Number(2)]));
        Should.Throw<ArgumentException>(() => writer.WriteRow([XptValue.Number(1)]));
        writer.RowCount.ShouldBe(0);
    }

    [Fact]
    public void WriteRow_AfterRejectedRow_FileHasNoHalfRow()
    {
        var dataset = new XptDataset("DS", "", [XptVariable.Character("C", "", 4), XptVariable.Numeric("N", "")]);
        var output = new MemoryStream();
        using (var writer = XptWriter.Create(output, dataset, new XptWriterOptions { LeaveOpen = true }))
        {
            writer.WriteRow([XptValue.Text("a"), XptValue.Number(1)]);
            Should.Throw<XptLimitException>(() => writer.WriteRow([XptValue.Text("bbbbb"), XptValue.Number(2)]));
            writer.WriteRow([XptValue.Text("c"), XptValue.Number(3)]);
            writer.Complete();
            Should.Throw<InvalidOperationException>(() => writer.WriteRow([XptValue.Text("d"), XptValue.Number(4)]));
        }

        var (reader, rows) = XptTestData.Read(output.ToArray());
        reader.Dispose();
        rows.Select(r => r[0].TextValue).ShouldBe(["a", "c"]);
    }

    [Fact]
    public void Write_IncompatibleSource_Throws()
    {
        using var source = XptReader.Open(File.OpenRead(Fixtures.Pilot("dm.xpt")));
        using var writer = XptWriter.Create(new MemoryStream(), One(XptVariable.Numeric("A", "")));

        Should.Throw<ArgumentException>(() => writer.Write(source));
    }
}
