#!/usr/bin/env python3
"""Builds core-severity.csv: for each shipped CDISC CORE rule, the one Pinnacle 21 rule that checks the same thing
and its severity: Reject where FDA's P21 configuration says so (technical rejection), else the P21 PMDA
severity of that rule (PMDA's Reject kept at Error for FDA), as ../../../docs/conformance.md states. CORE's rules carry no severity; P21's do, and validators read
findings by them. Run from this folder: python3 core-severity.py

A P21 rule counts as the CORE rule's counterpart when the crosswalk (p21-core-crosswalk.tsv) links it directly
(published_core_ids) and either it is the only P21 rule so linked, or its publisher ids include one of the CORE
rule's own CDISC/FDA ids (CGnnnn, FBnnnn). Links only through a shared FDA business rule citation
(core_ids_via_FDAB_citation) are too broad to decide a counterpart and are not used. A CORE rule without a
counterpart (or whose counterpart has no FDA severity) gets Warning, and a rule CORE marks "Possible Overreporting" is never
above Warning."""
import csv, glob, os, re

def ids_of(path):
    text = open(path, encoding="utf-8").read()
    return set(re.findall(r"\b(CG\d{4}|FB\d{4}|FDAB\d{3,4})\b", text)), ("Overreporting" in text)

links = {}
for row in csv.DictReader(open("p21-core-crosswalk.tsv", encoding="utf-8"), delimiter="\t"):
    publishers = set(re.findall(r"(CG\d{4}|FB\d{4}|FDAB\d{3,4})", row["publisher_ids"]))
    # publisher ranges such as CG0232-CG0235
    for a, b in re.findall(r"CG(\d{4})-CG(\d{4})", row["publisher_ids"]):
        publishers |= {f"CG{n:04d}" for n in range(int(a), int(b) + 1)}
    # FDA's P21 configuration pins only Reject (technical rejection); otherwise the P21 PMDA severity of the same
    # rule id, with PMDA's own Rejects kept at Error for FDA (CONFORMANCE.md, severity policy).
    fda, pmda = row["fda_config_severity"], row["pmda_severity"]
    severity = "Reject" if fda == "Reject" else ("Error" if pmda == "Reject" else pmda)
    for core in filter(None, (c.strip() for c in row["published_core_ids"].split(";"))):
        links.setdefault(core, []).append((row["p21_id"], severity, publishers, row["standard_config"]))

rank = {"Reject": 0, "Error": 1, "Warning": 2, "Notice": 3}
out = []
for folder in ("core-rules/published", "core-rules/deprecated"):
    for path in sorted(glob.glob(f"{folder}/CORE-*.yml")):
        core = os.path.basename(path)[:-4]
        own, over = ids_of(path)
        candidates = links.get(core, [])
        chosen, basis = None, "no P21 counterpart"
        if len(candidates) == 1:
            chosen, basis = candidates[0], "only P21 rule linked"
        elif candidates:
            shared = [c for c in candidates if c[2] & own]
            if len(shared) == 1 or (shared and len({c[0] for c in shared}) == 1):
                chosen, basis = shared[0], "P21 rule citing the same CDISC/FDA id"
        severity = chosen[1] if chosen and chosen[1] else "Warning"
        if chosen and not chosen[1]:
            basis += "; the P21 rule has no severity"
        if over and rank.get(severity, 2) < rank["Warning"]:
            severity, basis = "Warning", basis + "; CORE: possible overreporting"
        out.append((core, chosen[0] if chosen else "", severity, basis))

with open("core-severity.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["core_id", "p21_id", "severity", "basis"])
    w.writerows(out)
print(f"{len(out)} rules, {sum(1 for o in out if o[1])} with a P21 counterpart")
