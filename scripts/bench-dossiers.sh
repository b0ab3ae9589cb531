#!/usr/bin/env bash
# Side-by-side benchmark of `par-audit dossiers analyze` against a pandas + numpy.busday_count peer
# (bench/dossier/peer_pandas.py) on the same generated log, in one run (docs/performance.md,
# "Dossier analysis"). Checks that both give the same figures; prints wall time and peak memory.
#
#   scripts/bench-dossiers.sh [ROWS]            (default 1000000)
#   BUILD=build-dossier WORK=/tmp/par-bench-dossier scripts/bench-dossiers.sh 1000000
#
# Installs python3-pandas and time (GNU time, for peak memory) with apt-get when missing; they are
# benchmark-only, so scripts/install-deps.sh does not list them.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-dossier}
WORK=${WORK:-/tmp/par-bench-dossier}
ROWS=${1:-1000000}
CATALOG=$ROOT/reference/thu-tuc-mau.xml
AS_OF=2025-12-31
export PAR_AUDIT_DATA=$ROOT
# Debian's interpreter, which python3-pandas serves (a pyenv or venv python3 may come first in PATH).
PY=${PYTHON:-/usr/bin/python3}

need=()
"$PY" -c "import pandas, numpy" 2>/dev/null || need+=(python3-pandas python3-numpy)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "bench-dossiers: installing ${need[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" ||
        { $SUDO apt-get update && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"; }
fi

if [ ! -f "$BUILD/build.ninja" ] && [ ! -f "$BUILD/Makefile" ]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD" -j2 --target par-audit gen_dossier_log
BIN=$BUILD/bin

mkdir -p "$WORK"
LOG=$WORK/log-$ROWS.csv
if [ ! -f "$LOG" ]; then
    echo "bench-dossiers: generating $ROWS rows → $LOG"
    "$BIN/gen_dossier_log" "$ROWS" "$LOG" "$CATALOG"
fi
: > "$WORK/offdays.tsv"
for y in 2022 2023 2024 2025 2026 2027; do
    "$BIN/par-audit" calendar off "$y" 2>/dev/null >> "$WORK/offdays.tsv"
done
cat "$LOG" > /dev/null  # both runs read the file from the page cache

echo "bench-dossiers: $(du -m "$LOG" | cut -f1) MB, $ROWS rows; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v -o "$WORK/par.time" "$BIN/par-audit" dossiers analyze "$LOG" --catalog "$CATALOG" \
    --as-of "$AS_OF" --json > "$WORK/par.json" 2> "$WORK/par.err" || { cat "$WORK/par.err"; exit 1; }
/usr/bin/time -v -o "$WORK/peer.time" "$PY" "$ROOT/bench/dossier/peer_pandas.py" "$LOG" "$CATALOG" \
    "$AS_OF" "$WORK/offdays.tsv" > "$WORK/peer.json"

"$PY" - "$WORK" <<'PY'
import json, re, sys
work = sys.argv[1]
par = json.load(open(f"{work}/par.json"))
peer = json.load(open(f"{work}/peer.json"))
def tm(name):
    t = open(f"{work}/{name}.time").read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", t).group(1).split(":")
    secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    user = float(re.search(r"User time \(seconds\): (\S+)", t).group(1))
    sys_ = float(re.search(r"System time \(seconds\): (\S+)", t).group(1))
    return secs, user + sys_, rss
ok = True
for key in ("rows_total", "rows_invalid", "totals", "by_unit", "by_procedure", "by_month"):
    same = par[key] == peer[key]
    ok &= same
    print(f"  {key:13} {'same' if same else 'DIFFERENT'}")
if not ok:
    print("  par-audit totals:", par["totals"], par["rows_invalid"])
    print("  pandas totals:   ", peer["totals"], peer["rows_invalid"])
p, q = tm("par"), tm("peer")
print(f"  {'':22} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}")
print(f"  {'par-audit':22} {p[0]:8.2f} {p[1]:8.2f} {p[2]:8.1f}")
print(f"  {'pandas + busday_count':22} {q[0]:8.2f} {q[1]:8.2f} {q[2]:8.1f}")
print(f"  speed-up: {q[0] / p[0]:.1f}x wall, {q[1] / p[1]:.1f}x cpu")
sys.exit(0 if ok else 1)
PY
