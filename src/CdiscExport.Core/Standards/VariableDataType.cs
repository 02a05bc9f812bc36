namespace CdiscExport.Core.Standards;

/// <summary>The SAS storage type of a standard variable, as the implementation guide gives it ("Char"/"Num").</summary>
public enum VariableDataType
{
    /// <summary>Character ("Char").</summary>
    Char,

    /// <summary>Numeric ("Num").</summary>
    Num,
}
