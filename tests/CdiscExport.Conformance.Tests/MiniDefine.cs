using System.Security;
using System.Text;

namespace CdiscExport.Conformance.Tests;

/// <summary>
/// A small Define-XML 2.1 document for <see cref="Table"/>s: one ItemGroupDef per table (leaf = its file), one ItemDef
/// per column, and whatever codelists, keys, classes and value-level metadata a test adds.
/// </summary>
public sealed class MiniDefine
{
    private readonly List<Table> tables = [];
    private readonly Dictionary<(string Table, string Column), string> codelistOf = [];
    private readonly Dictionary<string, (string DataType, List<(string Value, bool Extended)> Values)> codelists = [];
    private readonly Dictionary<(string Table, string Column), int> keys = [];
    private readonly Dictionary<string, string> classes = [];
    private readonly Dictionary<string, string> names = [];
    private readonly List<(string Table, string Column, string DataType, int? Length, string? Codelist, string WhereVariable, string Comparator, string[] Values)> valueLevel = [];

    /// <summary>The SDTMIG version declared.</summary>
    public string IgVersion { get; set; } = "3.4";

    /// <summary>The SDTM CT version declared, or null for none.</summary>
    public string? CtVersion { get; set; }

    public MiniDefine Add(params Table[] add)
    {
        tables.AddRange(add);
        return this;
    }

    /// <summary>Binds a codelist of <paramref name="values"/> (a leading '+' marks def:ExtendedValue="Yes") to a column.</summary>
    public MiniDefine Codelist(string table, string column, string dataType, params string[] values)
    {
        var oid = $"CL.{table}.{column}";
        codelists[oid] = (dataType, values.Select(v => v.StartsWith('+') ? (v[1..], true) : (v, false)).ToList());
        codelistOf[(table, column)] = oid;
        return this;
    }

    public MiniDefine Key(string table, params string[] columns)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            keys[(table, columns[i])] = i + 1;
        }

        return this;
    }

    public MiniDefine Class(string table, string name)
    {
        classes[table] = name;
        return this;
    }

    /// <summary>Names the ItemGroupDef of <paramref name="table"/> <paramref name="name"/> (its leaf stays the table's file).</summary>
    public MiniDefine Name(string table, string name)
    {
        names[table] = name;
        return this;
    }

    /// <summary>A value-level item for <paramref name="column"/> that applies where <paramref name="whereVariable"/>
    /// <paramref name="comparator"/> <paramref name="values"/>; a codelist of values given as "CL:a|b" is bound to it.</summary>
    public MiniDefine ValueLevel(string table, string column, string dataType, int? length, string whereVariable, string comparator, params string[] values)
    {
        string? codelist = null;
        if (dataType.StartsWith("CL:", StringComparison.Ordinal))
        {
            var parts = dataType[3..].Split(':');
            dataType = parts[0];
            codelist = $"CL.VL.{table}.{column}.{valueLevel.Count}";
            codelists[codelist] = (dataType, parts[1].Split('|').Select(v => (v, false)).ToList());
        }

        valueLevel.Add((table, column, dataType, length, codelist, whereVariable, comparator, values));
        return this;
    }

    public void Write(string path)
    {
        static string E(string s) => SecurityElement.Escape(s);
        var x = new StringBuilder();
        x.AppendLine("""<?xml version="1.0" encoding="UTF-8"?>""");
        x.AppendLine("""<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:def="http://www.cdisc.org/ns/def/v2.1" xmlns:xlink="http://www.w3.org/1999/xlink" ODMVersion="1.3.2" FileType="Snapshot" FileOID="DEF.S1" CreationDateTime="2024-01-01T00:00:00" def:Context="Submission">""");
        x.AppendLine("""<Study OID="S1"><GlobalVariables><StudyName>S1</StudyName><StudyDescription>S1</StudyDescription><ProtocolName>S1</ProtocolName></GlobalVariables>""");
        x.AppendLine("""<MetaDataVersion OID="MDV.S1" Name="S1" def:DefineVersion="2.1.0">""");
        x.AppendLine("<def:Standards>");
        x.AppendLine($"""<def:Standard OID="STD.IG" Name="SDTMIG" Type="IG" Version="{IgVersion}" Status="Final"/>""");
        if (CtVersion is not null)
        {
            x.AppendLine($"""<def:Standard OID="STD.CT" Name="CDISC/NCI" Type="CT" PublishingSet="SDTM" Version="{CtVersion}" Status="Final"/>""");
        }

        x.AppendLine("</def:Standards>");
        foreach (var vl in valueLevel.GroupBy(v => (v.Table, v.Column)))
        {
            x.AppendLine($"""<def:ValueListDef OID="VL.{vl.Key.Table}.{vl.Key.Column}">""");
            var n = 0;
            foreach (var item in vl)
            {
                n++;
                x.AppendLine($"""<ItemRef ItemOID="IT.{vl.Key.Table}.{vl.Key.Column}.{n}" OrderNumber="{n}" Mandatory="No"><def:WhereClauseRef WhereClauseOID="WC.{vl.Key.Table}.{vl.Key.Column}.{n}"/></ItemRef>""");
            }

            x.AppendLine("</def:ValueListDef>");
        }

        foreach (var vl in valueLevel.GroupBy(v => (v.Table, v.Column)))
        {
            var n = 0;
            foreach (var item in vl)
            {
                n++;
                x.AppendLine($"""<def:WhereClauseDef OID="WC.{vl.Key.Table}.{vl.Key.Column}.{n}"><RangeCheck Comparator="{item.Comparator}" SoftHard="Soft" def:ItemOID="IT.{item.Table}.{item.WhereVariable}">""");
                foreach (var v in item.Values)
                {
                    x.AppendLine($"<CheckValue>{E(v)}</CheckValue>");
                }

                x.AppendLine("</RangeCheck></def:WhereClauseDef>");
            }
        }

        foreach (var t in tables)
        {
            var name = names.GetValueOrDefault(t.Name, t.Name);
            var file = t.FileName ?? t.Name.ToLowerInvariant() + ".xpt";
            x.AppendLine($"""<ItemGroupDef OID="IG.{t.Name}" Name="{name}" SASDatasetName="{name}" Repeating="Yes" Purpose="Tabulation" def:Structure="One record per thing" def:StandardOID="STD.IG" def:ArchiveLocationID="LF.{t.Name}">""");
            x.AppendLine($"""<Description><TranslatedText xml:lang="en">{E(t.Label)}</TranslatedText></Description>""");
            for (var i = 0; i < t.Columns.Count; i++)
            {
                var key = keys.TryGetValue((t.Name, t.Columns[i]), out var k) ? $" KeySequence=\"{k}\"" : "";
                x.AppendLine($"""<ItemRef ItemOID="IT.{t.Name}.{t.Columns[i]}" OrderNumber="{i + 1}" Mandatory="No"{key}/>""");
            }

            x.AppendLine($"""<def:Class Name="{E(classes.GetValueOrDefault(t.Name, "FINDINGS"))}"/>""");
            x.AppendLine($"""<def:leaf ID="LF.{t.Name}" xlink:href="{file}"><def:title>{file}</def:title></def:leaf>""");
            x.AppendLine("</ItemGroupDef>");
        }

        foreach (var t in tables)
        {
            for (var i = 0; i < t.Columns.Count; i++)
            {
                var c = t.Columns[i];
                var numeric = !t.ForceChar.Contains(c) && t.Rows.Select(r => r[i]).FirstOrDefault(v => v is not null) is double or int;
                var length = numeric ? "" : $" Length=\"{(t.Lengths.TryGetValue(c, out var l) ? l : Math.Max(1, t.Rows.Select(r => r[i]?.ToString()?.Length ?? 0).DefaultIfEmpty(0).Max()))}\"";
                x.AppendLine($"""<ItemDef OID="IT.{t.Name}.{c}" Name="{c}" DataType="{(numeric ? "float" : "text")}"{length}>""");
                x.AppendLine($"""<Description><TranslatedText xml:lang="en">{c}</TranslatedText></Description>""");
                if (codelistOf.TryGetValue((t.Name, c), out var cl))
                {
                    x.AppendLine($"""<CodeListRef CodeListOID="{cl}"/>""");
                }

                x.AppendLine("""<def:Origin Type="Collected" Source="Investigator"/>""");
                if (valueLevel.Any(v => v.Table == t.Name && v.Column == c))
                {
                    x.AppendLine($"""<def:ValueListRef ValueListOID="VL.{t.Name}.{c}"/>""");
                }

                x.AppendLine("</ItemDef>");
            }
        }

        foreach (var vl in valueLevel.GroupBy(v => (v.Table, v.Column)))
        {
            var n = 0;
            foreach (var item in vl)
            {
                n++;
                var length = item.Length is int len ? $" Length=\"{len}\"" : "";
                x.AppendLine($"""<ItemDef OID="IT.{vl.Key.Table}.{vl.Key.Column}.{n}" Name="{vl.Key.Column}" DataType="{item.DataType}"{length}>""");
                x.AppendLine($"""<Description><TranslatedText xml:lang="en">{vl.Key.Column} {n}</TranslatedText></Description>""");
                if (item.Codelist is not null)
                {
                    x.AppendLine($"""<CodeListRef CodeListOID="{item.Codelist}"/>""");
                }

                x.AppendLine("""<def:Origin Type="Collected" Source="Investigator"/></ItemDef>""");
            }
        }

        foreach (var (oid, (dataType, values)) in codelists)
        {
            x.AppendLine($"""<CodeList OID="{oid}" Name="{oid}" DataType="{dataType}">""");
            var n = 0;
            foreach (var (value, extended) in values)
            {
                n++;
                x.AppendLine($"""<EnumeratedItem CodedValue="{E(value)}" OrderNumber="{n}"{(extended ? " def:ExtendedValue=\"Yes\"" : "")}/>""");
            }

            x.AppendLine("</CodeList>");
        }

        x.AppendLine("</MetaDataVersion></Study></ODM>");
        File.WriteAllText(path, x.ToString());
    }
}
