#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian 12 packages that only the Windows stage needs (cross compiler, Wine to run the
# tests, NSIS for the installer, the MinGW zlib), and the deb-src entry that lets
# scripts/build-windows-deps.sh fetch Debian's own source packages with `apt-get source`.
# Idempotent: a machine that already has everything is left untouched. The Linux build does not need
# any of this (scripts/install-deps.sh).
set -euo pipefail

PACKAGES=(
    g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
    mingw-w64-x86-64-dev mingw-w64-tools libz-mingw-w64-dev
    wine wine64 xvfb xauth imagemagick
    nsis
    nasm  # ISA-L's assembly (scripts/build-windows-deps.sh)
    meson ninja-build cmake pkg-config dpkg-dev debootstrap
    icu-devtools libboost-dev libcli11-dev nlohmann-json3-dev catch2 fonts-liberation2
    python3 patch
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# deb-src entry for Debian's archive (same suites as the binary entry), only when none exists.
SRC=/etc/apt/sources.list.d/par-audit-deb-src.sources
need_update=0
if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "install-deps-windows: adding $SRC"
    $SUDO tee "$SRC" >/dev/null <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    need_update=1
fi

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ] && [ $need_update -eq 0 ]; then
    echo "install-deps-windows: all ${#PACKAGES[@]} packages present"
    exit 0
fi
$SUDO apt-get update
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps-windows: installing ${missing[*]}"
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
