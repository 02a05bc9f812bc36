namespace CdiscExport.Core.Terminology;

/// <summary>
/// How much of a controlled terminology release the product holds, which decides how far a check against it can
/// be trusted.
/// </summary>
public enum TerminologyCompleteness
{
    /// <summary>
    /// The NCI EVS text file: every codelist with its name, submission value and extensibility, and every term with
    /// its C-code, submission value, synonyms, definition and NCI preferred term.
    /// </summary>
    Full,

    /// <summary>
    /// Per codelist only its C-code, its extensibility and its terms' submission values, NCI preferred terms and
    /// CDISC synonyms (CDISC CORE's cache of the release). No term C-codes, no definitions, and no codelist names
    /// or submission values in the source: a shipped release borrows those from a full release (see
    /// <see cref="Codelist.SubmissionValue"/>). A value is judged exactly as against a full release.
    /// </summary>
    CodelistValuesOnly,

    /// <summary>
    /// Per codelist only its C-code, its extensibility and one flat list of accepted values in which the submission
    /// values are mixed with the NCI preferred terms and CDISC synonyms and cannot be told apart (CDISC CORE's
    /// cache of SDTM CT 2022-12-16). Each value is a <see cref="Term"/> of its own. A value not in the list is
    /// certainly not a submission value; a value in it may be a synonym (e.g. "Male" in SEX), so a check against
    /// such a release misses synonyms used in place of submission values but reports nothing false.
    /// </summary>
    MixedValuesOnly,
}
