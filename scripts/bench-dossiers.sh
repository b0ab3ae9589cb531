#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Side-by-side benchmark of `par-audit dossiers analyze` (docs/performance.md, "Dossier analysis"):
# on the same generated 1,000,000-row log, cached in memory, against
#   - `wc -l` (the floor: reading the file once),
#   - a pandas + numpy.busday_count peer (bench/dossier/peer_pandas.py, read_csv),
#   - par-audit on one thread (--threads 1) and two (--threads 2); by default it takes one thread
#     per idle core,
# and the same log as an XLSX workbook against the peer's pandas.read_excel (openpyxl); par-audit
# also on the same rows as a typed workbook (numbers and dates as values, as Excel saves the CSV)
# and an inline-string one (as streaming writers such as Apache POI's SXSSF give large exports),
# each against the CSV per row; the XLSX on one thread (--threads 1) too, against the CSV on one.
# The machine may be shared: the runs are interleaved (one of each per round), the load average is
# recorded before each run, and medians are reported with wall and CPU time (user + sys). Checks
# that every program gives the same figures; exits 1 otherwise.
#
#   scripts/bench-dossiers.sh [ROWS]            (default 1000000)
#   ROUNDS=5 PEER_ROUNDS=3 XLSX=1 XLSX_FORMS="text typed inline" BUILD=build-dossier \
#     WORK=/tmp/par-bench-dossier scripts/bench-dossiers.sh
#
# Installs python3-pandas, python3-numpy, python3-openpyxl and time (GNU time, for peak memory)
# with apt-get when missing; they are benchmark-only, so scripts/install-deps.sh does not list them.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-dossier}
WORK=${WORK:-/tmp/par-bench-dossier}
ROWS=${1:-1000000}
ROUNDS=${ROUNDS:-5}             # rounds of wc -l and par-audit (CSV and XLSX)
PEER_ROUNDS=${PEER_ROUNDS:-3}   # rounds with the pandas peer on the CSV (each takes tens of seconds)
XLSX_PEER_ROUNDS=${XLSX_PEER_ROUNDS:-1}  # read_excel on 1M rows takes minutes
XLSX=${XLSX:-1}                 # 0: CSV only
XLSX_FORMS=${XLSX_FORMS:-text typed inline}  # the workbooks par-audit reads (the peer: text only)
CATALOG=$ROOT/reference/thu-tuc-mau.xml
AS_OF=2025-12-31
export PAR_AUDIT_DATA=$ROOT
# Debian's interpreter, which python3-pandas serves (a pyenv or venv python3 may come first in PATH).
PY=${PYTHON:-/usr/bin/python3}

need=()
"$PY" -c "import pandas, numpy" 2>/dev/null || need+=(python3-pandas python3-numpy)
[ "$XLSX" = 0 ] || "$PY" -c "import openpyxl" 2>/dev/null || need+=(python3-openpyxl)
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
cmake --build "$BUILD" -j2 --target par-audit gen_dossier_log csv_to_xlsx
BIN=$BUILD/bin

mkdir -p "$WORK"
LOG=$WORK/log-$ROWS.csv
if [ ! -f "$LOG" ]; then
    echo "bench-dossiers: generating $ROWS rows → $LOG"
    "$BIN/gen_dossier_log" "$ROWS" "$LOG" "$CATALOG"
fi
XLOG=$WORK/log-$ROWS.xlsx
if [ "$XLSX" != 0 ] && [ ! -f "$XLOG" ]; then
    echo "bench-dossiers: writing the same rows as a workbook → $XLOG"
    "$BIN/csv_to_xlsx" "$LOG" "$XLOG"
fi
# form → workbook (text: shared strings, as Excel writes text; typed: --typed; inline: --inline)
declare -A XLOGS=()
if [ "$XLSX" != 0 ]; then
    for form in $XLSX_FORMS; do
        case $form in
        text) XLOGS[text]=$XLOG ;;
        typed | inline)
            XLOGS[$form]=$WORK/log-$ROWS-$form.xlsx
            if [ ! -f "${XLOGS[$form]}" ]; then
                echo "bench-dossiers: writing the same rows as a $form workbook → ${XLOGS[$form]}"
                "$BIN/csv_to_xlsx" "--$form" "$LOG" "${XLOGS[$form]}"
            fi ;;
        *) echo "bench-dossiers: unknown XLSX form $form (text, typed, inline)" >&2; exit 2 ;;
        esac
    done
fi
: > "$WORK/offdays.tsv"
for y in 2022 2023 2024 2025 2026 2027; do
    "$BIN/par-audit" --lang en calendar off "$y" 2>/dev/null >> "$WORK/offdays.tsv"  # ISO dates, off/work
done
cat "$LOG" > /dev/null  # every run reads the file from the page cache
[ "$XLSX" = 0 ] || cat "$XLOG" "${XLOGS[@]}" > /dev/null

# run NAME OUT CMD...: one timed run, its load average first; results in $WORK/runs.tsv. Wall time
# from bash's microsecond clock around the run (GNU time prints it to 10 ms only, too coarse for
# wc -l's 20-30 ms; both include GNU time's own fork and exec, the same for every program), CPU
# and peak memory from GNU time.
: > "$WORK/runs.tsv"
run() {
    local name=$1 out=$2
    shift 2
    local load t0 t1
    load=$(cut -d' ' -f1 /proc/loadavg)
    t0=$EPOCHREALTIME
    /usr/bin/time -v -o "$WORK/t.time" "$@" > "$out" 2> "$WORK/t.err" || { cat "$WORK/t.err"; exit 1; }
    t1=$EPOCHREALTIME
    echo -e "$name\t$load\t${t0/,/.} ${t1/,/.}\t$(tr '\n\t' '| ' < "$WORK/t.time")" >> "$WORK/runs.tsv"
}
PAR=("$BIN/par-audit" dossiers analyze --catalog "$CATALOG" --as-of "$AS_OF" --json)
echo "bench-dossiers: $(du -m "$LOG" | cut -f1) MB CSV, $ROWS rows; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$ROUNDS"); do
    run "wc -l" /dev/null wc -l "$LOG"
    run "par-audit" "$WORK/par.json" "${PAR[@]}" "$LOG"
    run "par-audit --threads 1" "$WORK/par1.json" "${PAR[@]}" --threads 1 "$LOG"
    run "par-audit --threads 2" "$WORK/par2.json" "${PAR[@]}" --threads 2 "$LOG"
    if [ "$i" -le "$PEER_ROUNDS" ]; then
        run "pandas read_csv" "$WORK/peer.json" "$PY" "$ROOT/bench/dossier/peer_pandas.py" "$LOG" \
            "$CATALOG" "$AS_OF" "$WORK/offdays.tsv"
    fi
    if [ "$XLSX" != 0 ]; then
        run "par-audit xlsx" "$WORK/parx.json" "${PAR[@]}" "$XLOG"
        run "par-audit xlsx --threads 1" "$WORK/parx1.json" "${PAR[@]}" --threads 1 "$XLOG"
        for form in typed inline; do
            if [ -n "${XLOGS[$form]:-}" ]; then
                run "par-audit" "$WORK/par.json" "${PAR[@]}" "$LOG"  # the CSV again, beside it
                run "par-audit xlsx $form" "$WORK/parx-$form.json" "${PAR[@]}" "${XLOGS[$form]}"
            fi
        done
        if [ "$i" -le "$XLSX_PEER_ROUNDS" ]; then
            run "pandas read_excel" "$WORK/peerx.json" "$PY" "$ROOT/bench/dossier/peer_pandas.py" \
                "$XLOG" "$CATALOG" "$AS_OF" "$WORK/offdays.tsv"
        fi
    fi
    echo "bench-dossiers: round $i of $ROUNDS done (load $(cut -d' ' -f1 /proc/loadavg))"
done

"$PY" - "$WORK" "$ROWS" "$XLSX" <<'PY'
import json, re, statistics, sys
work, rows, xlsx = sys.argv[1], int(sys.argv[2]), sys.argv[3] != "0"
runs = {}
for line in open(f"{work}/runs.tsv", encoding="utf-8"):
    name, load, clock, t = line.rstrip("\n").split("\t", 3)
    t0, t1 = (float(x) for x in clock.split())
    secs = t1 - t0
    cpu = float(re.search(r"User time \(seconds\): ([0-9.]+)", t).group(1)) + \
        float(re.search(r"System time \(seconds\): ([0-9.]+)", t).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    runs.setdefault(name, []).append((secs, cpu, rss, float(load)))
med = {n: tuple(statistics.median(x[k] for x in v) for k in range(4)) for n, v in runs.items()}

ok = True
import os
def same(a, b, what, keys=("rows_total", "rows_invalid", "rows_unknown_procedure", "totals",
                           "by_unit", "by_procedure", "by_month")):
    global ok
    if not os.path.exists(f"{work}/{b}"):  # e.g. PEER_ROUNDS=0: no peer run to compare with
        print(f"  {what:42} not run")
        return
    x, y = json.load(open(f"{work}/{a}")), json.load(open(f"{work}/{b}"))
    diff = [k for k in keys if x.get(k) != y.get(k)]
    ok &= not diff
    print(f"  {what:42} {'same figures' if not diff else 'DIFFERENT: ' + ', '.join(diff)}")
same("par.json", "par1.json", "par-audit: default vs 1 thread")
same("par2.json", "par1.json", "par-audit: 2 threads vs 1 thread")
same("par.json", "peer.json", "par-audit vs pandas (CSV)")
if xlsx:
    same("par.json", "parx.json", "par-audit: XLSX vs CSV")
    same("parx.json", "parx1.json", "par-audit: XLSX default vs 1 thread")
    for form in ("typed", "inline"):
        if os.path.exists(f"{work}/parx-{form}.json"):
            same("par.json", f"parx-{form}.json", f"par-audit: {form} XLSX vs CSV")
    same("parx.json", "peerx.json", "par-audit vs pandas (XLSX)")
print(f"\n  {'median of':28} {'runs':>4} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'load':>6}")
for n in runs:
    w, c, r, l = med[n]
    print(f"  {n:28} {len(runs[n]):4} {w:8.4f} {c:8.3f} {r:8.1f} {l:6.2f}")
p, pc, wc = med["par-audit"], med.get("pandas read_csv"), med["wc -l"]
print()
if pc:
    print(f"  CSV: pandas / par-audit = {pc[0] / p[0]:.1f}x wall, {pc[1] / p[1]:.1f}x cpu")
print(f"  CSV: par-audit / wc -l  = {p[0] / wc[0]:.1f}x wall, {p[1] / max(wc[1], 0.01):.1f}x cpu")
p1, p2 = med["par-audit --threads 1"], med["par-audit --threads 2"]
if pc:
    print(f"  CSV: pandas / par-audit --threads 1 = {pc[0] / p1[0]:.1f}x wall, {pc[1] / p1[1]:.1f}x cpu")
    print(f"  CSV: pandas / par-audit --threads 2 = {pc[0] / p2[0]:.1f}x wall, {pc[1] / p2[1]:.1f}x cpu")
print(f"  CSV: 1 thread / 2 threads = {p1[0] / p2[0]:.2f}x wall")
print(f"  CSV: par-audit --threads 2 / wc -l = {p2[0] / wc[0]:.1f}x wall")
if xlsx:
    x, px = med["par-audit xlsx"], med.get("pandas read_excel")
    if px:
        print(f"  XLSX: pandas / par-audit = {px[0] / x[0]:.1f}x wall, {px[1] / x[1]:.1f}x cpu")
    print(f"  XLSX / CSV per row (par-audit) = {x[0] / p[0]:.2f}x wall, {x[1] / p[1]:.2f}x cpu")
    x1 = med["par-audit xlsx --threads 1"]
    print(f"  XLSX / CSV per row, 1 thread each = {x1[0] / p1[0]:.2f}x wall, {x1[1] / p1[1]:.2f}x cpu")
    for form in ("typed", "inline"):
        xf = med.get(f"par-audit xlsx {form}")
        if xf:
            print(f"  {form} XLSX / CSV per row (par-audit) = {xf[0] / p[0]:.2f}x wall, "
                  f"{xf[1] / p[1]:.2f}x cpu")
sys.exit(0 if ok else 1)
PY
