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
        string[] names = ["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QVAL", "QORIG", "QEVAL"];
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            columns[n] = [];
        }

        // Every column is resolved once, not once per record and QNAM.
        var values = supp.Select(s => parent["_SUPP_" + s.Qnam]).ToArray();
        var studyid = parent["STUDYID"];
        var usubjid = parent["USUBJID"];
        var idvarval = idvar.Length > 0 ? parent[idvar] : null;
        List<string> studyids = columns["STUDYID"], rdomains = columns["RDOMAIN"], usubjids = columns["USUBJID"], idvars = columns["IDVAR"],
            idvarvals = columns["IDVARVAL"], qnams = columns["QNAM"], qlabels = columns["QLABEL"], qvals = columns["QVAL"],
            qorigs = columns["QORIG"], qevals = columns["QEVAL"];
        for (var row = 0; row < parent.RowCount; row++)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i].GetText(row);
                if (value.Length == 0)
                {
                    continue;
                }

                var s = supp[i];
                studyids.Add(studyid.GetText(row));
                rdomains.Add(domain);
                usubjids.Add(usubjid.GetText(row));
                idvars.Add(idvar);
                idvarvals.Add(idvarval?.GetText(row) ?? string.Empty);
                qnams.Add(s.Qnam);
                qlabels.Add(s.Qlabel);
                qvals.Add(value);
                qorigs.Add(s.Qorig);
                qevals.Add(s.Qeval);
            }
        }

        static string QvalOrigin(IReadOnlyList<SuppVariable> variables) =>
            variables.All(v => v.Qorig == "CRF") ? "Collected" : "Derived";

        return new Dataset("SUPP" + domain, $"Supplemental Qualifiers for {domain}",
            names.Select(n => (DatasetColumn)new CharacterColumn(
                new VariableMetadata(n, n, VariableKind.Character) { Origin = n == "QVAL" ? QvalOrigin(supp) : "Assigned" }, columns[n])).ToList());
    }
}
