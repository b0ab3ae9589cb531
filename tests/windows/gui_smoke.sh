#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# gui_smoke.sh BUILD: the app's smoke walk on Windows: BUILD/bin/par-audit-gui.exe under Wine on a
# virtual X server (xvfb-run) walks the wizard on the sample (--self-test-walk, as tests/gui/
# smoke_walk.sh does on Linux) and writes its screenshots, BMP on Windows, turned into PNG here
# (BUILD/smoke/screenshots/*.png) to be looked at: Vietnamese text, fonts, dialogs. Fails when the
# app crashes, a check of the walk fails or a screenshot is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=$1
export WINEPREFIX=${WINEPREFIX:-$PWD/$build/wine} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
app=$build/bin/par-audit-gui.exe
[ -f "$app" ] || { echo "gui_smoke: $app not built" >&2; exit 1; }
work=$PWD/$build/smoke
rm -rf "$work" && mkdir -p "$work/screenshots"
# No PAR_AUDIT_DATA: the app finds the data through the build tree's marker beside bin\ (the
# installed app, through share\par-audit beside bin\: tests/windows/installer_test.sh), its
# catalogs in BUILD/locale, its fonts (Wine has no Times New Roman) in the data's fonts\ folder or
# Liberation Serif. The sample is copied into a folder with Vietnamese letters.
unset PAR_AUDIT_DATA
c=$WINEPREFIX/drive_c
rm -rf "$c/Kiểm tra giao diện" && mkdir -p "$c/Kiểm tra giao diện/Quỳnh Lưu"
cp samples/quynh-luu-2018/* "$c/Kiểm tra giao diện/Quỳnh Lưu/"
cp -r samples/mot-cua "$c/Kiểm tra giao diện/"  # the one-stop export the walk imports, beside it
# Wine's desktop process belongs to the prefix's wineserver: one started by earlier programs without
# a display (the CLI tests) would keep the app's windows off the X server, and the app waits for
# ever (seen: black screen, no window). A fresh wineserver starts with xvfb-run's display.
wineserver -k 2>/dev/null || true
wineserver -w 2>/dev/null || true
xvfb-run -a -s "-screen 0 1280x900x24" \
    wine "$app" 'C:\Kiểm tra giao diện\Quỳnh Lưu\quynh-luu-2018.audit.xml' \
    --self-test-walk "$work/walk.audit.xml" --screenshot "$work/screenshots"
test -s "$work/walk.audit.xml"
# The pages tests/gui/smoke_walk.sh checks on Linux.
for page in start details details-error section section-error table subunit dossier dossier-chart \
            dossier-units findings score notice-error notice notice-lists output reopened; do
    test -s "$work/screenshots/$page.bmp" || { echo "missing screenshot $page" >&2; exit 1; }
    convert "$work/screenshots/$page.bmp" "$work/screenshots/$page.png"
done
echo "gui_smoke (Windows): passed; screenshots in $work/screenshots"
