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

/// <summary>
/// An algorithm whose values are numbers (<c>number:</c>): it gives them typed, with their text, so that the column it
/// fills is numeric from the start and no number is parsed again when the dataset is typed.
/// </summary>
internal interface INumberAlgorithm : IAlgorithm
{
    /// <summary>The value for the current record; <see cref="MappedNumber.Missing"/> when missing.</summary>
    MappedNumber EvaluateNumber(RecordContext context);
}

/// <summary>What a target of the working records holds: text, or typed values beside their text.</summary>
internal enum TargetKind
{
    /// <summary>Text only: a target some algorithm fills with text (a copy, a template, a literal row).</summary>
    Text,

    /// <summary>Date-times (<see cref="IDateTimeAlgorithm"/>) and their ISO 8601 text.</summary>
    DateTime,

    /// <summary>Numbers (<see cref="INumberAlgorithm"/>) and their text.</summary>
    Number,
}
