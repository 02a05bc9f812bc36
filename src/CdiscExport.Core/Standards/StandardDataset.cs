namespace CdiscExport.Core.Standards;

/// <summary>A dataset (SDTM) or data structure (ADaM) as an implementation guide defines it.</summary>
/// <param name="Name">Dataset name, e.g. "DM", or ADaM data structure name, e.g. "ADSL", "BDS".</param>
/// <param name="Label">Dataset label, e.g. "Demographics"; for ADaM the data structure description.</param>
/// <param name="Class">Observation class, e.g. "Special-Purpose", "Findings"; for ADaM e.g. "BASIC DATA STRUCTURE".</param>
/// <param name="Structure">Record structure, e.g. "One record per subject".</param>
public sealed record StandardDataset(string Name, string Label, string Class, string Structure);
