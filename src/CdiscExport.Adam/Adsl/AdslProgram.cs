using CdiscExport.Core.Datasets;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Adam.Adsl;

/// <summary>ADSL for a study: a list of named derivations, checkable line by line against <c>adam/adsl.yaml</c>.</summary>
internal static class AdslProgram
{
    public static Dataset Run(SdtmDatasets sdtm, AdslSpec spec)
    {
        var dm = sdtm.Require("DM");
        var ex = sdtm.Require("EX");
        var exTrt = ex.Text("EXTRT");
        var treatments = new HashSet<string>(spec.Treatments, StringComparer.OrdinalIgnoreCase);
        bool IsTreatment(int r) => treatments.Contains(exTrt[r]);
        bool IsAddOn(int r) => spec.AddOn is { } a && string.Equals(exTrt[r], a, StringComparison.OrdinalIgnoreCase);
        var exDose = ex.Number("EXDOSE");
        var exAdj = ex.Text("EXADJ");

        var adsl = AdslDerivations.CreateAdslFromDm(dm,
                ["STUDYID", "USUBJID", "SUBJID", "SITEID", "AGE", "AGEU", "SEX", "RACE", "ETHNIC", "ARM", "ACTARM"])
            .DeriveVarAgegr1(spec.AgeGroups)
            .DeriveVarsTrt01(dm, spec.Arms)
            .DeriveVarExtremeDate(ex, "TRTSDT", "Date of First Exposure to Treatment", IsTreatment, "EXSTDTC", first: true)
            .DeriveVarExtremeDate(ex, "TRTEDT", "Date of Last Exposure to Treatment", IsTreatment, "EXENDTC", first: false)
            .DeriveVarTrtdurd()
            .DeriveVarMergedExistFlag(ex, "SAFFL", "Safety Population Flag", r => IsTreatment(r) && exDose[r] is > 0)
            .DeriveVarEfffl(sdtm.Find("RS"))
            .DeriveVarsDisposition(sdtm.Find("DS") ?? Empty("DS", "DSSCAT", "DSDECOD"), spec.EndOfStudyCategory);

        var suppdm = sdtm.Find("SUPPDM");
        foreach (var qnam in spec.SuppdmVariables)
        {
            adsl = suppdm is null ? adsl.WithSubjectText(qnam, qnam, _ => null) : adsl.DeriveVarFromSuppqual(suppdm, qnam, qnam);
        }

        var cm = sdtm.Find("CM") ?? Empty("CM", "CMCAT", "CMTRT");
        var cmCat = cm.Text("CMCAT");
        var cmTrt = cm.Text("CMTRT");
        bool IsPriorLine(int r) => cmCat[r] == spec.PriorTherapyCategory;
        adsl = adsl.DeriveVarMergedCount(cm, "PRTHNUM", "Number of Prior Therapies", IsPriorLine);
        var pr = sdtm.Find("PR") ?? Empty("PR", "PRCAT");
        var prCat = pr.Text("PRCAT");
        adsl = adsl.DeriveVarMergedExistFlag(pr, "PRSCTFL", "Prior Stem Cell Transplant Flag", r => prCat[r] == spec.TransplantCategory);
        foreach (var (flag, word) in spec.PriorDrugFlags)
        {
            adsl = adsl.DeriveVarMergedExistFlag(cm, flag, flag,
                r => IsPriorLine(r) && cmTrt[r].Contains(word, StringComparison.OrdinalIgnoreCase));
        }

        var ae = sdtm.Find("AE") ?? Empty("AE", "AESEQ");
        var dlt = SuppqualFlags(sdtm.Find("SUPPAE"), spec.DltQnam);
        var aeUsubjid = ae.Text(Derivations.Usubjid);
        var aeSeq = ae["AESEQ"];
        return adsl
            .DeriveVarNcycles(ex, spec.Cycle)
            .DeriveVarMergedExistFlag(ae, "DLTFL", "Dose-Limiting Toxicity Flag", r => dlt.Count > 0 && dlt.Contains((aeUsubjid[r], aeSeq.GetText(r))))
            .DeriveVarMergedExistFlag(ex, "DOSREDFL", "Dose Reduced Flag", r => IsTreatment(r) && exAdj[r].Length > 0)
            .DeriveVarMergedExistFlag(ex, "DEXFL", "Dexamethasone Add-on Flag", IsAddOn)
            .DeriveVarExtremeDate(ex, "DEXSTDT", "Dexamethasone Add-on Start Date", IsAddOn, "EXSTDTC", first: true);
    }

    /// <summary>
    /// EFFFL: Y when the subject has an investigator response assessment other than NE (reached an evaluable
    /// on-treatment assessment), otherwise N.
    /// </summary>
    public static Dataset DeriveVarEfffl(this Dataset adsl, Dataset? rs)
    {
        if (rs is null)
        {
            return adsl.WithSubjectText("EFFFL", "Efficacy Population Flag", _ => "N");
        }

        var result = rs.Text("RSSTRESC");
        return adsl.DeriveVarMergedExistFlag(rs, "EFFFL", "Efficacy Population Flag",
            r => result[r].Length > 0 && !string.Equals(result[r], "NE", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>(USUBJID, IDVARVAL) of SUPP-- records with QNAM <paramref name="qnam"/> and QVAL Y.</summary>
    private static HashSet<(string, string)> SuppqualFlags(Dataset? supp, string qnam)
    {
        var set = new HashSet<(string, string)>();
        if (supp is null)
        {
            return set;
        }

        var u = supp.Text(Derivations.Usubjid);
        var q = supp.Text("QNAM");
        var v = supp.Text("QVAL");
        var id = supp.Text("IDVARVAL");
        for (var r = 0; r < supp.RowCount; r++)
        {
            if (q[r] == qnam && v[r] == "Y")
            {
                set.Add((u[r], id[r]));
            }
        }

        return set;
    }

    private static Dataset Empty(string name, params string[] variables) =>
        new(name, name, [new CharacterColumn(new VariableMetadata(Derivations.Usubjid, "", VariableKind.Character), []),
            .. variables.Select(v => new CharacterColumn(new VariableMetadata(v, "", VariableKind.Character), []))]);
}
