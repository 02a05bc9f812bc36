using System.Net;
using System.Text.RegularExpressions;

namespace CdiscExport.Review.Tests;

/// <summary>Reads what the tests need out of a serialised review page: a chart's marks, a table's status and rows.</summary>
internal static partial class PageDom
{
    /// <summary>The markup of the <c>&lt;svg&gt;</c> with id <paramref name="id"/>, or null.</summary>
    public static string? Svg(string dom, string id)
    {
        var start = dom.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start = dom.LastIndexOf("<svg", start, StringComparison.Ordinal);
        var end = dom.IndexOf("</svg>", start, StringComparison.Ordinal);
        return dom[start..(end + "</svg>".Length)];
    }

    /// <summary>The data-* attributes of every per-subject mark (<c>&lt;g class="mark"&gt;</c>) of a chart.</summary>
    public static List<Dictionary<string, string>> Marks(string svg) =>
        MarkGroup().Matches(svg).Select(m => DataAttribute().Matches(m.Groups[1].Value)
                .ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.Ordinal))
            .ToList();

    /// <summary>The status line of the table in the element with id <paramref name="view"/>: records matching, in all, shown.</summary>
    public static (int Matching, int Total, int Shown) Status(string dom, string view)
    {
        var status = ViewStatus(view).Match(dom);
        status.Success.ShouldBeTrue($"no table status in #{view}");
        var attributes = DataAttribute().Matches(status.Groups[1].Value).ToDictionary(a => a.Groups[1].Value, a => a.Groups[2].Value, StringComparer.Ordinal);
        return (int.Parse(attributes["matching"]), int.Parse(attributes["total"]), int.Parse(attributes["shown"]));
    }

    /// <summary>The cells of each record row of the table in the element with id <paramref name="view"/> (record number first).</summary>
    public static List<List<string>> Rows(string dom, string view)
    {
        var start = dom.IndexOf($"id=\"{view}\"", StringComparison.Ordinal);
        var body = dom.IndexOf("<tbody>", start, StringComparison.Ordinal);
        var end = dom.IndexOf("</tbody>", body, StringComparison.Ordinal);
        return RecordRow().Matches(dom[body..end])
            .Select(r => Cell().Matches(r.Value).Select(c => WebUtility.HtmlDecode(Tag().Replace(c.Groups[1].Value, ""))).ToList())
            .ToList();
    }

    /// <summary>The column names of the table in the element with id <paramref name="view"/>, in order (the record column first).</summary>
    public static List<string> Columns(string dom, string view)
    {
        var start = dom.IndexOf($"id=\"{view}\"", StringComparison.Ordinal);
        var head = dom.IndexOf("<thead>", start, StringComparison.Ordinal);
        var end = dom.IndexOf("</tr>", head, StringComparison.Ordinal);
        return SortButton().Matches(dom[head..end]).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
    }

    [GeneratedRegex("<g class=\"mark\"([^>]*)>")]
    private static partial Regex MarkGroup();

    [GeneratedRegex("data-([a-z-]+)=\"([^\"]*)\"")]
    private static partial Regex DataAttribute();

    private static Regex ViewStatus(string view) => new($"id=\"{Regex.Escape(view)}\".*?(<p class=\"status\"[^>]*>)", RegexOptions.Singleline);

    [GeneratedRegex("<tr data-record=\"\\d+\"[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RecordRow();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<button class=\"sort\"[^>]*>([^<]*)</button>")]
    private static partial Regex SortButton();
}
