using System.Globalization;

namespace CdiscExport.Xpt;

/// <content>Validation of the dataset and options, and the library and member headers (XPT-NOTES.md §2–§5).</content>
public sealed partial class XptWriter
{
    private static void ValidateOptions(XptWriterOptions options)
    {
        if (options.Version is not (5 or 8))
        {
            throw new ArgumentException(XptMessages.BadOption(nameof(options.Version), "must be 5 or 8."), nameof(options));
        }

        foreach (var (name, value) in new[] { (nameof(options.Created), options.Created), (nameof(options.Modified), options.Modified ?? options.Created) })
        {
            if (value.Year is < 1960 or > 2059)
            {
                throw new ArgumentException(XptMessages.BadOption(name, "must lie in 1960-2059: XPT headers store a two-digit year."), nameof(options));
            }
        }

        foreach (var (name, value) in new[] { (nameof(options.SasVersion), options.SasVersion), (nameof(options.OperatingSystem), options.OperatingSystem) })
        {
            if (value is null || value.Length > XptLayout.SystemFieldLength || !AsciiTransliteration.IsAscii(value))
            {
                throw new ArgumentException(XptMessages.BadOption(name, "must be at most 8 ASCII characters."), nameof(options));
            }
        }
    }

    private static XptDataset ValidateDataset(XptDataset dataset, XptWriterOptions options, List<XptTransliteration> transliterations)
    {
        var version = options.Version;
        var member = dataset.Name;
        if (!SasName.IsValid(member, XptLayout.NameLimit(version)))
        {
            throw new XptLimitException(XptMessages.BadName(null, null, member, XptLayout.NameLimit(version)), member, null, XptLayout.NameLimit(version));
        }

        if (dataset.Variables.Count == 0)
        {
            throw new ArgumentException(XptMessages.NoVariables(member), nameof(dataset));
        }

        var label = CheckText(dataset.Label ?? "", member, null, "dataset label", XptLayout.ShortLabelLength, options, transliterations);
        var type = dataset.Type ?? "";
        if (type.Length > XptLayout.DatasetTypeLength || !AsciiTransliteration.IsAscii(type))
        {
            throw new XptLimitException(XptMessages.TooLong(member, null, "dataset type", type.Length, XptLayout.DatasetTypeLength, version), member, null, XptLayout.DatasetTypeLength);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var variables = new XptVariable[dataset.Variables.Count];
        for (var i = 0; i < variables.Length; i++)
        {
            var variable = dataset.Variables[i] ?? throw new ArgumentException(XptMessages.NoVariables(member), nameof(dataset));
            var name = variable.Name ?? "";
            var nameLimit = XptLayout.NameLimit(version);
            if (!SasName.IsValid(name, nameLimit))
            {
                throw new XptLimitException(XptMessages.BadName(member, name, name, nameLimit), member, name, nameLimit);
            }

            if (!names.Add(name))
            {
                throw new XptLimitException(XptMessages.DuplicateName(member, name), member, name, null);
            }

            var lengthOk = variable.Type switch
            {
                XptVariableType.Numeric => variable.Length is >= 3 and <= 8,
                XptVariableType.Character => variable.Length >= 1 && variable.Length <= XptLayout.CharacterLimit(version),
                _ => false,
            };
            if (!lengthOk)
            {
                var limit = variable.Type == XptVariableType.Numeric ? 8 : XptLayout.CharacterLimit(version);
                throw new XptLimitException(XptMessages.BadLength(member, name, variable.Type, variable.Length, version), member, name, limit);
            }

            CheckFormat(variable.Format, variable.FormatLength, variable.FormatDecimals, member, name, "format", version);
            CheckFormat(variable.Informat, variable.InformatLength, variable.InformatDecimals, member, name, "informat", version);
            var variableLabel = CheckText(variable.Label ?? "", member, name, "label", XptLayout.LabelLimit(version), options, transliterations);
            variables[i] = variableLabel == variable.Label ? variable : variable with { Label = variableLabel };
        }

        return dataset with { Label = label, Type = type, Variables = variables };
    }

    private static void CheckFormat(string? format, int width, int decimals, string member, string variable, string what, int version)
    {
        format ??= "";
        var limit = XptLayout.FormatNameLimit(version);
        if (format.Length > 0 && !SasName.IsValid(format.TrimStart('$'), limit))
        {
            throw new XptLimitException(XptMessages.BadName(member, variable, format, limit), member, variable, limit);
        }

        if (format.Length > limit)
        {
            throw new XptLimitException(XptMessages.TooLong(member, variable, what + " name", format.Length, limit, version), member, variable, limit);
        }

        if (width is < 0 or > short.MaxValue || decimals is < 0 or > short.MaxValue)
        {
            throw new XptLimitException(XptMessages.TooLong(member, variable, what + " width", width, short.MaxValue, version), member, variable, short.MaxValue);
        }
    }

    private static string CheckText(string text, string member, string? variable, string what, int limit, XptWriterOptions options, List<XptTransliteration> transliterations)
    {
        if (!AsciiTransliteration.IsAscii(text))
        {
            if (!options.TransliterateNonAscii)
            {
                throw new XptLimitException(XptMessages.NonAscii(member, variable, null, "the " + what), member, variable, null);
            }

            var ascii = AsciiTransliteration.Transliterate(text);
            transliterations.Add(new XptTransliteration(variable, null, text, ascii));
            text = ascii;
        }

        if (text.Length > limit)
        {
            throw new XptLimitException(XptMessages.TooLong(member, variable, what, text.Length, limit, options.Version), member, variable, limit);
        }

        return text;
    }

    private void WriteHeaders()
    {
        var version = _options.Version;
        var variables = _dataset.Variables;
        var created = XptLayout.FormatDateTime(_options.Created);
        var modified = XptLayout.FormatDateTime(_options.Modified ?? _options.Created);
        Span<byte> record = stackalloc byte[XptLayout.RecordLength];

        XptLayout.WriteHeader(record, XptLayout.LibraryName(version), XptLayout.ZeroPayload);
        Append(record);

        record.Fill(XptLayout.Blank);
        XptLayout.WriteText(record, XptLayout.LibraryText);
        WriteSystemFields(record[24..]);
        XptLayout.WriteText(record[64..], created);
        Append(record);

        record.Fill(XptLayout.Blank);
        XptLayout.WriteText(record, modified);
        Append(record);

        XptLayout.WriteHeader(record, XptLayout.MemberName(version), XptLayout.MemberPayloadPrefix + XptLayout.NamestrLength.ToString("D4", CultureInfo.InvariantCulture));
        Append(record);
        XptLayout.WriteHeader(record, XptLayout.DescriptorName(version), XptLayout.ZeroPayload);
        Append(record);

        record.Fill(XptLayout.Blank);
        XptLayout.WriteText(record, XptLayout.MemberFirstText);
        var nameLength = version == 8 ? XptLayout.V8NameLength : XptLayout.V5NameLength;
        XptLayout.WritePadded(record.Slice(8, nameLength), _dataset.Name);
        var rest = record[(8 + nameLength)..];
        XptLayout.WriteText(rest, XptLayout.MemberDataText);
        WriteSystemFields(rest[8..]);
        XptLayout.WriteText(record[64..], created); // V5 leaves 24 blanks before it; in V8 the long name fills them
        Append(record);

        record.Fill(XptLayout.Blank);
        XptLayout.WriteText(record, modified);
        XptLayout.WritePadded(record.Slice(XptLayout.DatasetLabelOffset, XptLayout.ShortLabelLength), _dataset.Label);
        XptLayout.WritePadded(record.Slice(XptLayout.DatasetTypeOffset, XptLayout.DatasetTypeLength), _dataset.Type);
        Append(record);

        var count = variables.Count.ToString("D" + XptLayout.NamestrCountDigits, CultureInfo.InvariantCulture);
        XptLayout.WriteHeader(record, XptLayout.NamestrName(version), count + XptLayout.ZeroPayload[..(XptLayout.HeaderPayloadLength - count.Length)]);
        Append(record);

        Span<byte> namestr = stackalloc byte[XptLayout.NamestrLength];
        for (var i = 0; i < variables.Count; i++)
        {
            WriteNamestr(namestr, variables[i], i, version);
            Append(namestr);
        }

        PadToRecord();
        if (version == 8)
        {
            WriteLabelBlock();
        }

        XptLayout.WriteHeader(record, XptLayout.ObsName(version), XptLayout.ZeroPayload);
        Append(record);
    }

    private void WriteSystemFields(Span<byte> destination)
    {
        XptLayout.WritePadded(destination[..8], _options.SasVersion);
        XptLayout.WritePadded(destination.Slice(8, 8), _options.OperatingSystem);
    }

    private void WriteNamestr(Span<byte> namestr, XptVariable variable, int index, int version)
    {
        namestr.Clear(); // unused fields and the V5 tail are zero bytes, as SAS writes them
        XptLayout.WriteInt16(namestr, XptLayout.NsType, (int)variable.Type);
        XptLayout.WriteInt16(namestr, XptLayout.NsLength, variable.Length);
        XptLayout.WriteInt16(namestr, XptLayout.NsNumber, index + 1);
        XptLayout.WritePadded(namestr.Slice(XptLayout.NsName, 8), variable.Name);
        XptLayout.WritePadded(namestr.Slice(XptLayout.NsLabel, XptLayout.ShortLabelLength), variable.Label);
        XptLayout.WritePadded(namestr.Slice(XptLayout.NsFormat, 8), variable.Format);
        XptLayout.WriteInt16(namestr, XptLayout.NsFormatLength, variable.FormatLength);
        XptLayout.WriteInt16(namestr, XptLayout.NsFormatDecimals, variable.FormatDecimals);
        XptLayout.WriteInt16(namestr, XptLayout.NsJustification, (int)variable.Justification);
        XptLayout.WritePadded(namestr.Slice(XptLayout.NsInformat, 8), variable.Informat);
        XptLayout.WriteInt16(namestr, XptLayout.NsInformatLength, variable.InformatLength);
        XptLayout.WriteInt16(namestr, XptLayout.NsInformatDecimals, variable.InformatDecimals);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(namestr[XptLayout.NsPosition..], _offsets[index]);
        if (version == 8)
        {
            XptLayout.WritePadded(namestr.Slice(XptLayout.NsLongName, XptLayout.V8NameLength), variable.Name);
            XptLayout.WriteInt16(namestr, XptLayout.NsLabelLength, variable.Label.Length);
            XptLayout.WriteInt16(namestr, XptLayout.NsFormatNameLength, variable.Format.Length);
            XptLayout.WriteInt16(namestr, XptLayout.NsInformatNameLength, variable.Informat.Length);
        }
    }

    // V8 keeps labels over 40 characters in a LABELV8 block, and format names over 8 in a LABELV9 block
    // (which then carries the long labels too). Only variables that need an entry get one.
    private void WriteLabelBlock()
    {
        var variables = _dataset.Variables;
        var longFormats = false;
        var entries = 0;
        foreach (var variable in variables)
        {
            var longFormat = variable.Format.Length > XptLayout.ShortFormatLength || variable.Informat.Length > XptLayout.ShortFormatLength;
            longFormats |= longFormat;
            if (longFormat || variable.Label.Length > XptLayout.ShortLabelLength)
            {
                entries++;
            }
        }

        if (entries == 0)
        {
            return;
        }

        Span<byte> record = stackalloc byte[XptLayout.RecordLength];
        XptLayout.WriteHeader(record, longFormats ? XptLayout.LabelV9Name : XptLayout.LabelV8Name, entries.ToString(CultureInfo.InvariantCulture).PadRight(XptLayout.HeaderPayloadLength));
        Append(record);

        Span<byte> shorts = stackalloc byte[10];
        for (var i = 0; i < variables.Count; i++)
        {
            var variable = variables[i];
            var longFormat = variable.Format.Length > XptLayout.ShortFormatLength || variable.Informat.Length > XptLayout.ShortFormatLength;
            if (!longFormat && variable.Label.Length <= XptLayout.ShortLabelLength)
            {
                continue;
            }

            var format = longFormats ? XptLayout.FormatText(variable.Format, variable.FormatLength, variable.FormatDecimals) : "";
            var informat = longFormats ? XptLayout.FormatText(variable.Informat, variable.InformatLength, variable.InformatDecimals) : "";
            XptLayout.WriteInt16(shorts, 0, i + 1);
            XptLayout.WriteInt16(shorts, 2, variable.Name.Length);
            XptLayout.WriteInt16(shorts, 4, variable.Label.Length);
            XptLayout.WriteInt16(shorts, 6, format.Length);
            XptLayout.WriteInt16(shorts, 8, informat.Length);
            Append(shorts[..(longFormats ? 10 : 6)]);
            AppendText(variable.Name);
            AppendText(variable.Label);
            AppendText(format);
            AppendText(informat);
        }

        PadToRecord();
    }

    // Only validated ASCII reaches here, so one byte per character.
    private void AppendText(string text) => Append(System.Text.Encoding.ASCII.GetBytes(text));

    private void PadToRecord()
    {
        var padding = (int)((XptLayout.RecordLength - ((_bytesWritten + _buffered) % XptLayout.RecordLength)) % XptLayout.RecordLength);
        Span<byte> blanks = stackalloc byte[XptLayout.RecordLength];
        blanks.Fill(XptLayout.Blank);
        Append(blanks[..padding]);
    }
}
