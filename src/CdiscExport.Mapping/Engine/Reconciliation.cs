namespace CdiscExport.Mapping.Engine;

/// <summary>One line of the reconciliation report: what became of a raw form's rows in one dataset.</summary>
/// <param name="Form">The raw form (file name without .csv).</param>
/// <param name="RowsRead">Records in the form (header excluded).</param>
/// <param name="Dataset">The dataset that read it, or "" when no dataset reads the form.</param>
/// <param name="RowsMapped">Records that became records of the dataset.</param>
/// <param name="RowsSetAside">Records the dataset's filter left out.</param>
/// <param name="Reason">Why they were left out (the spec's why_excluded, or the filter itself).</param>
public sealed record ReconciliationLine(string Form, int RowsRead, string Dataset, int RowsMapped, int RowsSetAside, string Reason);
