#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The XLSX / CSV time per row of one par-audit binary: the same log as CSV and as XLSX, analysed
# alternately (CSV, XLSX, CSV, XLSX …) so that the machine's drift hits both alike; the median and
# least wall time and the median CPU of each, the ratio of the medians, and whether the two give
# the same figures (the JSON without the source's name, its line numbers, a CSV counting lines and
# a sheet rows, and the bad rows' reasons, which name an XLSX's cells); and the ratio round by
# round (each XLSX run over the CSV run just before it).
# How docs/performance.md's "XLSX / CSV" ratios were measured.
#
#   bench/dossier/ratio.sh BIN LOG.csv LOG.xlsx [N]     (N rounds, default 11)
set -euo pipefail
[ $# -ge 3 ] || { sed -n '3,9p' "$0"; exit 2; }
BIN=$1 CSV=$2 XLSX=$3 N=${4:-11}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=(dossiers analyze --catalog "$ROOT/reference/thu-tuc-mau.xml" --as-of 2025-12-31 --json)
for _ in $(seq "$N"); do
    for X in csv xlsx; do
        if [ $X = csv ]; then log=$CSV; else log=$XLSX; fi
        t0=$EPOCHREALTIME
        /usr/bin/time -f "%U %S" -o "$tmp/t" "$BIN" "${args[@]}" "$log" > "$tmp/$X.json" 2> "$tmp/err" ||
            { echo "ratio.sh: $BIN failed on $log:" >&2; grep -v '^Command exited' "$tmp/err" >&2; exit 1; }
        t1=$EPOCHREALTIME
        read -r u s < "$tmp/t"
        echo "$X ${t0/,/.} ${t1/,/.} $u $s"
    done
done > "$tmp/runs"
python3 - "$tmp" <<'PY'
import json, statistics as st, sys
tmp = sys.argv[1]
d = {}
for line in open(f"{tmp}/runs"):
    x, a, b, u, s = line.split()
    d.setdefault(x, []).append((float(b) - float(a), float(u) + float(s)))
med = {}
for x in ("csv", "xlsx"):
    w = [v[0] for v in d[x]]
    c = [v[1] for v in d[x]]
    med[x] = st.median(w)
    print(f"{x}: wall median {st.median(w):.4f} s, least {min(w):.4f} s; CPU median {st.median(c):.3f} s")
print(f"XLSX / CSV per row: {med['xlsx'] / med['csv']:.2f}x")
# Each XLSX run over the CSV run just before it (the two seconds apart, the machine's drift
# nearly the same): the median and the middle half of those ratios.
pairs = sorted(x[0] / c[0] for c, x in zip(d["csv"], d["xlsx"]))
q = lambda f: pairs[min(len(pairs) - 1, int(f * len(pairs)))]
print(f"round by round: median {st.median(pairs):.2f}x, middle half {q(0.25):.2f}-{q(0.75):.2f}x, "
      f"{sum(r < 2 for r in pairs)} of {len(pairs)} rounds under 2x")
def figures(path):
    def strip(o):
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items()
                    if k not in ("line", "source", "file", "sheet", "reason")}
        if isinstance(o, list):
            return [strip(v) for v in o]
        return o
    return strip(json.load(open(path)))
same = figures(f"{tmp}/csv.json") == figures(f"{tmp}/xlsx.json")
print("same figures" if same else "FIGURES DIFFER")
sys.exit(0 if same else 1)
PY
