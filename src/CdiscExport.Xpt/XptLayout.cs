using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CdiscExport.Xpt;

/// <summary>
/// The one home of XPT layout constants and record shapes, shared by <see cref="XptReader"/> and
/// <see cref="XptWriter"/> so no literal is known to only one side. Offsets follow XPT-NOTES.md.
/// </summary>
internal static class XptLayout
{
    public const int RecordLength = 80;
    public const int NamestrLength = 140;
    public const int VmsNamestrLength = 136; // VAX/VMS writes 136-byte NAMESTRs; readers take the size from the MEMBER header
    public const byte Blank = (byte)' ';

    public const string HeaderPrefix = "HEADER RECORD*******";
    public const string HeaderSuffix = "HEADER RECORD!!!!!!!";
    public const int HeaderNameOffset = 20;
    public const int HeaderPayloadOffset = 48;
    public const int HeaderPayloadLength = 30;

    public const string ZeroPayload = "000000000000000000000000000000";

    // Member header payload: cols 66-68 hold 160 (member descriptor size), cols 75-78 the NAMESTR length.
    public const string MemberPayloadPrefix = "00000000000000000160000000";
    public const int MemberNamestrLengthOffset = 74;

    // The NAMESTR header: the variable count right-aligned to col 58 (10 digits from col 49), then 20 zeros.
    public const int NamestrCountOffset = 48;
    public const int NamestrCountDigits = 10;

    public const string LibraryText = "SAS     SAS     SASLIB  ";
    public const string MemberFirstText = "SAS     ";
    public const string MemberDataText = "SASDATA ";
    public const int DateTimeLength = 16;
    public const int V5NameLength = 8;
    public const int V8NameLength = 32;
    public const int ShortLabelLength = 40;
    public const int V8LabelLength = 256;
    public const int V5CharacterLength = 200;
    public const int V8CharacterLength = 32767;
    public const int ShortFormatLength = 8;
    public const int SystemFieldLength = 8;

    // Member record 2: modified (16), 16 blanks, label (40) at 32, type (8) at 72.
    public const int DatasetLabelOffset = 32;
    public const int DatasetTypeOffset = 72;
    public const int DatasetTypeLength = 8;

    // NAMESTR field offsets.
    public const int NsType = 0;
    public const int NsHashFunction = 2;
    public const int NsLength = 4;
    public const int NsNumber = 6;
    public const int NsName = 8;
    public const int NsLabel = 16;
    public const int NsFormat = 56;
    public const int NsFormatLength = 64;
    public const int NsFormatDecimals = 66;
    public const int NsJustification = 68;
    public const int NsInformat = 72;
    public const int NsInformatLength = 80;
    public const int NsInformatDecimals = 82;
    public const int NsPosition = 84;
    public const int NsLongName = 88;
    public const int NsLabelLength = 120;
    public const int NsFormatNameLength = 122;
    public const int NsInformatNameLength = 124;

    public static string LibraryName(int version) => version == 8 ? "LIBV8" : "LIBRARY";

    public static string MemberName(int version) => version == 8 ? "MEMBV8" : "MEMBER";

    public static string DescriptorName(int version) => version == 8 ? "DSCPTV8" : "DSCRPTR";

    public static string NamestrName(int version) => version == 8 ? "NAMSTV8" : "NAMESTR";

    public static string ObsName(int version) => version == 8 ? "OBSV8" : "OBS";

    public const string LabelV8Name = "LABELV8";
    public const string LabelV9Name = "LABELV9";

    public static int NameLimit(int version) => version == 8 ? V8NameLength : V5NameLength;

    public static int LabelLimit(int version) => version == 8 ? V8LabelLength : ShortLabelLength;

    public static int CharacterLimit(int version) => version == 8 ? V8CharacterLength : V5CharacterLength;

    public static int FormatNameLimit(int version) => version == 8 ? V8NameLength : ShortFormatLength;

    /// <summary>Writes a header record: prefix, 8-byte blank-padded name, suffix, 30-byte payload, 2 blanks.</summary>
    public static void WriteHeader(Span<byte> record, string name, string payload)
    {
        record.Fill(Blank);
        WriteText(record, HeaderPrefix);
        WriteText(record[HeaderNameOffset..], name);
        WriteText(record[(HeaderNameOffset + 8)..], HeaderSuffix);
        WriteText(record.Slice(HeaderPayloadOffset, HeaderPayloadLength), payload);
    }

    /// <summary>Whether <paramref name="record"/> is a header record named <paramref name="name"/>. Undoes <see cref="WriteHeader"/>.</summary>
    public static bool IsHeader(ReadOnlySpan<byte> record, string name)
    {
        Span<byte> expected = stackalloc byte[HeaderPayloadOffset];
        expected.Fill(Blank);
        WriteText(expected, HeaderPrefix);
        WriteText(expected[HeaderNameOffset..], name);
        WriteText(expected[(HeaderNameOffset + 8)..], HeaderSuffix);
        return record[..HeaderPayloadOffset].SequenceEqual(expected);
    }

    /// <summary>Copies ASCII text to the start of <paramref name="destination"/>; bytes beyond it are untouched.</summary>
    public static void WriteText(Span<byte> destination, string text)
    {
        if (Ascii.FromUtf16(text, destination, out _) == System.Buffers.OperationStatus.Done)
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = (byte)text[i];
        }
    }

    /// <summary>Writes text left-justified and blank-padded to the whole field.</summary>
    public static void WritePadded(Span<byte> field, string text)
    {
        field.Fill(Blank);
        WriteText(field, text.Length > field.Length ? text[..field.Length] : text);
    }

    /// <summary>Reads a blank-padded field, trimming trailing blanks and NULs. Undoes <see cref="WritePadded"/>.</summary>
    public static string ReadPadded(ReadOnlySpan<byte> field) => Encoding.Latin1.GetString(field.TrimEnd("\0 "u8));

    public static void WriteInt16(Span<byte> namestr, int offset, int value) =>
        BinaryPrimitives.WriteInt16BigEndian(namestr[offset..], checked((short)value));

    public static int ReadInt16(ReadOnlySpan<byte> namestr, int offset) => BinaryPrimitives.ReadInt16BigEndian(namestr[offset..]);

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Formats <c>ddMMMyy:hh:mm:ss</c> with an upper-case English month and a two-digit year.</summary>
    public static string FormatDateTime(DateTime value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Day:00}{Months[value.Month - 1]}{value.Year % 100:00}:{value.Hour:00}:{value.Minute:00}:{value.Second:00}");

    /// <summary>Parses <c>ddMMMyy:hh:mm:ss</c>; two-digit years below 60 are 20yy, others 19yy. Undoes <see cref="FormatDateTime"/>.</summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> field, out DateTime value)
    {
        value = default;
        if (field.Length < DateTimeLength || field[7] != ':' || field[10] != ':' || field[13] != ':' ||
            !TryDigits(field[..2], out var day) || !TryDigits(field.Slice(5, 2), out var year) ||
            !TryDigits(field.Slice(8, 2), out var hour) || !TryDigits(field.Slice(11, 2), out var minute) ||
            !TryDigits(field.Slice(14, 2), out var second))
        {
            return false;
        }

        var month = Array.IndexOf(Months, Encoding.ASCII.GetString(field.Slice(2, 3)).ToUpperInvariant()) + 1;
        year += year < 60 ? 2000 : 1900;
        if (month == 0 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Parses an unsigned decimal field of up to <see cref="int.MaxValue"/>; surrounding blanks are allowed, nothing else.</summary>
    public static bool TryDigits(ReadOnlySpan<byte> field, out int value)
    {
        value = 0;
        var digits = field.Trim(Blank);
        if (digits.IsEmpty)
        {
            return false;
        }

        long parsed = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            parsed = (parsed * 10) + (b - '0');
            if (parsed > int.MaxValue)
            {
                return false;
            }
        }

        value = (int)parsed;
        return true;
    }

    /// <summary>The FORMAT-statement text used in LABELV9 blocks, e.g. <c>MYFMT8.2</c>; empty when there is no format.</summary>
    public static string FormatText(string name, int width, int decimals) =>
        name.Length == 0 && width == 0 && decimals == 0
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"{name}{(width > 0 ? width.ToString(CultureInfo.InvariantCulture) : "")}.{(decimals > 0 ? decimals.ToString(CultureInfo.InvariantCulture) : "")}");

    /// <summary>Splits FORMAT-statement text into name, width and decimals. Undoes <see cref="FormatText"/>.</summary>
    public static (string Name, int Width, int Decimals) ParseFormatText(string text)
    {
        var dot = text.LastIndexOf('.');
        var head = dot < 0 ? text : text[..dot];
        var decimals = dot < 0 || dot == text.Length - 1 ? 0 : int.Parse(text[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        var nameEnd = head.Length;
        while (nameEnd > 0 && char.IsAsciiDigit(head[nameEnd - 1]))
        {
            nameEnd--;
        }

        var width = nameEnd == head.Length ? 0 : int.Parse(head[nameEnd..], NumberStyles.None, CultureInfo.InvariantCulture);
        return (head[..nameEnd], width, decimals);
    }
}
