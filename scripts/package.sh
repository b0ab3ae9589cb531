#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# package.sh [deb|windows|all]: builds the packages into dist/.
#   deb      par-audit_<version>_amd64.deb (CPack; CLI + app, data, catalogs, man pages, desktop files),
#            built in build-package/ (same compiler flags as the test build, so ccache serves it)
#   windows  par-audit-setup-<version>.exe (NSIS, Vietnamese first) from build-windows/
#            (scripts/build-windows.sh builds it first when missing)
#   all      both (the default)
# docs/packaging.md and docs/windows.md say what is tested and how.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:-all}
mkdir -p dist
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=1

deb() {
    cmake -S . -B build-package -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAR_WERROR=ON \
        -DPAR_BUILD_GUI=ON -DPAR_BUILD_TESTS=OFF -DPAR_BUILD_BENCH=OFF >/dev/null
    cmake --build build-package -j"${JOBS:-2}"
    (cd build-package && cpack -G DEB -B "$PWD/../dist" >/dev/null)
    rm -rf dist/_CPack_Packages
    ls dist/par-audit_*_amd64.deb
}

windows() {
    [ -x build-windows/bin/par-audit.exe ] && [ -x build-windows/bin/par-audit-gui.exe ] \
        || scripts/build-windows.sh
    scripts/make-windows-installer.sh build-windows dist
}

case "$what" in
    deb) deb ;;
    windows) windows ;;
    all) deb; windows ;;
    *) echo "usage: scripts/package.sh [deb|windows|all]" >&2; exit 2 ;;
esac
