namespace CdiscExport.Core.Terminology;

/// <summary>One term of a controlled terminology codelist, as NCI EVS publishes it.</summary>
/// <param name="Code">The term's NCI C-code, e.g. "C20197".</param>
/// <param name="SubmissionValue">The CDISC submission value, the only value allowed in a dataset, e.g. "M".</param>
/// <param name="Synonyms">CDISC synonyms (the NCI "CDISC Synonym(s)" column split on ';'), e.g. ["Male"].</param>
/// <param name="Definition">The CDISC definition.</param>
/// <param name="PreferredTerm">The NCI preferred term, e.g. "Male".</param>
public sealed record Term(
    string Code,
    string SubmissionValue,
    IReadOnlyList<string> Synonyms,
    string Definition,
    string PreferredTerm);
