#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# installer_test.sh BUILD: builds the NSIS installer from BUILD (scripts/make-windows-installer.sh, into
# dist/), installs it silently under Wine into a folder with Vietnamese letters, and with no source
# tree in sight (PAR_AUDIT_DATA unset, working folder elsewhere) runs the installed par-audit.exe on
# the sample copied into "C:\Kiểm tra\Quỳnh Lưu": version, findings (the same as the Linux build's
# when build/bin/par-audit exists), the notice as PDF, verify; when the app is in the installer, its
# smoke walk from the installed folder; checks the Start-menu entries and the uninstall key, then
# uninstalls and checks what is left.
set -euo pipefail
# Which step stopped it: a failed `test` says nothing by itself.
trap 'echo "installer_test.sh: line $LINENO failed (exit $?): $BASH_COMMAND" >&2' ERR
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=$1
export WINEPREFIX=${WINEPREFIX:-$PWD/$build/wine} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset PAR_AUDIT_DATA
scripts/make-windows-installer.sh "$build" dist >/dev/null
version=$(sed -n 's/^#define PAR_VERSION "\(.*\)"$/\1/p' "$build/generated/par/Version.hpp")
setup=$(readlink -f "dist/par-audit-setup-$version.exe")
c=$WINEPREFIX/drive_c
inst='C:\Phần-mềm\par-audit'          # NSIS: /D= last and unquoted, so no space here under Wine
rm -rf "$c/Phần-mềm" "$c/Kiểm tra"
wine "$setup" /S /CurrentUser "/D=$inst"
wineserver -w
test -f "$c/Phần-mềm/par-audit/bin/par-audit.exe"
test -f "$c/Phần-mềm/par-audit/share/par-audit/forms/cchc-xa.xml"
test -f "$c/Phần-mềm/par-audit/share/par-audit/fonts/LiberationSerif-Regular.ttf"
menu="$c/users/${USER:-$(id -un)}/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/par-audit"
ls "$menu"/*.lnk >/dev/null
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\par-audit' | grep -q "par-audit $version"

# The sample in a folder with Vietnamese letters (and a space), the program run from another one.
src=$PWD
folder="$c/Kiểm tra/Quỳnh Lưu"
mkdir -p "$folder" "$c/Thư mục làm việc"
cp samples/quynh-luu-2018/* "$folder/"
exe="$inst\\bin\\par-audit.exe"
audit='C:\Kiểm tra\Quỳnh Lưu\quynh-luu-2018.audit.xml'
pdf='C:\Kiểm tra\Quỳnh Lưu\thông báo kết luận.pdf'
cd "$c/Thư mục làm việc"
test "$(wine "$exe" --version | tr -d '\r')" = "par-audit $version"
wine "$exe" findings "$audit" | tr -d '\r' >findings.txt || test $? -eq 1
grep -q 'UBND huyện Quỳnh Lưu ([0-9]* phát hiện)' findings.txt
if [ -x "$src/build/bin/par-audit" ]; then  # the same findings, word for word, as on Linux
    PAR_AUDIT_DATA="$src" "$src/build/bin/par-audit" findings "$folder/quynh-luu-2018.audit.xml" >findings-linux.txt || test $? -eq 1
    diff findings-linux.txt findings.txt
fi
wine "$exe" report "$audit" -o "$pdf"
head -c 5 "$folder/thông báo kết luận.pdf" | grep -q '%PDF-'
wine "$exe" verify "$audit" "$pdf"
# Atomic replace over an existing file, with a Vietnamese name: a second notice replaces the first.
wine "$exe" report "$audit" -o "$pdf"
head -c 5 "$folder/thông báo kết luận.pdf" | grep -q '%PDF-'
! ls "$folder" | grep -q '\.tmp-'
gui="$c/Phần-mềm/par-audit/bin/par-audit-gui.exe"
if [ -f "$gui" ]; then
    # The installed app, with no source tree: the walk on the sample (data, fonts and catalogs found
    # beside the installed exe), screenshots kept beside the build's. A fresh wineserver first, so
    # that Wine's desktop gets xvfb-run's display (tests/windows/gui_smoke.sh).
    cp -r "$src/samples/mot-cua" "$c/Kiểm tra/"  # the one-stop export the walk imports
    shots=$src/$build/smoke-installed
    rm -rf "$shots" && mkdir -p "$shots"
    wineserver -k 2>/dev/null || true
    wineserver -w 2>/dev/null || true
    timeout 300 xvfb-run -a -s "-screen 0 1280x900x24" wine "$gui" "$audit" \
        --self-test-walk 'C:\Kiểm tra\Quỳnh Lưu\walk.audit.xml' --screenshot "$shots"
    test -s "$folder/walk.audit.xml"
    test -s "$shots/findings.bmp"
fi
cd - >/dev/null

wine "$inst\\uninstall.exe" /S /CurrentUser
wineserver -w
sleep 2
test ! -e "$c/Phần-mềm/par-audit/bin/par-audit.exe"
test ! -e "$menu"
! wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\par-audit' >/dev/null 2>&1
echo "installer test: par-audit-setup-$version.exe installed, ran the sample from 'C:\\Kiểm tra\\Quỳnh Lưu', uninstalled"
