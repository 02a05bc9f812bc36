using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// Fills one target variable of one record. Algorithms are bound once, before any raw row is read (every column
/// they name is resolved then, so a misspelt name is a spec error), and evaluated per record.
/// </summary>
internal interface IAlgorithm
{
    /// <summary>Where the algorithm was written, for error messages.</summary>
    SpecNode Node { get; }

    /// <summary>Resolves every name the algorithm uses; throws <see cref="SpecException"/> for an unknown one.</summary>
    void Bind(BindScope scope);

    /// <summary>The value for the current record; "" means missing.</summary>
    string Evaluate(RecordContext context);
}

/// <summary>
/// An algorithm whose values are date-times (<c>date:</c>): it gives them typed, with their ISO 8601 text, so that the
/// column it fills holds them typed (<see cref="Core.Datasets.CharacterColumn.FromDateTimes"/>) and nothing downstream
/// parses the text again.
/// </summary>
internal interface IDateTimeAlgorithm : IAlgorithm
{
    /// <summary>The value for the current record; <see cref="IsoDateTime.Missing"/> when missing.</summary>
    IsoDateTime EvaluateDateTime(RecordContext context);
}
