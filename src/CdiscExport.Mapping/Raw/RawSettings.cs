using System.Text;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// How one raw form is laid out, as its EDC exported it: the study file's <c>raw:</c> defaults, overridden per form
/// under <c>raw: forms:</c>. Immutable; a form's settings are the folder's with its own keys replaced.
/// </summary>
internal sealed record RawSettings
{
    /// <summary>The settings of a plain RFC 4180 export: comma, period, UTF-8, double quote, header on line 1.</summary>
    public static readonly RawSettings Default = new();

    /// <summary>The field delimiter (<c>,</c> <c>;</c> tab <c>|</c>), or null to detect it from the header line.</summary>
    public char? Delimiter { get; init; } = ',';

    /// <summary>The decimal mark numbers are written with (<c>.</c> or <c>,</c>), applied where a value is read as a number.</summary>
    public char DecimalMark { get; init; } = '.';

    /// <summary>The text encoding (a UTF-8 byte order mark is skipped whatever is declared as UTF-8).</summary>
    public Encoding Encoding { get; init; } = new UTF8Encoding(false);

    /// <summary>The quote character.</summary>
    public char Quote { get; init; } = '"';

    /// <summary>The 1-based line (CSV) or row (sheet) holding the column names; the lines before it are a preamble.</summary>
    public int HeaderRow { get; init; } = 1;

    /// <summary>Lines (rows) right after the header to skip: a second header of labels or units, for example.</summary>
    public int Skip { get; init; }

    /// <summary>Raw texts that mean a missing value, compared exactly after trimming.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The file the form is read from, relative to the raw folder, when it is not <c>&lt;form&gt;.csv</c>.</summary>
    public string? File { get; init; }

    /// <summary>The sheet of a workbook the form is, when it is not the sheet named as the form.</summary>
    public string? Sheet { get; init; }
}
