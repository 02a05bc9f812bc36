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

        // Every column is resolved once, not once per record and QNAM.
        var values = supp.Select(s => parent["_SUPP_" + s.Qnam]).ToArray();
        var studyid = parent["STUDYID"];
        var usubjid = parent["USUBJID"];
        var idvarval = idvar.Length > 0 ? parent[idvar] : null;

        // The records are counted first, so that each column is one array of the right size, taken over as it is.
        var count = 0;
        for (var row = 0; row < parent.RowCount; row++)
        {
            foreach (var column in values)
            {
                count += column.IsMissing(row) ? 0 : 1;
            }
        }

        var columns = names.ToDictionary(n => n, _ => new string[count], StringComparer.Ordinal);
        string[] studyids = columns["STUDYID"], rdomains = columns["RDOMAIN"], usubjids = columns["USUBJID"], idvars = columns["IDVAR"],
            idvarvals = columns["IDVARVAL"], qnams = columns["QNAM"], qlabels = columns["QLABEL"], qvals = columns["QVAL"],
            qorigs = columns["QORIG"], qevals = columns["QEVAL"];

        // --SEQ numbers repeat across subjects: each is written as text once (keyed by its bits: -0 prints apart from 0).
        var idvarvalNumbers = new Dictionary<long, string>();
        string IdvarvalOf(int row)
        {
            if (idvarval is NumericColumn numbers && numbers[row] is { } number)
            {
                var bits = BitConverter.DoubleToInt64Bits(number);
                return idvarvalNumbers.TryGetValue(bits, out var text) ? text : idvarvalNumbers[bits] = idvarval.GetText(row);
            }

            return idvarval?.GetText(row) ?? string.Empty;
        }

        var at = 0;
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
                studyids[at] = studyid.GetText(row);
                rdomains[at] = domain;
                usubjids[at] = usubjid.GetText(row);
                idvars[at] = idvar;
                idvarvals[at] = IdvarvalOf(row);
                qnams[at] = s.Qnam;
                qlabels[at] = s.Qlabel;
                qvals[at] = value;
                qorigs[at] = s.Qorig;
                qevals[at] = s.Qeval;
                at++;
            }
        }

        static string QvalOrigin(IReadOnlyList<SuppVariable> variables) =>
            variables.All(v => v.Qorig == "CRF") ? "Collected" : "Derived";

        return new Dataset("SUPP" + domain, $"Supplemental Qualifiers for {domain}",
            names.Select(n => (DatasetColumn)CharacterColumn.FromArray(
                new VariableMetadata(n, n, VariableKind.Character) { Origin = n == "QVAL" ? QvalOrigin(supp) : "Assigned" }, columns[n])).ToList());
    }
}
