namespace CdiscExport.Core.Terminology;

/// <summary>One term of a controlled terminology codelist, as NCI EVS publishes it.</summary>
/// <param name="Code">The term's NCI C-code, e.g. "C20197"; null in a release that does not carry term codes
/// (<see cref="TerminologyCompleteness.CodelistValuesOnly"/>, <see cref="TerminologyCompleteness.MixedValuesOnly"/>).</param>
/// <param name="SubmissionValue">The CDISC submission value, the only value allowed in a dataset, e.g. "M". In a
/// <see cref="TerminologyCompleteness.MixedValuesOnly"/> release, an accepted value that may instead be a preferred
/// term or synonym of the real term.</param>
/// <param name="Synonyms">CDISC synonyms (the NCI "CDISC Synonym(s)" column split on ';'), e.g. ["Male"]; empty when
/// there are none or the release does not carry them.</param>
/// <param name="Definition">The CDISC definition; null in a release that does not carry definitions.</param>
/// <param name="PreferredTerm">The NCI preferred term, e.g. "Male"; null in a release that does not carry it.</param>
public sealed record Term(
    string? Code,
    string SubmissionValue,
    IReadOnlyList<string> Synonyms,
    string? Definition,
    string? PreferredTerm);
