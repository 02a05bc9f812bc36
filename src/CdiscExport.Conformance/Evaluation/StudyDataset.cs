using System.Globalization;
using CdiscExport.Conformance.Engine;
using CdiscExport.Conformance.Language;
using CdiscExport.Xpt;

namespace CdiscExport.Conformance.Evaluation;

/// <summary>A variable as the metadata rule types see it (CORE's <c>variable_*</c> columns).</summary>
/// <param name="Name">Name.</param>
/// <param name="Order">Position in the dataset, 1-based.</param>
/// <param name="Label">Label.</param>
/// <param name="Size">Declared length.</param>
/// <param name="DataType">Char or Num.</param>
/// <param name="Format">SAS format, or "".</param>
internal sealed record VariableInfo(string Name, int Order, string Label, int? Size, string DataType, string Format);

/// <summary>
/// One dataset of the study as CORE's rules see it: its name, its domain (the DOMAIN of its first record), the
/// domain of the parent for SUPP-- datasets (RDOMAIN), whether it is a split dataset, its SDTM class, and its
/// contents as a <see cref="Frame"/>.
/// </summary>
/// <remarks>
/// The names follow CORE's <c>SDTMDatasetMetadata</c>: <c>LBCH</c> holding DOMAIN LB is a split of LB (unsplit
/// name LB); <c>SUPPLBCH</c> with RDOMAIN LB is a split of SUPPLB; the <c>--</c> of a rule stands for the domain
/// (for AP-- datasets, the suffix after AP), and for nothing in datasets without a DOMAIN.
/// </remarks>
internal sealed class StudyDataset
{
    private readonly Lazy<Frame> contents;

    internal StudyDataset(DatasetData data, string name, string fileName, string? definedClass)
    {
        Data = data;
        Name = name;
        FileName = fileName;
        var first = data.RowCount > 0;
        Domain = first && data.Has("DOMAIN") ? NullIfBlank(data.Text(0, "DOMAIN")) : null;
        IsSupp = Name.StartsWith("SUPP", StringComparison.Ordinal) || Name.StartsWith("SQ", StringComparison.Ordinal);
        RDomain = IsSupp && first && data.Has("RDOMAIN") ? NullIfBlank(data.Text(0, "RDOMAIN")) : null;
        UnsplitName = Domain ?? (Name.StartsWith("SUPP", StringComparison.Ordinal) ? "SUPP" + RDomain
            : Name.StartsWith("SQ", StringComparison.Ordinal) ? "SQ" + RDomain : Name);
        // An associated-persons dataset has APID, or a four-letter domain AP-- (APSU: about SU).
        IsAp = IsSupp ? RDomain is { Length: 4 } r && r.StartsWith("AP", StringComparison.Ordinal)
            : data.Has("APID") || (Domain is { Length: 4 } ap && ap.StartsWith("AP", StringComparison.Ordinal));
        ApSuffix = IsAp && !IsSupp && Domain is { Length: >= 4 } d ? d[2..] : "";
        Wildcard = ApSuffix.Length > 0 ? ApSuffix : Domain ?? "";
        Class = definedClass;
        Variables = data.Variables.Select((v, i) => new VariableInfo(v.Name, i + 1, v.Label, v.Length,
            v.Type == XptVariableType.Numeric ? "Num" : "Char", v.Format)).ToList();
        contents = new Lazy<Frame>(BuildContents);
    }

    /// <summary>The loaded dataset.</summary>
    public DatasetData Data { get; }

    /// <summary>The dataset's name (XPT member name, upper case).</summary>
    public string Name { get; }

    /// <summary>The file name, e.g. <c>ae.xpt</c>.</summary>
    public string FileName { get; }

    /// <summary>The DOMAIN of the first record, or null.</summary>
    public string? Domain { get; }

    /// <summary>For SUPP--/SQ-- datasets, the RDOMAIN of the first record.</summary>
    public string? RDomain { get; }

    /// <summary>Whether the dataset is SUPP-- or SQ--.</summary>
    public bool IsSupp { get; }

    /// <summary>The domain this dataset is (a split) of: the domain, SUPP + RDOMAIN, or the name.</summary>
    public string UnsplitName { get; }

    /// <summary>Whether this is one of several datasets of a domain (SDTMIG 4.1.7).</summary>
    public bool IsSplit => Name != UnsplitName;

    /// <summary>Whether this is an associated-persons dataset.</summary>
    public bool IsAp { get; }

    /// <summary>The domain an AP dataset is about (APQS: QS).</summary>
    public string ApSuffix { get; }

    /// <summary>What <c>--</c> stands for in a rule run on this dataset.</summary>
    public string Wildcard { get; }

    /// <summary>The SDTM class in CORE's spelling (EVENTS, FINDINGS, SPECIAL PURPOSE, ...), or null.</summary>
    public string? Class { get; }

    /// <summary>Variables in file order.</summary>
    public IReadOnlyList<VariableInfo> Variables { get; }

    /// <summary>Records.</summary>
    public int RecordCount => Data.RowCount;

    /// <summary>Dataset label.</summary>
    public string Label => Data.Label;

    /// <summary>File size in bytes.</summary>
    public long FileSize => Data.FileSize;

    /// <summary>Whether the dataset holds a variable.</summary>
    public bool Has(string variable) => Data.Has(variable);

    /// <summary>The dataset's records as a frame (built once).</summary>
    public Frame Contents => contents.Value;

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static string? NullIfBlank(string s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private Frame BuildContents()
    {
        var frame = Frame.ForDataset(Name, Data.RowCount);
        for (var i = 0; i < Data.Variables.Count; i++)
        {
            var column = Data.Column(i);
            var numeric = column.Variable.Type == XptVariableType.Numeric;
            var distinct = new Value[column.DistinctCount];
            for (var k = 0; k < distinct.Length; k++)
            {
                distinct[k] = numeric
                    ? (column.NumOf(k) is double d ? Value.Of(RoundAsCore(d)) : Value.Null)
                    : Value.Of(column.TextOf(k));
            }

            frame.Set(new FrameColumn(Data.Variables[i].Name, column.CodesArray, distinct));
        }

        return frame;
    }

    /// <summary>
    /// CORE's XPT reader rounds every double to 15 decimals (<c>round(x, 15)</c>), so that 1.3000000000000003
    /// written by SAS compares equal to 1.3; numbers read from XPT here are rounded the same way.
    /// </summary>
    internal static double RoundAsCore(double d) =>
        double.IsFinite(d) ? double.Parse(d.ToString("F15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : d;

    /// <summary>The value of a variable on the first record, as text ("" when absent).</summary>
    internal string FirstText(string variable) =>
        Data.RowCount > 0 && Data.Has(variable) ? Data.Text(0, variable) : "";
}
