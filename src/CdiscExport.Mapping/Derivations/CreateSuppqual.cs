using CdiscExport.Core.Datasets;

namespace CdiscExport.Mapping.Derivations;

/// <summary>A non-standard variable bound for SUPP--: its QNAM, QLABEL, QORIG and QEVAL.</summary>
internal sealed record SuppVariable(string Qnam, string Qlabel, string Qorig, string Qeval);

/// <summary>SUPP-- datasets: non-standard variables, one record per parent record and QNAM.</summary>
internal static class CreateSuppqualExtension
{
    /// <summary>
    /// Creates SUPP<paramref name="parent"/> (SDTMIG 8.4): STUDYID, RDOMAIN, USUBJID, IDVAR, IDVARVAL, QNAM, QLABEL, QVAL,
    /// QORIG, QEVAL, one record per parent record and non-standard variable whose value is not missing (SDTMIG: no
    /// record for a null value), linked by --SEQ (for DM, which has no --SEQ, IDVAR and IDVARVAL are blank). Values come
    /// from the parent's temporary columns <c>_SUPP_QNAM</c>.
    /// </summary>
    public static Dataset? CreateSuppqual(this Dataset parent, IReadOnlyList<SuppVariable> supp)
    {
        if (supp.Count == 0)
        {
            return null;
        }

        var domain = parent.Name;
        var idvar = parent.Has(domain + "SEQ") ? domain + "SEQ" : string.Empty;
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string[] names = ["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QVAL", "QORIG", "QEVAL"];
        foreach (var n in names)
        {
            columns[n] = [];
        }

        for (var row = 0; row < parent.RowCount; row++)
        {
            foreach (var s in supp)
            {
                var value = parent["_SUPP_" + s.Qnam].GetText(row);
                if (value.Length == 0)
                {
                    continue;
                }

                columns["STUDYID"].Add(parent["STUDYID"].GetText(row));
                columns["RDOMAIN"].Add(domain);
                columns["USUBJID"].Add(parent["USUBJID"].GetText(row));
                columns["IDVAR"].Add(idvar);
                columns["IDVARVAL"].Add(idvar.Length > 0 ? parent[idvar].GetText(row) : string.Empty);
                columns["QNAM"].Add(s.Qnam);
                columns["QLABEL"].Add(s.Qlabel);
                columns["QVAL"].Add(value);
                columns["QORIG"].Add(s.Qorig);
                columns["QEVAL"].Add(s.Qeval);
            }
        }

        return new Dataset("SUPP" + domain, $"Supplemental Qualifiers for {domain}",
            names.Select(n => (DatasetColumn)new CharacterColumn(new VariableMetadata(n, n, VariableKind.Character), columns[n])).ToList());
    }
}
