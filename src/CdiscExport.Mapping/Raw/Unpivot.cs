using System.Text.RegularExpressions;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// A records block's <c>unpivot:</c> step: a wide form (one row per visit, one column per test, the unit in the
/// header as in <c>Hämoglobin [g/dl]</c>) turned long, one record per row and test column. The test columns are
/// given by list (<c>columns:</c>) or by a regular expression over the headers (<c>pattern:</c>); each record
/// keeps the row's other columns and gets three new ones: the test (<c>name:</c>, the header without its unit
/// part), the value (<c>value:</c>) and, when <c>unit:</c> is given, the unit (group 1 of <c>unit_from_header:</c>
/// in the header; "" for a header without one). An empty cell makes no record unless <c>keep_empty: true</c>; the
/// count of cells passed over is reported in the reconciliation, so nothing goes unaccounted.
/// </summary>
internal sealed record UnpivotSpec(
    SpecNode Node,
    IReadOnlyList<string>? Columns,
    Regex? Pattern,
    string Name,
    string Value,
    string? Unit,
    Regex? UnitFromHeader,
    bool KeepEmpty)
{
    /// <summary>The keys <c>unpivot:</c> takes.</summary>
    public static readonly string[] Keys = ["columns", "pattern", "name", "value", "unit", "unit_from_header", "keep_empty"];

    public static UnpivotSpec Parse(SpecNode node)
    {
        var map = node.Keys(Keys);
        var columns = map.Optional("columns")?.Strings();
        var pattern = map.Optional("pattern") is { } p ? Compile(p) : null;
        if ((columns is null) == (pattern is null))
        {
            throw node.Error("unpivot: names its columns either by list (columns:) or by a regular expression over the headers (pattern:)");
        }

        var unit = map.OptionalScalar("unit");
        var unitFromHeader = map.Optional("unit_from_header") is { } u ? Compile(u) : null;
        if ((unit is null) != (unitFromHeader is null))
        {
            throw node.Error("unit: (the column to hold the unit) and unit_from_header: (a regular expression whose group 1 is the unit in a header) go together");
        }

        if (unitFromHeader is not null && unitFromHeader.GetGroupNumbers().Length < 2)
        {
            throw map.Required("unit_from_header").Error("unit_from_header: needs a group, e.g. '\\[(.*)\\]', whose text is the unit");
        }

        return new UnpivotSpec(node, columns, pattern, map.RequiredScalar("name"), map.RequiredScalar("value"), unit, unitFromHeader,
            map.OptionalScalar("keep_empty") is "true" or "yes");
    }

    private static Regex Compile(SpecNode node)
    {
        try
        {
            return new Regex(node.Scalar(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw node.Error($"not a valid regular expression: {e.Message}");
        }
    }

    /// <summary>
    /// The long form of <paramref name="wide"/>, and how its rows became records, for the reconciliation
    /// (<c>unpivoted: 5 rows x 4 test columns = 20 cells, 7 empty cells made no record</c>).
    /// </summary>
    public (RawForm Long, string Reconciliation) Apply(RawForm wide)
    {
        var tests = Columns is { } listed
            ? listed.Select(c => wide.Ordinal(c) is var o and >= 0 ? o : throw Node.Error($"form \"{wide.Name}\" ({wide.Path}) has no column \"{c}\"", wide.Headers)).ToList()
            : Enumerable.Range(0, wide.Headers.Count).Where(o => Pattern!.IsMatch(wide.Headers[o])).ToList();
        if (tests.Count == 0)
        {
            throw Node.Error($"pattern {Pattern} matches no column of form \"{wide.Name}\" ({wide.Path})", wide.Headers);
        }

        var kept = Enumerable.Range(0, wide.Headers.Count).Where(o => !tests.Contains(o)).ToList();
        var added = Unit is null ? new[] { Name, Value } : [Name, Value, Unit];
        foreach (var column in added.Where(c => kept.Any(o => wide.Headers[o] == c)))
        {
            throw Node.Error($"\"{column}\" is a column of form \"{wide.Name}\" already; name the unpivoted column otherwise");
        }

        var names = tests.Select(o => TestName(wide.Headers[o])).ToList();
        var units = tests.Select(o => UnitOf(wide.Headers[o])).ToList();

        // Sized for every cell; the records are the non-empty ones (or all, with keep_empty), in row order, then
        // column order, so a subject's visit keeps its tests together.
        var capacity = wide.RowCount * tests.Count;
        var headers = kept.Select(o => wide.Headers[o]).Concat(added).ToList();
        var values = new string[headers.Count][];
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = new string[capacity];
        }

        var lines = new int[capacity];
        var count = 0;
        var empty = 0;
        for (var r = 0; r < wide.RowCount; r++)
        {
            for (var t = 0; t < tests.Count; t++)
            {
                var value = wide.Get(r, tests[t]);
                if (value.Length == 0 && !KeepEmpty)
                {
                    empty++;
                    continue;
                }

                for (var k = 0; k < kept.Count; k++)
                {
                    values[k][count] = wide.Get(r, kept[k]);
                }

                values[kept.Count][count] = names[t];
                values[kept.Count + 1][count] = value;
                if (Unit is not null)
                {
                    values[kept.Count + 2][count] = units[t];
                }

                lines[count++] = wide.LineOf(r);
            }
        }

        var form = new RawForm(wide.Name, wide.Path, headers, values, lines, count) { DecimalMark = wide.DecimalMark, LayoutNote = wide.LayoutNote };
        return (form, $"unpivoted: {wide.RowCount} rows x {tests.Count} test columns = {capacity} cells, {empty} empty cells made no record");
    }

    private string TestName(string header) =>
        UnitFromHeader is null ? header.Trim() : UnitFromHeader.Replace(header, string.Empty, 1).Trim();

    private string UnitOf(string header) =>
        UnitFromHeader?.Match(header) is { Success: true } m ? m.Groups[1].Value.Trim() : string.Empty;
}
