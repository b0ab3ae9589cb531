#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Quick start, command 2 (and what CI runs through .ci/run): installs what is missing, then builds and
# runs the whole test suite twice: a normal build with warnings as errors (build/), including the
# desktop app and its smoke test under Xvfb, and a build under AddressSanitizer +
# UndefinedBehaviorSanitizer (build-asan/; the core, the CLI and their tests, without the GUI, whose
# GTK libraries would drown the leak checker in reports that are not ours). Then a third stage builds
# the libFuzzer harnesses with clang-14 (build-fuzz/) and runs each briefly over the samples
# (scripts/fuzz.sh, docs/reliability.md); a crash, leak, hang or out-of-memory input fails the run.
# Then the Debian package is built and tried in a clean Debian 12 root (below).
# Last, the Windows stage (scripts/test-windows.sh, docs/windows.md): the libraries for Windows built
# from Debian's source packages into /var/cache/par-audit/mingw-<hash> when that prefix is missing
# (kept between runs), par-audit.exe and par-audit-gui.exe cross-built with MinGW-w64 into
# build-windows/, the Catch2 suite run under Wine, the NSIS installer installed and run under Wine
# from folders with Vietnamese letters, the app's smoke walk under Wine + Xvfb.
# PAR_WINDOWS=OFF skips that stage; PAR_WINDOWS_GUI=OFF leaves the app (and wxWidgets) out of it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc)
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
# Warnings are errors in the normal build only: with the sanitizers GCC 12 reports a false
# maybe-uninitialized inside std::regex (libstdc++), which is not a defect of ours.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DPAR_SANITIZE=ON -DPAR_BUILD_BENCH=OFF -DPAR_BUILD_GUI=OFF -DPAR_WERROR=OFF

# Fuzzing: PAR_FUZZ_SECONDS per harness (default 45), two at a time; ~10 min on 2 cores with the build.
echo "== build-fuzz: libFuzzer harnesses, ${PAR_FUZZ_SECONDS:-45} s each =="
scripts/fuzz.sh -t "${PAR_FUZZ_SECONDS:-45}" -j "$jobs"

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
fi

if [ "${PAR_WINDOWS:-ON}" != OFF ]; then
    echo "== build-windows: MinGW-w64 cross build, tests and installer under Wine =="
    nice -n 5 scripts/test-windows.sh
fi
