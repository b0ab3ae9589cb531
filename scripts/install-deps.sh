#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian 12 packages par-audit needs, only when some are missing.
# Idempotent: a machine that already has everything is left untouched.
set -euo pipefail

PACKAGES=(
    build-essential cmake pkg-config ninja-build ccache
    libssl-dev libtinyxml2-dev libboost-date-time-dev libcli11-dev nlohmann-json3-dev libicu-dev
    libsimdjson-dev
    libhpdf-dev libharfbuzz-dev libxlsxwriter-dev libzip-dev libical-dev
    libp11-kit-dev zlib1g-dev
    libisal-dev  # ISA-L: XLSX parts inflated 2.9x faster than with zlib (src/core/dossier)
    libwxgtk3.2-dev wx3.2-i18n gettext
    catch2
    chromium python3  # the HTML plan form's browser test (tests/cli/tracking/test_plan_form.cpp)
    fonts-liberation2
    poppler-utils qpdf
    debootstrap  # test only: the clean Debian 12 root the .deb is installed into (tests/packaging)
    file  # packaging: CPack's .deb generator needs it to find the libraries' dependencies (shlibdeps)
    unzip  # test only: the tests read entries of the .docx, .xlsx and .response.zip files written
    # Test-only: the DOCX back end is read back by LibreOffice and python-docx (tests/cli/docx).
    libreoffice-writer-nogui python3-docx
    python3-openpyxl
    xvfb xauth imagemagick
    # test only: a PKCS#11 token (SoftHSM2), pkcs11-tool (opensc), openssl ts and /usr/bin/python3 (a local TSA)
    softhsm2 opensc openssl python3
    clang-14 libclang-rt-14-dev llvm-14
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
