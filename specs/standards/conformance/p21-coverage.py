#!/usr/bin/env python3
"""Builds docs/p21-coverage.csv: for every Pinnacle 21 rule id of the SDTM-IG 3.4 (FDA) and ADaM-IG 1.3 (FDA)
configurations, which of the engine's rules check it, and why not when none does.

Run from anywhere (python3, standard library only):

    python3 specs/standards/conformance/p21-coverage.py          # rewrites docs/p21-coverage.csv and the counts
                                                                 # block of docs/p21-coverage.md
    python3 specs/standards/conformance/p21-coverage.py --check  # exits 1 if either file is out of date

Inputs, all in this repository:

* p21-core-crosswalk.tsv (beside this script): the 504 + 326 P21 rule ids with their category, publisher ids (CGnnnn,
  FDABnnn, TCG sections, eCTD criteria), the published CORE ids linked to them and the FDA-config severity.
* core-rules/published/CORE-*.yml and core-rules/deprecated/CORE-*.yml: CDISC CORE's rules as shipped; their
  Authorities list the CDISC (CGnnnn), FDA (FBnnnn, citing section FDABnnn) and TRC ids each implements.
* rules/*.yml: our own rules; their Pinnacle 21 authority lists P21 ids, ranges such as SD2201-SD2235 meaning every
  crosswalk id in the range.

One output row per (configuration, P21 id), columns:

    p21_id, standard, category, fda_severity, covered_by, status, reason_category, reason

covered_by lists the CORE ids and our rule ids that check the P21 rule. A CORE rule counts when
  1. the crosswalk links it (published_core_ids), or
  2. one of the P21 rule's CG ids (ranges expanded) is in the CORE rule's Authorities,
unless CG_REJECTED below says it checks something else (P21 cites some CG rules loosely). A shared FDA business
rule (FDABnnn, which CORE splits into FBnnnn rules) or eCTD criterion (TRC1734, TRC1736) alone is not evidence:
FDAB009 is cited by 22 CORE rules about 22 different variable pairs, and TRC1736 covers both a missing dm.xpt and
a missing define.xml. Such a link counts only when FDAB_CONFIRMED below lists it, after reading both rules.
CORE's shipped rules cite SDTMIG, so they count for the SDTM-IG configuration only. Whether a CORE rule can run is
read from its YAML (rule type, operations, RELREC joins) against what the engine implements.
Our rule counts when its rule file (rules/*.yml) lists the P21 id and its scope reaches the configuration, unless OURS_NOT_CHECKED
says its operation does not test that P21 rule (a rule file sometimes lists a whole family under one rule);
OURS_EXTRA credits an operation that tests a P21 rule our rule files file under another of our rules.

status is
  covered                 at least one covering rule runs here;
  covered_not_executable  covering rules exist but none can run here (reason says why);
  not_covered             no rule checks it (reason says why).
reason_category groups the reasons (REASON_CATEGORIES); a covered row may carry one too, when the check is partial
(PARTIAL) or only a deprecated CORE rule does it. Every not_covered id must appear in NOT_COVERED below, or the
script stops: new crosswalk ids need a human decision, not a default.

The P21 rule texts this curation was checked against are not shipped (Pinnacle 21 licence); details are in our
own words.
"""
import csv
import glob
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
CROSSWALK = os.path.join(HERE, "p21-core-crosswalk.tsv")
CORE_RULES = os.path.join(HERE, "core-rules")
OUR_RULES = os.path.join(HERE, "rules")
OUT_CSV = os.path.join(ROOT, "docs", "p21-coverage.csv")
OUT_MD = os.path.join(ROOT, "docs", "p21-coverage.md")

STANDARDS = {"SDTM-IG 3.4 (FDA)": "SDTM-IG 3.4", "ADaM-IG 1.3 (FDA)": "ADaM-IG 1.3"}

REASON_CATEGORIES = {
    # not covered, or covered but not executable
    "meddra": "needs MedDRA (licensed dictionary)",
    "whodrug": "needs WHODrug (licensed dictionary)",
    "external-dictionary": "needs an external dictionary or code system not shipped (LOINC, SNOMED CT, UNII/SRS, MED-RT)",
    "adam": "ADaM rule not built (CORE publishes almost no ADaM rules)",
    "domain": "domain or ADaM structure not produced by this product; no rule built",
    "not-built": "not covered: not built yet",
    "library-metadata": "not executable: needs CDISC Library model metadata",
    "engine-gap": "not executable: the CORE rule uses a join or operation the engine lacks",
    # covered, with a caveat
    "partial": "covered in part",
    "deprecated-only": "covered only by a CORE rule CDISC has deprecated (runs when deprecated rules are enabled)",
}

# CORE rules the engine cannot run: rule types and operations that need CDISC Library content it does not ship.
LIBRARY_RULE_TYPES = {
    "Define Item Metadata Check against Library Metadata",
    "Variable Metadata Check against Library Metadata",
}
LIBRARY_OPERATIONS = {"get_model_column_order", "get_parent_model_column_order", "get_model_filtered_variables"}
# Operations and operators the engine does not implement (Evaluation/Operations/OperationRunner.cs,
# Evaluation/Operators/*.cs), and the RELREC join it refuses (Evaluation/Joins.cs).
MISSING_OPERATIONS = {"codelist_terms", "get_codelist_attributes", "valid_codelist_dates",
                      "inconsistent_enumerated_columns"}

# (P21 id, CORE id) links by CG id that do not hold: the CORE rule checks other variables or the other direction.
CG_REJECTED = {
    "SD0044": {"CORE-000091": "checks --VAMTU against --TRTV", "CORE-000100": "checks --TRTV against --VAMT"},
    "SD0090": {"CORE-000022": "checks AESER against the seriousness criteria"},
    "SD0091": {"CORE-000022": "checks AESER against the seriousness criteria"},
    "SD0095": {"CORE-000134": "checks IDVAR when RDOMAIN is not DM", "CORE-000502": "checks that RDOMAIN exists"},
    "SD1011": {"CORE-000028": "checks --TPTREF against --ELTM"},
    "SD1029": {"CORE-000147": "TSPARMCD length", "CORE-000148": "TSPARM length", "CORE-000199": "--TEST length",
               "CORE-000220": "--TESTCD format", "CORE-000541": "IETESTCD format"},
    "SD0016": {"CORE-000200": "checks --ORRES, not --STRESC"},
    "SD0036": {"CORE-000082": "checks that PESTRESC is null when PEORRES is null"},
    "SD1051": {"CORE-000134": "checks IDVAR when RDOMAIN is not DM", "CORE-000135": "checks IDVARVAL against IDVAR"},
    "SD1072": {"CORE-000135": "checks IDVARVAL against IDVAR", "CORE-000206": "checks the referenced record"},
    "SD1066": {"CORE-000136": "checks IDVAR=--SEQ with null IDVARVAL and USUBJID",
               "CORE-000202": "checks RELTYPE when IDVAR is a --SEQ"},
    "SD1067": {"CORE-000136": "checks IDVAR=--SEQ with null IDVARVAL and USUBJID",
               "CORE-000202": "checks RELTYPE when IDVAR is a --SEQ"},
    "SD1137": {"CORE-000200": "checks that --ORRES is present, not absent, when --DRVFL='Y'"},
    "SD1138": {"CORE-000200": "checks that --ORRES is present, not --DRVFL"},
    "SD1320": {"CORE-000200": "checks --ORRES, not --STRESC"},
    "SD1149": {"CORE-000334": "checks that the Expected variable exists, not that it is all null"},
    "SD1319": {"CORE-000363": "compares RFICDTC with the informed-consent DS record"},
    "SD1353": {"CORE-000021": "checks that --STRESC is populated, not equal to --ORRES"},
    "SD1377": {"CORE-000223": "checks ARMNRS, not IE records"},
    "SD1240": {"CORE-000370": "compares dates of existing consent records; a missing record is not reported"},
    "SD1143": {"CORE-000597": "checks the reverse direction (AESOSP present implies AESMIE='Y')"},
    "SD2019": {"CORE-000122": "checks AGEU against AGE/AGETXT, not the AGETXT format"},
    "SD2238": {"CORE-000085": "presence, not consistency", "CORE-000261": "presence, not consistency",
               "CORE-000257": "presence, not consistency", "CORE-000258": "presence, not consistency"},
    "SD2239": {"CORE-000141": "checks --TPT/--TPTNUM 1:1, not --TPT per subject, visit and date"},
    "SD1040": {"CORE-000197": "checks --CAT, not --SCAT"},
    "SD2252": {"CORE-000152": "checks TSVAL/TSVALCD 1:1 in TS, not against the dictionary"},
    "SD2255": {"CORE-000152": "checks TSVAL/TSVALCD 1:1 in TS, not against the dictionary"},
    "SD2259": {"CORE-000152": "checks TSVAL/TSVALCD 1:1 in TS, not against the dictionary"},
    "SD2262": {"CORE-000152": "checks TSVAL/TSVALCD 1:1 in TS, not against the dictionary"},
    "SD2265": {"CORE-000152": "checks TSVAL/TSVALCD 1:1 in TS, not against the dictionary"},
    "SD2269": {"CORE-000152": "checks TSVAL/TSVALCD 1:1 in TS, not against the dictionary"},
}

# Links through a shared FDA business rule (FDABnnn) confirmed by reading both rules.
FDAB_CONFIRMED = {
    "SD0007": ["CORE-000699"], "SD0014": ["CORE-000308"], "SD0015": ["CORE-000305"], "SD0028": ["CORE-000672"],
    "SD0040": ["CORE-000303"], "SD0046": ["CORE-000302"], "SD0049": ["CORE-000257"], "SD0070": ["CORE-000885"],
    "SD0079": ["CORE-000927"], "SD0080": ["CORE-000717"], "SD0084": ["CORE-000310"], "SD1002": ["CORE-000711"],
    "SD1021": ["CORE-000867", "CORE-000890"], "SD1033": ["CORE-000318"], "SD1034": ["CORE-000318"],
    "SD1035": ["CORE-000522"], "SD1043": ["CORE-000303"], "SD1050": ["CORE-000132"], "SD1069": ["CORE-000745"],
    "SD1070": ["CORE-000745"], "SD1071": ["CORE-000765"], "SD1083": ["CORE-000793"], "SD1084": ["CORE-000853"],
    "SD1121": ["CORE-001043"],
    "SD1122": ["CORE-000542", "CORE-000863"], "SD1123": ["CORE-000675"], "SD1130": ["CORE-000302"],
    "SD1131": ["CORE-000643"], "SD1133": ["CORE-000791"], "SD1134": ["CORE-000791"], "SD1135": ["CORE-000516"],
    "SD1150": ["CORE-000743"], "SD1151": ["CORE-000743"], "SD1203": ["CORE-000720"], "SD1204": ["CORE-000952"],
    "SD1208": ["CORE-000714"], "SD1212": ["CORE-000542"], "SD1332": ["CORE-000657"], "SD1333": ["CORE-000659"],
    "SD1334": ["CORE-000713"], "SD1335": ["CORE-000658"], "SD1339": ["CORE-000701"], "SD1347": ["CORE-000841"],
    "SD1439": ["CORE-000914"], "SD1445": ["CORE-000915"], "SD1448": ["CORE-000732"], "SD1452": ["CORE-000518"],
    "SD2005": ["CORE-000705"], "SD2236": ["CORE-000655"], "SD2237": ["CORE-000656"],
}

# P21 ids a rule file lists under one of our rules whose operation (src/CdiscExport.Conformance/Operations) does not
# test them. Fix the rule file or the operation, then drop the entry.
OURS_NOT_CHECKED = {
    ("SD0055", "SD1079"): "ig_type compares types only, not variable order",
    ("SD0057", "SD1078"): "ig_expected reports missing Expected variables, not all-null Permissible ones",
    ("SD1439", "SD0006"): "baseline_flag reports duplicate flags, not subjects without a baseline record",
    ("CT2003", "CT2003"): "one_to_one tests pairs within the data, not that both values carry the same CT code",
    ("CT2004", "CT2006"): "value_level check=ct has no paired-code test",
    ("SD1002", "SD1209"): "start_before_end orders the dates; RFXENDTC missing with RFXSTDTC present is not reported",
    ("SD0021", "SD0021"): "epoch_and_start tests the start and EPOCH, not the end time point",
    ("SD1213", "SD0087"): "rfstdtc_first_dose tests treated subjects (with EX records), not all randomized ones",
    ("SD0084", "SD1121"): "its checks (AGE>0, AGE=>AGEU, AGE^AGETXT) do not report both AGE and AGETXT null",
    ("SD0084", "SD2023"): "its checks do not test BRTHDTC=>AGE",
    ("SD1361", "SD1358"): "its checks do not test ARMNRS",
    ("SD1361", "SD1359"): "its checks do not test ARMNRS",
    ("SD1022", "SD1130"): "supp_qnam tests one QLABEL per QNAM, not one QNAM per QLABEL",
    ("SD0077", "SD1072"): "supp_parent skips records with a null IDVAR",
    ("SD2201", "SD2208"): "STOPRULE is not in its parameter list",
    ("SD2201", "SD2211"): "TDIGRP is not in its parameter list",
    ("SD2201", "SD2212"): "TINDTP is not in its parameter list",
    ("SD2201", "SD2225"): "ADAPT is not in its parameter list",
    ("SD2201", "SD2273"): "EXTTIND is not in its parameter list",
    ("SD2201", "SD2274"): "NCOHORT is not in its parameter list",
    ("SD2201", "SD2275"): "OBJSEC is not in its parameter list",
    ("SD2201", "SD2276"): "PDPSTIND is not in its parameter list",
    ("SD2201", "SD2277"): "PDSTIND is not in its parameter list",
    ("SD2201", "SD2278"): "PIPIND is not in its parameter list",
    ("SD2201", "SD2279"): "RDIND is not in its parameter list",
    ("SD2201", "SD2232"): "SSTDTC is not in its parameter list (rule SD2232 tests it)",
    ("SD1082", "SD1116"): "length_fit compares each file's lengths with its own values, not split files with each other",
    ("SD1231", "SD1228"): "value_level check=metadata does not test codelists (CT2004's check=ct pass does)",
    ("AD0320", "AD0018"): "dataset_label tests the ADSL dataset label only",
    ("AD0048", "AD0006B"): "adam_flags compares *FN with *FL but does not test *FN values on their own",
    ("AD0048", "AD0026"): "adam_flags does not test numeric population flags (*FN) for nulls",
    ("AD0061", "AD0122"): "adam_treatment_dates compares TRxxSDT/TRxxEDT only, not *SDTM/*EDTM",
    ("AD0058", "AD0041"): "adam_date_numeric tests that a format is present, not that it is a date format",
    ("AD0058", "AD0042"): "adam_date_numeric tests that a format is present, not that it is a time format",
    ("AD0058", "AD0043"): "adam_date_numeric tests that a format is present, not that it is a datetime format",
    ("AD0046", "AD0099"): "adam_relative_day pairs *SDY with *EDY only, not *STDY with *ENDY",
}

# Our operations that test a P21 rule a rule file lists under another of our rules.
OURS_EXTRA = {
    "SD1228": ["CT2004"],  # CT2004 runs value_level check=ct: values against the value-level codelist
    "AD0042A": ["AD0058"],  # adam_date_numeric reports *TM variables without a format too
}

# Covered, but narrower than the P21 rule.
PARTIAL = {
    "CT2001": {
        "SDTM-IG 3.4": "our CT2001 tests only codelists in the shipped SDTM CT subset (the domains this product "
                       "writes); the CORE rules test named variables (AE seriousness flags, DTHFL, --PRESP, --STRTPT, ...)",
        "ADaM-IG 1.3": "only variables whose ADaMIG codelist is an SDTM CT codelist in the shipped subset; "
                       "ADaM CT is not loaded",
    },
    "CT2002": "only codelists in the shipped SDTM CT subset (the domains this product writes)",
    "CT2004": "tests the codelist define.xml binds at value level, not P21's own value-level CT bindings",
    "CT2005": "tests the codelist define.xml binds at value level, not P21's own value-level CT bindings",
    "SD0027": "CORE-000200 reports a null --ORRES when --STAT is null, whatever --ORRESU holds",
    "SD1117": "exact duplicates (all variables but --SEQ) only, not duplicates on the natural keys",
    "SD1201": "exact duplicates (all variables but --SEQ) only, not duplicates on the natural keys",
    "SD1352": "exact duplicates (all variables but --SEQ) only, not duplicates on the natural keys",
    "SD1319": "CORE-000086 tests DV only, not DS",
    "SD2022": "tests AGE=>AGEU, not AGETXT=>AGEU",
    "SD2226": "DCUTDTC and DCUTDESC are accepted as alternatives",
    "SD2227": "DCUTDTC and DCUTDESC are accepted as alternatives",
    "AD0121": "compares TRxxSDT with TRxxEDT only, not other *SDT/*EDT pairs (APxxSDT, ASTDT)",
}

# Why each uncovered P21 rule is uncovered: "id category detail" per line, detail optional.
NOT_COVERED = """
# SDTM-IG 3.4: licensed dictionaries
SD1114C meddra --BODSYS case against the MedDRA SOC names
SD1344,SD1345,SD1346 whodrug --DECOD, --CLAS, --CLASCD against WHODrug
# SDTM-IG 3.4: other dictionaries and code systems, public but not shipped
SD2250,SD2251,SD2252,SD2253,SD2254,SD2255,SD2260,SD2261,SD2262 external-dictionary TS CURTRT, COMPTRT and TRT values and codes against UNII (FDA SRS)
SD2257,SD2258,SD2259,SD2267,SD2268,SD2269 external-dictionary TS INDIC and TDIGRP values and codes against SNOMED CT
SD2263,SD2264,SD2265 external-dictionary TS PCLAS values and codes against MED-RT (NDF-RT before 2018-02-05)
SD2285 external-dictionary --LOINC against LOINC
# SDTM-IG 3.4: domains this product does not write (it writes DM, AE, CM, DS, EX, LB, MH, PR, RS, TS and SUPP--)
SD0066,SD1014,SD1112,SD1354 domain TA (Trial Arms)
SD1064,SD1068,SD1113 domain TE (Trial Elements)
SD1053 domain TA and TV (Trial Arms, Trial Visits)
SD1017 domain TV and SV (Trial Visits, Subject Visits)
SD1019 domain SV (Subject Visits)
SD1111 domain SE (Subject Elements)
SD1108 domain VS (Vital Signs)
SD1066,SD1067,SD1128 domain RELREC (Related Records)
SD1233,SD1234,SD1237 domain DI and DO (device identifiers and properties)
SD1263 domain MB (Microbiology Specimen)
SD1318 domain DV (Protocol Deviations)
SD1377 domain IE (Inclusion/Exclusion Criteria Not Met)
# SDTM-IG 3.4: not built yet
CT2003 not-built paired code and decode values (--TESTCD/--TEST, TSPARMCD/TSPARM, ...) are not compared by their CDISC CT code
CT2006 not-built the value-level form of CT2003; no CT-code comparison is built
SD0006 not-built a baseline record per subject in each Findings domain is not required
SD0021 not-built an end time point (--ENDTC, --ENRF, --ENRTPT, --DUR) for occurred events and interventions is not required
SD0024 not-built --DTC null while --ENDTC is populated is not reported
SD0031 not-built a null start (--STDTC, --STRF, --STRTPT) while an end is populated is not reported
SD0044 not-built --VAMTU null while --VAMT is populated is not reported
SD0082 not-built EXENDTC after the latest DSSTDTC is not reported
SD1446 not-built EXSTDTC after the latest DSSTDTC is not reported
SD0087 not-built RFSTDTC null for a randomized subject is not reported
SD0095 not-built SUPP-- records whose parent is not a general-observation-class dataset or DM are not reported
SD1077 not-built the presence of regulator-expected variables (EPOCH) is not tested
SD1078 not-built Permissible variables null on every record are not reported
SD1096 not-built --TERM values cut at 200 characters without a SUPP-- continuation are not reported
SD1106 not-built a missing AE dataset is not reported (dataset_present runs for DM and TS)
SD1107 not-built a missing LB dataset is not reported (dataset_present runs for DM and TS)
SD1110 not-built a missing DS dataset is not reported (dataset_present runs for DM and TS)
SD1116 not-built variable lengths are not compared across the files of a split dataset
SD1118 not-built records with none of --STDTC, --DTC and --STDY are not reported
SD1120 not-built comments kept in SUPP-- instead of CO are not reported
SD1129 not-built DM with neither an AGE nor an AGETXT variable is not reported
SD1137,SD1138 not-built --ORRES is not tested against --DRVFL
SD1143 not-built AESMIE='Y' without an AESOSP qualifier in SUPPAE is not reported
SD1202 not-built --STDTC after RFPENDTC is not reported (CORE-000720 and CORE-000952 test --DTC and --ENDTC)
SD1209 not-built RFXENDTC null while RFXSTDTC is populated is not reported
SD1342 not-built RFXSTDTC null while RFXENDTC is populated is not reported
SD1343 not-built RFXSTDTC null for a treated subject is not reported
SD1210 not-built a null RFICDTC is not reported
SD1214,SD1216,SD1218,SD1220,SD1222,SD1224,SD1225,SD1227 not-built more than one TS record for the parameter is not reported
SD1219 not-built TSVAL for LENGTH is not tested as an ISO 8601 duration (iso_duration tests AGEMIN and AGEMAX only)
SD1221,SD2246,SD2249 not-built TSVAL for PLANSUB, NARMS and ACTSUB is not tested as a number
SD1223,SD1295,SD1296 not-built TSVAL for RANDOM, ADDON and ADAPT is not tested against Y/N
SD1240 not-built a DS informed-consent record per subject is not required
SD1260 not-built TSVCDVER null for a versioned reference terminology is not reported
SD1265 not-built QEVAL null when QORIG='ASSIGNED' is not reported
SD1269 not-built TSVAL for RANDQT is not tested to lie between 0 and 1
SD1306,SD1307,SD1308,SD1309,SD1310,SD1311,SD1312 not-built TS parameters that other TS values make conditional (TDIGRP, CURTRT, TRT, INTMODEL, INTTYPE, PCLAS) are not tested
SD1313 not-built EPOCH null on DS disposition events is not reported
SD1320 not-built --STRESC null while --STAT is null is not reported
SD1323 not-built TSVAL for FCNTRY is not tested against GENC/ISO 3166 (the shipped ISO 3166 list serves DM.COUNTRY only)
SD1331 not-built --STDTC after --DTC is not reported
SD1348,SD1350,SD1351,SD1450,SD1451 not-built --STINT and --ENINT are not tested together
SD1353 not-built --STRESC equal to --ORRES when the units agree is not tested
SD1364 not-built ACTARMCD/ACTARM populated for a subject who was not treated is not reported
SD1440,SD1441,SD1442,SD1443,SD1444 not-built MedDRA coding consistent for the same --TERM (needs no dictionary) is not tested
SD2006 not-built MedDRA coding variables in SUPP-- are not reported
SD2019 not-built the AGETXT 'number-number' format is not tested
SD2023 not-built AGE null while BRTHDTC is populated is not reported
SD2208,SD2211,SD2212,SD2225,SD2273,SD2274,SD2275,SD2276,SD2277,SD2278,SD2279 not-built this TS parameter is not required
SD2238 not-built --STTPT consistent per subject and --STDTC is not tested
SD2239 not-built --TPT consistent per subject, visit, --OBJ and --DTC is not tested
SD2240,SD2241,SD2242,SD2243,SD2244,SD2256,SD2266 not-built TSVCDREF for the parameter (SNOMED, UNII, MED-RT, GENC) is not tested
SD2245,SD2248 not-built TSVAL for DCUTDTC and SENDTC is not tested as ISO 8601
SD2270,SD2271,SD2272 not-built a --DY/--STDY/--ENDY variable without its date variable is not reported
SD2283 not-built TSVALNF is not tested against the ISO 21090 null flavors (a short public list; SD2017's operation knows it but applies it to TSVAL)
SD9999 not-built custom datasets whose class is not recognised are not reported
# ADaM-IG 1.3: dataset structures this product does not write (it writes ADSL and ADRS, a BDS)
AD0252,AD0253,AD0258,AD0272,AD0273,AD0279,AD0280B,AD0281B,AD0283B,AD0284B,AD0287B,AD0288B,AD0289B,AD0290B,AD0293B,AD0294B domain ADaM OCCDS (ADAE) variables
AD0299,AD0303,AD0304,AD0310B,AD0311B,AD0312,AD0313 domain ADaM OCCDS (ADAE) MedDRA query variables (SMQzz, CQzz)
AD0169,AD0245,AD0246,AD0247,AD0250,AD0251 domain ADaM time-to-event (ADTTE) variables
AD0320B,AD0677,AD0678,AD0681,AD0682,AD0687,AD0688,AD0691,AD0693,AD0694,AD0696 domain ADaM device-level (ADDL) structure
AD0658,AD0659,AD0660,AD0661,AD0662,AD0666,AD0667 domain ADaM PK non-compartmental analysis (ADNCA) variables
# ADaM-IG 1.3: not built
AD0018,AD0006B,AD0026,AD0041,AD0042,AD0043,AD0099,AD0122 adam
AD0367 adam ACTARM is not among adsl_matches_dm's variables (AGE, AGEU, SEX, RACE, SUBJID, SITEID, ARM)
AD1025,AD1026 adam no ADaM rule here traces to SDTM AE or EX, so there is no run to report as skipped
AD9999 adam datasets outside ADSL, BDS and OCCDS are not reported
AD0007,AD0012,AD0037B,AD0038B,AD0044,AD0045,AD0064,AD0066,AD0070,AD0075,AD0076B,AD0077B adam
AD0078,AD0079,AD0080,AD0084,AD0092B,AD0093B,AD0095B,AD0096B,AD0097,AD0102,AD0103,AD0104 adam
AD0105B,AD0106B,AD0109B,AD0110B,AD0111,AD0112,AD0113,AD0117B,AD0118B,AD0123,AD0124,AD0125B adam
AD0126B,AD0127,AD0127A,AD0129,AD0130,AD0132,AD0132A,AD0132B,AD0133,AD0133A,AD0133B,AD0133C adam
AD0134,AD0134A,AD0134B,AD0134C,AD0135B,AD0136B,AD0137,AD0151,AD0152,AD0154,AD0156,AD0157 adam
AD0159,AD0160,AD0163,AD0164,AD0165,AD0166,AD0167,AD0168,AD0201,AD0211,AD0212,AD0221 adam
AD0223,AD0225,AD0225A,AD0227B,AD0228B,AD0229B,AD0230B,AD0231,AD0232B,AD0233,AD0234,AD0235B adam
AD0236B,AD0237B,AD0238B,AD0239,AD0239A,AD0240B,AD0241B,AD0242B,AD0243B,AD0269,AD0295B,AD0296B adam
AD0322,AD0323,AD0324,AD0325,AD0326,AD0327,AD0328,AD0329,AD0330,AD0331,AD0332,AD0333 adam
AD0334,AD0337,AD0338,AD0339,AD0340,AD0341,AD0342,AD0343,AD0344,AD0345,AD0346,AD0347 adam
AD0348,AD0349,AD0350,AD0351,AD0352,AD0353,AD0355,AD0356,AD0359,AD0360,AD0361,AD0362 adam
AD0364,AD0366,AD0366A,AD0366B,AD0369,AD0370,AD0376,AD0381,AD0382,AD0384,AD0388,AD0396 adam
AD0400,AD0401,AD0402,AD0403,AD0405,AD0450,AD0451,AD0468,AD0469,AD0472,AD0473,AD0476 adam
AD0477,AD0480,AD0481,AD0482,AD0483,AD0484,AD0485,AD0492,AD0499,AD0501,AD0543,AD0544 adam
AD0545,AD0546,AD0552,AD0565,AD0566,AD0570,AD0582,AD0584,AD0585,AD0586,AD0588,AD0589 adam
AD0605,AD0607,AD0609,AD0611,AD0613,AD0615,AD0616,AD0617,AD0618,AD0647,AD0648,AD0649 adam
AD0650,AD0651,AD0652,AD0665,AD0670,AD1011,AD1012A,AD1018,AD1019 adam
"""


def read_crosswalk():
    with open(CROSSWALK, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def expand_publisher_ids(text):
    """CG0232-CG0235 -> CG0232, CG0233, CG0234, CG0235; other ids as written."""
    out = []
    for token in (t.strip() for t in text.split(",")):
        m = re.fullmatch(r"(CG|FDAB)(\d+)-(?:CG|FDAB)?(\d+)", token)
        if m:
            width = len(m.group(2))
            out += [f"{m.group(1)}{n:0{width}d}" for n in range(int(m.group(2)), int(m.group(3)) + 1)]
        elif token:
            out.append(token)
    return out


def top_level_scalar(lines, i, key):
    """The value of a top-level "Key: value" YAML line, folded with its indented continuation lines."""
    parts = [lines[i][len(key) + 1:].strip()]
    j = i + 1
    while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
        parts.append(lines[j].strip())
        j += 1
    text = " ".join(p for p in parts if p and p not in (">", "|", ">-", "|-"))
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'" else text


def read_core_rules():
    """The shipped CORE rules: id -> dict(folder, ids, sections, type, executability, operators, not_executable)."""
    rules = {}
    for folder in ("published", "deprecated"):
        for path in sorted(glob.glob(os.path.join(CORE_RULES, folder, "CORE-*.yml"))):
            with open(path, encoding="utf-8") as f:
                lines = [l for l in f.read().split("\n") if not l.lstrip().startswith("#")]
            rule = {"folder": folder, "ids": set(), "sections": set(), "operators": set(), "type": "", "executability": ""}
            for i, line in enumerate(lines):
                if line.startswith("Rule Type:"):
                    rule["type"] = top_level_scalar(lines, i, "Rule Type")
                if line.startswith("Executability:"):
                    rule["executability"] = top_level_scalar(lines, i, "Executability")
                m = re.match(r"^\s*Id:\s*[\"']?([A-Z]+\d+[A-Za-z]?)[\"']?\s*$", line)
                if m and i > 0 and "Rule Identifier" in lines[i - 1]:
                    rule["ids"].add(m.group(1))
                m = re.match(r"^\s*Section:\s*[\"']?(FDAB\d+|TRC\d+[A-Za-z]?)", line)
                if m:
                    rule["sections"].add(m.group(1))
                m = re.match(r"^\s*-?\s*operator:\s*[\"']?([a-z_]+)", line)
                if m:
                    rule["operators"].add(m.group(1))
            text = "\n".join(lines)
            match = re.search(r"^Match Datasets:\n((?:[ -].*\n?)*)", text, re.M)
            relrec_join = bool(match and re.search(r"Name:\s*RELREC\b", match.group(1))
                               and not re.search(r"Child:\s*true", match.group(1)))
            reason = None
            if rule["type"] in LIBRARY_RULE_TYPES:
                reason = ("library-metadata", f"rule type \"{rule['type']}\"")
            elif rule["operators"] & LIBRARY_OPERATIONS:
                reason = ("library-metadata", "operation " + ", ".join(sorted(rule["operators"] & LIBRARY_OPERATIONS)))
            elif rule["operators"] & MISSING_OPERATIONS:
                reason = ("engine-gap", "operation " + ", ".join(sorted(rule["operators"] & MISSING_OPERATIONS)) + " not implemented")
            elif relrec_join:
                reason = ("engine-gap", "join through RELREC (Match Datasets: RELREC) not implemented")
            rule["not_executable"] = reason
            rules[os.path.basename(path)[:-4]] = rule
    return rules


def read_our_rules(crosswalk_ids):
    """Our rules (rules/*.yml): id -> dict(p21 ids, operation, scope). Read with regular expressions (the files are
    written in one plain layout: Core: Id, the Pinnacle 21 authority's Rule Identifier ids, Scope: Applies To, and
    Check: operation) so that the script needs nothing beyond Python's standard library."""
    ours = {}
    for path in sorted(glob.glob(os.path.join(OUR_RULES, "*.yml"))):
        text = open(path, encoding="utf-8").read()
        rid = re.search(r"^Core:\n  Id: (\S+)", text, re.M).group(1)
        p21_block = text.split("- Organization: Pinnacle 21", 1)
        tokens = re.findall(r"Id: (\S+)", p21_block[1].split("\nDescription:", 1)[0]) if len(p21_block) > 1 else []
        ids = []
        for token in tokens:
            m = re.fullmatch(r"([A-Z]+)(\d+)-([A-Z]+)?(\d+)", token)
            if m:
                low, high = int(m.group(2)), int(m.group(4))
                ids += sorted(i for i in crosswalk_ids
                              if (n := re.fullmatch(m.group(1) + r"(\d+)[A-Z]?", i)) and low <= int(n.group(1)) <= high)
            else:
                ids.append(token)
        operation = re.search(r"^  operation: (\S+)", text, re.M)
        scope = re.search(r'^  Applies To: "(.*)"', text, re.M)
        ours[rid] = {"p21": ids, "operation": operation.group(1) if operation else "core", "scope": scope.group(1) if scope else "ALL"}
    return ours


def reaches(scope, standard):
    """Whether a rule of that scope runs on the configuration's datasets: ADaM rules name ADSL/ADRS,
    SDTM rules name SDTM domains, and ALL (not "ALL SDTM") and define.xml rules run on both."""
    tokens = [t for t in re.split(r"[;,() ]+", scope) if t]
    if standard == "ADaM-IG 1.3":
        return scope in ("ALL", "ALL (files)") or "ADaM" in scope or any(t in ("ADSL", "ADRS", "define.xml") for t in tokens)
    return any(t not in ("ADSL", "ADRS", "ADaM", "all", "non-ADSL") for t in tokens)


def parse_not_covered():
    table = {}
    for line in NOT_COVERED.strip().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split(None, 2)
        ids, category = parts[0], parts[1]
        if category not in REASON_CATEGORIES:
            raise SystemExit(f"NOT_COVERED: unknown category {category} for {ids}")
        for i in ids.split(","):
            table[i] = (category, parts[2].strip() if len(parts) > 2 else "")
    return table


def build():
    crosswalk = read_crosswalk()
    core = read_core_rules()
    ours = read_our_rules({r["p21_id"] for r in crosswalk})
    not_covered = parse_not_covered()
    by_authority = {}
    for cid, rule in core.items():
        for a in rule["ids"] | rule["sections"]:
            by_authority.setdefault(a, set()).add(cid)

    rows, missing = [], []
    for x in crosswalk:
        p21, standard = x["p21_id"], STANDARDS[x["standard_config"]]
        core_ids = set()
        if standard == "SDTM-IG 3.4":
            core_ids |= {c for c in x["published_core_ids"].split(";") if c}
            for pid in expand_publisher_ids(x["publisher_ids"]):
                if pid.startswith("CG"):
                    core_ids |= by_authority.get(pid, set())
            core_ids |= set(FDAB_CONFIRMED.get(p21, []))
            core_ids -= set(CG_REJECTED.get(p21, {}))
            unknown = core_ids - set(core)
            if unknown:
                raise SystemExit(f"{p21}: CORE ids {sorted(unknown)} are not shipped in {CORE_RULES}")
        listed = {oid for oid, o in ours.items() if p21 in o["p21"] and reaches(o["scope"], standard)}
        our_ids = {oid for oid in listed if (oid, p21) not in OURS_NOT_CHECKED}
        our_ids |= {oid for oid in OURS_EXTRA.get(p21, []) if reaches(ours[oid]["scope"], standard)}

        runnable_core = sorted(c for c in core_ids if not core[c]["not_executable"])
        runnable_ours = sorted(o for o in our_ids if ours[o]["operation"] != "dictionary")
        category, details = "", []
        if runnable_core or runnable_ours:
            status = "covered"
            partial = PARTIAL.get(p21)
            partial = partial.get(standard) if isinstance(partial, dict) else partial
            if partial:
                category, details = "partial", [partial]
            elif not runnable_ours and all(core[c]["executability"].startswith("Partially") for c in runnable_core):
                category = "partial"
                details = [", ".join(f"{c} is '{core[c]['executability']}' by CORE's own account" for c in runnable_core)]
            elif not runnable_ours and all(core[c]["folder"] == "deprecated" for c in runnable_core):
                category, details = "deprecated-only", [", ".join(runnable_core)]
        elif core_ids or our_ids:
            status = "covered_not_executable"
            for c in sorted(core_ids):
                category, detail = core[c]["not_executable"]
                details.append(f"{c}: {detail}")
            for o in sorted(our_ids):
                category = "meddra"
                details.append(f"{o}: MedDRA lookups are not implemented and no dictionary is configured")
        else:
            status = "not_covered"
            if p21 not in not_covered:
                missing.append(p21)
                continue
            category, detail = not_covered[p21]
            details = [detail] if detail else []
            details += [f"our rule file lists it under {oid}, but {OURS_NOT_CHECKED[(oid, p21)]}"
                        for oid in sorted(listed - our_ids) if (oid, p21) in OURS_NOT_CHECKED]
        reason = "" if not category else REASON_CATEGORIES[category] + "".join(": " + d if i == 0 else "; " + d for i, d in enumerate(details))
        rows.append({
            "p21_id": p21, "standard": standard, "category": x["category"],
            "fda_severity": x["fda_config_severity"], "covered_by": ";".join(sorted(core_ids) + sorted(our_ids)),
            "status": status, "reason_category": category, "reason": reason,
        })
    if missing:
        raise SystemExit("no NOT_COVERED entry for: " + ", ".join(missing))
    check_curation(rows, ours)
    return rows


def check_curation(rows, ours):
    """Stops on curated entries that no longer apply, so the tables shrink as rules are built."""
    status = {}
    for r in rows:
        status.setdefault(r["p21_id"], set()).add(r["status"])
    stale = [f"NOT_COVERED {i}" for i in parse_not_covered() if "not_covered" not in status.get(i, ())]
    stale += [f"PARTIAL {i}" for i in PARTIAL if "covered" not in status.get(i, ())]
    stale += [f"OURS_NOT_CHECKED {o} {i}" for o, i in OURS_NOT_CHECKED if o not in ours or i not in ours[o]["p21"]]
    stale += [f"OURS_EXTRA {i}" for i in OURS_EXTRA if i not in status]
    stale += [f"FDAB_CONFIRMED/CG_REJECTED {i}" for i in list(FDAB_CONFIRMED) + list(CG_REJECTED) if i not in status]
    if stale:
        raise SystemExit("curated entries that no longer apply: " + ", ".join(stale))


COLUMNS = ["p21_id", "standard", "category", "fda_severity", "covered_by", "status", "reason_category", "reason"]
STATUSES = ["covered", "covered_not_executable", "not_covered"]


def render_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def render_counts(rows):
    """The Markdown tables between the counts markers of docs/p21-coverage.md."""
    lines = []
    for standard in STANDARDS.values():
        mine = [r for r in rows if r["standard"] == standard]
        lines.append(f"**{standard}** ({len(mine)} rule ids)")
        lines.append("")
        lines.append("| status | rule ids |")
        lines.append("|---|---:|")
        for status in STATUSES:
            lines.append(f"| {status} | {sum(r['status'] == status for r in mine)} |")
        lines.append("")
        lines.append("| status | reason category | rule ids |")
        lines.append("|---|---|---:|")
        for status in STATUSES:
            for key, label in REASON_CATEGORIES.items():
                n = sum(r["status"] == status and r["reason_category"] == key for r in mine)
                if n:
                    lines.append(f"| {status} | `{key}`: {label} | {n} |")
        lines.append("")
    return "\n".join(lines)


BEGIN, END = "<!-- counts: begin (written by p21-coverage.py) -->", "<!-- counts: end -->"


def main():
    check = "--check" in sys.argv[1:]
    rows = build()
    outputs = {OUT_CSV: render_csv(rows)}
    if os.path.exists(OUT_MD):
        with open(OUT_MD, encoding="utf-8") as f:
            md = f.read()
        if BEGIN in md and END in md:
            head, rest = md.split(BEGIN, 1)
            outputs[OUT_MD] = head + BEGIN + "\n" + render_counts(rows) + "\n" + END + rest.split(END, 1)[1]
    stale = []
    for path, text in outputs.items():
        current = open(path, encoding="utf-8", newline="").read() if os.path.exists(path) else None
        if current != text:
            stale.append(os.path.relpath(path, ROOT))
            if not check:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
    for standard in STANDARDS.values():
        counts = {st: sum(r["standard"] == standard and r["status"] == st for r in rows) for st in STATUSES}
        print(standard + ": " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if check and stale:
        print("out of date: " + ", ".join(stale) + "; run python3 specs/standards/conformance/p21-coverage.py")
        sys.exit(1)
    elif stale:
        print("wrote " + ", ".join(stale))


if __name__ == "__main__":
    main()
