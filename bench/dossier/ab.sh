#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Two par-audit binaries on the same dossier log, run alternately (A, B, A, B …) so that the
# machine's drift hits both alike: the median and least wall time and the median CPU of each, and
# whether their JSON outputs are the same. How each XLSX step of docs/performance.md ("XLSX on
# every core") was measured.
#
#   bench/dossier/ab.sh OLD/par-audit NEW/par-audit LOG [N]     (N rounds, default 9)
#
# Extra options for both: EXTRA="--threads 1" bench/dossier/ab.sh …
set -euo pipefail
[ $# -ge 3 ] || { sed -n '3,10p' "$0"; exit 2; }
A=$1 B=$2 LOG=$3 N=${4:-9}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=(dossiers analyze --catalog "$ROOT/reference/thu-tuc-mau.xml" --as-of 2025-12-31 --json)
for _ in $(seq "$N"); do
    for X in A B; do
        bin=${!X}
        t0=$EPOCHREALTIME
        # shellcheck disable=SC2086
        # A run that fails is no measurement (a binary copied away from its data files fails
        # at once, and fast): stop, with its message.
        /usr/bin/time -f "%U %S" -o "$tmp/t" "$bin" "${args[@]}" ${EXTRA:-} "$LOG" > "$tmp/$X.json" 2> "$tmp/err" ||
            { echo "ab.sh: $bin failed:" >&2; grep -v '^Command exited' "$tmp/err" >&2; exit 1; }
        t1=$EPOCHREALTIME
        read -r u s < "$tmp/t"
        echo "$X ${t0/,/.} ${t1/,/.} $u $s"
    done
done | python3 -c '
import statistics as st, sys
d = {}
for line in sys.stdin:
    x, a, b, u, s = line.split()
    d.setdefault(x, []).append((float(b) - float(a), float(u) + float(s)))
for x in sorted(d):
    w = [v[0] for v in d[x]]
    c = [v[1] for v in d[x]]
    print(f"{x}: wall median {st.median(w):.3f} s, least {min(w):.3f} s; CPU median {st.median(c):.2f} s")
'
if cmp -s "$tmp/A.json" "$tmp/B.json"; then echo "same output"; else echo "OUTPUTS DIFFER"; exit 1; fi
