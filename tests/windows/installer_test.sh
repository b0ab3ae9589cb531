#!/usr/bin/env bash
# installer_test.sh BUILD: builds the NSIS installer from BUILD (scripts/make-windows-installer.sh, into
# dist/), installs it silently under Wine into a folder with Vietnamese letters, and with no source
# tree in sight (PAR_AUDIT_DATA unset, working folder elsewhere) runs the installed par-audit.exe on
# the sample copied into "Tài liệu/Quỳnh Lưu 2018": version, findings, the notice as PDF, verify;
# checks the Start-menu entries and the uninstall key, then uninstalls and checks what is left.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=$1
export WINEPREFIX=${WINEPREFIX:-$PWD/$build/wine} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset PAR_AUDIT_DATA
scripts/make-windows-installer.sh "$build" dist >/dev/null
version=$(sed -n 's/^#define PAR_VERSION "\(.*\)"$/\1/p' "$build/generated/par/Version.hpp")
setup=$(readlink -f "dist/par-audit-setup-$version.exe")
c=$WINEPREFIX/drive_c
inst='C:\Phần-mềm\par-audit'          # NSIS: /D= last and unquoted, so no space here under Wine
rm -rf "$c/Phần-mềm" "$c/Tài liệu"
wine "$setup" /S /CurrentUser "/D=$inst"
wineserver -w
test -f "$c/Phần-mềm/par-audit/bin/par-audit.exe"
test -f "$c/Phần-mềm/par-audit/share/par-audit/forms/cchc-xa.xml"
test -f "$c/Phần-mềm/par-audit/share/par-audit/fonts/LiberationSerif-Regular.ttf"
menu="$c/users/$USER/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/par-audit"
ls "$menu"/*.lnk >/dev/null
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\par-audit' | grep -q "par-audit $version"

# The sample in a folder with Vietnamese letters (and a space), the program run from another one.
mkdir -p "$c/Tài liệu/Quỳnh Lưu 2018" "$c/Thư mục làm việc"
cp samples/quynh-luu-2018/* "$c/Tài liệu/Quỳnh Lưu 2018/"
exe="$inst\\bin\\par-audit.exe"
audit='C:\Tài liệu\Quỳnh Lưu 2018\quynh-luu-2018.audit.xml'
pdf='C:\Tài liệu\Quỳnh Lưu 2018\thông báo kết luận.pdf'
cd "$c/Thư mục làm việc"
test "$(wine "$exe" --version | tr -d '\r')" = "par-audit $version"
wine "$exe" findings "$audit" >findings.txt || test $? -eq 1
grep -q 'Quỳnh Lưu' findings.txt
wine "$exe" report "$audit" -o "$pdf"
head -c 5 "$c/Tài liệu/Quỳnh Lưu 2018/thông báo kết luận.pdf" | grep -q '%PDF-'
wine "$exe" verify "$audit" "$pdf"
# Atomic replace over an existing file, with a Vietnamese name: a second notice replaces the first.
wine "$exe" report "$audit" -o "$pdf"
ls "$c/Tài liệu/Quỳnh Lưu 2018/" | grep -v '\.tmp-' >/dev/null
! ls "$c/Tài liệu/Quỳnh Lưu 2018/" | grep -q '\.tmp-'
cd - >/dev/null

wine "$inst\\uninstall.exe" /S /CurrentUser
wineserver -w
sleep 2
test ! -e "$c/Phần-mềm/par-audit/bin/par-audit.exe"
test ! -e "$menu"
! wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\par-audit' >/dev/null 2>&1
echo "installer test: par-audit-setup-$version.exe installed, ran the sample from 'C:\\Tài liệu\\Quỳnh Lưu 2018', uninstalled"
