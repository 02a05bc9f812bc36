using System.Xml;
using CdiscExport.Mapping.Engine;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// Reads the clinical data of a CDISC ODM 1.3.x file as EDC systems export it (OpenClinica, REDCap, Rave, odmlib...)
/// into raw forms: one form per ItemGroup that has data, named by its <c>ItemGroupOID</c>, one record per
/// <c>ItemGroupData</c>, in file order. The file is read once, forward only, with <see cref="XmlReader"/>.
/// </summary>
/// <remarks>
/// <para>
/// The columns of a form are, in this order: <c>SubjectKey</c>, <c>SiteRef</c>, <c>StudyEventOID</c>,
/// <c>StudyEventRepeatKey</c>, <c>FormOID</c>, <c>FormRepeatKey</c>, <c>ItemGroupOID</c>,
/// <c>ItemGroupRepeatKey</c>; then one column per Item of the group, in the order of the ItemGroupDef's ItemRefs,
/// then any other item met in the data, in the order met. An item's column is named by its ItemDef <c>Name</c>; where
/// the ItemDef has no Name, or the Name is that of another column of the form, by its <c>ItemOID</c>. Right after an
/// item whose ItemDef has a <c>CodeListRef</c> comes <c>&lt;column&gt;_DECODE</c>: the codelist's decode of the value
/// (its <c>TranslatedText</c> in <c>xml:lang="en"</c>, else the one without a language, else the first), "" where
/// the value is not a coded value of the codelist (a multi-select <c>1,2</c>, say), the codelist has no decodes
/// (EnumeratedItem, ExternalCodeList) or the codelist is not in the file. Last, every item column named by its Name is
/// also available under its ItemOID (the same values, no copy), unless another column already has that name.
/// </para>
/// <para>
/// Values are trimmed, as the CSV reader trims; an item absent from a record (sparse data), an <c>IsNull="Yes"</c>
/// item, an absent repeat key and a text listed in <see cref="RawSettings.Missing"/> are "". <c>SiteRef</c> is the
/// <c>LocationOID</c> of the SubjectData's <c>SiteRef</c> element; without one, when the ClinicalData belongs to a
/// site study (its MetaDataVersion includes another study's, as OpenClinica exports sites), the site study's OID;
/// else "". Typed items of ODM 1.3.2 (<c>ItemDataString</c>, <c>ItemDataInteger</c>, ..., any element named
/// <c>ItemData&lt;Type&gt;</c>) hold their value as element text; <c>ItemDataBase64Binary</c> keeps its base64 text
/// as is (nothing is dropped; a spec that has no use for a file upload never names its column).
/// </para>
/// <para>
/// MetaDataVersion <c>Include</c> is followed (an OpenClinica site's MetaDataVersion includes its parent's). Items
/// are resolved in the MetaDataVersion the ClinicalData names; an ItemOID that it does not define is an error. When
/// the file has no such MetaDataVersion at all (clinical data exported without metadata), columns are named by
/// ItemOID and there are no decodes. FormData directly under SubjectData (REDCap's repeating instruments) is read,
/// with a blank StudyEventOID. Elements of other namespaces (vendor extensions: audit logs, discrepancy notes) are
/// skipped; so are attributes other than those above, and <c>TransactionType</c> is not interpreted. DTDs are
/// prohibited. The encoding is the one the XML declaration names (<see cref="RawSettings.Encoding"/> does not apply).
/// </para>
/// <para>
/// Each record's line is the line of its <c>ItemGroupData</c> start tag. Malformed XML, a root element other than
/// ODM 1.3's <c>ODM</c> (ODM 2.0 is another format), an ItemData outside an ItemGroupData, an unknown ItemOID and an
/// item given twice in one ItemGroupData stop the read with a
/// <see cref="MappingException"/> naming the file and line.
/// </para>
/// </remarks>
internal static class OdmClinicalDataReader
{
    /// <summary>The ODM 1.3 namespace (1.3.0, 1.3.1 and 1.3.2 share it).</summary>
    public const string Namespace = "http://www.cdisc.org/ns/odm/v1.3";

    /// <summary>The columns every form starts with, in order.</summary>
    public static readonly IReadOnlyList<string> KeyColumns =
    [
        "SubjectKey", "SiteRef", "StudyEventOID", "StudyEventRepeatKey", "FormOID", "FormRepeatKey", "ItemGroupOID",
        "ItemGroupRepeatKey",
    ];

    /// <summary>The suffix of the column holding an item's codelist decode.</summary>
    public const string DecodeSuffix = "_DECODE";

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Reads the clinical data of the ODM file at <paramref name="path"/>, one form per ItemGroup with data.</summary>
    /// <param name="path">The ODM XML file.</param>
    /// <param name="settings">The form settings: <see cref="RawSettings.Missing"/> and <see cref="RawSettings.DecimalMark"/> apply.</param>
    /// <returns>The forms, in the order their ItemGroups first have data in the file.</returns>
    /// <exception cref="MappingException">The file is not well-formed XML, or its clinical data cannot be resolved.</exception>
    public static IReadOnlyList<RawForm> Read(string path, RawSettings settings)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(settings);
        var state = new ReadState(path, settings);
        var xmlSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            CloseInput = true,
        };

        XmlReader? reader = null;
        try
        {
            reader = XmlReader.Create(path, xmlSettings);
            state.Run(reader);
        }
        catch (XmlException e)
        {
            // A prohibited DTD is reported without a position: it is the line of the DOCTYPE.
            var line = e.LineNumber > 0 ? e.LineNumber : (reader as IXmlLineInfo)?.LineNumber ?? 0;
            if (line == 0)
            {
                line = LineOf(path, "<!DOCTYPE");
            }

            throw new MappingException(path, line, null, null, null,
                MappingMessages.MalformedOdmXml(e.Message));
        }
        catch (IOException e)
        {
            throw new MappingException(path, 0, null, null, null, MappingMessages.Unreadable(e.Message));
        }
        finally
        {
            reader?.Dispose();
        }

        return state.Forms();
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/> in the file, or 0.</summary>
    private static int LineOf(string path, string text)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return number;
            }
        }

        return 0;
    }

    private static bool IsOdm(XmlReader reader) => reader.NamespaceURI is Namespace or "";

    /// <summary>One MetaDataVersion's definitions, and the MetaDataVersions it includes.</summary>
    private sealed class MetaDataVersion
    {
        public Dictionary<string, List<string>> ItemGroups { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ItemDef> Items { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, string>> CodeLists { get; } = new(StringComparer.Ordinal);

        public List<(string Study, string Version)> Includes { get; } = [];
    }

    private sealed record ItemDef(string Oid, string? Name, string? CodeListOid);

    /// <summary>A MetaDataVersion with those it includes, searched in that order.</summary>
    private sealed class ResolvedMetaData(List<MetaDataVersion> chain)
    {
        public bool IsEmpty => chain.Count == 0;

        public List<string>? ItemGroup(string oid)
        {
            foreach (var version in chain)
            {
                if (version.ItemGroups.TryGetValue(oid, out var refs))
                {
                    return refs;
                }
            }

            return null;
        }

        public ItemDef? Item(string oid)
        {
            foreach (var version in chain)
            {
                if (version.Items.TryGetValue(oid, out var item))
                {
                    return item;
                }
            }

            return null;
        }

        public Dictionary<string, string>? CodeList(string oid)
        {
            foreach (var version in chain)
            {
                if (version.CodeLists.TryGetValue(oid, out var codes))
                {
                    return codes;
                }
            }

            return null;
        }
    }

    /// <summary>The records of one ItemGroup, column by column, as they are read.</summary>
    private sealed class GroupBuilder(string oid, ResolvedMetaData metaData)
    {
        public string Oid { get; } = oid;

        public ResolvedMetaData MetaData { get; } = metaData;

        public List<string>[] Keys { get; } = KeyColumns.Select(_ => new List<string>()).ToArray();

        public List<string> ItemOids { get; } = [];

        public Dictionary<string, int> ItemIndex { get; } = new(StringComparer.Ordinal);

        public List<List<string>> Items { get; } = [];

        public List<ItemDef?> Defs { get; } = [];

        public List<int> Lines { get; } = [];

        public int Count => Lines.Count;

        public int Column(string itemOid, ItemDef? def)
        {
            if (!ItemIndex.TryGetValue(itemOid, out var index))
            {
                index = ItemOids.Count;
                ItemOids.Add(itemOid);
                ItemIndex[itemOid] = index;
                var column = new List<string>(Math.Max(Count, 4));
                for (var i = 0; i < Count - 1; i++)
                {
                    column.Add(string.Empty);
                }

                Items.Add(column);
                Defs.Add(def);
            }
            else if (Defs[index] is null && def is not null)
            {
                Defs[index] = def;
            }

            return index;
        }

        /// <summary>Pads the items the record just ended did not have.</summary>
        public void EndRecord()
        {
            foreach (var column in Items)
            {
                if (column.Count < Count)
                {
                    column.Add(string.Empty);
                }
            }
        }
    }

    private sealed class ReadState(string path, RawSettings settings)
    {
        private readonly Dictionary<(string Study, string Version), MetaDataVersion> _versions = new();
        private readonly Dictionary<string, GroupBuilder> _groups = new(StringComparer.Ordinal);
        private readonly List<GroupBuilder> _order = [];
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

        // Metadata context.
        private string _study = string.Empty;
        private MetaDataVersion? _version;
        private List<string>? _itemRefs;
        private Dictionary<string, string>? _codeList;
        private string? _codedValue;
        private bool _inDecode;
        private (int Rank, string Text)? _decode;
        private string? _itemDefOid;
        private string? _itemDefName;
        private string? _itemDefCodeList;

        // Clinical data context.
        private ResolvedMetaData? _metaData;
        private string _clinicalStudy = string.Empty;
        private bool _siteStudy;
        private string _subject = string.Empty;
        private string _site = string.Empty;
        private string _event = string.Empty;
        private string _eventRepeat = string.Empty;
        private string _form = string.Empty;
        private string _formRepeat = string.Empty;
        private GroupBuilder? _group;

        public void Run(XmlReader reader)
        {
            var info = (IXmlLineInfo)reader;
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "ODM" || !IsOdm(reader))
            {
                throw new MappingException(path, info.LineNumber, null, null, null,
                    MappingMessages.NotOdmRoot(reader.NamespaceURI, reader.LocalName, Namespace));
            }

            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && !IsOdm(reader))
                {
                    reader.Skip(); // a vendor extension (OpenClinica:AuditLogs, redcap:Globals, ...)
                    continue;
                }

                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (Start(reader, info))
                    {
                        continue; // the handler moved the reader on
                    }

                    if (reader.IsEmptyElement)
                    {
                        End(reader.LocalName);
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && IsOdm(reader))
                {
                    End(reader.LocalName);
                }

                reader.Read();
            }
        }

        /// <summary>Handles a start tag; true when the reader has already been moved past the element.</summary>
        private bool Start(XmlReader reader, IXmlLineInfo info)
        {
            switch (reader.LocalName)
            {
                case "Study":
                    _study = reader.GetAttribute("OID") ?? string.Empty;
                    break;
                case "MetaDataVersion":
                    _version = new MetaDataVersion();
                    _versions.TryAdd((_study, reader.GetAttribute("OID") ?? string.Empty), _version);
                    break;
                case "Include" when _version is not null:
                    _version.Includes.Add((reader.GetAttribute("StudyOID") ?? string.Empty, reader.GetAttribute("MetaDataVersionOID") ?? string.Empty));
                    break;
                case "ItemGroupDef" when _version is not null:
                    _itemRefs = [];
                    _version.ItemGroups.TryAdd(reader.GetAttribute("OID") ?? string.Empty, _itemRefs);
                    break;
                case "ItemRef" when _itemRefs is not null:
                    if (reader.GetAttribute("ItemOID") is { } itemRef)
                    {
                        _itemRefs.Add(itemRef);
                    }

                    break;
                case "ItemDef" when _version is not null:
                    _itemDefOid = reader.GetAttribute("OID") ?? string.Empty;
                    _itemDefName = reader.GetAttribute("Name");
                    _itemDefCodeList = null;
                    break;
                case "CodeListRef" when _itemDefOid is not null:
                    _itemDefCodeList = reader.GetAttribute("CodeListOID");
                    break;
                case "CodeList" when _version is not null:
                    _codeList = new Dictionary<string, string>(StringComparer.Ordinal);
                    _version.CodeLists.TryAdd(reader.GetAttribute("OID") ?? string.Empty, _codeList);
                    break;
                case "CodeListItem" or "EnumeratedItem" when _codeList is not null:
                    _codedValue = reader.GetAttribute("CodedValue") ?? string.Empty;
                    _decode = null;
                    break;
                case "Decode" when _codedValue is not null:
                    _inDecode = true;
                    break;
                case "TranslatedText" when _inDecode:
                    var lang = reader.GetAttribute("lang", XmlNamespace);
                    var rank = lang is null or "" ? 1 : lang.Equals("en", StringComparison.OrdinalIgnoreCase) || lang.StartsWith("en-", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
                    var text = reader.ReadElementContentAsString().Trim();
                    if (_decode is null || rank > _decode.Value.Rank)
                    {
                        _decode = (rank, text);
                    }

                    return true;
                case "ClinicalData":
                    _clinicalStudy = reader.GetAttribute("StudyOID") ?? string.Empty;
                    var key = (_clinicalStudy, reader.GetAttribute("MetaDataVersionOID") ?? string.Empty);
                    _metaData = Resolve(key);
                    _siteStudy = _versions.TryGetValue(key, out var own) && own.Includes.Any(i => i.Study != _clinicalStudy);
                    break;
                case "SubjectData":
                    _subject = Value(reader.GetAttribute("SubjectKey"));
                    _site = _siteStudy ? _clinicalStudy : string.Empty;
                    _event = _eventRepeat = _form = _formRepeat = string.Empty;
                    break;
                case "SiteRef":
                    _site = Value(reader.GetAttribute("LocationOID"));
                    break;
                case "StudyEventData":
                    _event = Value(reader.GetAttribute("StudyEventOID"));
                    _eventRepeat = Value(reader.GetAttribute("StudyEventRepeatKey"));
                    _form = _formRepeat = string.Empty;
                    break;
                case "FormData":
                    _form = Value(reader.GetAttribute("FormOID"));
                    _formRepeat = Value(reader.GetAttribute("FormRepeatKey"));
                    break;
                case "ItemGroupData":
                    StartGroup(reader, info);
                    break;
                case "ItemData":
                    ReadItem(reader, info, typed: false);
                    return true;
                default:
                    if (reader.LocalName.StartsWith("ItemData", StringComparison.Ordinal))
                    {
                        ReadItem(reader, info, typed: true);
                        return true;
                    }

                    break;
            }

            return false;
        }

        private void End(string name)
        {
            switch (name)
            {
                case "MetaDataVersion":
                    _version = null;
                    break;
                case "ItemGroupDef":
                    _itemRefs = null;
                    break;
                case "ItemDef" when _version is not null && _itemDefOid is not null:
                    _version.Items.TryAdd(_itemDefOid, new ItemDef(_itemDefOid, string.IsNullOrWhiteSpace(_itemDefName) ? null : _itemDefName.Trim(), _itemDefCodeList));
                    _itemDefOid = null;
                    break;
                case "CodeList":
                    _codeList = null;
                    break;
                case "CodeListItem" or "EnumeratedItem" when _codeList is not null && _codedValue is not null:
                    _codeList.TryAdd(_codedValue, _decode?.Text ?? string.Empty);
                    _codedValue = null;
                    break;
                case "Decode":
                    _inDecode = false;
                    break;
                case "StudyEventData":
                    _event = _eventRepeat = _form = _formRepeat = string.Empty;
                    break;
                case "FormData":
                    _form = _formRepeat = string.Empty;
                    break;
                case "ItemGroupData" when _group is not null:
                    _group.EndRecord();
                    _group = null;
                    break;
                case "ClinicalData":
                    _metaData = null;
                    break;
            }
        }

        private void StartGroup(XmlReader reader, IXmlLineInfo info)
        {
            var oid = reader.GetAttribute("ItemGroupOID")?.Trim();
            if (string.IsNullOrEmpty(oid))
            {
                throw new MappingException(path, info.LineNumber, null, null, null, MappingMessages.ItemGroupDataWithoutOid);
            }

            var metaData = _metaData ?? new ResolvedMetaData([]);
            if (!_groups.TryGetValue(oid, out var group))
            {
                group = new GroupBuilder(oid, metaData);
                _groups[oid] = group;
                _order.Add(group);
                foreach (var itemOid in metaData.ItemGroup(oid) ?? [])
                {
                    group.Column(itemOid, metaData.Item(itemOid));
                }
            }

            group.Lines.Add(info.LineNumber);
            group.Keys[0].Add(_subject);
            group.Keys[1].Add(_site);
            group.Keys[2].Add(_event);
            group.Keys[3].Add(_eventRepeat);
            group.Keys[4].Add(_form);
            group.Keys[5].Add(_formRepeat);
            group.Keys[6].Add(Pool(oid));
            group.Keys[7].Add(Value(reader.GetAttribute("ItemGroupRepeatKey")));
            if (reader.IsEmptyElement)
            {
                group.EndRecord();
            }
            else
            {
                _group = group;
            }
        }

        private void ReadItem(XmlReader reader, IXmlLineInfo info, bool typed)
        {
            var line = info.LineNumber;
            var itemOid = reader.GetAttribute("ItemOID")?.Trim();
            if (_group is null)
            {
                throw new MappingException(path, line, null, null, null, MappingMessages.ItemDataOutsideGroup(reader.LocalName));
            }

            if (string.IsNullOrEmpty(itemOid))
            {
                throw new MappingException(path, line, null, null, null, MappingMessages.ItemDataWithoutOid(reader.LocalName));
            }

            var isNull = reader.GetAttribute("IsNull") is { } n && n.Trim().Equals("Yes", StringComparison.OrdinalIgnoreCase);
            var value = typed ? Text(reader) : Attribute(reader, "Value");
            if (isNull)
            {
                value = string.Empty;
            }

            ItemDef? def = null;
            var metaData = _metaData ?? new ResolvedMetaData([]);
            if (!metaData.IsEmpty)
            {
                def = metaData.Item(itemOid) ?? throw new MappingException(path, line, null, null, null,
                    MappingMessages.ItemWithoutItemDef(itemOid));
            }

            var index = _group.Column(itemOid, def);
            var column = _group.Items[index];
            if (column.Count == _group.Count)
            {
                throw new MappingException(path, line, itemOid, null, null,
                    MappingMessages.ItemGivenTwice(itemOid, _group.Oid));
            }

            column.Add(value);
        }

        /// <summary>The value attribute of an untyped ItemData; the element's content (audit logs, units) is skipped.</summary>
        private string Attribute(XmlReader reader, string name)
        {
            var value = Value(reader.GetAttribute(name));
            reader.Skip();
            return value;
        }

        /// <summary>The text of a typed ItemData (ItemDataString, ItemDataBase64Binary, ...), child elements skipped.</summary>
        private string Text(XmlReader reader)
        {
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return string.Empty;
            }

            var depth = reader.Depth;
            var text = new System.Text.StringBuilder();
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    text.Append(reader.Value);
                }

                if (!reader.Read())
                {
                    break;
                }
            }

            reader.Read(); // past the end tag
            return Value(text.ToString());
        }

        /// <summary>A raw value as the form holds it: trimmed, "" when missing, one copy of each short repeated text.</summary>
        private string Value(string? raw)
        {
            if (raw is null)
            {
                return string.Empty;
            }

            var value = raw.Trim();
            if (value.Length == 0 || (settings.Missing.Count > 0 && settings.Missing.Contains(value, StringComparer.Ordinal)))
            {
                return string.Empty;
            }

            return Pool(value);
        }

        private string Pool(string value)
        {
            if (value.Length > 64)
            {
                return value;
            }

            if (_pool.TryGetValue(value, out var pooled))
            {
                return pooled;
            }

            _pool[value] = value;
            return value;
        }

        private ResolvedMetaData Resolve((string Study, string Version) key)
        {
            var chain = new List<MetaDataVersion>();
            var seen = new HashSet<(string, string)>();
            var pending = new Queue<(string, string)>();
            pending.Enqueue(key);
            while (pending.Count > 0)
            {
                var next = pending.Dequeue();
                if (!seen.Add(next) || !_versions.TryGetValue(next, out var version))
                {
                    continue;
                }

                chain.Add(version);
                foreach (var include in version.Includes)
                {
                    pending.Enqueue(include);
                }
            }

            return new ResolvedMetaData(chain);
        }

        public IReadOnlyList<RawForm> Forms()
        {
            var forms = new List<RawForm>(_order.Count);
            foreach (var group in _order)
            {
                forms.Add(Build(group));
            }

            return forms;
        }

        private RawForm Build(GroupBuilder group)
        {
            var count = group.Count;
            var headers = new List<string>(KeyColumns);
            var values = new List<string[]>(group.Keys.Select(k => k.ToArray()));

            // Names: the ItemDef's Name unless absent or shared with another column, then the ItemOID.
            var names = new string[group.ItemOids.Count];
            var nameCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                var name = group.Defs[i]?.Name ?? group.ItemOids[i];
                names[i] = name;
                nameCounts[name] = nameCounts.GetValueOrDefault(name) + 1;
            }

            for (var i = 0; i < names.Length; i++)
            {
                if (nameCounts[names[i]] > 1 || KeyColumns.Contains(names[i], StringComparer.Ordinal))
                {
                    names[i] = group.ItemOids[i];
                }
            }

            var used = new HashSet<string>(KeyColumns, StringComparer.Ordinal);
            var line = group.Lines.Count > 0 ? group.Lines[0] : 0;
            for (var i = 0; i < names.Length; i++)
            {
                var column = group.Items[i].ToArray();
                Add(names[i], column);
                var def = group.Defs[i];
                if (def?.CodeListOid is { } codeListOid)
                {
                    var codes = group.MetaData.CodeList(codeListOid);
                    var decodes = new string[count];
                    for (var r = 0; r < count; r++)
                    {
                        decodes[r] = codes is not null && column[r].Length > 0 && codes.TryGetValue(column[r], out var decode) ? Pool(decode) : string.Empty;
                    }

                    Add(names[i] + DecodeSuffix, decodes);
                }
            }

            // The ItemOID of each item named otherwise, as a second name for the same values.
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i] != group.ItemOids[i] && used.Add(group.ItemOids[i]))
                {
                    headers.Add(group.ItemOids[i]);
                    values.Add(values[headers.IndexOf(names[i])]);
                }
            }

            return new RawForm(group.Oid, path, headers, values.ToArray(), group.Lines.ToArray(), count)
            {
                DecimalMark = settings.DecimalMark,
            };

            void Add(string header, string[] column)
            {
                if (!used.Add(header))
                {
                    throw new MappingException(path, line, header, null, null,
                        MappingMessages.DuplicateItemGroupColumn(group.Oid, header));
                }

                headers.Add(header);
                values.Add(column);
            }
        }
    }
}
