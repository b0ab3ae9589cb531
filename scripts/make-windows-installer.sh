#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make-windows-installer.sh BUILD DIST: stages `cmake --install BUILD` (bin\, share\par-audit\ with
# the bundled Liberation Serif, share\locale\), the user guide and the licences of the statically
# linked libraries (Debian's copyright files), then builds DIST/par-audit-setup-<version>.exe with
# NSIS (packaging/windows/par-audit.nsi).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=$1 dist=$2
version=$(sed -n 's/^#define PAR_VERSION "\(.*\)"$/\1/p' "$build/generated/par/Version.hpp")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cmake --install "$build" --prefix "$stage" >/dev/null
# Only the programs: the test executables are not installed (install() names par-audit and the app).
x86_64-w64-mingw32-strip "$stage"/bin/*.exe
doc=$stage/share/doc/par-audit
mkdir -p "$doc/licences"
cp docs/huong-dan-su-dung.md "$doc/"
for p in libicu72 libssl3 libwxbase3.2-1 libharfbuzz0b libhpdf-2.3.0 libxlsxwriter4 libzip4 libical3 \
         libsimdjson14 libtinyxml2-9 zlib1g libisal2 fonts-liberation2 libboost1.74-dev libcli11-dev \
         nlohmann-json3-dev; do
    if [ -f "/usr/share/doc/$p/copyright" ]; then cp "/usr/share/doc/$p/copyright" "$doc/licences/$p.txt"; fi
done
mkdir -p "$dist"
out=$(readlink -f "$dist")/par-audit-setup-$version.exe
gui=()
if [ -f "$stage/bin/par-audit-gui.exe" ]; then gui=(-DHAVE_GUI); fi
makensis -V2 "${gui[@]}" -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$out" \
    -DICON="$(readlink -f "$build")/par-audit.ico" packaging/windows/par-audit.nsi
ls -l "$out"
