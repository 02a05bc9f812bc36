#!/usr/bin/env python3
"""Recompute every ASH 2005 figure (TRIAL.md) from raw/*.csv and assert it.

Best response is derived twice per patient and both must equal the abstract's table:
  1. from the investigator's per-visit responses (resp.csv), modified EBMT with 6-week confirmation;
  2. from the M-protein labs (lab.csv) with the per-visit algorithm of MYELOMA.md 1.3, then the same BOR rules.
Both are censored at the dexamethasone add-on (exposure.csv). Standard library only.

    python3 check.py        # exits 1 on the first failing figure
"""
import csv
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile

RAW = os.path.join(os.path.dirname(os.path.abspath(__file__)), "raw")
CUTOFF = dt.date(2005, 10, 15)
MON = {m: i for i, m in enumerate(["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                                   "DEC"], 1)}
RANK = {"CR": 7, "NCR": 6, "PR": 5, "MR": 4, "SD": 3, "PD": 2, "NE": 1}
EXPECTED = {1: {"PR": 2, "MR": 1}, 2: {"CR": 1, "PR": 2}, 3: {"NCR": 1, "PR": 2, "NE": 1},
            4: {"PR": 2, "MR": 2, "SD": 1, "PD": 1}, 5: {"SD": 2, "NE": 1}}
failures = []


def check(cond, what):
    print(("ok    " if cond else "FAIL  ") + what)
    if not cond:
        failures.append(what)


def read(name):
    with open(os.path.join(RAW, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def date(s):
    """Full DDMONYYYY only; partial dates ('UN MAR 2001') return None."""
    if not s or " " in s:
        return None
    return dt.date(int(s[5:9]), MON[s[2:5]], int(s[0:2]))


def num(s):
    """Lab result text -> number: 'Not detected' = 0; '<0.1' = 0.05 (present, below quantitation)."""
    if s == "Not detected":
        return 0.0
    if s.startswith("<"):
        return float(s[1:]) / 2
    return float(s)


dm, enrol, dishx, prthx = read("dm.csv"), read("enrol.csv"), read("dishx.csv"), read("prthx.csv")
sct, ex, ae, lab = read("sct.csv"), read("exposure.csv"), read("ae.csv"), read("lab.csv")
resp, eos = read("resp.csv"), read("eos.csv")
subj = [r["SUBJID"] for r in dm]
coh = {r["SUBJID"]: int(r["COHORT"]) for r in enrol}

# --- enrolment -------------------------------------------------------------------------------------------------
check(len(subj) == 19 and len(set(subj)) == 19, "19 patients in DM, unique")
check(set(coh) == set(subj), "every patient enrolled once")
check([sum(1 for s in subj if coh[s] == k) for k in range(1, 6)] == [3, 3, 4, 6, 3], "cohorts 1-5: 3, 3, 4, 6, 3")
dl = {1: ("1.0", "5"), 2: ("1.3", "5"), 3: ("1.0", "10"), 4: ("1.3", "10"), 5: ("1.0", "15")}
check(all((r["BORT_DL"], r["LEN_DL"]) == dl[int(r["COHORT"])] for r in enrol), "dose levels match cohorts")
check({r["SITENO"] for r in dm} == {"01", "02", "03"} and all(r["SUBJID"][:2] == r["SITENO"] for r in dm),
      "3 sites, subject ids SITE-NNN")

# --- baseline disease ------------------------------------------------------------------------------------------
st = [r["DISSTAT"] for r in dishx]
check(st.count("Relapsed") == 8 and st.count("Relapsed and refractory") == 11, "8 relapsed, 11 relapsed and refractory")
lines = {s: 0 for s in subj}
for r in prthx:
    lines[r["SUBJID"]] = max(lines[r["SUBJID"]], int(r["LINE"]))
lv = list(lines.values())
check(statistics.median(lv) == 4 and min(lv) == 1 and max(lv) == 9, "prior therapies median 4, range 1-9 (%s)" % sorted(lv))


def had(word):
    return {r["SUBJID"] for r in prthx if word in r["REGIMEN"].lower()}


check(len(had("thalidomide")) == 17, "prior thalidomide 17 (%d)" % len(had("thalidomide")))
check(len(had("bortezomib")) == 9, "prior bortezomib 9 (%d)" % len(had("bortezomib")))
check(len(had("lenalidomide")) == 2, "prior lenalidomide 2 (%d)" % len(had("lenalidomide")))
check(len({r["SUBJID"] for r in sct}) == 12, "prior SCT 12 patients (%d rows)" % len(sct))


def in_sct_line(r):
    d0 = date(r["SCTDAT"])
    for l in prthx:
        if l["SUBJID"] == r["SUBJID"] and ("SCT" in l["REGIMEN"]) and date(l["STDAT"]) <= d0 <= date(l["ENDDAT"]):
            return True
    return False


check(all(in_sct_line(r) for r in sct), "each SCT lies within a prior-therapy line naming the SCT")


def ym(s):
    """(year, month) of a full or month-partial date, None if blank."""
    if not s:
        return None
    return (int(s[-4:]), MON[s[-8:-5]]) if " " in s else (int(s[5:9]), MON[s[2:5]])


consent = {r["SUBJID"]: ym(r["CONSDAT"]) for r in dm}
diag = {r["SUBJID"]: ym(r["DIAGDAT"]) for r in dishx}
check(all(diag[r["SUBJID"]] <= ym(r["STDAT"]) <= (ym(r["ENDDAT"]) or ym(r["STDAT"])) <= consent[r["SUBJID"]]
          for r in prthx), "prior lines start after diagnosis, end before consent")
check(all(all(ym(a["ENDDAT"]) and ym(a["ENDDAT"]) <= ym(b["STDAT"]) for a, b in zip(ls, ls[1:]))
          for ls in ([r for r in prthx if r["SUBJID"] == s] for s in subj)), "prior lines in chronological order")

# --- exposure and cycles completed ---------------------------------------------------------------------------
first_dose = {}
for r in ex:
    d0 = date(r["STDAT"])
    first_dose[r["SUBJID"]] = min(first_dose.get(r["SUBJID"], d0), d0)
check(all(float(r["DOSE"]) <= 1.3 for r in ex if r["DRUG"] == "Bortezomib"), "bortezomib doses <= 1.3 mg/m2")
check(all(float(r["DOSE"]) <= 15 for r in ex if r["DRUG"] == "Lenalidomide"), "lenalidomide doses <= 15 mg")
check(all(date(r["ENDDAT"]) <= CUTOFF for r in ex), "no dosing after the data cutoff")


def cycles_completed(s):
    """A cycle counts once bortezomib day 1 was given and either its day-11 dose was given or the next cycle's
    day 1 was given."""
    b = [r for r in ex if r["SUBJID"] == s and r["DRUG"] == "Bortezomib"]
    cycles = sorted({int(r["CYCLE"]) for r in b})
    n = 0
    for c in cycles:
        days = sorted(date(r["STDAT"]) for r in b if int(r["CYCLE"]) == c)
        d1 = days[0]
        day11 = any((x - d1).days == 10 for x in days)
        if day11 or (c + 1) in cycles:
            n += 1
    return n


ncyc = {s: cycles_completed(s) for s in subj}
evaluable = [s for s in subj if any(r["SUBJID"] == s and r["CYCLE"] != "EOT" for r in resp)]
check(len(evaluable) == 17, "17 evaluable (reached the first on-treatment assessment, C2D1)")
ne_pts = [s for s in subj if s not in evaluable]
check(all(ncyc[s] == 0 for s in ne_pts) and sorted(coh[s] for s in ne_pts) == [3, 5],
      "2 not evaluable (cohorts 3 and 5), 0 cycles completed")
e_eos = {r["SUBJID"]: r for r in eos}
check(all(e_eos[s]["EOTREAS"] == "Progressive disease" and (date(e_eos[s]["EOTDAT"]) - first_dose[s]).days < 21
          for s in ne_pts), "NE patients came off for PD within cycle 1")
cv = [ncyc[s] for s in evaluable]
check(statistics.median(cv) == 7 and min(cv) == 2 and max(cv) == 16,
      "cycles completed among evaluable: median 7, range 2-16 (%s)" % sorted(cv))
check(max(ncyc.values()) == 16, "max cycles 16 over all patients")

# --- dose reductions -------------------------------------------------------------------------------------------
red = {}
for r in ex:
    if r["DRUG"] != "Dexamethasone" and float(r["DOSE"]) < float(r["PLANDOSE"]):
        red.setdefault(r["SUBJID"], set()).add((r["DRUG"], r["ADJREAS"], int(r["CYCLE"])))
check(all((r["ADJ_YN"] == "Y") == (float(r["DOSE"]) < float(r["PLANDOSE"])) for r in ex), "ADJ_YN = Y exactly on reduced doses")
check(len(red) == 6, "dose reduced in 6 patients")
check(all(min(c for _, _, c in v) > 3 for v in red.values()), "all reductions beyond cycle 3")
kinds = sorted((next(iter(v))[0], next(iter(v))[1]) for v in red.values() if len({(a, b) for a, b, _ in v}) == 1)
check(kinds == sorted([("Bortezomib", "Thrombocytopenia")] * 3 + [("Bortezomib", "Hypotension"),
                                                                    ("Lenalidomide", "Neutropenia"), ("Lenalidomide", "Fatigue")]),
      "bortezomib: thrombocytopenia 3, hypotension 1; lenalidomide: neutropenia 1, fatigue 1")
check(all(any(a["SUBJID"] == s and a["AEPT"] == next(iter(v))[1] and a["ACTION"] == "Dose reduced" for a in ae)
          for s, v in red.items()), "each reduction has a matching AE with action 'Dose reduced'")
check({a["SUBJID"] for a in ae if a["ACTION"] == "Dose reduced"} == set(red), "no other AE says 'Dose reduced'")

# --- AEs, DLT --------------------------------------------------------------------------------------------------
dlt = [a for a in ae if a["DLT"] == "Y"]
check(len(dlt) == 1, "exactly one DLT")
a = dlt[0]
check(coh[a["SUBJID"]] == 4 and a["AEPT"] == "Hyponatraemia" and a["GRADE"] == "3", "DLT: cohort 4, grade 3 hyponatraemia")
na = [num(l["RESULT"]) for l in lab if l["SUBJID"] == a["SUBJID"] and l["TEST"] == "Sodium" and l["LBDAT"] == a["AESTDAT"]]
check(bool(na) and all(126 <= v <= 128 for v in na), "sodium 126-128 mmol/L on the DLT day (%s)" % na)
check((date(a["AESTDAT"]) - first_dose[a["SUBJID"]]).days < 21, "DLT in cycle 1")
c1_g3 = [x for x in ae if int(x["GRADE"]) >= 3 and (date(x["AESTDAT"]) - first_dose[x["SUBJID"]]).days < 21]
check(c1_g3 == dlt, "no other grade >= 3 AE in cycle 1 (DLT window)")
pn = [x for x in ae if x["AEPT"] == "Peripheral sensory neuropathy"]
check(0 < len(pn) <= 4 and all(x["GRADE"] == "1" for x in pn), "peripheral neuropathy: few, grade 1 only")
check(any(" " in x["AEENDAT"] for x in ae), "one AE end date is partial")
spid_ok = all(a2["SUBJID"] != a1["SUBJID"] or int(a2["AESPID"]) > int(a1["AESPID"]) for a1, a2 in zip(ae, ae[1:]))
order = [(x["SUBJID"]) for x in ae]
check(order != sorted(order) and spid_ok, "one late-entered AE row out of subject order")


def lab_std(l):
    v = num(l["RESULT"])
    if l["UNIT"] == "g/L":
        return v / 10
    if l["UNIT"] == "/mm3":
        return v / 1000
    return v


def heme_grade(test, v):
    if test == "Platelets":
        return 4 if v < 25 else 3 if v < 50 else 2 if v < 75 else 1 if v < 150 else 0
    if test == "Neutrophils (ANC)":
        return 4 if v < 0.5 else 3 if v < 1.0 else 2 if v < 1.5 else 1 if v < 1.8 else 0
    if test == "Haemoglobin":
        return 4 if v < 6.5 else 3 if v < 8.0 else 2 if v < 10.0 else 1 if v < 12.0 else 0


HEME_PT = {"Thrombocytopenia": "Platelets", "Neutropenia": "Neutrophils (ANC)", "Anaemia": "Haemoglobin"}
ok = True
for x in ae:
    if x["AEPT"] in HEME_PT:
        vals = [lab_std(l) for l in lab if l["SUBJID"] == x["SUBJID"] and l["LBDAT"] == x["AESTDAT"]
                and l["TEST"] == HEME_PT[x["AEPT"]]]
        ok = ok and bool(vals) and heme_grade(HEME_PT[x["AEPT"]], min(vals)) == int(x["GRADE"])
check(ok, "each haematological AE has a lab on its start date with the same CTCAE v3.0 grade")
worst = {}
for l in lab:
    if l["TEST"] in ("Platelets", "Neutrophils (ANC)", "Haemoglobin") and l["VISIT"] != "Screening":
        g = heme_grade(l["TEST"], lab_std(l))
        if g >= 3:
            worst.setdefault((l["SUBJID"], l["TEST"]), []).append(l["LBDAT"])
check(all(any(x["SUBJID"] == s and HEME_PT.get(x["AEPT"]) == t and x["AESTDAT"] in ds for x in ae)
          for (s, t), ds in worst.items()), "every grade >= 3 cytopenia in the labs has an AE")

# --- lab warts -------------------------------------------------------------------------------------------------
check(sum(1 for l in lab if l["VISIT"] == "Unscheduled") > 0, "an unscheduled lab visit")
keys = {}
for l in lab:
    k = (l["SUBJID"], l["LBDAT"], l["TEST"])
    keys[k] = keys.get(k, 0) + 1
check(sum(1 for v in keys.values() if v > 1) == 1, "one lab re-draw (same test, same day, twice)")

# --- best response ---------------------------------------------------------------------------------------------
dexstart = {}
for r in ex:
    if r["DRUG"] == "Dexamethasone":
        d0 = date(r["STDAT"])
        dexstart[r["SUBJID"]] = min(dexstart.get(r["SUBJID"], d0), d0)
check(5 <= len(dexstart) <= 7, "dexamethasone added for %d patients (5-7)" % len(dexstart))
first_pd = {}
for r in resp:
    if r["RESP_CD"] == "PD":
        d0 = date(r["ASSDAT"])
        first_pd[r["SUBJID"]] = min(first_pd.get(r["SUBJID"], d0), d0)
check(all(s in first_pd and first_pd[s] <= d0 for s, d0 in dexstart.items()), "dex added only on/after a PD assessment")


def bor(visits, dex=None, inclusive=True):
    """visits: [(date, category)] sorted. Modified EBMT best overall response, confirmed >= 42 days."""
    v = [x for x in visits if dex is None or (x[0] <= dex if inclusive else x[0] < dex)]
    # window: up to the first confirmed PD (PD followed by PD at the next assessment)
    for i in range(len(v) - 1):
        if v[i][1] == "PD" and v[i + 1][1] == "PD":
            v = v[:i + 1]
            break
    best = None
    for i, (d0, c) in enumerate(v):
        if c not in ("CR", "NCR", "PR", "MR"):
            continue
        for j in range(i + 1, len(v)):
            if RANK[v[j][1]] < RANK[c]:
                break
            if (v[j][0] - d0).days >= 42:
                if best is None or RANK[c] > RANK[best]:
                    best = c
                break
    if best:
        return best
    if any(c not in ("PD", "NE") for _, c in v):
        return "SD"
    if any(c == "PD" for _, c in v):
        return "PD"
    return "NE"


def lab_visits(s, strict=False):
    """Per-visit category from the M-protein labs (MYELOMA.md 1.3); baseline = last value on/before first dose.
    strict=True moves every boundary the other way (< for <=, > for >=): no value may sit on a threshold."""
    le = (lambda a, b: a < b) if strict else (lambda a, b: a <= b)
    ge = (lambda a, b: a > b) if strict else (lambda a, b: a >= b)
    m = {}
    for l in lab:
        if l["SUBJID"] == s and l["PANEL"] in ("Serum protein", "Urine protein"):
            m.setdefault(date(l["LBDAT"]), {})[l["TEST"]] = l["RESULT"]
    dates = sorted(m)
    base = [x for x in dates if x <= first_dose[s]][-1]
    S0, U0 = num(m[base]["Serum M-protein (SPEP)"]), num(m[base]["24h urine M-protein (UPEP)"])
    smeas, umeas = S0 > 0, U0 > 0
    snad, unad = S0, U0
    out = []
    for x in dates:
        if x <= first_dose[s]:
            continue
        S, U = num(m[x]["Serum M-protein (SPEP)"]), num(m[x]["24h urine M-protein (UPEP)"])
        sife, uife = m[x]["Serum immunofixation"], m[x]["Urine immunofixation"]
        if (smeas and not le(S, 1.25 * snad) and ge(S - snad, 0.5)) or \
                (umeas and not le(U, 1.25 * unad) and ge(U - unad, 200)):
            c = "PD"
        elif sife == "Negative" and uife == "Negative":
            c = "CR"  # no marrow in this sample: CR assessed on immunofixation alone
        elif S == 0 and U == 0 and "Positive" in (sife, uife):
            c = "NCR"
        else:
            cats = []
            if smeas:
                cats.append("PR" if le(S, 0.5 * S0) else "MR" if le(S, 0.75 * S0) else "SD")
            if umeas:
                cats.append("PR" if (le(U, 0.1 * U0) or not ge(U, 200)) else "MR" if le(U, 0.5 * U0) else "SD")
            c = min(cats, key=RANK.get)
        out.append((x, c))
        snad, unad = min(snad, S), min(unad, U)
    return out


inv_visits = {s: sorted((date(r["ASSDAT"]), r["RESP_CD"]) for r in resp if r["SUBJID"] == s) for s in subj}
lb_visits = {s: lab_visits(s) for s in subj}
check(all(lab_visits(s, strict=True) == lb_visits[s] for s in subj),
      "no M-protein value sits on a response threshold (strict and non-strict comparisons agree)")
bor_inv = {s: bor(inv_visits[s], dexstart.get(s)) for s in subj}
bor_lab = {s: bor(lb_visits[s], dexstart.get(s)) for s in subj}
check(all(bor(inv_visits[s], dexstart.get(s), False) == bor_inv[s] and bor(lb_visits[s], dexstart.get(s), False)
          == bor_lab[s] for s in subj), "dex censoring: same BOR whether the dex-start-day assessment is in or out")
# resp.csv assessments that have M-protein labs agree per visit with the lab-derived category
agree = all(dict(lb_visits[s]).get(d0, c) == c for s in subj for d0, c in inv_visits[s])
check(agree, "investigator per-visit response equals the lab-derived category at every assessment")
check(all(all(d0 in dict(lb_visits[s]) for d0, c in inv_visits[s] if c != "NE") for s in subj),
      "M-protein (SPEP, UPEP, both IFE) at every evaluable response assessment")
for name, b in (("investigator (resp.csv)", bor_inv), ("M-protein labs (lab.csv)", bor_lab)):
    by = {k: {} for k in range(1, 6)}
    for s in subj:
        by[coh[s]][b[s]] = by[coh[s]].get(b[s], 0) + 1
    check(by == EXPECTED, "best response by cohort from %s equals the abstract's table" % name)
    crpr = sum(1 for s in evaluable if b[s] in ("CR", "NCR", "PR"))
    check(crpr == 10, "CR + nCR + PR = %d of %d evaluable (10/17 = 59%%) from %s" % (crpr, len(evaluable), name))
    check(all(b[s] == "NE" for s in ne_pts), "NE patients are NE from %s" % name)
uncensored = {s: bor(inv_visits[s]) for s in subj}
changed = sorted(s for s in subj if uncensored[s] != bor_inv[s])
check(bool(changed), "dex censoring matters: without it BOR would change for %s" % changed)

# --- dates -----------------------------------------------------------------------------------------------------
alld = [date(r[k]) for rows, ks in ((ex, ("STDAT", "ENDDAT")), (lab, ("LBDAT",)), (resp, ("ASSDAT",)),
                                    (ae, ("AESTDAT", "AEENDAT")), (eos, ("EOTDAT", "EOSDAT"))) for r in rows for k in ks]
check(all(x is None or dt.date(2004, 6, 1) <= x <= CUTOFF for x in alld), "study dates within Jun 2004 - cutoff 15OCT2005")
cons = {r["SUBJID"]: date(r["CONSDAT"]) for r in dm}
check(all(date(l["LBDAT"]) >= cons[l["SUBJID"]] for l in lab), "no lab before informed consent")

# --- files -----------------------------------------------------------------------------------------------------
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, os.path.join(os.path.dirname(RAW), "generate.py"), "--out", tmp], check=True,
                   stdout=subprocess.DEVNULL)
    same = sorted(os.listdir(tmp)) == sorted(f for f in os.listdir(RAW) if f.endswith(".csv")) and all(
        open(os.path.join(tmp, f), "rb").read() == open(os.path.join(RAW, f), "rb").read() for f in os.listdir(tmp))
check(same, "generate.py reproduces raw/*.csv byte for byte")
shape_ok = True
for f in sorted(os.listdir(RAW)):
    with open(os.path.join(RAW, f), encoding="utf-8", newline="") as h:
        rows = list(csv.reader(h))
    shape_ok = shape_ok and all(len(r) == len(rows[0]) for r in rows)
check(shape_ok, "every CSV row has as many fields as its header")

# --- summary ---------------------------------------------------------------------------------------------------
print()
print("subject cohort status lines SCT cycles reduction             dex-start  BOR(inv) BOR(lab)")
sctp = {r["SUBJID"] for r in sct}
dis = {r["SUBJID"]: ("R/R" if r["DISSTAT_CD"] == "2" else "R") for r in dishx}
for s in subj:
    rd = red.get(s)
    rtxt = "-" if not rd else "%s %s C%d" % (next(iter(rd))[0][:4], next(iter(rd))[1], min(c for *_, c in rd))
    dx = dexstart.get(s)
    print("%-7s %6d %-6s %5d %-3s %6d %-23s %-10s %-8s %s" % (s, coh[s], dis[s], lines[s], "Y" if s in sctp else "N",
                                                             ncyc[s], rtxt, dx.isoformat() if dx else "-",
                                                             bor_inv[s], bor_lab[s]))
print()
if failures:
    print("%d check(s) FAILED" % len(failures))
    sys.exit(1)
print("all checks pass")
