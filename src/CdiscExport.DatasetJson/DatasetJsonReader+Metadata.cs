using System.Text;
using System.Text.Json;

namespace CdiscExport.DatasetJson;

/// <summary>The metadata half of the reader: form detection and the top-level attributes and columns.</summary>
public sealed partial class DatasetJsonReader
{
    private static readonly HashSet<string> TopLevelAttributes = new(StringComparer.Ordinal)
    {
        DatasetJsonNames.CreationDateTime, DatasetJsonNames.DatasetJsonVersion, DatasetJsonNames.FileOid,
        DatasetJsonNames.DbLastModifiedDateTime, DatasetJsonNames.Originator, DatasetJsonNames.SourceSystem,
        DatasetJsonNames.StudyOid, DatasetJsonNames.MetaDataVersionOid, DatasetJsonNames.MetaDataRef,
        DatasetJsonNames.ItemGroupOid, DatasetJsonNames.Records, DatasetJsonNames.Name, DatasetJsonNames.Label,
        DatasetJsonNames.Columns, DatasetJsonNames.Rows,
    };

    private static bool IsKnownAttribute(string name) => TopLevelAttributes.Contains(name);

    private void Start()
    {
        // The first bytes say whether the content is compressed, whatever the extension.
        var head = new byte[2];
        var n = 0;
        while (n < head.Length)
        {
            var read = _input.Read(head, n, head.Length - n);
            if (read == 0)
            {
                break;
            }

            n += read;
        }

        var byName = _filePath is not null && DatasetJsonForms.TryFromPath(_filePath, out var named) ? named : (DatasetJsonForm?)null;
        var compressed = _options.Form == DatasetJsonForm.Dsjc ||
            (_options.Form is null && (DsjcCompression.LooksCompressed(head.AsSpan(0, n)) || byName == DatasetJsonForm.Dsjc));
        if (compressed)
        {
            _text = DsjcCompression.OpenRead(head.AsSpan(0, n), _input, leaveOpen: true);
        }
        else
        {
            head.AsSpan(0, n).CopyTo(_buffer);
            _end = n;
            _eof = n < head.Length;
        }

        if (!_eof)
        {
            Fill();
        }

        SkipByteOrderMark();
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, new JsonReaderState(JsonOptions));
            DatasetJsonMetadata? metadata;
            bool atRows;
            try
            {
                metadata = TryReadMetadata(ref reader, out atRows);
            }
            catch (JsonException e)
            {
                throw new DatasetJsonException(DatasetJsonMessages.Malformed(e.Message), _filePath, null, null, e);
            }
            catch (InvalidOperationException e) when (e.TargetSite?.Module.Assembly == typeof(JsonException).Assembly)
            {
                // System.Text.Json checks a string's UTF-8 and its \u escapes (a lone surrogate) only when it is read as text.
                throw new DatasetJsonException(DatasetJsonMessages.NotUtf8, _filePath, null, null, e);
            }

            if (metadata is null)
            {
                if (_eof)
                {
                    throw new DatasetJsonException(_end == _start ? DatasetJsonMessages.NotAnObject : DatasetJsonMessages.Truncated, _filePath);
                }

                Fill();
                continue;
            }

            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            _inRowsArray = atRows;
            Metadata = metadata;
            Form = compressed ? DatasetJsonForm.Dsjc : atRows || byName == DatasetJsonForm.Json ? DatasetJsonForm.Json : DatasetJsonForm.Ndjson;
            var count = metadata.Columns.Count;
            _types = metadata.Columns.Select(c => c.DataType).ToArray();
            _kinds = new DatasetJsonValueKind[count];
            _valueStarts = new int[count];
            _valueLengths = new int[count];
            _cachedBytes = Enumerable.Range(0, count).Select(_ => Array.Empty<byte>()).ToArray();
            _cachedLengths = new int[count];
            _cachedStrings = new string?[count];
            return;
        }
    }

    private void SkipByteOrderMark()
    {
        if (_start == 0 && _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
        }
    }

    // Null when the buffer does not yet hold the whole metadata (the caller reads more and starts again).
    private DatasetJsonMetadata? TryReadMetadata(ref Utf8JsonReader reader, out bool atRows)
    {
        atRows = false;
        if (!reader.Read())
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new DatasetJsonException(DatasetJsonMessages.NotAnObject, _filePath);
        }

        string? created = null, version = null, fileOid = null, modified = null, originator = null, studyOid = null, mdvOid = null, metaDataRef = null;
        string? itemGroupOid = null, name = null, label = null;
        long? records = null;
        DatasetJsonSourceSystem? sourceSystem = null;
        List<DatasetJsonColumn>? columns = null;
        while (true)
        {
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var attribute = reader.GetString()!;
            if (!reader.Read())
            {
                return null;
            }

            switch (attribute)
            {
                case DatasetJsonNames.Rows:
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw MetadataError(DatasetJsonMessages.WrongJsonType(attribute, "an array of records"));
                    }

                    if (columns is null || records is null)
                    {
                        throw MetadataError(DatasetJsonMessages.RowsBeforeColumns);
                    }

                    atRows = true;
                    goto Done;
                case DatasetJsonNames.Columns:
                    if (!JsonDocument.TryParseValue(ref reader, out var document))
                    {
                        return null;
                    }

                    using (document)
                    {
                        columns = ReadColumns(document.RootElement);
                    }

                    break;
                case DatasetJsonNames.SourceSystem:
                    if (!JsonDocument.TryParseValue(ref reader, out var system))
                    {
                        return null;
                    }

                    using (system)
                    {
                        sourceSystem = ReadSourceSystem(system.RootElement);
                    }

                    break;
                case DatasetJsonNames.Records:
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var count) || count < 0)
                    {
                        throw MetadataError(DatasetJsonMessages.WrongJsonType(attribute, "an integer of at least 0"));
                    }

                    records = count;
                    break;
                default:
                    if (!TopLevelAttributes.Contains(attribute))
                    {
                        throw MetadataError(DatasetJsonMessages.UnknownAttribute(attribute));
                    }

                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw MetadataError(DatasetJsonMessages.WrongJsonType(attribute, "a string"));
                    }

                    var value = reader.GetString();
                    switch (attribute)
                    {
                        case DatasetJsonNames.CreationDateTime: created = value; break;
                        case DatasetJsonNames.DatasetJsonVersion: version = value; break;
                        case DatasetJsonNames.FileOid: fileOid = value; break;
                        case DatasetJsonNames.DbLastModifiedDateTime: modified = value; break;
                        case DatasetJsonNames.Originator: originator = value; break;
                        case DatasetJsonNames.StudyOid: studyOid = value; break;
                        case DatasetJsonNames.MetaDataVersionOid: mdvOid = value; break;
                        case DatasetJsonNames.MetaDataRef: metaDataRef = value; break;
                        case DatasetJsonNames.ItemGroupOid: itemGroupOid = value; break;
                        case DatasetJsonNames.Name: name = value; break;
                        case DatasetJsonNames.Label: label = value; break;
                    }

                    break;
            }
        }

    Done:
        foreach (var (attribute, value) in (ReadOnlySpan<(string, object?)>)[
            (DatasetJsonNames.CreationDateTime, created), (DatasetJsonNames.DatasetJsonVersion, version), (DatasetJsonNames.ItemGroupOid, itemGroupOid),
            (DatasetJsonNames.Records, records), (DatasetJsonNames.Name, name), (DatasetJsonNames.Label, label), (DatasetJsonNames.Columns, columns)])
        {
            if (value is null)
            {
                throw MetadataError(DatasetJsonMessages.MissingAttribute(attribute));
            }
        }

        var metadata = new DatasetJsonMetadata(created!, itemGroupOid!, records!.Value, name!, label!, columns!)
        {
            Version = version!,
            FileOid = fileOid,
            DbLastModifiedDateTime = modified,
            Originator = originator,
            SourceSystem = sourceSystem,
            StudyOid = studyOid,
            MetaDataVersionOid = mdvOid,
            MetaDataRef = metaDataRef,
        };
        if (metadata.Validate() is { } problem)
        {
            throw MetadataError(problem);
        }

        return metadata;
    }

    private DatasetJsonException MetadataError(string problem, string? column = null) => new(problem, _filePath, null, column);

    private DatasetJsonSourceSystem ReadSourceSystem(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw MetadataError(DatasetJsonMessages.WrongJsonType(DatasetJsonNames.SourceSystem, "an object with name and version"));
        }

        string? name = null, version = null;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case DatasetJsonNames.SourceSystemName:
                    name = StringOf(property, DatasetJsonNames.SourceSystem);
                    break;
                case DatasetJsonNames.SourceSystemVersion:
                    version = StringOf(property, DatasetJsonNames.SourceSystem);
                    break;
                default:
                    throw MetadataError(DatasetJsonMessages.UnknownAttribute("sourceSystem." + property.Name));
            }
        }

        return name is null || version is null
            ? throw MetadataError(DatasetJsonMessages.MissingAttribute("sourceSystem.name and sourceSystem.version"))
            : new DatasetJsonSourceSystem(name, version);
    }

    private List<DatasetJsonColumn> ReadColumns(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw MetadataError(DatasetJsonMessages.WrongJsonType(DatasetJsonNames.Columns, "an array of column objects"));
        }

        var columns = new List<DatasetJsonColumn>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw MetadataError(DatasetJsonMessages.WrongJsonType(DatasetJsonNames.Columns, "an array of column objects"));
            }

            string? itemOid = null, name = null, label = null, displayFormat = null;
            DatasetJsonDataType? dataType = null;
            DatasetJsonTargetDataType? target = null;
            int? length = null, keySequence = null;
            var where = item.TryGetProperty(DatasetJsonNames.Name, out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            foreach (var property in item.EnumerateObject())
            {
                switch (property.Name)
                {
                    case DatasetJsonNames.ItemOid: itemOid = StringOf(property, where); break;
                    case DatasetJsonNames.Name: name = StringOf(property, where); break;
                    case DatasetJsonNames.Label: label = StringOf(property, where); break;
                    case DatasetJsonNames.DisplayFormat: displayFormat = StringOf(property, where); break;
                    case DatasetJsonNames.DataType:
                        var typeText = StringOf(property, where);
                        dataType = DatasetJsonNames.TryParseDataType(typeText, out var type) ? type
                            : throw MetadataError(DatasetJsonMessages.UnknownDataType(typeText), where);
                        break;
                    case DatasetJsonNames.TargetDataType:
                        var targetText = StringOf(property, where);
                        target = DatasetJsonNames.TryParseTargetDataType(targetText, out var t) ? t
                            : throw MetadataError(DatasetJsonMessages.UnknownTargetDataType(targetText), where);
                        break;
                    case DatasetJsonNames.Length: length = IntegerOf(property, where); break;
                    case DatasetJsonNames.KeySequence: keySequence = IntegerOf(property, where); break;
                    default:
                        throw MetadataError(DatasetJsonMessages.UnknownAttribute(property.Name), where);
                }
            }

            if (itemOid is null || name is null || label is null || dataType is null)
            {
                throw MetadataError(DatasetJsonMessages.MissingAttribute(
                    itemOid is null ? DatasetJsonNames.ItemOid : name is null ? DatasetJsonNames.Name : label is null ? DatasetJsonNames.Label : DatasetJsonNames.DataType), where);
            }

            columns.Add(new DatasetJsonColumn(itemOid, name, label, dataType.Value)
            {
                TargetDataType = target,
                Length = length,
                DisplayFormat = displayFormat,
                KeySequence = keySequence,
            });
        }

        return columns;
    }

    private string StringOf(JsonProperty property, string? column) =>
        property.Value.ValueKind == JsonValueKind.String
            ? property.Value.GetString()!
            : throw MetadataError(DatasetJsonMessages.WrongJsonType(property.Name, "a string"), column);

    private int IntegerOf(JsonProperty property, string? column) =>
        property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var value)
            ? value
            : throw MetadataError(DatasetJsonMessages.WrongJsonType(property.Name, "an integer"), column);
}
