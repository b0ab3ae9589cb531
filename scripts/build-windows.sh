#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# build-windows.sh: builds par-audit for Windows x86-64 with Debian's MinGW-w64 into build-windows/
# (build-windows/bin/par-audit.exe, par-audit-gui.exe and the test executables), against the static
# libraries of scripts/build-windows-deps.sh (built first when its prefix is missing). Everything
# static: the .exe files need no DLL. Tests run under Wine: scripts/test-windows.sh.
# Run it under `nice -n 19` on a shared machine. JOBS (default 2), PAR_WINDOWS_GUI=OFF to skip the app;
# arguments: the targets to build (all when none).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PREFIX=$(readlink -f "$(scripts/build-windows-deps.sh | tail -n1)")  # (a prefix may be a link to an equal one)
[ -f "$PREFIX/.complete" ] || [ -f "$PREFIX/.complete-core" ] \
    || { echo "build-windows: dependency prefix $PREFIX incomplete" >&2; exit 1; }
# The static libraries' own dependencies, in link order, after the project's libraries (CMake's
# imported targets and pkg-config files of static libraries do not carry them all).
L=$PREFIX/lib
TAIL="-L$L -lharfbuzz-subset -lharfbuzz -lhpdf -lxlsxwriter -lzip -licalss -licalvcal -lical"
TAIL="$TAIL $L/libsicuin.a $L/libsicuuc.a $L/libsicudt.a -lcrypto -lz"
TAIL="$TAIL -lws2_32 -lcrypt32 -lbcrypt -ladvapi32 -luser32 -lkernel32 -lole32 -lshell32"
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=1
# The test executables are listed at build time by running them under Wine (catch_discover_tests).
export WINEPREFIX=${WINEPREFIX:-$PWD/build-windows/wine} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cmake -S . -B build-windows -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/mingw-w64-x86_64.cmake" -DPAR_MINGW_PREFIX="$PREFIX" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
    -DPAR_WERROR=ON -DPAR_BUILD_GUI="${PAR_WINDOWS_GUI:-ON}" \
    -DPAR_BUILD_TESTS=ON -DPAR_BUILD_BENCH=OFF -DPAR_WITH_ISAL=ON \
    -DwxWidgets_CONFIG_EXECUTABLE="$PREFIX/bin/wx-config" \
    -DICU_ROOT="$PREFIX" -DICU_UC_LIBRARY_RELEASE="$L/libsicuuc.a" \
    -DICU_I18N_LIBRARY_RELEASE="$L/libsicuin.a" -DICU_DATA_LIBRARY_RELEASE="$L/libsicudt.a" \
    -DOPENSSL_ROOT_DIR="$PREFIX" -DOPENSSL_USE_STATIC_LIBS=TRUE \
    -DOPENSSL_CRYPTO_LIBRARY="$L/libcrypto.a" -DOPENSSL_INCLUDE_DIR="$PREFIX/include" \
    -DBoost_NO_BOOST_CMAKE=ON -DBoost_INCLUDE_DIR="$PREFIX/include" \
    -DCMAKE_CXX_STANDARD_LIBRARIES="$TAIL" -DCMAKE_C_STANDARD_LIBRARIES="$TAIL" \
    -DPAR_WINDOWS_FONT_DIR=/usr/share/fonts/truetype/liberation2 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >build-windows.configure.log 2>&1 \
    || { tail -40 build-windows.configure.log; exit 1; }
# build-windows.sh TARGET...: only these (e.g. par-audit test_common); all by default.
cmake --build build-windows -j"${JOBS:-2}" ${1:+--target "$@"}
ls -l build-windows/bin/*.exe
