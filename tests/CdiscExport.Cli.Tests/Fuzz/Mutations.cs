using System.Text;

namespace CdiscExport.Cli.Tests.Fuzz;

/// <summary>
/// Seeded mutations of an input file: bytes flipped, set, inserted or deleted, truncation, structural characters of
/// the format planted, lines duplicated, deleted or swapped, fields swapped, and for text formats whole fragments
/// typical of the format's own mistakes (for YAML an unclosed flow mapping such as <c>{ copy: X, case:{ upper }</c>).
/// </summary>
internal sealed class Mutations(string structural, IReadOnlyList<string> fragments, char fieldSeparator, bool binary = false)
{
    public static Mutations Yaml { get; } = new("{}[]:,-#&*!|>'\"?%@`\t\n ", [
        "{ copy: X, case:{ upper }", "[", "]", "{", "}", ": ", "- ", "&a ", "*a", "*undefined", "!!binary ", "!!int ", "!!map ",
        "<<: *a", "? ", "~", "[]", "{}", "null", "''", "\"\\u\"", "1e999", "-0", "99999999999999999999999", "0x", "\t",
        "    ", "\n  - ", "\n- ", ": : :", "--- ", "\n...\n", "%YAML 1.1\n", "key: [a, {b: c}]", "{ raw: \"", "\u00e9\u00e8", "\uFEFF",
        "copy: ", "constant: ", "lookup: ", "when: ", "case: ", "variables:", "sources:", "key: ", "derive: ", "join: ",
    ], ':');

    public static Mutations Csv { get; } = new(",\"\n\r;\t ", [
        "\"", "\"\"", ",,,,", "\n", "\r\n", "\r", "\t", ";", "\u00e9", "\uFEFF", "\0", "1e999", "-", "NaN", "31FEB2004",
        "UN UNK UNKN", "00JAN0000", "99:99", "9999999999999999999999", ".A", "01-999", "\"a\nb\"", "\u00ff\u00fe",
    ], ',');

    public static Mutations Xml { get; } = new("<>&\"'/=!?[] \n", [
        "<", ">", "</", "/>", "&", "&amp;", "&undefined;", "\"", "'", "<!--", "-->", "<![CDATA[", "]]>",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "<!ENTITY x \"&x;&x;\">", "&#0;", "&#xFFFF;", "xmlns=\"\"",
        "<ItemDef OID=\"IT.X\" Name=\"X\" DataType=\"text\" Length=\"-1\"/>", "Length=\"999999999999\"", "OID=\"\"",
        "<ItemRef ItemOID=\"IT.NONE\" Mandatory=\"Yes\"/>", "\uFEFF", "\u00e9",
    ], ' ');

    public static Mutations Json { get; } = new("{}[]\":,-.0123456789 \n", [
        "{", "}", "[", "]", "\"", ",", ":", "null", "true", "false", "1e400", "-1e400", "1.5", "-0", "\"\\u\"", "\"\\uD800\"",
        "99999999999999999999999999", "\"records\": -1", "\"records\": 1e10", "\"length\": 0", "\"dataType\": \"integer\"",
        "\"dataType\": \"date\"", "\"dataType\": \"datetime\"", "\"dataType\": \"boolean\"", "\"targetDataType\": \"integer\"",
        "[null]", "[[]]", "{}", "\uFEFF", "\u00e9", "\"2004-02-30\"", "\"24:00:00\"",
    ], ',');

    public static Mutations Binary { get; } = new("\0 \xff\x40\x41\x80\n", [
        "HEADER RECORD*******", "NAMESTR HEADER RECORD!!!!!!!000000000000000000000000000000  ", "OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ",
        "LABELV8 HEADER RECORD!!!!!!!", "SAS     SAS     SASLIB", "MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ",
        "\x7f\xff\xff\xff\xff\xff\xff\xff", "\xff\xff\xff\xff\xff\xff\xff\xff", "\0\0\0\0\0\0\0\0", "\x2e\0\0\0\0\0\0\0",
    ], '\0', binary: true);

    /// <summary>One mutation (two in three cases) or two to five of <paramref name="source"/>, chosen by <paramref name="random"/>.</summary>
    public byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        // Mostly one edit, which leaves most of the file valid and reaches the later stages; sometimes several.
        var edits = random.Next(3) == 0 ? random.Next(2, 6) : 1;
        for (var e = 0; e < edits; e++)
        {
            Apply(bytes, random);
        }

        return [.. bytes];
    }

    private void Apply(List<byte> bytes, Random random)
    {
        if (bytes.Count == 0)
        {
            bytes.AddRange(Bytes(fragments[random.Next(fragments.Count)]));
            return;
        }

        var at = random.Next(bytes.Count);
        switch (random.Next(12))
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes[at] = (byte)random.Next(256);
                break;
            case 2:
                bytes.RemoveRange(at, 1 + random.Next(Math.Min(16, bytes.Count - at)));
                break;
            case 3:
                bytes.RemoveRange(at, bytes.Count - at); // truncation
                break;
            case 4:
                bytes.Insert(at, (byte)structural[random.Next(structural.Length)]);
                break;
            case 5:
            case 6:
                bytes.InsertRange(at, Bytes(fragments[random.Next(fragments.Count)]));
                break;
            case 7:
                DuplicateLine(bytes, at);
                break;
            case 8:
                DeleteLine(bytes, at);
                break;
            case 9:
                SwapFields(bytes, at);
                break;
            case 10:
                SwapLines(bytes, random);
                break;
            default:
                // Overwrite a run with a fragment (keeps the length when it fits: binary layouts stay aligned).
                var fragment = Bytes(fragments[random.Next(fragments.Count)]);
                for (var i = 0; i < fragment.Length && at + i < bytes.Count; i++)
                {
                    bytes[at + i] = fragment[i];
                }

                break;
        }
    }

    // Binary fragments are written byte for byte (Latin-1), text ones as UTF-8.
    private byte[] Bytes(string fragment) => binary ? Encoding.Latin1.GetBytes(fragment) : Encoding.UTF8.GetBytes(fragment);

    private static (int Start, int End) LineAt(List<byte> bytes, int at)
    {
        var start = at;
        while (start > 0 && bytes[start - 1] != '\n')
        {
            start--;
        }

        var end = at;
        while (end < bytes.Count && bytes[end] != '\n')
        {
            end++;
        }

        return (start, Math.Min(end + 1, bytes.Count));
    }

    private static void DuplicateLine(List<byte> bytes, int at)
    {
        var (start, end) = LineAt(bytes, at);
        bytes.InsertRange(end, bytes.GetRange(start, end - start));
    }

    private static void DeleteLine(List<byte> bytes, int at)
    {
        var (start, end) = LineAt(bytes, at);
        bytes.RemoveRange(start, end - start);
    }

    private static void SwapLines(List<byte> bytes, Random random)
    {
        var a = LineAt(bytes, random.Next(bytes.Count));
        var b = LineAt(bytes, random.Next(bytes.Count));
        if (a.Start == b.Start)
        {
            return;
        }

        if (a.Start > b.Start)
        {
            (a, b) = (b, a);
        }

        var first = bytes.GetRange(a.Start, a.End - a.Start);
        var second = bytes.GetRange(b.Start, b.End - b.Start);
        bytes.RemoveRange(b.Start, second.Count);
        bytes.InsertRange(b.Start, first);
        bytes.RemoveRange(a.Start, first.Count);
        bytes.InsertRange(a.Start, second);
    }

    private void SwapFields(List<byte> bytes, int at)
    {
        var (start, end) = LineAt(bytes, at);
        var line = Encoding.Latin1.GetString(bytes.GetRange(start, end - start).ToArray());
        var fields = line.Split(fieldSeparator);
        if (fields.Length < 2)
        {
            return;
        }

        var i = at % fields.Length;
        var j = (i + 1) % fields.Length;
        (fields[i], fields[j]) = (fields[j], fields[i]);
        var swapped = Encoding.Latin1.GetBytes(string.Join(fieldSeparator, fields));
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, swapped);
    }
}
