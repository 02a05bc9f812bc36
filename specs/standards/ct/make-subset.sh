#!/bin/sh
# Makes sdtm-ct-2025-03-28-subset.txt from the full NCI EVS SDTM CT file.
# Rows are kept verbatim (header line included); nothing is reordered or edited.
# A codelist is kept when it is
#   (a) listed in codelists-of-interest.tsv (codelist_code column, non-'#' lines), or
#   (b) cited in that file's '#ref' lines (variable-to-codelist citations, 3rd column), or
#   (c) named in EXTRA below (by CDISC submission value).
# A kept codelist brings its header row (Code = codelist C-code, empty Codelist Code)
# and all its term rows (Codelist Code = that C-code).
# Usage: make-subset.sh <sdtm-terminology-2025-03-28.txt> <codelists-of-interest.tsv> > sdtm-ct-2025-03-28-subset.txt
set -eu
CT=$1
INTEREST=$2
EXTRA="ONCRSR ONCRSCAT ONCRTSCD ONCRTS LBTESTCD LBTEST UNIT SPECTYPE METHOD TSPARMCD TSPARM NY ROUTE FRM FREQ AESEV OUT ACN NRIND EPOCH DOMAIN SEX RACE ETHNIC AGEU ARMNULRS DSCAT NCOMPLT PROTMLST STYPE TPHASE TTYPE INTMODEL INTTYPE TBLIND TCNTRL TINDTP"
awk -F'\t' -v extra="$EXTRA" '
  BEGIN { n = split(extra, e, " "); for (i = 1; i <= n; i++) wanted[e[i]] = 1 }
  FNR == 1 { file++ }
  file == 1 {                                   # pass 1: codelists-of-interest.tsv
    if ($1 == "#ref" && $3 ~ /^C[0-9]+$/) keep[$3] = 1
    else if ($1 !~ /^#/ && $2 ~ /^C[0-9]+$/) keep[$2] = 1
    next
  }
  file == 2 && FNR > 1 && $2 == "" && ($5 in wanted) { keep[$1] = 1; next }  # pass 2: names -> codes
  file == 3 && (FNR == 1 || ($2 == "" && ($1 in keep)) || ($2 in keep)) { print }  # pass 3: emit
' "$INTEREST" "$CT" "$CT"
