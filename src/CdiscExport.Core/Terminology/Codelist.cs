namespace CdiscExport.Core.Terminology;

/// <summary>A CDISC controlled terminology codelist, e.g. SEX (C66731), with its terms in file order.</summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class Codelist
{
    private readonly Dictionary<string, Term> bySubmissionValue;
    private readonly Dictionary<string, Term> bySubmissionValueIgnoringCase;
    private readonly Dictionary<string, Term> bySynonymIgnoringCase;

    /// <summary>Creates a codelist.</summary>
    /// <param name="code">NCI C-code of the codelist, e.g. "C66731".</param>
    /// <param name="name">Codelist name, e.g. "Sex".</param>
    /// <param name="submissionValue">Codelist submission value, e.g. "SEX".</param>
    /// <param name="extensible">Whether sponsors may add terms.</param>
    /// <param name="terms">The terms, in file order.</param>
    public Codelist(string code, string name, string submissionValue, bool extensible, IReadOnlyList<Term> terms)
    {
        Code = code;
        Name = name;
        SubmissionValue = submissionValue;
        Extensible = extensible;
        Terms = terms;
        bySubmissionValue = new Dictionary<string, Term>(StringComparer.Ordinal);
        bySubmissionValueIgnoringCase = new Dictionary<string, Term>(StringComparer.OrdinalIgnoreCase);
        bySynonymIgnoringCase = new Dictionary<string, Term>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in terms)
        {
            bySubmissionValue.TryAdd(term.SubmissionValue, term);
            bySubmissionValueIgnoringCase.TryAdd(term.SubmissionValue, term);
        }

        foreach (var term in terms)
        {
            bySynonymIgnoringCase.TryAdd(term.PreferredTerm, term);
            foreach (var synonym in term.Synonyms)
            {
                bySynonymIgnoringCase.TryAdd(synonym, term);
            }
        }
    }

    /// <summary>NCI C-code of the codelist, e.g. "C66731".</summary>
    public string Code { get; }

    /// <summary>Codelist name, e.g. "Sex".</summary>
    public string Name { get; }

    /// <summary>Codelist submission value, e.g. "SEX"; define.xml and the IG metadata refer to it.</summary>
    public string SubmissionValue { get; }

    /// <summary>
    /// True when sponsors may add terms (NCI "Codelist Extensible (Yes/No)" = Yes); a value outside a
    /// non-extensible codelist is an error, outside an extensible one a warning.
    /// </summary>
    public bool Extensible { get; }

    /// <summary>The terms, in file order.</summary>
    public IReadOnlyList<Term> Terms { get; }

    /// <summary>
    /// The term whose submission value is exactly <paramref name="value"/> (ordinal, case-sensitive: "M" but not
    /// "m"), or null. This is the check a conformance rule makes.
    /// </summary>
    public Term? FindBySubmissionValue(string value) => bySubmissionValue.GetValueOrDefault(value);

    /// <summary>
    /// The term that <paramref name="text"/> names, ignoring case and surrounding whitespace: first among submission values, then among
    /// NCI preferred terms and CDISC synonyms (first term in file order wins). "male", "Male" and "M" all find M.
    /// </summary>
    /// <remarks>
    /// Use this only to map raw, collected decodes (an EDC's "Male", "Not Recovered/Not Resolved") onto submission
    /// values while converting, and record the mapping. Never use it to validate SDTM/ADaM data: a dataset must hold
    /// the submission value exactly, so "Male" or "m" in DM.SEX is non-conformant even though this finds a term.
    /// Validation uses <see cref="FindBySubmissionValue"/>.
    /// </remarks>
    public Term? FindBySynonym(string text)
    {
        var trimmed = text.Trim();
        return bySubmissionValueIgnoringCase.GetValueOrDefault(trimmed) ?? bySynonymIgnoringCase.GetValueOrDefault(trimmed);
    }

    /// <inheritdoc />
    public override string ToString() => $"{SubmissionValue} ({Code})";
}
