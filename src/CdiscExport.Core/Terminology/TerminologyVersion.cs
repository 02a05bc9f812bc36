using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace CdiscExport.Core.Terminology;

/// <summary>
/// A controlled terminology version as packages and users name it: the publishing set when named (SDTM, ADaM,
/// SEND, ...) and the release date.
/// </summary>
/// <param name="PublishingSet">The publishing set, e.g. "SDTM" or "ADaM", or null when only a date was given.</param>
/// <param name="ReleaseDate">The release date, e.g. 2019-12-20.</param>
public sealed partial record TerminologyVersion(string? PublishingSet, LocalDate ReleaseDate)
{
    // CDISC's spelling of the publishing sets a name may carry in any case ("adamct-..." is ADaM CT).
    private static readonly Dictionary<string, string> KnownPublishingSets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SDTM"] = "SDTM",
        ["ADaM"] = "ADaM",
        ["SEND"] = "SEND",
        ["CDASH"] = "CDASH",
        ["DEFINE-XML"] = "DEFINE-XML",
        ["PROTOCOL"] = "PROTOCOL",
    };

    /// <summary>The release date as text, e.g. "2019-12-20".</summary>
    public string Version => LocalDatePattern.Iso.Format(ReleaseDate);

    /// <summary>
    /// Parses a version name: a bare release date (<c>2019-12-20</c>, as define.xml's <c>def:Standard Version</c>
    /// holds it), a CDISC Library package name (<c>sdtmct-2019-12-20</c>, <c>adamct-2019-12-20</c>, as CDISC CORE
    /// and the Library API name them), or a publishing set, "CT" and a date (<c>SDTM CT 2019-12-20</c>; also
    /// "Terminology" or "Controlled Terminology" for "CT", an optional leading "CDISC", and spaces, '-' or '_'
    /// between the parts). Case and surrounding whitespace are ignored.
    /// </summary>
    /// <param name="text">The version name.</param>
    /// <returns>NodaTime's <see cref="ParseResult{T}"/>: the version, or a failure whose exception is a
    /// <see cref="FormatException"/> naming the text and the accepted forms (nothing throws until <c>Value</c> is
    /// read).</returns>
    public static ParseResult<TerminologyVersion> Parse(string text)
    {
        var trimmed = text.Trim();
        var match = VersionName().Match(trimmed);
        if (!match.Success)
        {
            return ParseResult<TerminologyVersion>.ForException(() => new FormatException(TerminologyErrorMessages.UnrecognisedVersion(text)));
        }

        var dateText = match.Groups["date"].Value;
        var date = LocalDatePattern.Iso.Parse(dateText);
        if (!date.Success)
        {
            return ParseResult<TerminologyVersion>.ForException(() => new FormatException(TerminologyErrorMessages.NotADate(text, dateText)));
        }

        var set = match.Groups["set"] is { Success: true } group ? CanonicalPublishingSet(group.Value) : null;
        return ParseResult<TerminologyVersion>.ForValue(new TerminologyVersion(set, date.Value));
    }

    /// <summary>Parses <paramref name="text"/> as <see cref="Parse(string)"/> does.</summary>
    /// <param name="text">The version name, or null.</param>
    /// <param name="version">The version, or null when the text is not a version name.</param>
    /// <returns>Whether the text parsed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TerminologyVersion? version)
    {
        var result = text is null ? null : Parse(text);
        version = result is { Success: true } ? result.Value : null;
        return version is not null;
    }

    /// <summary>
    /// The version a define.xml <c>def:Standard Type="CT"</c> element names, from its <c>PublishingSet</c> and
    /// <c>Version</c> attributes, e.g. ("SDTM", "2019-12-20"). <paramref name="version"/> is parsed as
    /// <see cref="Parse(string)"/> does, so a package name there is understood too.
    /// </summary>
    /// <param name="publishingSet">The <c>PublishingSet</c> attribute, or null when absent.</param>
    /// <param name="version">The <c>Version</c> attribute.</param>
    /// <returns>The version, or a failure when <paramref name="version"/> is no version name or names another
    /// publishing set than <paramref name="publishingSet"/>.</returns>
    public static ParseResult<TerminologyVersion> FromDefineStandard(string? publishingSet, string version)
    {
        var parsed = Parse(version);
        if (!parsed.Success || string.IsNullOrWhiteSpace(publishingSet))
        {
            return parsed;
        }

        var set = CanonicalPublishingSet(publishingSet.Trim());
        return parsed.Value.PublishingSet is { } named && !string.Equals(named, set, StringComparison.Ordinal)
            ? ParseResult<TerminologyVersion>.ForException(() => new FormatException(TerminologyErrorMessages.PublishingSetConflict(publishingSet, version)))
            : ParseResult<TerminologyVersion>.ForValue(parsed.Value with { PublishingSet = set });
    }

    /// <summary>"SDTM CT 2019-12-20", or the bare date when no publishing set is named.</summary>
    public override string ToString() => PublishingSet is null ? Version : $"{PublishingSet} CT {Version}";

    private static string CanonicalPublishingSet(string name) =>
        KnownPublishingSets.TryGetValue(name, out var known) ? known : name.ToUpperInvariant();

    // The set is matched lazily so that "sdtmct" splits as "sdtm" + "ct" and "define-xmlct" as "define-xml" + "ct".
    [GeneratedRegex(
        @"^(?:(?:CDISC[\s_-]+)?(?<set>[A-Z][A-Z-]*?)[\s_-]*(?:CT|CONTROLLED[\s_-]+TERMINOLOGY|TERMINOLOGY)[\s_-]+)?(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex VersionName();
}
