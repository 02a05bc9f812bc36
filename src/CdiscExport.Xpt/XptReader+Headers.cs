using System.Buffers.Binary;

namespace CdiscExport.Xpt;

/// <content>Parsing of the library and member headers, NAMESTRs and V8 label blocks; undoes XptWriter+Headers.</content>
public sealed partial class XptReader
{
    private string? _member;
    private int[] _positions = [];

    private void ReadHeaders()
    {
        var record = NextRecord();
        if (XptLayout.IsHeader(record, XptLayout.LibraryName(5)))
        {
            Version = 5;
        }
        else if (XptLayout.IsHeader(record, XptLayout.LibraryName(8)))
        {
            Version = 8;
        }
        else
        {
            throw Fail(XptMessages.NotXpt, 0);
        }

        var version = Version;
        var offset = _records.Offset;
        record = NextRecord();
        if (!record.StartsWith("SAS"u8))
        {
            throw Fail(XptMessages.BadFirstHeader, offset);
        }

        SasVersion = XptLayout.ReadPadded(record.Slice(24, 8));
        OperatingSystem = XptLayout.ReadPadded(record.Slice(32, 8));
        Created = ParseDateTime(record[64..], offset + 64);

        offset = _records.Offset;
        Modified = ParseDateTime(NextRecord(), offset);

        offset = _records.Offset;
        record = ExpectHeader(XptLayout.MemberName(version));
        if (!XptLayout.TryDigits(record.Slice(XptLayout.MemberNamestrLengthOffset, 4), out var namestrLength) ||
            namestrLength is not (XptLayout.NamestrLength or XptLayout.VmsNamestrLength))
        {
            throw Fail(XptMessages.BadNamestrLength, offset + XptLayout.MemberNamestrLengthOffset);
        }

        ExpectHeader(XptLayout.DescriptorName(version));

        record = NextRecord();
        var nameLength = version == 8 ? XptLayout.V8NameLength : XptLayout.V5NameLength;
        var name = XptLayout.ReadPadded(record.Slice(8, nameLength));
        _member = name;

        record = NextRecord();
        var label = XptLayout.ReadPadded(record.Slice(XptLayout.DatasetLabelOffset, XptLayout.ShortLabelLength));
        var type = XptLayout.ReadPadded(record.Slice(XptLayout.DatasetTypeOffset, XptLayout.DatasetTypeLength));
        Dataset = new XptDataset(name, label, []) { Type = type };

        offset = _records.Offset;
        record = ExpectHeader(XptLayout.NamestrName(version));
        if (!XptLayout.TryDigits(record.Slice(XptLayout.NamestrCountOffset, XptLayout.NamestrCountDigits), out var count))
        {
            throw Fail(XptMessages.BadVariableCount, offset + XptLayout.NamestrCountOffset);
        }

        var variables = ReadNamestrs(count, namestrLength, version);

        offset = _records.Offset;
        record = NextRecord();
        if (version == 8 && (XptLayout.IsHeader(record, XptLayout.LabelV8Name) || XptLayout.IsHeader(record, XptLayout.LabelV9Name)))
        {
            ReadLabelBlock(record, variables, offset);
            offset = _records.Offset;
            record = NextRecord();
        }

        if (!XptLayout.IsHeader(record, XptLayout.ObsName(version)))
        {
            throw Fail(XptMessages.ExpectedHeader(XptLayout.ObsName(version)), offset);
        }

        _variables = variables;
        _offsets = new int[variables.Length];
        Dataset = Dataset with { Variables = Array.AsReadOnly(variables) };
        for (var i = 0; i < variables.Length; i++)
        {
            _offsets[i] = _positions[i];
        }

        _row = new byte[_rowLength];
        _cachedBytes = new byte[_rowLength];
        _cachedStrings = new string?[variables.Length];
    }

    private XptVariable[] ReadNamestrs(int count, int namestrLength, int version)
    {
        // Lists, not arrays of `count`: a corrupt count must hit end of input, not allocate gigabytes first.
        var variables = new List<XptVariable>();
        var positions = new List<int>();
        var start = _records.Offset;
        long rowLength = 0;
        for (var i = 0; i < count; i++)
        {
            var offset = _records.Offset;
            if (!_records.TryRead(namestrLength, out var namestr))
            {
                throw Fail(XptMessages.Truncated, _records.Offset);
            }

            var shortName = XptLayout.ReadPadded(namestr.Slice(XptLayout.NsName, 8));
            var name = shortName;
            if (version == 8 && namestrLength == XptLayout.NamestrLength)
            {
                var longName = XptLayout.ReadPadded(namestr.Slice(XptLayout.NsLongName, XptLayout.V8NameLength));
                if (longName.Length > 0)
                {
                    name = longName;
                }
            }

            var typeCode = XptLayout.ReadInt16(namestr, XptLayout.NsType);
            var length = XptLayout.ReadInt16(namestr, XptLayout.NsLength);
            var position = BinaryPrimitives.ReadInt32BigEndian(namestr[XptLayout.NsPosition..]);
            if (typeCode is not (1 or 2))
            {
                throw Fail(XptMessages.BadVariableType, offset + XptLayout.NsType, name);
            }

            var type = (XptVariableType)typeCode;
            if (type == XptVariableType.Numeric ? length is < 2 or > 8 : length < 1)
            {
                throw Fail(XptMessages.BadVariableLength, offset + XptLayout.NsLength, name);
            }

            if (position < 0)
            {
                throw Fail(XptMessages.BadVariablePosition, offset + XptLayout.NsPosition, name);
            }

            variables.Add(new XptVariable(name, XptLayout.ReadPadded(namestr.Slice(XptLayout.NsLabel, XptLayout.ShortLabelLength)), type, length)
            {
                Format = XptLayout.ReadPadded(namestr.Slice(XptLayout.NsFormat, 8)),
                FormatLength = XptLayout.ReadInt16(namestr, XptLayout.NsFormatLength),
                FormatDecimals = XptLayout.ReadInt16(namestr, XptLayout.NsFormatDecimals),
                Justification = (XptJustification)XptLayout.ReadInt16(namestr, XptLayout.NsJustification),
                Informat = XptLayout.ReadPadded(namestr.Slice(XptLayout.NsInformat, 8)),
                InformatLength = XptLayout.ReadInt16(namestr, XptLayout.NsInformatLength),
                InformatDecimals = XptLayout.ReadInt16(namestr, XptLayout.NsInformatDecimals),
            });
            positions.Add(position);
            rowLength += length;
        }

        for (var i = 0; i < count; i++)
        {
            if ((long)positions[i] + variables[i].Length > rowLength)
            {
                throw Fail(XptMessages.BadVariablePosition, start + ((long)i * namestrLength) + XptLayout.NsPosition, variables[i].Name);
            }
        }

        if (rowLength > int.MaxValue)
        {
            throw Fail(XptMessages.BadVariableLength, start);
        }

        _rowLength = (int)rowLength;
        SkipPadding(start);
        _positions = [.. positions];
        return [.. variables];
    }

    private void ReadLabelBlock(ReadOnlySpan<byte> header, XptVariable[] variables, long headerOffset)
    {
        var v9 = XptLayout.IsHeader(header, XptLayout.LabelV9Name);
        if (!XptLayout.TryDigits(header.Slice(XptLayout.HeaderPayloadOffset, XptLayout.HeaderPayloadLength), out var entries))
        {
            throw Fail(XptMessages.BadLabelBlock, headerOffset + XptLayout.HeaderPayloadOffset);
        }

        var start = _records.Offset;
        var fieldCount = v9 ? 5 : 3;
        Span<int> lengths = stackalloc int[5];
        for (var e = 0; e < entries; e++)
        {
            var offset = _records.Offset;
            if (!_records.TryRead(fieldCount * 2, out var fields))
            {
                throw Fail(XptMessages.Truncated, _records.Offset);
            }

            var number = XptLayout.ReadInt16(fields, 0);
            for (var f = 1; f < fieldCount; f++)
            {
                lengths[f] = XptLayout.ReadInt16(fields, f * 2);
                if (lengths[f] < 0)
                {
                    throw Fail(XptMessages.BadLabelBlock, offset + (f * 2));
                }
            }

            if (number < 1 || number > variables.Length)
            {
                throw Fail(XptMessages.BadLabelBlock, offset);
            }

            var texts = new string[fieldCount];
            for (var f = 1; f < fieldCount; f++)
            {
                if (!_records.TryRead(lengths[f], out var text))
                {
                    throw Fail(XptMessages.Truncated, _records.Offset);
                }

                texts[f] = System.Text.Encoding.Latin1.GetString(text);
            }

            var variable = variables[number - 1] with
            {
                Name = texts[1].Length > 0 ? texts[1] : variables[number - 1].Name,
                Label = texts[2].TrimEnd(' '), // as for the blank-padded 40-byte field: trailing blanks carry no meaning
            };
            if (v9)
            {
                if (texts[3].Length > 0)
                {
                    var (format, width, decimals) = ParseFormat(texts[3], offset, variable.Name);
                    variable = variable with { Format = format, FormatLength = width, FormatDecimals = decimals };
                }

                if (texts[4].Length > 0)
                {
                    var (informat, width, decimals) = ParseFormat(texts[4], offset, variable.Name);
                    variable = variable with { Informat = informat, InformatLength = width, InformatDecimals = decimals };
                }
            }

            variables[number - 1] = variable;
        }

        SkipPadding(start);
    }

    private (string Name, int Width, int Decimals) ParseFormat(string text, long offset, string variable)
    {
        try
        {
            return XptLayout.ParseFormatText(text);
        }
        catch (FormatException ex)
        {
            throw new XptFormatException(XptMessages.BadLabelBlock, _filePath, offset, _member, variable, ex);
        }
        catch (OverflowException ex)
        {
            throw new XptFormatException(XptMessages.BadLabelBlock, _filePath, offset, _member, variable, ex);
        }
    }

    // Blocks are blank-padded to the next 80-byte boundary, counted from the block's start.
    private void SkipPadding(long blockStart)
    {
        var used = (int)((_records.Offset - blockStart) % XptLayout.RecordLength);
        if (used == 0)
        {
            return;
        }

        if (!_records.TryRead(XptLayout.RecordLength - used, out _))
        {
            throw Fail(XptMessages.Truncated, _records.Offset);
        }
    }

    private ReadOnlySpan<byte> NextRecord()
    {
        if (!_records.TryRead(XptLayout.RecordLength, out var record))
        {
            throw Fail(_records.Offset == 0 ? XptMessages.NotXpt : XptMessages.Truncated, _records.Offset);
        }

        return record;
    }

    private ReadOnlySpan<byte> ExpectHeader(string name)
    {
        var offset = _records.Offset;
        var record = NextRecord();
        if (!XptLayout.IsHeader(record, name))
        {
            throw Fail(XptMessages.ExpectedHeader(name), offset);
        }

        return record;
    }

    private DateTime ParseDateTime(ReadOnlySpan<byte> field, long offset) =>
        XptLayout.TryParseDateTime(field, out var value) ? value : throw Fail(XptMessages.BadDateTime, offset);
}
