using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Tests;

/// <summary>One small table; a column is numeric when its first non-null value is a number.</summary>
public sealed class Table(string name, string label, string[] columns, List<object?[]> rows)
{
    public string Name { get; set; } = name;
    public string Label { get; set; } = label;
    public List<string> Columns { get; } = [.. columns];
    public List<object?[]> Rows { get; } = rows;
    public string? FileName { get; set; }
    public int Version { get; set; } = 5;
    public Dictionary<string, int> Lengths { get; } = [];
    public HashSet<string> ForceChar { get; } = [];

    public int Col(string c) => Columns.IndexOf(c) is var i and >= 0 ? i : throw new ArgumentException($"{Name} has no {c}");

    public Table Set(int row, string column, object? value)
    {
        Rows[row][Col(column)] = value;
        return this;
    }

    public object? Get(int row, string column) => Rows[row][Col(column)];

    public Table Drop(string column)
    {
        var i = Col(column);
        Columns.RemoveAt(i);
        for (var r = 0; r < Rows.Count; r++)
        {
            var l = Rows[r].ToList();
            l.RemoveAt(i);
            Rows[r] = [.. l];
        }

        return this;
    }

    public Table AddColumn(string column, object? value)
    {
        Columns.Add(column);
        for (var r = 0; r < Rows.Count; r++)
        {
            Rows[r] = [.. Rows[r], value];
        }

        return this;
    }

    public Table CopyRow(int row, params (string Column, object? Value)[] changes)
    {
        var copy = (object?[])Rows[row].Clone();
        foreach (var (c, v) in changes)
        {
            copy[Col(c)] = v;
        }

        Rows.Add(copy);
        return this;
    }

    public void Write(string folder)
    {
        var numeric = Columns.Select((c, i) => !ForceChar.Contains(c) && Rows.Select(r => r[i]).FirstOrDefault(v => v is not null) is double or int).ToArray();
        var vars = Columns.Select((c, i) =>
        {
            if (numeric[i])
            {
                var v = XptVariable.Numeric(c, c);
                return c.EndsWith("DT", StringComparison.Ordinal) ? v with { Format = "DATE", FormatLength = 9 } : v;
            }

            var len = Lengths.TryGetValue(c, out var l) ? l : Math.Max(1, Rows.Select(r => r[i]?.ToString()?.Length ?? 0).DefaultIfEmpty(0).Max());
            return XptVariable.Character(c, c, len);
        }).ToList();
        var path = Path.Combine(folder, FileName ?? Name.ToLowerInvariant() + ".xpt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var writer = XptWriter.Create(stream, new XptDataset(Name, Label, vars), Version == 5 ? XptWriterOptions.Default : XptWriterOptions.V8);
        foreach (var row in Rows)
        {
            var values = row.Select((v, i) => numeric[i]
                ? v is null ? XptValue.Missing() : XptValue.Number(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))
                : XptValue.Text(v?.ToString() ?? "")).ToArray();
            writer.WriteRow(values);
        }

        writer.Complete();
    }
}

/// <summary>
/// A small SDTM + ADaM package that passes every rule the tests exercise; each test plants one defect.
/// Subjects S1-001 and S1-002; first dose 2023-01-10 and 2023-02-01.
/// </summary>
public sealed class MiniPackage
{
    public const string Study = "S1";

    public Dictionary<string, Table> Sdtm { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Table> Adam { get; } = new(StringComparer.Ordinal);

    public Table this[string name] => Sdtm.TryGetValue(name, out var t) ? t : Adam[name];

    public static readonly string[] TsRequired =
    [
        "TITLE", "TPHASE", "TTYPE", "STYPE", "SPONSOR", "REGID", "PLANSUB", "ACTSUB", "RANDOM", "TBLIND", "TCNTRL", "TRT", "CURTRT", "OBJPRIM",
        "OUTMSPRI", "ADDON", "AGEMIN", "AGEMAX", "SEXPOP", "LENGTH", "NARMS", "INTMODEL", "INTTYPE", "PCLAS", "FCNTRY", "SENDTC", "DCUTDTC",
        "HLTSUBJI", "SDTIGVER", "SDTMVER", "THERAREA", "SSTDTC",
    ];

    public static MiniPackage Create()
    {
        var p = new MiniPackage();
        p.Sdtm["DM"] = new Table("DM", "Demographics",
            ["STUDYID", "DOMAIN", "USUBJID", "SUBJID", "RFSTDTC", "RFENDTC", "RFXSTDTC", "RFXENDTC", "RFICDTC", "SITEID", "AGE", "AGEU", "SEX", "RACE", "ARMCD", "ARM", "ACTARMCD", "ACTARM", "COUNTRY", "DTHFL", "DTHDTC"],
            [
                [Study, "DM", "S1-001", "001", "2023-01-10", "2023-03-01", "2023-01-10", "2023-01-20", "2023-01-05", "01", 60, "YEARS", "M", "WHITE", "A", "Arm A", "A", "Arm A", "USA", null, null],
                [Study, "DM", "S1-002", "002", "2023-02-01", "2023-04-01", "2023-02-01", "2023-02-11", "2023-01-25", "01", 55, "YEARS", "F", "ASIAN", "A", "Arm A", "A", "Arm A", "USA", null, null],
            ]);
        p.Sdtm["AE"] = new Table("AE", "Adverse Events",
            ["STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AETERM", "AEDECOD", "AESEV", "AESER", "AESHOSP", "AEOUT", "AESTDTC", "AEENDTC", "AESTDY", "AEENDY", "EPOCH"],
            [
                [Study, "AE", "S1-001", 1, "HEADACHE", "Headache", "MILD", "N", "N", "RECOVERED/RESOLVED", "2023-01-12", "2023-01-14", 3, 5, "TREATMENT"],
                [Study, "AE", "S1-002", 1, "NAUSEA", "Nausea", "MODERATE", "N", "N", "RECOVERED/RESOLVED", "2023-02-03", "2023-02-04", 3, 4, "TREATMENT"],
            ]);
        p.Sdtm["SUPPAE"] = new Table("SUPPAE", "Supplemental Qualifiers for AE",
            ["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QVAL", "QORIG"],
            [
                [Study, "AE", "S1-001", "AESEQ", "1", "AETRTEM", "Treatment Emergent Flag", "Y", "Derived"],
                [Study, "AE", "S1-002", "AESEQ", "1", "AETRTEM", "Treatment Emergent Flag", "Y", "Derived"],
            ]);
        p.Sdtm["EX"] = new Table("EX", "Exposure",
            ["STUDYID", "DOMAIN", "USUBJID", "EXSEQ", "EXTRT", "EXDOSE", "EXDOSU", "EXSTDTC", "EXENDTC", "EXSTDY", "EXENDY", "EPOCH"],
            [
                [Study, "EX", "S1-001", 1, "DRUG A", 10, "mg", "2023-01-10", "2023-01-20", 1, 11, "TREATMENT"],
                [Study, "EX", "S1-002", 1, "DRUG A", 10, "mg", "2023-02-01", "2023-02-11", 1, 11, "TREATMENT"],
            ]);
        p.Sdtm["LB"] = new Table("LB", "Laboratory Test Results",
            ["STUDYID", "DOMAIN", "USUBJID", "LBSEQ", "LBTESTCD", "LBTEST", "LBORRES", "LBORRESU", "LBSTRESC", "LBSTRESN", "LBSTRESU", "LBSTNRLO", "LBSTNRHI", "LBSTAT", "LBREASND", "LBLOBXFL", "LBDTC", "LBDY", "EPOCH"],
            [
                [Study, "LB", "S1-001", 1, "GLUC", "Glucose", "90", "mg/dL", "90", 90, "mg/dL", 70, 100, null, null, "Y", "2023-01-09", -1, "SCREENING"],
                [Study, "LB", "S1-001", 2, "GLUC", "Glucose", "95", "mg/dL", "95", 95, "mg/dL", 70, 100, null, null, null, "2023-01-19", 10, "TREATMENT"],
                [Study, "LB", "S1-002", 1, "GLUC", "Glucose", "85", "mg/dL", "85", 85, "mg/dL", 70, 100, null, null, "Y", "2023-01-31", -1, "SCREENING"],
            ]);
        p.Sdtm["RS"] = new Table("RS", "Disease Response and Clin Classification",
            ["STUDYID", "DOMAIN", "USUBJID", "RSSEQ", "RSTESTCD", "RSTEST", "RSORRES", "RSSTRESC", "RSEVAL", "RSDTC", "RSDY", "EPOCH"],
            [
                [Study, "RS", "S1-001", 1, "OVRLRESP", "Overall Response", "PR", "PR", "INVESTIGATOR", "2023-02-10", 32, "TREATMENT"],
                [Study, "RS", "S1-001", 2, "OVRLRESP", "Overall Response", "PR", "PR", "INVESTIGATOR", "2023-03-10", 60, "TREATMENT"],
                [Study, "RS", "S1-002", 1, "OVRLRESP", "Overall Response", "SD", "SD", "INVESTIGATOR", "2023-03-01", 29, "TREATMENT"],
            ]);
        var tsValues = new Dictionary<string, string>
        {
            ["AGEMIN"] = "P18Y", ["AGEMAX"] = "P99Y", ["SSTDTC"] = "2023-01-05", ["SENDTC"] = "2023-06-01", ["DCUTDTC"] = "2023-06-01", ["TPHASE"] = "PHASE I TRIAL",
        };
        p.Sdtm["TS"] = new Table("TS", "Trial Summary", ["STUDYID", "DOMAIN", "TSSEQ", "TSPARMCD", "TSPARM", "TSVAL", "TSVALNF"],
            TsRequired.Select(code => new object?[] { Study, "TS", 1, code, "Parameter " + code, tsValues.GetValueOrDefault(code, "VALUE"), null }).ToList());
        p.Adam["ADSL"] = new Table("ADSL", "Subject-Level Analysis Dataset",
            ["STUDYID", "USUBJID", "SUBJID", "SITEID", "AGE", "AGEU", "SEX", "RACE", "ARM", "TRT01P", "TRT01A", "TRTSDT", "TRTEDT", "SAFFL", "ITTFL"],
            [
                [Study, "S1-001", "001", "01", 60, "YEARS", "M", "WHITE", "Arm A", "Arm A", "Arm A", 23020, 23030, "Y", "Y"],
                [Study, "S1-002", "002", "01", 55, "YEARS", "F", "ASIAN", "Arm A", "Arm A", "Arm A", 23042, 23052, "Y", "Y"],
            ]);
        p.Adam["ADRS"] = new Table("ADRS", "Response Analysis Dataset",
            ["STUDYID", "USUBJID", "PARAMCD", "PARAM", "AVALC", "AVAL", "ADT", "ADY", "TRT01P", "SRCDOM", "SRCSEQ"],
            [
                [Study, "S1-001", "OVRLRESP", "Overall Response", "PR", 3, 23051, 32, "Arm A", "RS", 1],
                [Study, "S1-001", "OVRLRESP", "Overall Response", "PR", 3, 23079, 60, "Arm A", "RS", 2],
                [Study, "S1-002", "OVRLRESP", "Overall Response", "SD", 5, 23070, 29, "Arm A", "RS", 1],
                [Study, "S1-001", "BOR", "Best Overall Response", "PR", 3, 23051, 32, "Arm A", null, null],
                [Study, "S1-002", "BOR", "Best Overall Response", "SD", 5, 23070, 29, "Arm A", null, null],
                [Study, "S1-001", "CBOR", "Confirmed Best Overall Response", "PR", 3, 23051, 32, "Arm A", null, null],
            ]);
        return p;
    }

    /// <summary>Writes an eCTD-style package root and returns its path.</summary>
    public string Write(string root)
    {
        var sdtm = Path.Combine(root, "m5", "datasets", "s1", "tabulations", "sdtm");
        var adam = Path.Combine(root, "m5", "datasets", "s1", "analysis", "adam", "datasets");
        Directory.CreateDirectory(sdtm);
        Directory.CreateDirectory(adam);
        foreach (var t in Sdtm.Values)
        {
            t.Write(sdtm);
        }

        foreach (var t in Adam.Values)
        {
            t.Write(adam);
        }

        return root;
    }
}
