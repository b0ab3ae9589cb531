#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs the libFuzzer harnesses of fuzz/ (docs/reliability.md), each for a fixed time over seeds taken
# from the repository's samples, forms, reference data, templates and calendars, and prints one line
# per harness: executions, corpus size, result. Exit 1 when any harness found a crash, a leak, a
# timeout or an out-of-memory input (its reproducer is kept under BUILD/fuzz-artifacts/<harness>/).
#
#   scripts/fuzz.sh [-t SECONDS] [-j JOBS] [-b BUILD_DIR] [--no-build] [harness ...]
#
# Defaults: 60 s each, 1 at a time, build-fuzz/, every harness. The build is configured with clang-14
# and -DPAR_BUILD_FUZZ=ON unless --no-build. A found input is replayed with
#   BUILD/bin/fuzz_<harness> BUILD/fuzz-artifacts/<harness>/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)

seconds=60
jobs=1
build=build-fuzz
do_build=1
harnesses=()
while [ $# -gt 0 ]; do
    case $1 in
        -t) seconds=$2; shift 2 ;;
        -j) jobs=$2; shift 2 ;;
        -b) build=$2; shift 2 ;;
        --no-build) do_build=0; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
        *) harnesses+=("$1"); shift ;;
    esac
done
all=(form audit catalog registry expr text_template template csv xlsx plan schedule pdf_signatures)
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${all[@]}")

if [ $do_build -eq 1 ]; then
    launcher=()
    if command -v ccache >/dev/null; then
        launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DPAR_BUILD_FUZZ=ON -DPAR_BUILD_TESTS=OFF -DPAR_BUILD_BENCH=OFF -DPAR_BUILD_GUI=OFF \
        "${launcher[@]}" >/dev/null
    targets=()
    for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
    cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
fi

# Pieces of the forms as seeds for the expression harnesses: rule attributes and finding texts.
unescape() { sed -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&amp;/\&/g'; }
split_lines() {  # one seed file per distinct line of stdin
    local dir=$1 n=0
    sort -u | awk 'NR <= 400' | while IFS= read -r line; do
        n=$((n + 1))
        printf '%s' "$line" >"$dir/form-$n"
    done
}

seed() {  # seed HARNESS DIR: fills DIR with the harness's starting corpus
    local h=$1 dir=$2
    [ -d "fuzz/corpus/$h" ] && cp -n fuzz/corpus/"$h"/* "$dir"/ 2>/dev/null || true
    case $h in
        form) cp forms/*.xml "$dir"/ ;;
        audit) cp samples/*/*.audit.xml "$dir"/ ;;
        catalog) cp reference/thu-tuc-mau.xml samples/quynh-luu-2018/thu-tuc.xml "$dir"/ ;;
        registry) cp reference/van-ban.xml samples/quynh-luu-2018/van-ban-bo-sung.xml "$dir"/ ;;
        expr) grep -ohE '(relevant|when|test|for-each|value|min|max|score)="[^"]*"' forms/*.xml |
                  sed -E 's/^[a-z-]+="//; s/"$//' | unescape | split_lines "$dir" || true ;;
        text_template) grep -ohE '<text( lang="en")?>[^<]*\{[^<]*</text>' forms/*.xml |
                           sed -E 's/^<text[^>]*>//; s/<\/text>$//' | unescape | split_lines "$dir" || true ;;
        template) cp templates/*.xml "$dir"/ ;;
        csv) cp samples/mot-cua/*.csv "$dir"/ ;;
        schedule) cp calendars/announced/*.xml "$dir"/ ;;
    esac
}

corpora="$build/fuzz-corpus"
artifacts="$build/fuzz-artifacts"
logs="$build/fuzz-logs"
mkdir -p "$corpora" "$artifacts" "$logs"

run_one() {
    local h=$1 bin="$build/bin/fuzz_$h"
    local corpus="$corpora/$h" out="$artifacts/$h" log="$logs/$h.log"
    mkdir -p "$corpus" "$out"
    seed "$h" "$corpus"
    # -rss_limit_mb and -timeout turn an out-of-memory input or a hang into a reported failure;
    # -max_len 256 KiB lets the 110 KB forms be mutated whole.
    set +e
    PAR_AUDIT_DATA="$src" ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
        -print_final_stats=1 -artifact_prefix="$out/" "$corpus" >"$log" 2>&1
    local rc=$?
    set -e
    echo "$rc" >"$log.rc"
}

start=$(date +%s)
running=0
for h in "${harnesses[@]}"; do
    if [ ! -x "$build/bin/fuzz_$h" ]; then
        echo "fuzz.sh: $build/bin/fuzz_$h is missing (build it, or drop --no-build)" >&2
        exit 2
    fi
    run_one "$h" &
    running=$((running + 1))
    if [ $running -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait || true

failed=0
printf '%-14s %12s %8s %8s  %s\n' harness executions exec/s corpus result
for h in "${harnesses[@]}"; do
    log="$logs/$h.log"
    rc=$(cat "$log.rc" 2>/dev/null || echo 1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    corpus=$(ls "$corpora/$h" | wc -l)
    if [ "$rc" = 0 ]; then
        result=ok
    else
        failed=1
        result="FAILED (exit $rc): $(ls -t "$artifacts/$h" 2>/dev/null | head -1)"
    fi
    printf '%-14s %12s %8s %8s  %s\n' "$h" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
done
echo "fuzz.sh: ${#harnesses[@]} harnesses, ${seconds} s each, $(( $(date +%s) - start )) s in all"
if [ $failed -ne 0 ]; then
    for h in "${harnesses[@]}"; do
        if [ "$(cat "$logs/$h.log.rc")" != 0 ]; then
            echo "== $h: $logs/$h.log =="
            grep -E 'ERROR|SUMMARY|#[0-9]+ 0x| in par::|Test unit written' "$logs/$h.log" | head -30
        fi
    done
    echo "fuzz.sh: FAILED - replay with $build/bin/fuzz_<harness> <artifact>; add it as a regression test"
    exit 1
fi
echo "fuzz.sh: all harnesses held"
