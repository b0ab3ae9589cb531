#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Quick start, command 2 (and what CI runs through .ci/run): installs what is missing, then builds and
# runs the whole test suite twice: a normal build with warnings as errors (build/), including the
# desktop app and its smoke test under Xvfb, and a build under AddressSanitizer +
# UndefinedBehaviorSanitizer with clang-14 (build-asan/; the core, the CLI and their tests, without
# the GUI, whose GTK libraries would drown the leak checker in reports that are not ours), which also
# makes the libFuzzer harnesses; each then runs briefly over the samples (scripts/fuzz.sh,
# docs/reliability.md); a crash, leak, hang or out-of-memory input fails the run.
# Then the Debian package is built and tried in a clean Debian 12 root (below).
# Last, the Windows stage (scripts/test-windows.sh, docs/windows.md): the libraries for Windows built
# from Debian's source packages into /var/cache/par-audit/mingw-<hash> when that prefix is missing
# (kept between runs; started at the beginning, beside the Linux stages), par-audit.exe and
# par-audit-gui.exe cross-built with MinGW-w64 into build-windows/, the Catch2 suite run under Wine,
# the NSIS installer installed and run under Wine from folders with Vietnamese letters, the app's
# smoke walk under Wine + Xvfb.
# PAR_WINDOWS=OFF skips that stage; PAR_WINDOWS_GUI=OFF leaves the app (and wxWidgets) out of it.
set -euo pipefail
cd "$(dirname "$0")/.."

T0=$(date +%s)
t_lap=$T0
laps=()
lap() {  # lap NAME: how long the stage that just ended took, for the summary line at the end
    local now; now=$(date +%s)
    laps+=("$1 $((now - t_lap))s")
    t_lap=$now
}

scripts/install-deps.sh
jobs=$(nproc)

# The Windows stage's libraries (scripts/build-windows-deps.sh: wxWidgets, ICU, OpenSSL and the rest
# from Debian's sources, ~10-20 min of two cores) are built, when the prefix is missing, from the
# start, beside the Linux stages, and the Windows stage waits for them. In their own session
# (setsid): their own process group, so that a failing stage here stops their compilers too, and,
# under the kernel's autogroup scheduling (Debian's default), their own scheduling group, which
# shares the cores evenly with this one whatever the nice value: each keeps the cores busy while the
# other waits on a serial step (a configure script, the last tests, the package's clean root).
deps_pid=""
if [ "${PAR_WINDOWS:-ON}" != OFF ]; then
    scripts/install-deps-windows.sh
    rm -f build-windows-deps.log
    setsid scripts/build-windows-deps.sh >build-windows-deps.log 2>&1 &
    deps_pid=$!
    trap '[ -z "$deps_pid" ] || kill -- "-$deps_pid" 2>/dev/null || true' EXIT
fi
lap install-deps
# Objects are shared through ccache across build trees and clones (paths made relative to the clone).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

run_suite() {
    local dir=$1; shift
    echo "== $dir: $* =="
    cmake -S . -B "$dir" -G Ninja -DPAR_BUILD_TESTS=ON "$@" >/dev/null
    cmake --build "$dir" -j"$jobs"
    ctest --test-dir "$dir" -j"$jobs" --output-on-failure --timeout 600
}

run_suite build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAR_BUILD_GUI=ON -DPAR_WERROR=ON
lap build
# The sanitizer build (build-asan/): Clang 14 with AddressSanitizer + UndefinedBehaviorSanitizer and
# libFuzzer's coverage instrumentation (-DPAR_BUILD_FUZZ=ON), optimised like the normal build. The
# core, the CLI and the whole test suite run under the sanitizers; the same objects then make the
# fuzz harnesses, so the libraries are compiled once for both (they were compiled twice, by GCC at
# -O0 for the tests and by Clang for fuzzing: docs/performance.md, "CI time"). Warnings are errors in
# the normal build only (each compiler warns differently under the sanitizers).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite build-asan -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAR_BUILD_FUZZ=ON -DPAR_BUILD_BENCH=OFF -DPAR_BUILD_GUI=OFF \
        -DPAR_WERROR=OFF
lap build-asan

# Fuzzing: the harnesses of build-asan/, PAR_FUZZ_SECONDS each (default 45), two at a time.
echo "== build-asan: libFuzzer harnesses, ${PAR_FUZZ_SECONDS:-45} s each =="
scripts/fuzz.sh --no-build -b build-asan -t "${PAR_FUZZ_SECONDS:-45}" -j "$jobs"
lap fuzz

# The Debian package: built by scripts/package.sh (build-package/, the normal build's flags, so
# ccache serves it), then installed into a clean Debian 12 root where its par-audit runs the sample
# from the installed data and from an extracted copy (tests/packaging/deb_in_clean_root.sh;
# docs/packaging.md). Needs root for chroot and mount. PAR_PACKAGE=OFF skips it.
if [ "${PAR_PACKAGE:-ON}" != OFF ]; then
    echo "== build-package: the .deb, installed and run in a clean Debian 12 root =="
    rm -f dist/par-audit_*_amd64.deb
    scripts/package.sh deb
    deb=$(ls dist/par-audit_*_amd64.deb)
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO tests/packaging/deb_in_clean_root.sh "$deb"
    lap package
fi

if [ "${PAR_WINDOWS:-ON}" != OFF ]; then
    echo "== build-windows: MinGW-w64 cross build, tests and installer under Wine =="
    t0=$(date +%s)
    if ! wait "$deps_pid"; then
        deps_pid=""
        tail -n 60 build-windows-deps.log
        echo "test.sh: building the Windows libraries failed (build-windows-deps.log, above)" >&2
        exit 1
    fi
    deps_pid=""
    echo "(the Windows libraries: waited $(( $(date +%s) - t0 )) s for them; build-windows-deps.log:)"
    grep '^build-windows-deps:' build-windows-deps.log | tail -n 3
    nice -n 5 scripts/test-windows.sh
    lap windows
fi
echo "test.sh: passed in $(( $(date +%s) - T0 )) s (${laps[*]})"
