using System.Text;
using System.Text.Unicode;
using CdiscExport.Core.Standards;

namespace CdiscExport.Core.Terminology;

/// <summary>
/// Reads an NCI EVS CDISC terminology text file: tab-separated, UTF-8, one header line, then one row per codelist
/// (empty "Codelist Code") or term (its codelist's C-code in "Codelist Code"). Fields are never quoted (definitions
/// hold bare double quotes), so every character between tabs is taken literally; values are trimmed. Lines end in
/// LF, CRLF or CR; blank lines are skipped.
/// </summary>
/// <remarks>
/// The file is read whole as bytes and only the fields a release keeps become strings: the full SDTM release is
/// 13 MB and 44,857 lines, and reading it line by line as strings allocated twice the text, which the garbage
/// collector then had to sweep while every kept term survived (the load took about twice as long).
/// </remarks>
internal static class EvsTextReader
{
    public const string CodeColumn = "Code";
    public const string CodelistCodeColumn = "Codelist Code";
    public const string ExtensibleColumn = "Codelist Extensible (Yes/No)";
    public const string CodelistNameColumn = "Codelist Name";
    public const string SubmissionValueColumn = "CDISC Submission Value";
    public const string SynonymsColumn = "CDISC Synonym(s)";
    public const string DefinitionColumn = "CDISC Definition";
    public const string PreferredTermColumn = "NCI Preferred Term";

    /// <summary>The eight columns every NCI EVS terminology text file has, in NCI's order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        CodeColumn, CodelistCodeColumn, ExtensibleColumn, CodelistNameColumn, SubmissionValueColumn,
        SynonymsColumn, DefinitionColumn, PreferredTermColumn,
    ];

    private const int Code = 0, CodelistCode = 1, Extensible = 2, CodelistName = 3, SubmissionValue = 4, Synonyms = 5, Definition = 6, PreferredTerm = 7;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads the codelists of <paramref name="path"/> (plain or gzip), in file order, terms in file order.</summary>
    /// <exception cref="StandardsFormatException">The file is missing or malformed; names file and line.</exception>
    public static List<Codelist> Read(string path)
    {
        var text = TerminologyFile.ReadAllBytes(path).AsSpan();
        if (text.StartsWith(Utf8Bom))
        {
            text = text[Utf8Bom.Length..];
        }

        long line = 0;
        if (!NextLine(ref text, path, ref line, out var headerLine))
        {
            throw new StandardsFormatException(path, 1, TerminologyErrorMessages.EmptyFile);
        }

        var names = Encoding.UTF8.GetString(headerLine).Split('\t');
        var at = new int[Columns.Count];
        var missing = new List<string>();
        for (var c = 0; c < Columns.Count; c++)
        {
            at[c] = Array.IndexOf(names, Columns[c]);
            if (at[c] < 0)
            {
                missing.Add(Columns[c]);
            }
        }

        if (missing.Count > 0)
        {
            throw new StandardsFormatException(path, 1, TerminologyErrorMessages.MissingColumns(missing, Columns));
        }

        var headers = new List<(string Code, string Name, string SubmissionValue, bool Extensible)>();
        var headerLines = new Dictionary<string, long>(StringComparer.Ordinal);
        var terms = new Dictionary<string, List<Term>>(StringComparer.Ordinal);
        var firstTermLine = new Dictionary<string, long>(StringComparer.Ordinal);
        var fields = new Range[names.Length];
        while (NextLine(ref text, path, ref line, out var row))
        {
            if (row.IsEmpty)
            {
                continue;
            }

            if (!SplitTabs(row, fields))
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.FieldCount(row.Count((byte)'\t') + 1, names.Length));
            }

            var code = Field(row, fields, at, Code);
            if (code.Length == 0)
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.EmptyValue(CodeColumn));
            }

            var submissionValue = Field(row, fields, at, SubmissionValue);
            if (submissionValue.Length == 0)
            {
                throw new StandardsFormatException(path, line, TerminologyErrorMessages.EmptyValue(SubmissionValueColumn));
            }

            var codelistCode = Field(row, fields, at, CodelistCode);
            if (codelistCode.Length == 0)
            {
                if (!headerLines.TryAdd(code, line))
                {
                    throw new StandardsFormatException(path, line, TerminologyErrorMessages.DuplicateCodelist(code, headerLines[code]));
                }

                var extensible = Field(row, fields, at, Extensible) switch
                {
                    "Yes" => true,
                    "No" => false,
                    var other => throw new StandardsFormatException(path, line, TerminologyErrorMessages.ExtensibleNotYesNo(ExtensibleColumn, other)),
                };
                headers.Add((code, Field(row, fields, at, CodelistName), submissionValue, extensible));
            }
            else
            {
                if (!terms.TryGetValue(codelistCode, out var list))
                {
                    terms[codelistCode] = list = [];
                    firstTermLine[codelistCode] = line;
                }

                var synonyms = Field(row, fields, at, Synonyms);
                list.Add(new Term(
                    code,
                    submissionValue,
                    synonyms.Length == 0 ? [] : synonyms.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Field(row, fields, at, Definition),
                    Field(row, fields, at, PreferredTerm)));
            }
        }

        foreach (var (codelistCode, termLine) in firstTermLine)
        {
            if (!headerLines.ContainsKey(codelistCode))
            {
                throw new StandardsFormatException(path, termLine, TerminologyErrorMessages.TermsWithoutCodelist(codelistCode));
            }
        }

        var result = new List<Codelist>(headers.Count);
        foreach (var h in headers)
        {
            result.Add(new Codelist(h.Code, h.Name, h.SubmissionValue, h.Extensible, terms.TryGetValue(h.Code, out var list) ? list.ToArray() : []));
        }

        return result;
    }

    /// <summary>Fills <paramref name="fields"/> with the tab-separated fields of <paramref name="row"/>; false
    /// unless the row has exactly that many.</summary>
    private static bool SplitTabs(ReadOnlySpan<byte> row, Range[] fields)
    {
        var start = 0;
        for (var i = 0; i < fields.Length - 1; i++)
        {
            var tab = row[start..].IndexOf((byte)'\t');
            if (tab < 0)
            {
                return false;
            }

            fields[i] = new Range(start, start + tab);
            start += tab + 1;
        }

        fields[^1] = new Range(start, row.Length);
        return row[start..].IndexOf((byte)'\t') < 0;
    }

    /// <summary>The trimmed text of column <paramref name="column"/> (an index into <see cref="Columns"/>).</summary>
    private static string Field(ReadOnlySpan<byte> row, Range[] fields, int[] at, int column) =>
        Encoding.UTF8.GetString(row[fields[at[column]]]).Trim();

    /// <summary>
    /// Moves past the next line of <paramref name="text"/> (false at the end), counting lines; a line that is not
    /// valid UTF-8 is an error at that line.
    /// </summary>
    private static bool NextLine(ref Span<byte> text, string path, ref long line, out ReadOnlySpan<byte> current)
    {
        if (text.IsEmpty)
        {
            current = default;
            return false;
        }

        line++;
        var end = text.IndexOfAny((byte)'\n', (byte)'\r');
        if (end < 0)
        {
            current = text;
            text = default;
        }
        else
        {
            current = text[..end];
            var next = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            text = text[next..];
        }

        if (!Utf8.IsValid(current))
        {
            throw new StandardsFormatException(path, line, TerminologyErrorMessages.NotUtf8);
        }

        return true;
    }
}
