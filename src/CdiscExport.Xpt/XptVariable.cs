namespace CdiscExport.Xpt;

/// <summary>Whether a variable holds IBM doubles or blank-padded text.</summary>
public enum XptVariableType
{
    /// <summary>Numeric (NAMESTR ntype 1): an IBM double of 3 to 8 bytes.</summary>
    Numeric = 1,

    /// <summary>Character (NAMESTR ntype 2): left-justified, blank-padded text.</summary>
    Character = 2,
}

/// <summary>Justification stored in the NAMESTR <c>nfj</c> field.</summary>
public enum XptJustification
{
    /// <summary>Left (0); what SAS writes for CDISC data.</summary>
    Left = 0,

    /// <summary>Right (1).</summary>
    Right = 1,
}

/// <summary>One variable (column) of an XPT dataset: the fields of its NAMESTR record.</summary>
/// <param name="Name">Name: letters, digits and <c>_</c>, not starting with a digit; at most 8 characters in V5, 32 in V8.</param>
/// <param name="Label">Label: at most 40 characters in V5, 256 in V8. Empty for none.</param>
/// <param name="Type">Numeric or character.</param>
/// <param name="Length">Bytes per value: 3–8 for numerics; 1–200 (V5) or 1–32767 (V8) for character.</param>
public sealed record XptVariable(string Name, string Label, XptVariableType Type, int Length)
{
    /// <summary>Format name without width or period (e.g. <c>DATE</c>); empty for none. At most 8 characters in V5.</summary>
    public string Format { get; init; } = "";

    /// <summary>Format width (<c>nfl</c>); 0 for none.</summary>
    public int FormatLength { get; init; }

    /// <summary>Format decimals (<c>nfd</c>).</summary>
    public int FormatDecimals { get; init; }

    /// <summary>Informat name; empty for none. At most 8 characters in V5.</summary>
    public string Informat { get; init; } = "";

    /// <summary>Informat width (<c>nifl</c>); 0 for none.</summary>
    public int InformatLength { get; init; }

    /// <summary>Informat decimals (<c>nifd</c>).</summary>
    public int InformatDecimals { get; init; }

    /// <summary>Justification (<c>nfj</c>); left by default, as SAS writes.</summary>
    public XptJustification Justification { get; init; } = XptJustification.Left;

    /// <summary>A numeric variable of length 8, the length CDISC recommends.</summary>
    /// <param name="name">Variable name.</param>
    /// <param name="label">Variable label.</param>
    /// <returns>The variable.</returns>
    public static XptVariable Numeric(string name, string label) => new(name, label, XptVariableType.Numeric, 8);

    /// <summary>A character variable of the given length.</summary>
    /// <param name="name">Variable name.</param>
    /// <param name="label">Variable label.</param>
    /// <param name="length">Bytes per value.</param>
    /// <returns>The variable.</returns>
    public static XptVariable Character(string name, string label, int length) =>
        new(name, label, XptVariableType.Character, length);
}

/// <summary>An XPT member: its name, label, type and variables in storage order.</summary>
/// <param name="Name">Dataset name; at most 8 characters in V5, 32 in V8. CDISC uses the upper-case domain, e.g. <c>DM</c>.</param>
/// <param name="Label">Dataset label, at most 40 characters (both versions store it in 40 bytes). Empty for none.</param>
/// <param name="Variables">The variables, in NAMESTR order.</param>
public sealed record XptDataset(string Name, string Label, IReadOnlyList<XptVariable> Variables)
{
    /// <summary>The 8-byte dataset type field of member record 2; blank in CDISC files.</summary>
    public string Type { get; init; } = "";
}
