namespace CdiscExport.Core.Datasets;

/// <summary>
/// A derivation asked a dataset for a variable it does not have, or for a variable of the other type (or for a
/// dataset the study does not have). Raised when a spec leaves out what a later stage needs: the caller that knows
/// which spec file produced the dataset turns it into a located error.
/// </summary>
public sealed class DatasetVariableException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="dataset">The dataset asked.</param>
    /// <param name="variable">The variable asked for, or null when the dataset itself is missing.</param>
    /// <param name="message">What is wrong.</param>
    public DatasetVariableException(string dataset, string? variable, string message)
        : base(message)
    {
        Dataset = dataset;
        Variable = variable;
    }

    /// <summary>The dataset asked.</summary>
    public string Dataset { get; }

    /// <summary>The variable asked for, or null when the dataset itself is missing.</summary>
    public string? Variable { get; }
}
