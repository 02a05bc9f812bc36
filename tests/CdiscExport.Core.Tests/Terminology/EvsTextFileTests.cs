using System.IO.Compression;
using System.Text;
using CdiscExport.Core.Standards;
using CdiscExport.Core.Terminology;
using CdiscExport.Core.Tests.Standards;
using NodaTime;

namespace CdiscExport.Core.Tests.Terminology;

/// <summary>Loading an NCI EVS terminology text file given by path, as a user's <c>--ct file</c> is.</summary>
public sealed class EvsTextFileTests
{
    internal const string Header =
        "Code\tCodelist Code\tCodelist Extensible (Yes/No)\tCodelist Name\tCDISC Submission Value\tCDISC Synonym(s)\tCDISC Definition\tNCI Preferred Term";

    internal const string SexRow = "C66731\t\tNo\tSex\tSEX\tSex\tSex of a person.\tCDISC SDTM Sex of Individual Terminology";
    internal const string MaleRow = "C20197\tC66731\t\tSex\tM\tMale\tA male.\tMale";
    internal const string FemaleRow = "C16576\tC66731\t\tSex\tF\tFemale\tA female.\tFemale";

    private static readonly string Small = string.Join('\n', Header, SexRow, MaleRow, FemaleRow) + "\n";

    [Fact]
    public void Load_ShippedNciFileByPath_ReadsEveryCodelist()
    {
        var path = ShippedStandards.Library.TerminologyLibrary.Find(new LocalDate(2023, 12, 15)).ShouldNotBeNull().FilePath;
        var release = ControlledTerminology.Load(path);
        release.Version.ShouldBe("2023-12-15");
        release.Completeness.ShouldBe(TerminologyCompleteness.Full);
        release.Codelists.Count.ShouldBe(1081);
        release.FindBySubmissionValue("SEX").ShouldNotBeNull().Code.ShouldBe("C66731");
    }

    [Fact]
    public void Load_PlainFile_ReadsCodelistsTermsAndDateFromName()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("SDTM Terminology 2020-03-27.txt");
        File.WriteAllText(path, Small);
        var release = ControlledTerminology.Load(path);
        release.Version.ShouldBe("2020-03-27");
        release.SourcePath.ShouldBe(path);
        var sex = release.FindByCode("C66731").ShouldNotBeNull();
        sex.SubmissionValue.ShouldBe("SEX");
        sex.Extensible.ShouldBeFalse();
        sex.Terms.Select(t => t.SubmissionValue).ShouldBe(["M", "F"]);
    }

    [Fact]
    public void Load_GzipFile_ReadsTheSameWhateverItsName()
    {
        using var temp = new TempFolder();
        foreach (var name in new[] { "ct-2020-03-27.txt.gz", "ct-2020-03-27.txt" })
        {
            var path = temp.PathOf(name);
            WriteGzip(path, Encoding.UTF8.GetBytes(Small));
            ControlledTerminology.Load(path).FindBySubmissionValue("SEX").ShouldNotBeNull().Terms.Count.ShouldBe(2);
        }
    }

    [Fact]
    public void Load_ExplicitDate_ReadsAFileWhoseNameHasNone()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("terminology.txt");
        File.WriteAllText(path, Small);
        ControlledTerminology.Load(path, new LocalDate(2020, 3, 27)).Version.ShouldBe("2020-03-27");
        Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path)).Line.ShouldBe(0);
    }

    [Fact]
    public void Load_ColumnsReorderedWithExtraColumnCrlfAndBom_ReadsByHeaderName()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("ct-2020-03-27.txt");
        static string Reorder(string line, string extra)
        {
            var f = line.Split('\t');
            return string.Join('\t', f[7], f[6], f[5], f[4], f[3], f[2], f[1], f[0], extra);
        }

        File.WriteAllText(path, string.Join("\r\n", Reorder(Header, "Note"), Reorder(SexRow, "x"), Reorder(MaleRow, "y")) + "\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var m = ControlledTerminology.Load(path).FindBySubmissionValue("SEX").ShouldNotBeNull().FindBySubmissionValue("M").ShouldNotBeNull();
        m.Code.ShouldBe("C20197");
        m.PreferredTerm.ShouldBe("Male");
    }

    // Each case: the file's lines and the line an error must name.
    public static readonly TheoryData<string, string[], long> Malformed = new()
    {
        { "empty file", [], 1 },
        { "column missing", [Header.Replace("\tCDISC Definition", "", StringComparison.Ordinal), SexRow], 1 },
        { "row cut short", [Header, SexRow, "C20197\tC66731\t\tSex\tM\tMale\tA male."], 3 },
        { "tab inside a field", [Header, SexRow, MaleRow.Replace("A male.", "A\tmale.", StringComparison.Ordinal)], 3 },
        { "extensible not Yes/No", [Header, SexRow.Replace("\tNo\t", "\tMaybe\t", StringComparison.Ordinal), MaleRow], 2 },
        { "empty Code", [Header, SexRow, "\tC66731\t\tSex\tM\tMale\tA male.\tMale"], 3 },
        { "empty submission value", [Header, SexRow, "C20197\tC66731\t\tSex\t \tMale\tA male.\tMale"], 3 },
        { "codelist twice", [Header, SexRow, MaleRow, SexRow], 4 },
        { "terms without codelist row", [Header, SexRow, MaleRow, "C99999\tC12345\t\tOrphan\tX\tX\t\"Quoted\" definition.\tX", FemaleRow], 4 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Load_MalformedFile_ThrowsNamingFileAndLine(string problem, string[] lines, long line)
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("ct-2020-03-27.txt");
        File.WriteAllText(path, lines.Length == 0 ? "" : string.Join('\n', lines) + "\n");
        var ex = Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path), problem);
        ex.FilePath.ShouldBe(path);
        ex.Line.ShouldBe(line, problem);
        ex.Message.ShouldStartWith($"{path} line {line}: ");
    }

    [Fact]
    public void Load_InvalidUtf8_ThrowsAtTheLineWithTheBadByte()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("ct-2020-03-27.txt");
        // Many good lines first, so the bad byte sits well past the reader's first buffer.
        var good = Enumerable.Range(0, 3000).Select(i => $"C{900000 + i}\tC66731\t\tSex\tV{i}\t\tA value.\tValue {i}");
        var text = string.Join('\n', new[] { Header, SexRow }.Concat(good)) + "\n";
        var bytes = Encoding.UTF8.GetBytes(text).Concat(Encoding.UTF8.GetBytes("C1\tC66731\t\tSex\tM")).Append((byte)0xE9)
            .Concat(Encoding.UTF8.GetBytes("\t\tA male.\tMale\n")).ToArray();
        File.WriteAllBytes(path, bytes);
        Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path)).Line.ShouldBe(3003);
    }

    [Fact]
    public void Load_CorruptGzip_ThrowsStandardsFormatException()
    {
        using var temp = new TempFolder();
        var path = temp.PathOf("ct-2020-03-27.txt.gz");
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                gzip.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Small, 200))));
            }

            var bytes = buffer.ToArray();
            for (var i = 20; i < bytes.Length - 8; i += 7)
            {
                bytes[i] ^= 0x5A;
            }

            File.WriteAllBytes(path, bytes);
        }

        Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path)).FilePath.ShouldBe(path);
    }

    [Fact]
    public void Load_GzipCutShort_ThrowsInsteadOfLoadingPart()
    {
        using var temp = new TempFolder();
        var whole = temp.PathOf("whole-2020-03-27.txt.gz");
        WriteGzip(whole, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Small, 50))));
        var bytes = File.ReadAllBytes(whole);
        var path = temp.PathOf("ct-2020-03-27.txt.gz");
        bytes[^4] ^= 0x01;
        foreach (var damaged in new[] { bytes[..2], bytes[..(bytes.Length / 2)], bytes[..^1], bytes })
        {
            File.WriteAllBytes(path, damaged);
            Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path)).FilePath.ShouldBe(path);
        }
    }

    [Fact]
    public void Load_GzipCutAtABlockEnd_ThrowsAtTheLineReached()
    {
        // .NET's GZipStream ends quietly when the input stops between deflate blocks, as it does 300,000 bytes into
        // the shipped 2025-03-28 file; only the size in the gzip trailer shows that text is missing.
        using var temp = new TempFolder();
        var shipped = ShippedStandards.Library.TerminologyLibrary.Find(new LocalDate(2025, 3, 28)).ShouldNotBeNull().FilePath;
        var path = temp.PathOf("sdtm-terminology-2025-03-28.txt.gz");
        File.WriteAllBytes(path, File.ReadAllBytes(shipped)[..300_000]);
        var ex = Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path));
        ex.InnerException.ShouldBeNull();
        ex.Line.ShouldBe(7082);
    }

    [Fact]
    public void Load_MissingFile_ThrowsAtLine0()
    {
        var path = Path.Combine(Path.GetTempPath(), "cdiscexport-no-such-ct-2020-03-27.txt");
        var ex = Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path));
        ex.FilePath.ShouldBe(path);
        ex.Line.ShouldBe(0);
    }

    [Theory]
    [InlineData("terminology.txt")]
    [InlineData("ct-2025-13-45.txt")]
    public void Load_NoValidDateInName_ThrowsAtLine0(string name)
    {
        using var temp = new TempFolder();
        var path = temp.PathOf(name);
        File.WriteAllText(path, Small);
        Should.Throw<StandardsFormatException>(() => ControlledTerminology.Load(path)).Line.ShouldBe(0);
    }

    internal static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(content);
    }
}
