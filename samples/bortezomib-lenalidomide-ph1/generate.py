#!/usr/bin/env python3
"""Generate the synthetic raw EDC forms of the sample study BORLEN-PH1.

Phase 1 bortezomib + lenalidomide in relapsed and relapsed/refractory multiple myeloma (ASH 2005 abstract 365).
Every record is synthetic. Standard library only, fixed seed: rerunning reproduces raw/*.csv byte for byte.

    python3 generate.py            # writes raw/*.csv next to this script
    python3 generate.py --out DIR  # writes the same files into DIR
"""
import csv
import datetime as dt
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
SEED = 20051015
CUTOFF = dt.date(2005, 10, 15)
STUDYID = "BORLEN-PH1"

MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def d(s):
    """'2004-07-06' -> date"""
    return dt.date.fromisoformat(s)


def fmt(x):
    """date -> DDMONYYYY"""
    return "%02d%s%04d" % (x.day, MON[x.month - 1], x.year)


def partial(y, m):
    """Month-precision partial date as the EDC exports it: 'UN MAR 2001'."""
    return "UN %s %04d" % (MON[m - 1], y)


# ---------------------------------------------------------------------------------------------------------------
# Cohorts (dose levels) and patients
# ---------------------------------------------------------------------------------------------------------------
COHORTS = {1: (1.0, 5), 2: (1.3, 5), 3: (1.0, 10), 4: (1.3, 10), 5: (1.0, 15)}

# Per-assessment investigator response (= category the M-protein labs give) for C2D1, C3D1, ... then EOT.
# 'dex' = cycle from which dexamethasone 20 mg is added (its day 1 is the dex start date).
# 'ncyc' = cycles whose treatment was given in full; NE patients get 0 (came off inside cycle 1).
# 'eot' = EOT reason, None if ongoing at cutoff. 'delay' = {cycle: extra days before that cycle's day 1}.
# 'red' = dose reduction: (drug, from cycle, new dose, reason).
P = [
    # subj,   cohort, C1D1,        ncyc, responses C2.. (+ EOT last when off treatment)
    dict(id="01-001", coh=1, c1=d("2004-07-06"), ncyc=14, best="PR",
         resp=["MR", "PR", "PR", "PR", "PR", "PR", "PD", "PR", "PR", "NCR", "NCR", "NCR", "NCR", "PD"],
         dex=8, eot="Progressive disease", iso="IgG kappa", s0=3.2, u0=0),
    dict(id="02-001", coh=1, c1=d("2004-07-20"), ncyc=9, best="PR", delay={4: 7},
         resp=["MR", "PR", "PR", "PR", "PR", "PR", "PR", "PD", "PD"],
         eot="Progressive disease", iso="IgA kappa", s0=2.1, u0=0),
    dict(id="01-002", coh=1, c1=d("2004-08-03"), ncyc=10, best="MR",
         resp=["MR", "PR", "MR", "MR", "MR", "PD", "PD", "MR", "PR", "PR"],
         dex=8, eot="Withdrew consent", iso="IgG lambda", s0=3.0, u0=0, sfix={"C3D1": 1.41}),
    dict(id="01-003", coh=2, c1=d("2004-09-07"), ncyc=16, best="CR", delay={6: 7},
         resp=["PR", "PR", "NCR", "NCR", "NCR", "CR", "CR", "CR", "CR", "CR", "CR", "CR", "CR", "CR", "CR", "CR"],
         red=("Bortezomib", 6, 1.0, "Thrombocytopenia"),
         eot="Physician decision", iso="IgG kappa", s0=1.8, u0=0),
    dict(id="03-001", coh=2, c1=d("2004-09-21"), ncyc=12, best="PR", delay={5: 7},
         resp=["MR", "PR", "PR", "PR", "PR", "PR", "PR", "PR", "PD", "PD", "PR", "PD"],
         red=("Bortezomib", 5, 1.0, "Thrombocytopenia"),
         dex=11, eot="Progressive disease", iso="IgA lambda", s0=2.6, u0=320),
    dict(id="02-002", coh=2, c1=d("2004-10-05"), ncyc=8, best="PR",
         resp=["MR", "PR", "PR", "PR", "PR", "PR", "PD", "PD"],
         eot="Progressive disease", iso="Light chain kappa", s0=0, u0=1850),
    dict(id="01-004", coh=3, c1=d("2004-11-09"), ncyc=11, best="PR",
         resp=["MR", "MR", "PR", "PR", "PR", "PR", "PR", "PD", "PD", "PR", "PD"],
         red=("Lenalidomide", 6, 5, "Neutropenia"),
         dex=10, eot="Progressive disease", iso="IgA kappa", s0=3.6, u0=0),
    dict(id="03-002", coh=3, c1=d("2004-11-23"), ncyc=6, best="PR",
         resp=["PR", "PR", "PR", "PR", "PD", "PD"],
         eot="Progressive disease", iso="IgG lambda", s0=2.2, u0=450),
    dict(id="02-003", coh=3, c1=d("2004-12-07"), ncyc=0, best="NE", ne_off=9, ne_bort=(1, 4),
         resp=["NE"], eot="Progressive disease", iso="IgG kappa", s0=5.6, u0=0),
    dict(id="01-005", coh=3, c1=d("2005-01-18"), ncyc=13, best="NCR",
         resp=["MR", "PR", "PR", "PR", "PR", "NCR", "NCR", "NCR", "NCR", "NCR", "NCR", "NCR"],
         red=("Bortezomib", 7, 0.7, "Thrombocytopenia"),
         eot=None, iso="IgG kappa", s0=2.6, u0=0, sfix={"C6D1": 0.05}),
    dict(id="02-004", coh=4, c1=d("2005-02-08"), ncyc=4, best="SD",
         resp=["SD", "MR", "SD", "PD"],
         eot="Progressive disease", iso="IgG kappa", s0=3.5, u0=0, sfix={"C3D1": 2.45}),
    dict(id="01-006", coh=4, c1=d("2005-02-22"), ncyc=7, best="PR", delay={2: 7},
         resp=["SD", "PR", "PR", "PR", "PR", "PR", "PR"],
         eot="Withdrew consent", iso="IgG kappa", s0=2.9, u0=0, dlt=True),
    dict(id="03-003", coh=4, c1=d("2005-03-08"), ncyc=2, best="PD",
         resp=["PD", "PD"], eot="Progressive disease", iso="IgA lambda", s0=2.4, u0=0),
    dict(id="01-007", coh=4, c1=d("2005-03-29"), ncyc=7, best="PR", delay={5: 7},
         resp=["MR", "PR", "PR", "PR", "PD", "PD", "PD"],
         red=("Bortezomib", 5, 1.0, "Hypotension"),
         dex=7, eot="Progressive disease", iso="IgA lambda", s0=2.0, u0=0),
    dict(id="02-005", coh=4, c1=d("2005-04-12"), ncyc=6, best="MR",
         resp=["SD", "MR", "MR", "MR", "MR", "MR"],
         red=("Lenalidomide", 5, 5, "Fatigue"), worst_urine=True,
         eot="Adverse event", iso="IgG kappa", s0=3.1, u0=1100),
    dict(id="03-004", coh=4, c1=d("2005-04-26"), ncyc=5, best="MR",
         resp=["MR", "MR", "MR", "PD", "PD"],
         dex=5, eot="Progressive disease", iso="IgG lambda", s0=4.2, u0=0),
    dict(id="01-008", coh=5, c1=d("2005-07-11"), ncyc=0, best="NE", ne_off=10, ne_bort=(1, 4, 8),
         resp=["NE"], eot="Progressive disease", iso="IgA kappa", s0=4.8, u0=0),
    dict(id="02-006", coh=5, c1=d("2005-07-25"), ncyc=4, best="SD",
         resp=["SD", "SD", "SD"], eot=None, iso="IgG lambda", s0=2.7, u0=0),
    dict(id="03-005", coh=5, c1=d("2005-08-19"), ncyc=3, best="SD",
         resp=["SD", "SD"], eot=None, iso="IgG kappa", s0=1.9, u0=0),
]

SITES = {"01": "Boston", "02": "Tampa", "03": "Boston-2"}

RESP_DECODE = {"CR": "Complete response", "NCR": "Near complete response", "PR": "Partial response",
               "MR": "Minimal response", "SD": "Stable disease", "PD": "Progressive disease",
               "NE": "Not evaluable"}

rng = random.Random(SEED)


def cycle_dates(p):
    """Day 1 of each cycle given (1..ncyc, or just cycle 1 for NE patients)."""
    n = max(p["ncyc"], 1)
    out = {1: p["c1"]}
    for c in range(2, n + 1):
        out[c] = out[c - 1] + dt.timedelta(days=21 + p.get("delay", {}).get(c, 0))
    return out


for p in P:
    p["site"] = p["id"][:2]
    p["cd"] = cycle_dates(p)
    n = p["ncyc"]
    if n == 0:
        p["eotdat"] = p["c1"] + dt.timedelta(days=p["ne_off"] - 1)
    elif p["eot"]:
        p["eotdat"] = p["cd"][n] + dt.timedelta(days=21 + p.get("delay", {}).get(n + 1, 0))
    else:
        p["eotdat"] = None
        nxt = p["cd"][n] + dt.timedelta(days=21)
        assert nxt > CUTOFF, (p["id"], nxt)
        assert p["cd"][n] + dt.timedelta(days=13) <= CUTOFF, p["id"]  # last cycle fully dosed before cutoff
    if p["eotdat"]:
        assert p["eotdat"] <= CUTOFF, (p["id"], p["eotdat"])
    # assessments: (label, cycle value, date)
    ass = [("C%dD1" % c, str(c), p["cd"][c]) for c in range(2, n + 1)]
    if p["eot"]:
        ass.append(("EOT", "EOT", p["eotdat"]))
    assert len(ass) == len(p["resp"]), (p["id"], len(ass), len(p["resp"]))
    p["ass"] = [(a[0], a[1], a[2], r) for a, r in zip(ass, p["resp"])]
    p["dexdat"] = p["cd"][p["dex"]] if p.get("dex") else None

# ---------------------------------------------------------------------------------------------------------------
# Demographics, consent, enrolment
# ---------------------------------------------------------------------------------------------------------------
DEMO = {  # birth (iso or partial (y, m)), sex, race, ethnic
    "01-001": ("1946-05-14", "M", "W", "N"), "02-001": ("1939-11-02", "M", "W", "N"),
    "01-002": ((1941, 6), "F", "W", "N"), "01-003": ("1952-03-27", "M", "W", "N"),
    "03-001": ("1944-08-19", "F", "B", "N"), "02-002": ("1957-01-30", "M", "W", "H"),
    "01-004": ("1948-12-05", "M", "W", "N"), "03-002": ("1936-07-11", "F", "W", "N"),
    "02-003": ("1945-02-23", "M", "W", "N"), "01-005": ("1963-09-08", "F", "A", "N"),
    "02-004": ("1942-04-17", "M", "B", "N"), "01-006": ("1949-10-29", "M", "W", "N"),
    "03-003": ("1938-06-03", "F", "W", "N"), "01-007": ("1950-01-21", "F", "W", "N"),
    "02-005": ("1947-09-14", "M", "W", "N"), "03-004": ((1955, 3), "M", "W", "N"),
    "01-008": ("1943-12-12", "F", "W", "N"), "02-006": ("1951-05-06", "M", "W", "N"),
    "03-005": ("1960-02-16", "F", "W", "N"),
}
SEX = {"M": ("1", "Male"), "F": ("2", "Female")}
RACE = {"W": ("1", "White"), "B": ("2", "Black or African American"), "A": ("4", "Asian")}
ETH = {"H": ("1", "Hispanic or Latino"), "N": ("2", "Not Hispanic or Latino")}


def age_at(birth, when):
    if isinstance(birth, tuple):  # partial: day unknown, mid-month assumed by the site
        birth = dt.date(birth[0], birth[1], 15)
    return when.year - birth.year - ((when.month, when.day) < (birth.month, birth.day))


dm_rows, enrol_rows = [], []
for p in P:
    b, s, r, e = DEMO[p["id"]]
    p["scrdat"] = p["c1"] - dt.timedelta(days=rng.randint(6, 13))
    p["consdat"] = p["scrdat"] - dt.timedelta(days=rng.randint(0, 4))
    p["enrldat"] = p["c1"] - dt.timedelta(days=rng.randint(1, 4))
    bstr = partial(*b) if isinstance(b, tuple) else fmt(d(b))
    bd = b if isinstance(b, tuple) else d(b)
    dm_rows.append([p["id"], p["site"], bstr, str(age_at(bd, p["consdat"])), SEX[s][0], SEX[s][1],
                    RACE[r][0], RACE[r][1], ETH[e][0], ETH[e][1], "USA", fmt(p["consdat"])])
    bl, ll = COHORTS[p["coh"]]
    enrol_rows.append([p["id"], str(p["coh"]), "%.1f" % bl, str(ll), fmt(p["enrldat"])])

# ---------------------------------------------------------------------------------------------------------------
# Disease history, prior therapy, prior SCT
# ---------------------------------------------------------------------------------------------------------------
# 'R' relapsed, 'RR' relapsed and refractory
DISSTAT = {"01-001": "RR", "02-001": "R", "01-002": "RR", "01-003": "R", "03-001": "RR", "02-002": "R",
           "01-004": "RR", "03-002": "RR", "02-003": "RR", "01-005": "R", "02-004": "RR", "01-006": "RR",
           "03-003": "RR", "01-007": "R", "02-005": "RR", "03-004": "R", "01-008": "RR", "02-006": "R",
           "03-005": "R"}
DIAG = {"01-001": (2000, 1), "02-001": "2001-04-12", "01-002": (1998, 9), "01-003": "2002-02-20",
        "03-001": (1999, 5), "02-002": "2001-10-03", "01-004": (1997, 3), "03-002": (2000, 8),
        "02-003": (1995, 11), "01-005": "2003-06-16", "02-004": (1996, 2), "01-006": (2001, 3),
        "03-003": "1999-12-01", "01-007": (2002, 7), "02-005": (1998, 4), "03-004": "2002-11-08",
        "01-008": (1996, 7), "02-006": (2000, 10), "03-005": (2002, 1)}

# Prior lines: (regimen, start, end, best response). Start/end: 'YYYY-MM-DD' (full), (y, m) (partial) or ''.
MEL = "Melphalan 200 mg/m2 + ASCT"
PRIOR = {
    "01-001": [("VAD", (2000, 2), (2000, 6), "PR"), (MEL, "2000-09-05", "2000-09-14", "PR"),
               ("Thalidomide", (2002, 1), (2002, 10), "MR"),
               ("thalidomide/dexamethasone", (2003, 2), (2003, 8), "Partial response"),
               ("Bortezomib", "2004-01-12", "2004-05-03", "PD")],
    "02-001": [("VAD", (2001, 5), (2001, 9), "PR"), ("Thalidomide/Dexamethasone", (2002, 1), (2003, 3), "PR"),
               ("Dexamethasone pulses", (2004, 1), (2004, 4), "SD")],
    "01-002": [("Melphalan/Prednisone", (1998, 10), (1999, 6), "PR"), ("VAD", (1999, 8), (1999, 12), "PR"),
               (MEL, "2000-02-10", "2000-02-18", "CR"), ("Thalidomide", (2001, 9), (2002, 8), "PR"),
               ("Bortezomib", (2003, 6), (2003, 12), "MR"), ("Cyclophosphamide", (2004, 2), (2004, 6), "PD")],
    "01-003": [("VAD", (2002, 3), (2002, 7), "PR"),
               ("Tandem ASCT (Melphalan 200 mg/m2 x2)", "2002-09-10", "2003-01-21", "VGPR")],
    "03-001": [("VAD", (1999, 6), (1999, 10), "PR"), (MEL, "2000-01-11", "2000-01-20", "PR"),
               ("Thalidomide", (2002, 3), (2003, 1), "MR"), ("Bortezomib", (2004, 1), (2004, 6), "PD")],
    "02-002": [("VAD", (2001, 11), (2002, 3), "PR"), ("Thalidomide", (2002, 6), (2003, 4), "PR"),
               ("Thalidomide/Dexamethasone", (2004, 1), (2004, 6), "SD")],
    "01-004": [("Melphalan/Prednisone", (1997, 4), (1997, 12), "SD"), ("VAD", (1998, 2), (1998, 6), "PR"),
               (MEL, "1998-09-02", "1998-09-11", "PR"), ("Thalidomide", (2000, 3), (2001, 2), "PR"),
               ("DT-PACE", (2002, 4), (2002, 8), "PR"), ("Bortezomib", (2003, 7), (2003, 12), "PR"),
               ("Thalidomide/Dexamethasone", (2004, 3), (2004, 9), "PD")],
    "03-002": [("VAD", (2000, 9), (2001, 1), "PR"), (MEL, "2001-03-06", "2001-03-15", "PR"),
               ("Thalidomide", (2002, 5), (2003, 2), "SD"), ("cyclophosphamide/prednisone", (2004, 2), (2004, 8), "PD")],
    "02-003": [("Melphalan/Prednisone", (1995, 12), (1996, 7), "PR"), ("VAD", (1996, 10), (1997, 1), "PR"),
               (MEL, "1997-03-04", "1997-03-13", "PR"), ("Interferon alfa", (1997, 5), (1998, 10), "SD"),
               ("Allogeneic SCT (reduced intensity)", "1999-08-17", "1999-08-17", "PR"),
               ("Thalidomide", (2000, 11), (2001, 12), "PR"), ("DCEP", (2002, 3), (2002, 6), "MR"),
               ("Bortezomib", (2003, 3), (2003, 9), "PR"), ("Lenalidomide/Dex", (2004, 2), (2004, 10), "PD")],
    "01-005": [("Thalidomide/Dexamethasone", (2003, 7), (2004, 5), "PR")],
    "02-004": [("Melphalan/Prednisone", (1996, 3), (1996, 10), "PR"), ("VAD", (1997, 1), (1997, 5), "PR"),
               (MEL, "1997-07-15", "1997-07-24", "CR"), ("Thalidomide", (1999, 6), (2000, 5), "PR"),
               ("Cyclophosphamide", (2001, 2), (2001, 8), ""), ("Bortezomib", (2002, 9), (2003, 3), "PR"),
               ("Lenalidomide (CC-5013)", (2003, 10), (2004, 6), "PR"),
               ("Thalidomide/Dexamethasone", (2004, 8), "", "PD")],
    "01-006": [("VAD", (2001, 4), (2001, 8), "PR"), (MEL, "2001-10-09", "2001-10-18", "PR"),
               ("Thalidomide", (2003, 1), (2003, 11), "MR"),
               ("Thalidomide/Dexamethasone", (2004, 5), (2004, 12), "PD")],
    "03-003": [("Melphalan/Prednisone", (2000, 1), (2000, 9), "PR"), ("VAD", (2001, 2), (2001, 6), "SD"),
               ("Thalidomide", (2002, 1), (2002, 12), "PR"), ("Bortezomib", (2003, 8), (2004, 2), "PR"),
               ("Thalidomide/Dexamethasone", (2004, 6), (2005, 1), "PD")],
    "01-007": [("VAD", (2002, 8), (2002, 12), "PR"), ("Thalidomide", (2003, 3), (2003, 11), "PR"),
               ("Melphalan/Prednisone/Thalidomide", (2004, 4), (2004, 10), "MR")],
    "02-005": [("VAD", (1998, 5), (1998, 9), "PR"), (MEL, "1998-11-17", "1998-11-26", "PR"),
               ("Thalidomide", (2000, 6), (2001, 3), "PR"), ("Cyclophosphamide/Dexamethasone", (2002, 1), (2002, 6), "SD"),
               ("Bortezomib", (2003, 10), (2004, 4), "PR"), ("thalidomide", (2004, 7), (2005, 1), "PD")],
    "03-004": [("VAD", (2002, 12), (2003, 4), "PR"),
               ("Tandem ASCT (Melphalan 200 mg/m2 x2)", "2003-06-03", "2003-10-14", "PR")],
    "01-008": [("Melphalan/Prednisone", (1996, 8), (1997, 3), "PR"), ("VAD", (1997, 6), (1997, 10), "PR"),
               (MEL, "1998-01-13", "1998-01-22", "PR"), ("Thalidomide", (2000, 2), (2001, 1), "PR"),
               ("Cyclophosphamide", (2001, 9), (2002, 3), "SD"), ("Bortezomib", (2003, 4), (2003, 11), "MR"),
               ("DT-PACE", (2004, 3), (2004, 7), "unknown"), ("Thalidomide/Dexamethasone", (2004, 11), (2005, 5), "PD")],
    "02-006": [("VAD", (2000, 11), (2001, 3), "PR"), ("Thalidomide", (2001, 8), (2002, 6), "PR"),
               ("Melphalan/Prednisone", (2003, 1), (2003, 7), "MR"),
               ("Thalidomide/Dexamethasone", (2004, 5), (2004, 12), "SD")],
    "03-005": [("VAD", (2002, 2), (2002, 6), "PR"), ("Thalidomide", (2002, 9), (2003, 8), "PR"),
               ("Thalidomide/Dexamethasone", (2004, 6), (2005, 1), "stable")],
}
# SCT dates: from the MEL lines, tandem lines (two transplants), allogeneic
SCT = {
    "01-001": [("Autologous", "2000-09-14")], "01-002": [("Autologous", "2000-02-18")],
    "01-003": [("Autologous", "2002-09-12"), ("Autologous", "2003-01-21")],
    "03-001": [("Autologous", "2000-01-20")], "01-004": [("Autologous", "1998-09-11")],
    "03-002": [("Autologous", "2001-03-15")],
    "02-003": [("Autologous", "1997-03-13"), ("Allogeneic", "1999-08-17")],
    "02-004": [("Autologous", "1997-07-24")], "01-006": [("Autologous", "2001-10-18")],
    "02-005": [("Autologous", "1998-11-26")],
    "03-004": [("Autologous", "2003-06-05"), ("Autologous", "2003-10-14")],
    "01-008": [("Autologous", "1998-01-22")],
}


def pdate(v):
    if v == "":
        return ""
    if isinstance(v, tuple):
        return partial(*v)
    return fmt(d(v))


dishx_rows, prthx_rows, sct_rows = [], [], []
for p in P:
    st = DISSTAT[p["id"]]
    g = DIAG[p["id"]]
    dishx_rows.append([p["id"], pdate(g), p["iso"], "1" if st == "R" else "2",
                       "Relapsed" if st == "R" else "Relapsed and refractory"])
    for i, (reg, s, e, br) in enumerate(PRIOR[p["id"]], 1):
        prthx_rows.append([p["id"], str(i), reg, pdate(s), pdate(e), br])
    for typ, sd in SCT.get(p["id"], []):
        sct_rows.append([p["id"], typ, fmt(d(sd))])

# ---------------------------------------------------------------------------------------------------------------
# Study drug
# ---------------------------------------------------------------------------------------------------------------
ex_rows = []
BORT_DAYS = (1, 4, 8, 11)
DEX_DAYS = (1, 2, 4, 5, 8, 9, 11, 12)
for p in P:
    bl, ll = COHORTS[p["coh"]]
    red = p.get("red")
    ncyc_given = max(p["ncyc"], 1)
    for c in range(1, ncyc_given + 1):
        c1 = p["cd"][c]
        bdose, ldose, badj, ladj = bl, ll, "", ""
        if red and c >= red[1]:
            if red[0] == "Bortezomib":
                bdose, badj = red[2], red[3]
            else:
                ldose, ladj = red[2], red[3]
        bdays = BORT_DAYS
        lend = 14
        if p["ncyc"] == 0:
            bdays = p["ne_bort"]
            lend = p["ne_off"] - 2
        if p.get("dlt") and c == 1:
            bdays = (1, 4, 8)  # day 11 held for grade 3 hyponatraemia (drug interrupted)
            lend = 9
        for day in bdays:
            x = c1 + dt.timedelta(days=day - 1)
            ex_rows.append([p["id"], str(c), "Bortezomib", fmt(x), fmt(x), "%.1f" % bdose, "mg/m2", "IV",
                            "%.1f" % bl, "Y" if badj else "", badj])
        ex_rows.append([p["id"], str(c), "Lenalidomide", fmt(c1), fmt(c1 + dt.timedelta(days=lend - 1)), str(ldose),
                        "mg", "PO", str(ll), "Y" if ladj else "", ladj])
        if p.get("dex") and c >= p["dex"]:
            for day in DEX_DAYS:
                x = c1 + dt.timedelta(days=day - 1)
                ex_rows.append([p["id"], str(c), "Dexamethasone", fmt(x), fmt(x), "20", "mg", "PO", "20", "", ""])

# ---------------------------------------------------------------------------------------------------------------
# M-protein trajectories that give, at each assessment, the investigator's category under MYELOMA.md 1.3
# ---------------------------------------------------------------------------------------------------------------
SERUM_RANGE = {"PR": (0.22, 0.46), "MR": (0.53, 0.72), "SD": (0.78, 1.08)}


def nonpd_upper(nad, abs_min):
    """Largest value that is not PD against the nadir (> 25 % AND >= abs_min rise is PD)."""
    return max(1.249 * nad, nad + abs_min * 0.98)


def gen_serum(p):
    s0 = p["s0"]
    if not s0:  # light-chain disease: no serum M-spike, measurable in urine only
        return [None if c == "NE" else 0.0 for (_, _, _, c) in p["ass"]]
    nad = s0
    prev = s0
    out = []
    for (vis, cyc, date, cat) in p["ass"]:
        if cat == "NE":
            out.append(None)
            continue
        if cat in ("NCR", "CR"):
            v = 0.0
        elif cat == "PD":
            lo = max(1.30 * nad, nad + 0.55)
            if prev > nad and prev >= lo:  # confirming rise
                v = prev * rng.uniform(1.05, 1.18)
            else:
                v = lo * rng.uniform(1.02, 1.12)
        else:
            lo, hi = SERUM_RANGE[cat]
            lo, hi = lo * s0, hi * s0
            hi = min(hi, nonpd_upper(nad, 0.5))
            assert lo < hi, (p["id"], vis, cat, lo, hi, nad)
            if lo <= prev <= hi:
                v = min(max(prev * rng.uniform(0.86, 1.04), lo), hi)
            else:
                v = rng.uniform(lo + 0.6 * (hi - lo), hi) if prev > hi else rng.uniform(lo, lo + 0.4 * (hi - lo))
        v = round(v, 2) if v else 0.0
        v = p.get("sfix", {}).get(vis, v)  # hand-set values (e.g. 0.05 = reported '<0.1')
        out.append(v)
        prev = v
        nad = min(nad, v)
    return out


def gen_urine(p, serum):
    """Urine M-protein per assessment (mg/24h); only for patients with measurable urine at baseline."""
    u0 = p["u0"]
    if not u0:
        return [0.0 if c != "NE" else None for (_, _, _, c) in p["ass"]]
    nad = u0
    prev = u0
    out = []
    for i, (vis, cyc, date, cat) in enumerate(p["ass"]):
        if cat == "NE":
            out.append(None)
            continue
        ucat = cat
        if p["s0"] and not p.get("worst_urine") and cat in ("MR", "SD"):
            ucat = "PR"  # urine falls below 200 mg/24h; the serum compartment sets the category
        if ucat in ("NCR", "CR"):
            v = 0
        elif ucat == "PD":
            lo = max(1.30 * nad, nad + 220)
            v = max(lo * rng.uniform(1.02, 1.15), prev * 1.05 if prev > lo else 0)
        elif ucat == "PR":
            hi = min(199, nonpd_upper(nad, 200))
            v = rng.uniform(0.35 * hi, hi) if prev > hi else min(hi, prev * rng.uniform(0.8, 1.02))
        elif ucat == "MR":
            lo, hi = max(0.12 * u0, 235), min(0.5 * u0, nonpd_upper(nad, 200))
            assert lo < hi, (p["id"], vis, lo, hi)
            v = min(max(prev * rng.uniform(0.85, 1.0), lo), hi) if lo <= prev <= hi else rng.uniform(lo, hi)
        else:  # SD
            lo, hi = 0.55 * u0, min(1.05 * u0, nonpd_upper(nad, 200))
            assert lo < hi, (p["id"], vis, lo, hi)
            v = rng.uniform(lo, hi)
        v = int(round(v / 10.0) * 10) if v >= 100 else int(round(v))
        out.append(v)
        prev = v
        nad = min(nad, v)
    return out


for p in P:
    if p.get("worst_urine"):
        # serum goes to PR depth at the MR visits (>= 50 % reduction) while urine stays MR: worst compartment wins
        s0 = p["s0"]
        vals = []
        for (vis, cyc, date, cat) in p["ass"]:
            vals.append({"SD": 0.86, "MR": 0.62}[cat] * s0 if vis in ("C2D1", "C3D1") else
                        {"MR": rng.uniform(0.40, 0.47) * s0}[cat])
        p["S"] = [round(v, 2) for v in vals]
    else:
        p["S"] = gen_serum(p)
    p["U"] = gen_urine(p, p["S"])
    # immunofixation: positive while M-protein is present; CR visits negative in both
    sife, uife = [], []
    for (vis, cyc, date, cat), s, u in zip(p["ass"], p["S"], p["U"]):
        if cat == "NE":
            sife.append(None)
            uife.append(None)
        elif cat == "CR":
            sife.append("Negative")
            uife.append("Negative")
        else:
            sife.append("Positive")
            uife.append("Positive" if (p["u0"] or p["id"] in ("01-004", "02-003")) else "Negative")
    p["SIFE"], p["UIFE"] = sife, uife

# ---------------------------------------------------------------------------------------------------------------
# Adverse events. (term, PT, cycle, day, duration days | None ongoing | 'UN yyyy-mm' partial end,
#                  grade, serious, relationship, action, outcome, dlt)
# ---------------------------------------------------------------------------------------------------------------
SOC = {
    "Hyponatraemia": "Metabolism and nutrition disorders", "Decreased appetite": "Metabolism and nutrition disorders",
    "Hyperglycaemia": "Metabolism and nutrition disorders",
    "Thrombocytopenia": "Blood and lymphatic system disorders", "Neutropenia": "Blood and lymphatic system disorders",
    "Anaemia": "Blood and lymphatic system disorders", "Leukopenia": "Blood and lymphatic system disorders",
    "Fatigue": "General disorders and administration site conditions",
    "Pyrexia": "General disorders and administration site conditions",
    "Oedema peripheral": "General disorders and administration site conditions",
    "Hypotension": "Vascular disorders", "Deep vein thrombosis": "Vascular disorders",
    "Diarrhoea": "Gastrointestinal disorders", "Constipation": "Gastrointestinal disorders",
    "Nausea": "Gastrointestinal disorders", "Vomiting": "Gastrointestinal disorders",
    "Peripheral sensory neuropathy": "Nervous system disorders", "Dizziness": "Nervous system disorders",
    "Rash": "Skin and subcutaneous tissue disorders", "Pruritus": "Skin and subcutaneous tissue disorders",
    "Herpes zoster": "Infections and infestations", "Upper respiratory tract infection": "Infections and infestations",
    "Pneumonia": "Infections and infestations", "Insomnia": "Psychiatric disorders",
    "Muscle spasms": "Musculoskeletal and connective tissue disorders",
    "Bone pain": "Musculoskeletal and connective tissue disorders",
    "Dyspnoea": "Respiratory, thoracic and mediastinal disorders",
}
NR, UR, PO, PR_, DR = "Not related", "Unlikely related", "Possibly related", "Probably related", "Definitely related"
DNC, RED, INT, WD, NA = "Dose not changed", "Dose reduced", "Drug interrupted", "Drug withdrawn", "Not applicable"
REC, RECG, NREC = "Recovered/resolved", "Recovering/resolving", "Not recovered/not resolved"
AE = {
    "01-001": [("fatigue", "Fatigue", 1, 5, 30, 1, "N", PO, DNC, REC),
               ("Constipation", "Constipation", 2, 3, 12, 1, "N", PO, DNC, REC),
               ("low platelets", "Thrombocytopenia", 4, 1, 14, 2, "N", PR_, DNC, REC),
               ("tingling fingers", "Peripheral sensory neuropathy", 6, 4, 60, 1, "N", PO, DNC, REC),
               ("insomnia", "Insomnia", 8, 3, 40, 1, "N", PO, DNC, REC),
               ("HYPERGLYCEMIA", "Hyperglycaemia", 9, 1, 21, 2, "N", PO, DNC, REC)],
    "02-001": [("Diarrhea", "Diarrhoea", 1, 9, 4, 1, "N", PO, DNC, REC),
               ("URI", "Upper respiratory tract infection", 7, 15, "UN 2005-01", 2, "N", UR, INT, REC),
               ("rash on trunk", "Rash", 2, 6, 10, 1, "N", PR_, DNC, REC),
               ("anemia", "Anaemia", 7, 1, 21, 2, "N", PO, DNC, REC)],
    "01-002": [("nausea, mild", "Nausea", 1, 2, 5, 1, "N", PO, DNC, REC),
               ("Fatigue", "Fatigue", 3, 4, 35, 2, "N", PO, DNC, REC),
               ("ankle swelling", "Oedema peripheral", 8, 6, 30, 1, "N", PO, DNC, REC),
               ("Insomnia", "Insomnia", 8, 2, None, 1, "N", PR_, DNC, NREC)],
    "01-003": [("Constipation", "Constipation", 1, 6, 20, 1, "N", PO, DNC, REC),
               ("thrombocytopenia", "Thrombocytopenia", 6, 1, 28, 3, "N", PR_, RED, REC),
               ('"pins and needles" feet', "Peripheral sensory neuropathy", 9, 2, None, 1, "N", PO, DNC, NREC),
               ("Herpes zoster", "Herpes zoster", 11, 5, 21, 2, "N", PO, DNC, REC),
               ("diarrhoea", "Diarrhoea", 13, 3, 3, 1, "N", PO, DNC, REC)],
    "03-001": [("LOW PLATELETS", "Thrombocytopenia", 5, 1, 21, 3, "N", PR_, RED, REC),
               ("fatigue", "Fatigue", 2, 1, 60, 1, "N", PO, DNC, REC),
               ("Hyperglycemia (dex)", "Hyperglycaemia", 12, 1, None, 2, "N", UR, DNC, NREC),
               ("dizziness", "Dizziness", 7, 8, 5, 1, "N", PO, DNC, REC)],
    "02-002": [("Rash", "Rash", 1, 10, 12, 2, "N", PR_, INT, REC),
               ("constipation", "Constipation", 2, 2, 30, 1, "N", PO, DNC, REC),
               ("Pneumonia", "Pneumonia", 5, 12, 14, 3, "Y", UR, INT, REC)],
    "01-004": [("neutropenia", "Neutropenia", 6, 1, 14, 3, "N", PR_, RED, REC),
               ("Fatigue", "Fatigue", 1, 8, 50, 1, "N", PO, DNC, REC),
               ("Muscle cramps", "Muscle spasms", 4, 10, 7, 1, "N", PO, DNC, REC),
               ("insomnia", "Insomnia", 10, 2, 30, 1, "N", PR_, DNC, REC)],
    "03-002": [("Nausea", "Nausea", 1, 3, 4, 1, "N", PO, DNC, REC),
               ("Anemia", "Anaemia", 4, 1, 21, 3, "N", PO, DNC, REC),
               ("Diarrhea", "Diarrhoea", 3, 9, 5, 2, "N", PO, DNC, REC)],
    "02-003": [("back pain", "Bone pain", 1, 2, None, 2, "N", NR, NA, NREC),
               ("Nausea", "Nausea", 1, 4, 3, 1, "N", UR, DNC, REC)],
    "01-005": [("Thrombocytopenia", "Thrombocytopenia", 7, 1, 21, 3, "N", PR_, RED, REC),
               ("numbness toes", "Peripheral sensory neuropathy", 5, 6, None, 1, "N", PO, DNC, NREC),
               ("fatigue", "Fatigue", 2, 3, 30, 1, "N", PO, DNC, REC),
               ("rash", "Rash", 1, 12, 8, 1, "N", PR_, DNC, REC)],
    "02-004": [("Fatigue", "Fatigue", 1, 6, 40, 2, "N", PO, DNC, REC),
               ("Low platelets", "Thrombocytopenia", 3, 1, 21, 2, "N", PR_, DNC, REC)],
    "01-006": [("low sodium", "Hyponatraemia", 1, 9, 6, 3, "Y", PO, INT, REC),
               ("constipation", "Constipation", 1, 3, 15, 1, "N", PO, DNC, REC),
               ("Fatigue", "Fatigue", 3, 5, 30, 1, "N", PO, DNC, REC)],
    "03-003": [("Fatigue", "Fatigue", 1, 7, 20, 1, "N", PO, DNC, REC),
               ("Bone pain", "Bone pain", 2, 11, None, 2, "N", NR, DNC, NREC)],
    "01-007": [("HYPOTENSION", "Hypotension", 4, 8, 10, 2, "N", PR_, RED, REC),
               ("Dizziness", "Dizziness", 4, 8, 6, 1, "N", PO, DNC, REC),
               ("diarrhoea", "Diarrhoea", 2, 5, 3, 1, "N", PO, DNC, REC),
               ("Insomnia", "Insomnia", 7, 2, 20, 1, "N", PO, DNC, REC)],
    "02-005": [("fatigue", "Fatigue", 4, 10, 30, 2, "N", PR_, RED, REC),
               ("Fatigue - worsening", "Fatigue", 6, 15, None, 3, "N", PR_, WD, RECG),
               ("Neutropenia", "Neutropenia", 3, 1, 10, 2, "N", PO, DNC, REC),
               ("Rash", "Rash", 1, 11, 7, 1, "N", PO, DNC, REC)],
    "03-004": [("Nausea", "Nausea", 1, 2, 3, 1, "N", PO, DNC, REC),
               ("leg swelling", "Oedema peripheral", 3, 5, 28, 1, "N", UR, DNC, REC),
               ("insomnia", "Insomnia", 5, 3, 14, 1, "N", PR_, DNC, REC)],
    "01-008": [("bone pain ribs", "Bone pain", 1, 3, None, 2, "N", NR, NA, NREC),
               ("Fever", "Pyrexia", 1, 6, 2, 1, "N", UR, DNC, REC)],
    "02-006": [("Fatigue", "Fatigue", 1, 8, None, 1, "N", PO, DNC, NREC),
               ("Constipation", "Constipation", 2, 2, 10, 1, "N", PO, DNC, REC),
               ("Low Platelets", "Thrombocytopenia", 3, 1, 21, 2, "N", PR_, DNC, REC)],
    "03-005": [("Diarrhea", "Diarrhoea", 1, 10, 3, 1, "N", PO, DNC, REC),
               ("Rash, itchy", "Rash", 2, 4, None, 1, "N", PR_, DNC, NREC)],
}
# late-entered record: keyed in after the rest of the file (out of order), appended last
LATE_AE = ("01-002", ("Constipation", "Constipation", 2, 5, 9, 1, "N", PO, DNC, REC))

ae_rows = []


def ae_row(p, spid, a):
    term, pt, cyc, day, dur, grade, ser, rel, act, out = a
    st = p["cd"][cyc] + dt.timedelta(days=day - 1)
    if dur is None:
        en = ""
    elif isinstance(dur, str):
        y, m = dur[3:].split("-")
        en = partial(int(y), int(m))
    else:
        e = st + dt.timedelta(days=dur)
        en = fmt(e) if e <= CUTOFF else ""
        if e > CUTOFF:
            out = RECG
    dlt = "Y" if (p.get("dlt") and pt == "Hyponatraemia") else "N"
    return [p["id"], str(spid), term, pt, SOC[pt], fmt(st), en, str(grade), ser, rel, act, out, dlt]


for p in P:
    for i, a in enumerate(sorted(AE[p["id"]], key=lambda a: (a[2], a[3])), 1):
        ae_rows.append(ae_row(p, i, a))
pl = next(p for p in P if p["id"] == LATE_AE[0])
ae_rows.append(ae_row(pl, len(AE[pl["id"]]) + 1, LATE_AE[1]))

# ---------------------------------------------------------------------------------------------------------------
# Local laboratory
# ---------------------------------------------------------------------------------------------------------------
# AE-driven lab values: (subject, visit) -> {test: value in standard units}
LAB_OVR = {
    ("01-001", "C4D1"): {"PLT": 62}, ("01-003", "C6D1"): {"PLT": 38}, ("03-001", "C5D1"): {"PLT": 42},
    ("01-005", "C7D1"): {"PLT": 35}, ("02-004", "C3D1"): {"PLT": 58}, ("02-006", "C3D1"): {"PLT": 66},
    ("01-004", "C6D1"): {"ANC": 0.8, "WBC": 2.1}, ("02-005", "C3D1"): {"ANC": 1.2, "WBC": 2.9},
    ("02-001", "C7D1"): {"HGB": 9.1}, ("03-002", "C4D1"): {"HGB": 7.6},
    ("01-006", "Unscheduled"): {"NA": 127}, ("01-006", "C2D1"): {"NA": 134},
}
# site 02 (Tampa) reports haemoglobin in g/L and platelets per mm3
HAEM = [("HGB", "Haemoglobin"), ("PLT", "Platelets"), ("ANC", "Neutrophils (ANC)"), ("WBC", "WBC")]
CHEM = [("NA", "Sodium"), ("K", "Potassium"), ("CREAT", "Creatinine"), ("CA", "Calcium"), ("ALB", "Albumin")]
UNITS = {"HGB": ("g/dL", "12.0", "16.0"), "PLT": ("x10^3/uL", "150", "400"), "ANC": ("x10^3/uL", "1.8", "7.7"),
         "WBC": ("x10^3/uL", "4.0", "11.0"), "NA": ("mmol/L", "135", "145"), "K": ("mmol/L", "3.5", "5.1"),
         "CREAT": ("mg/dL", "0.6", "1.3"), "CA": ("mg/dL", "8.5", "10.5"), "ALB": ("g/dL", "3.5", "5.0")}
UNITS_02 = {"HGB": ("g/L", "120", "160"), "PLT": ("/mm3", "150000", "400000")}
DEC = {"HGB": 1, "PLT": 0, "ANC": 2, "WBC": 1, "NA": 0, "K": 1, "CREAT": 1, "CA": 1, "ALB": 1}


def lab_value_text(site, code, v):
    if site == "02" and code == "HGB":
        return str(int(round(v * 10)))
    if site == "02" and code == "PLT":
        return str(int(round(v)) * 1000)
    n = DEC[code]
    return str(int(round(v))) if n == 0 else "%.*f" % (n, v)


lab_rows = []


def tim(r, blank_ok=True):
    if blank_ok and r.random() < 0.12:
        return ""
    return "%02d:%02d" % (r.randint(7, 11), r.choice([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]))


for p in P:
    site = p["site"]
    base = {"HGB": rng.uniform(9.4, 12.6), "PLT": rng.uniform(95, 240), "ANC": rng.uniform(1.6, 3.9),
            "WBC": 0, "NA": rng.uniform(135, 141), "K": rng.uniform(3.7, 4.6), "CREAT": rng.uniform(0.7, 1.6),
            "CA": rng.uniform(8.7, 10.1), "ALB": rng.uniform(3.0, 4.2)}
    base["WBC"] = base["ANC"] + rng.uniform(1.2, 2.4)
    visits = [("Screening", p["scrdat"]), ("C1D1", p["c1"])]
    if p.get("dlt"):
        visits.append(("Unscheduled", p["c1"] + dt.timedelta(days=8)))
    for c in range(2, p["ncyc"] + 1):
        visits.append(("C%dD1" % c, p["cd"][c]))
    if p["eotdat"]:
        visits.append(("EOT", p["eotdat"]))
    ass_by_visit = {a[0]: i for i, a in enumerate(p["ass"])}
    for vis, date in visits:
        ovr = LAB_OVR.get((p["id"], vis), {})
        t = tim(rng)
        if p["id"] == "02-002" and vis == "C3D1":
            t = "08:20"
        panels = [("Haematology", HAEM), ("Chemistry", CHEM)]
        if vis == "Unscheduled":
            panels = [("Chemistry", CHEM)]
        for panel, tests in panels:
            for code, name in tests:
                if code in ovr:
                    v = ovr[code]
                else:
                    drift = {"HGB": 0.35, "PLT": 16, "ANC": 0.25, "WBC": 0.3, "NA": 1.2, "K": 0.2,
                             "CREAT": 0.07, "CA": 0.25, "ALB": 0.12}[code]
                    v = base[code] + rng.gauss(0, drift)
                    if code == "PLT":
                        v = max(v, 82)
                    if code == "ANC":
                        v = max(v, 1.3)
                    if code == "WBC":
                        v = max(v, 2.6)
                    if code == "HGB":
                        v = max(v, 8.6)
                    if code == "NA":
                        v = min(max(v, 134), 143)
                    if code == "CA":
                        v = min(v, 10.4)
                unit, lln, uln = (UNITS_02 if site == "02" and code in UNITS_02 else UNITS)[code]
                lab_rows.append([p["id"], vis, fmt(date), t, panel, name, lab_value_text(site, code, v), unit, lln, uln])
                if p["id"] == "02-002" and vis == "C3D1" and code == "K":
                    # haemolysed sample re-drawn later the same day
                    lab_rows[-1][6] = "5.8"
                    lab_rows.append([p["id"], vis, fmt(date), "11:40", panel, name, "4.3", unit, lln, uln])
        # M-protein at screening (baseline) and at every response assessment that had labs
        if vis == "Screening":
            s, u, sife, uife = p["s0"], p["u0"], "Positive", ("Positive" if (p["u0"] or p["id"] in ("01-004", "02-003")) else "Negative")
        elif vis in ass_by_visit and p["S"][ass_by_visit[vis]] is not None:
            i = ass_by_visit[vis]
            s, u, sife, uife = p["S"][i], p["U"][i], p["SIFE"][i], p["UIFE"][i]
        else:
            continue
        if s == 0:
            stxt = "Not detected"
        elif s == 0.05:
            stxt = "<0.1"
        else:
            stxt = "%.2f" % s
        utxt = "Not detected" if u == 0 else str(int(u))
        lab_rows.append([p["id"], vis, fmt(date), t, "Serum protein", "Serum M-protein (SPEP)", stxt, "g/dL", "", ""])
        lab_rows.append([p["id"], vis, fmt(date), t, "Serum protein", "Serum immunofixation", sife, "", "", ""])
        lab_rows.append([p["id"], vis, fmt(date), "", "Urine protein", "24h urine M-protein (UPEP)", utxt, "mg/24h", "", ""])
        lab_rows.append([p["id"], vis, fmt(date), "", "Urine protein", "Urine immunofixation", uife, "", "", ""])

# ---------------------------------------------------------------------------------------------------------------
# Response, end of treatment / study
# ---------------------------------------------------------------------------------------------------------------
resp_rows, eos_rows = [], []
for p in P:
    for (vis, cyc, date, cat) in p["ass"]:
        resp_rows.append([p["id"], cyc, fmt(date), cat, RESP_DECODE[cat]])
    if p["eotdat"]:
        eosd = p["eotdat"] + dt.timedelta(days=30)
        if p["id"] == "01-003" or eosd > CUTOFF:
            eos_rows.append([p["id"], fmt(p["eotdat"]), p["eot"], "", ""])  # still in follow-up
        else:
            eos_rows.append([p["id"], fmt(p["eotdat"]), p["eot"], fmt(eosd), p["eot"]])
    else:
        eos_rows.append([p["id"], "", "", "", ""])

# ---------------------------------------------------------------------------------------------------------------
FORMS = {
    "dm.csv": (["SUBJID", "SITENO", "BRTHDAT", "AGE", "SEX_CD", "SEX", "RACE_CD", "RACE", "ETHNIC_CD", "ETHNIC",
                "COUNTRY", "CONSDAT"], dm_rows),
    "enrol.csv": (["SUBJID", "COHORT", "BORT_DL", "LEN_DL", "ENRLDAT"], enrol_rows),
    "dishx.csv": (["SUBJID", "DIAGDAT", "MMTYPE", "DISSTAT_CD", "DISSTAT"], dishx_rows),
    "prthx.csv": (["SUBJID", "LINE", "REGIMEN", "STDAT", "ENDDAT", "BESTRESP"], prthx_rows),
    "sct.csv": (["SUBJID", "SCTTYPE", "SCTDAT"], sct_rows),
    "exposure.csv": (["SUBJID", "CYCLE", "DRUG", "STDAT", "ENDDAT", "DOSE", "DOSEU", "ROUTE", "PLANDOSE", "ADJ_YN",
                      "ADJREAS"], ex_rows),
    "ae.csv": (["SUBJID", "AESPID", "AETERM", "AEPT", "AESOC", "AESTDAT", "AEENDAT", "GRADE", "SERIOUS", "REL",
                "ACTION", "OUTCOME", "DLT"], ae_rows),
    "lab.csv": (["SUBJID", "VISIT", "LBDAT", "LBTIM", "PANEL", "TEST", "RESULT", "UNIT", "LLN", "ULN"], lab_rows),
    "resp.csv": (["SUBJID", "CYCLE", "ASSDAT", "RESP_CD", "RESP"], resp_rows),
    "eos.csv": (["SUBJID", "EOTDAT", "EOTREAS", "EOSDAT", "EOSREAS"], eos_rows),
}


def main():
    out = RAW
    if len(sys.argv) == 3 and sys.argv[1] == "--out":  # write elsewhere (check.py uses it to test reproducibility)
        out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for name, (header, rows) in FORMS.items():
        assert all(len(r) == len(header) for r in rows), name
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(header)
            w.writerows(rows)
        print("%-14s %5d rows" % (name, len(rows)))


if __name__ == "__main__":
    main()
