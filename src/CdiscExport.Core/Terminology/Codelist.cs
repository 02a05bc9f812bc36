namespace CdiscExport.Core.Terminology;

/// <summary>A CDISC controlled terminology codelist, e.g. SEX (C66731), with its terms in file order.</summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class Codelist
{
    private readonly Dictionary<string, Term> bySubmissionValue;

    // Built on the first FindBySynonym: only mapping raw decodes needs it, and building it for every codelist of a
    // full release would be a third of the release's load time.
    private SynonymIndex? synonymIndex;

    /// <summary>Creates a codelist.</summary>
    /// <param name="code">NCI C-code of the codelist, e.g. "C66731".</param>
    /// <param name="name">Codelist name, e.g. "Sex", or null when the release does not name it.</param>
    /// <param name="submissionValue">Codelist submission value, e.g. "SEX", or null when the release does not name it.</param>
    /// <param name="extensible">Whether sponsors may add terms.</param>
    /// <param name="terms">The terms, in file order.</param>
    public Codelist(string code, string? name, string? submissionValue, bool extensible, IReadOnlyList<Term> terms)
    {
        Code = code;
        Name = name;
        SubmissionValue = submissionValue;
        Extensible = extensible;
        Terms = terms;
        bySubmissionValue = new Dictionary<string, Term>(terms.Count, StringComparer.Ordinal);
        foreach (var term in terms)
        {
            bySubmissionValue.TryAdd(term.SubmissionValue, term);
        }
    }

    /// <summary>NCI C-code of the codelist, e.g. "C66731".</summary>
    public string Code { get; }

    /// <summary>Codelist name, e.g. "Sex"; null when unknown (see <see cref="SubmissionValue"/>).</summary>
    public string? Name { get; }

    /// <summary>Codelist submission value, e.g. "SEX"; define.xml and the IG metadata refer to it.</summary>
    /// <remarks>
    /// A full release names every codelist. The values-only releases (<see cref="TerminologyCompleteness"/>) come
    /// without codelist names, so <see cref="TerminologyLibrary"/> gives each codelist the name and submission value
    /// of the same C-code in the newest shipped full release that has it. That is right unless CDISC renamed the
    /// codelist in between, which is rare: no codelist's submission value differs between 2023-12-15 and
    /// 2025-03-28. Null when no shipped full release has the C-code, i.e. a codelist retired before the oldest of
    /// them: find it with <see cref="ControlledTerminology.FindByCode"/>.
    /// </remarks>
    public string? SubmissionValue { get; }

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
        var index = LazyInitializer.EnsureInitialized(ref synonymIndex, () => new SynonymIndex(Terms));
        return index.BySubmissionValue.GetValueOrDefault(trimmed) ?? index.BySynonym.GetValueOrDefault(trimmed);
    }

    /// <inheritdoc />
    public override string ToString() => SubmissionValue is null ? Code : $"{SubmissionValue} ({Code})";

    /// <summary>Terms by submission value, then by preferred term and synonym, ignoring case; first term wins.</summary>
    private sealed class SynonymIndex
    {
        public SynonymIndex(IReadOnlyList<Term> terms)
        {
            foreach (var term in terms)
            {
                BySubmissionValue.TryAdd(term.SubmissionValue, term);
            }

            foreach (var term in terms)
            {
                if (term.PreferredTerm is not null)
                {
                    BySynonym.TryAdd(term.PreferredTerm, term);
                }

                foreach (var synonym in term.Synonyms)
                {
                    BySynonym.TryAdd(synonym, term);
                }
            }
        }

        public Dictionary<string, Term> BySubmissionValue { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Term> BySynonym { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
