using System.Net;
using System.Text;

namespace CdiscExport.Odm;

/// <summary>
/// Renders a <see cref="DefineDocument"/> as a self-contained define.html a reviewer opens in any browser (no XSLT,
/// no script, no external resource): standards, the datasets table with links to each XPT, variables per dataset,
/// value-level metadata, codelists, methods and comments, cross-linked by internal anchors named after the OIDs.
/// Deterministic (LF, model order).
/// </summary>
public static class DefineHtmlWriter
{
    /// <summary>Writes the page to <paramref name="path"/> (replaced if present).</summary>
    public static void WriteFile(DefineDocument document, string path) =>
        File.WriteAllText(path, WriteToString(document), new UTF8Encoding(false));

    /// <summary>The HTML text of the page.</summary>
    public static string WriteToString(DefineDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var m = document.Study.MetaDataVersion;
        var items = m.Items.GroupBy(i => i.Oid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var where = m.WhereClauses.ToDictionary(w => w.Oid, StringComparer.Ordinal);
        var codeListNames = m.CodeLists.GroupBy(c => c.Oid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var methodNames = m.Methods.GroupBy(c => c.Oid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        string CodeListLink(ItemDef item) =>
            item.CodeListOid is { } c ? $"<a href=\"#{A(c)}\">{E(codeListNames.GetValueOrDefault(c, c))}</a>" : "";
        string MethodAndComment(string? methodOid, string? commentOid) =>
            string.Join(" ", new[]
            {
                methodOid is null ? null : $"<a href=\"#{A(methodOid)}\">{E(methodNames.GetValueOrDefault(methodOid, methodOid))}</a>",
                commentOid is null ? null : $"<a href=\"#{A(commentOid)}\">Comment {E(commentOid)}</a>",
            }.Where(s => s is not null));

        var html = new StringBuilder();
        void Line(string text) => html.Append(text).Append('\n');

        Line("<!DOCTYPE html>");
        Line("<html lang=\"en\">");
        Line("<head>");
        Line("<meta charset=\"utf-8\">");
        Line($"<title>{E(document.Study.StudyName)}: {E(m.Name)}</title>");
        Line("<style>body{font-family:sans-serif;margin:1em 2em}table{border-collapse:collapse;margin-bottom:1.5em}" +
             "th,td{border:1px solid #999;padding:2px 6px;text-align:left;vertical-align:top}th{background:#dde}" +
             "nav a{margin-right:1em}h2{border-bottom:2px solid #88a}.ext{font-style:italic}</style>");
        Line("</head>");
        Line("<body>");
        Line($"<h1>{E(document.Study.StudyName)}: {E(m.Name)}</h1>");
        Line($"<p>{E(document.Study.StudyDescription)}. Protocol {E(document.Study.ProtocolName)}. Define-XML {E(m.DefineVersion)}, created {E(document.CreationDateTime)}.</p>");
        Line("<nav><a href=\"#datasets\">Datasets</a><a href=\"#valuelevel\">Value-level metadata</a><a href=\"#codelists\">Codelists</a><a href=\"#methods\">Methods</a><a href=\"#comments\">Comments</a></nav>");

        Line("<h2 id=\"standards\">Standards</h2>");
        Line("<table><tr><th>Name</th><th>Type</th><th>Publishing set</th><th>Version</th><th>Status</th></tr>");
        foreach (var s in m.Standards)
        {
            Line($"<tr id=\"{A(s.Oid)}\"><td>{E(s.Name)}</td><td>{E(s.Type)}</td><td>{E(s.PublishingSet)}</td><td>{E(s.Version)}</td><td>{E(s.Status)}</td></tr>");
        }

        Line("</table>");

        Line("<h2 id=\"datasets\">Datasets</h2>");
        Line("<table><tr><th>Dataset</th><th>Description</th><th>Class</th><th>Structure</th><th>Purpose</th><th>Keys</th><th>Location</th></tr>");
        foreach (var g in m.ItemGroups)
        {
            var keys = g.ItemRefs.Where(r => r.KeySequence is not null).OrderBy(r => r.KeySequence)
                .Select(r => items.TryGetValue(r.ItemOid, out var i) ? i.Name : r.ItemOid);
            var location = g.Leaf is { } leaf ? $"<a href=\"{A(leaf.Href)}\">{E(leaf.Title)}</a>" : "";
            Line($"<tr><td><a href=\"#{A(g.Oid)}\">{E(g.Name)}</a></td><td>{T(g.Description)}</td><td>{E(g.Class?.Name)}</td><td>{E(g.Structure)}</td><td>{E(g.Purpose)}</td><td>{E(string.Join(", ", keys))}</td><td>{location}</td></tr>");
        }

        Line("</table>");

        foreach (var g in m.ItemGroups)
        {
            Line($"<h3 id=\"{A(g.Oid)}\">{E(g.Name)}: {T(g.Description)}{(g.Leaf is { } l ? $" (<a href=\"{A(l.Href)}\">{E(l.Title)}</a>)" : "")}</h3>");
            Line("<table><tr><th>#</th><th>Variable</th><th>Label</th><th>Type</th><th>Length</th><th>Mandatory</th><th>Key</th><th>Role</th><th>Controlled terms</th><th>Origin</th><th>Method / comment</th></tr>");
            foreach (var r in g.ItemRefs)
            {
                if (!items.TryGetValue(r.ItemOid, out var i))
                {
                    Line($"<tr><td>{r.OrderNumber}</td><td colspan=\"10\">{E(r.ItemOid)} (no ItemDef)</td></tr>");
                    continue;
                }

                var name = i.ValueListOid is { } vl ? $"<a href=\"#{A(vl)}\">{E(i.Name)}</a>" : E(i.Name);
                Line($"<tr id=\"{A(i.Oid)}\"><td>{r.OrderNumber}</td><td>{name}</td><td>{T(i.Description)}</td><td>{E(i.DataType)}</td><td>{i.Length}</td><td>{(r.Mandatory ? "Yes" : "No")}</td><td>{r.KeySequence}</td><td>{E(r.Role)}</td><td>{CodeListLink(i)}</td><td>{Origins(i)}</td><td>{MethodAndComment(r.MethodOid, i.CommentOid)}</td></tr>");
            }

            Line("</table>");
        }

        Line("<h2 id=\"valuelevel\">Value-level metadata</h2>");
        foreach (var v in m.ValueLists)
        {
            var parent = m.Items.FirstOrDefault(i => i.ValueListOid == v.Oid);
            var dataset = parent is null ? null : m.ItemGroups.FirstOrDefault(g => g.ItemRefs.Any(r => r.ItemOid == parent.Oid));
            var title = parent is null ? E(v.Oid) : $"<a href=\"#{A(parent.Oid)}\">{E(dataset?.Name)}.{E(parent.Name)}</a>";
            Line($"<h3 id=\"{A(v.Oid)}\">{title}</h3>");
            Line("<table><tr><th>Where</th><th>Label</th><th>Type</th><th>Length</th><th>Controlled terms</th><th>Origin</th><th>Method / comment</th></tr>");
            foreach (var r in v.ItemRefs)
            {
                var i = items.GetValueOrDefault(r.ItemOid);
                var condition = string.Join(" and ", r.WhereClauseOids.Select(w => where.TryGetValue(w, out var wc)
                    ? string.Join(" and ", wc.RangeChecks.Select(rc => $"{E(items.TryGetValue(rc.ItemOid, out var it) ? it.Name : rc.ItemOid)} {E(rc.Comparator)} {E(string.Join(", ", rc.CheckValues))}"))
                    : E(w)));
                Line($"<tr id=\"{A(r.ItemOid)}\"><td>{condition}</td><td>{T(i?.Description)}</td><td>{E(i?.DataType)}</td><td>{i?.Length}</td><td>{(i is null ? "" : CodeListLink(i))}</td><td>{(i is null ? "" : Origins(i))}</td><td>{MethodAndComment(r.MethodOid, i?.CommentOid)}</td></tr>");
            }

            Line("</table>");
        }

        Line("<h2 id=\"codelists\">Codelists</h2>");
        foreach (var c in m.CodeLists)
        {
            var code = c.Aliases.FirstOrDefault(a => a.Context == OdmNames.NciCodeContext)?.Name;
            Line($"<h3 id=\"{A(c.Oid)}\">{E(c.Name)}{(code is null ? "" : $" [{E(code)}]")}</h3>");
            if (c.External is { } x)
            {
                Line($"<p>External dictionary {E(x.Dictionary)} {E(x.Version)}</p>");
                continue;
            }

            Line("<table><tr><th>Value</th><th>Decode</th><th>NCI code</th></tr>");
            foreach (var item in c.Items)
            {
                var ext = item.ExtendedValue ? " class=\"ext\"" : "";
                var nci = item.Aliases.FirstOrDefault(a => a.Context == OdmNames.NciCodeContext)?.Name;
                Line($"<tr{ext}><td>{E(item.CodedValue)}{(item.ExtendedValue ? " (sponsor extension)" : "")}</td><td>{T(item.Decode)}</td><td>{E(nci)}</td></tr>");
            }

            Line("</table>");
        }

        Line("<h2 id=\"methods\">Methods</h2>");
        Line("<table><tr><th>Method</th><th>Type</th><th>Description</th></tr>");
        foreach (var method in m.Methods)
        {
            Line($"<tr id=\"{A(method.Oid)}\"><td>{E(method.Name)}</td><td>{E(method.Type)}</td><td>{T(method.Description)}</td></tr>");
        }

        Line("</table>");
        Line("<h2 id=\"comments\">Comments</h2>");
        Line("<table><tr><th>Comment</th><th>Description</th></tr>");
        foreach (var comment in m.Comments)
        {
            Line($"<tr id=\"{A(comment.Oid)}\"><td>{E(comment.Oid)}</td><td>{T(comment.Description)}</td></tr>");
        }

        Line("</table>");
        Line("</body>");
        Line("</html>");
        return html.ToString();
    }

    private static string Origins(ItemDef item) =>
        string.Join("; ", item.Origins.Select(o =>
            E(o.Type) + (o.Source is null ? "" : $" ({E(o.Source)})") + (o.Description.Count == 0 ? "" : ": " + T(o.Description))));

    private static string T(OdmList<TranslatedText>? texts) =>
        texts is null || texts.Count == 0 ? "" : E((texts.FirstOrDefault(t => t.Lang is null or "en") ?? texts[0]).Text);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string A(string text) => WebUtility.HtmlEncode(text);
}
