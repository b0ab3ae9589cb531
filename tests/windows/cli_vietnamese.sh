#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cli_vietnamese.sh BUILD: BUILD/bin/par-audit.exe under Wine on the sample copied into
# "C:\Kiểm tra\Quỳnh Lưu" (Vietnamese letters and a space in every folder): the findings read from
# there on a console (a pseudo-terminal: Wine's console then translates what the program writes in
# the console's code page, so a program that did not switch it to UTF-8 shows "Qu?nh L?u"), the
# same findings as the Linux build when build/bin/par-audit exists, a change saved in place (the
# lock, the atomic replace, the backup), a change refused while another user holds the lock, the
# notice written as PDF under a Vietnamese file name and verified.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=$1
export WINEPREFIX=${WINEPREFIX:-$PWD/$build/wine} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
exe=$(readlink -f "$build/bin/par-audit.exe")
c=$WINEPREFIX/drive_c
dir="$c/Kiểm tra/Quỳnh Lưu"
rm -rf "$c/Kiểm tra" && mkdir -p "$dir"
cp samples/quynh-luu-2018/* "$dir/"
audit='C:\Kiểm tra\Quỳnh Lưu\quynh-luu-2018.audit.xml'
fail() { echo "cli_vietnamese: FAILED: $*" >&2; exit 1; }

# 1. On a console: script(1) gives Wine a pseudo-terminal as standard output.
# Wine's console draws with terminal escapes (and moves the cursor over some spaces): those are
# taken out, spaces too, before looking for the words.
console=$(LANG=C.UTF-8 script -qec "wine '$exe' findings '$audit'" /dev/null \
          | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' | tr -d '\r ') || true
grep -q 'QuỳnhLưu' <<<"$console" || fail "the console does not show 'Quỳnh Lưu': $(head -c 300 <<<"$console")"
grep -q 'Pháthiện' <<<"$console" || fail "no findings on the console: $(head -c 300 <<<"$console")"
! grep -q 'á»' <<<"$console" || fail "the console shows UTF-8 read in another code page: $(head -c 300 <<<"$console")"

# 2. Through a pipe: the same bytes as the Linux build (same data, same rules).
# Wine's cmd.exe, started in the Vietnamese folder, with Vietnamese file names on its command line;
# the dossier analysis draws its progress line on the console (a terminal: script's pseudo-terminal).
cp reference/thu-tuc-mau.xml "$dir/thủ-tục.xml"
cp samples/mot-cua/quynh-luu-2018.csv "$dir/nhật-ký.csv"
viacmd=$(cd "$dir" && LANG=C.UTF-8 script -qec "wine cmd /c '$(winepath -w "$exe" 2>/dev/null)' dossiers analyze \
             nhật-ký.csv --catalog thủ-tục.xml --as-of 2018-10-30" /dev/null \
         | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' | tr '\r' '\n') || true
grep -q 'Đang phân tích nhật ký hồ sơ \[#*\] 100%' <<<"$viacmd" \
    || fail "cmd.exe: no progress line in Vietnamese: $(head -c 300 <<<"$viacmd")"
grep -q 'Nhật ký hồ sơ: nhật-ký.csv' <<<"$viacmd" || fail "cmd.exe: no analysis: $(head -c 300 <<<"$viacmd")"
grep -q 'Bộ phận Một cửa UBND huyện Quỳnh Lưu' <<<"$viacmd" || fail "cmd.exe: units garbled: $(head -c 300 <<<"$viacmd")"
! grep -q 'á»\|Ä' <<<"$viacmd" || fail "cmd.exe shows UTF-8 read in another code page: $(head -c 300 <<<"$viacmd")"

wine "$exe" findings --json "$audit" | tr -d '\r' >"$dir/../findings-windows.json" || test $? -eq 1
test -s "$dir/../findings-windows.json" || fail "no JSON findings"
if [ -x build/bin/par-audit ]; then
    build/bin/par-audit findings --json "$dir/quynh-luu-2018.audit.xml" >"$dir/../findings-linux.json" || test $? -eq 1
    # The audit's path is printed as each system names it: compare the rest.
    diff <(grep -v '"file"\|"path"\|"audit"' "$dir/../findings-linux.json") \
         <(grep -v '"file"\|"path"\|"audit"' "$dir/../findings-windows.json") >/dev/null \
        || fail "findings differ from the Linux build's (diff build/bin/par-audit findings --json)"
fi

# 3. A change saved in place: lock taken and released, file replaced, previous version kept.
before=$(sha256sum "$dir/quynh-luu-2018.audit.xml" | cut -c1-64)
wine "$exe" details "$audit" --set 'body-place=Thành phố Vinh' --by 'Trần Thị Hương' >/dev/null
after=$(sha256sum "$dir/quynh-luu-2018.audit.xml" | cut -c1-64)
[ "$before" != "$after" ] || fail "the audit was not changed"
grep -q 'Thành phố Vinh' "$dir/quynh-luu-2018.audit.xml" || fail "the new value is not in the audit"
test "$(sha256sum "$dir/quynh-luu-2018.audit.xml.bak" | cut -c1-64)" = "$before" || fail "no backup of the previous version"
test ! -e "$dir/quynh-luu-2018.audit.xml.lock" || fail "the lock was left behind"
! ls "$dir" | grep -q '\.tmp-' || fail "a temporary file was left behind"

# 4. Another user holds the lock (another computer, now): the change is refused, nothing written.
printf 'owner=Lê Văn Nam\nhost=MAY-TINH-KHAC\npid=4242\ntime=%s\nepoch=%s\n' "$(date -u +%FT%TZ)" "$(date +%s)" \
    >"$dir/quynh-luu-2018.audit.xml.lock"
set +e
refused=$(wine "$exe" details "$audit" --set 'body-place=Hà Tĩnh' 2>&1 | tr -d '\r')
rc=$?
set -e
[ $rc -ne 0 ] || fail "a change went through another user's lock"
grep -q 'Lê Văn Nam' <<<"$refused" || fail "the refusal does not name the lock's holder: $refused"
test "$(sha256sum "$dir/quynh-luu-2018.audit.xml" | cut -c1-64)" = "$after" || fail "the locked audit was changed"
rm "$dir/quynh-luu-2018.audit.xml.lock"

# 5. The notice as PDF under a Vietnamese name, twice (the second replaces the first), verified.
pdf='C:\Kiểm tra\Quỳnh Lưu\thông báo kết luận.pdf'
wine "$exe" report "$audit" -o "$pdf" --draft >/dev/null
wine "$exe" report "$audit" -o "$pdf" --draft >/dev/null
head -c 5 "$dir/thông báo kết luận.pdf" | grep -q '%PDF-' || fail "no PDF"
wine "$exe" verify "$audit" "$pdf" >/dev/null || fail "verify refused the notice"
! ls "$dir" | grep -q '\.tmp-' || fail "a temporary file was left behind"
echo "cli_vietnamese: passed (console, cmd.exe with the progress line, findings as on Linux, save, lock, PDF in 'C:\\Kiểm tra\\Quỳnh Lưu')"
