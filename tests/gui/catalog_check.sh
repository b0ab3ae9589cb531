#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# catalog_check.sh SOURCE_DIR WORK_DIR - the app's strings and po/vi.po: every _("…") of src/gui is
# plain ASCII (wx converts msgids with the C library's locale; under LC_CTYPE=C a UTF-8 msgid becomes
# an empty string, so the label vanishes in both languages) and has a Vietnamese translation.
set -eu
src=$1
work=$2
mkdir -p "$work"
xgettext --from-code=UTF-8 -k_ -kwxPLURAL:1,2 -kwxTRANSLATE -o "$work/par-audit-gui.pot" "$src"/src/gui/*.cpp
# msgid lines (and their continuations) with a byte outside ASCII.
if awk '/^msgid/ {m=1} /^msgstr/ {m=0} m' "$work/par-audit-gui.pot" | LC_ALL=C grep -n '[^ -~]'; then
    echo "msgids above are not ASCII: pass the Vietnamese words as arguments (wxString::Format)" >&2
    exit 1
fi
# Every msgid of the sources translated in vi.po (untranslated entries count as missing).
# (vi.po also translates wx's stock strings, which the sources do not use: those warnings are dropped.)
if ! msgcmp "$src/po/vi.po" "$work/par-audit-gui.pot" 2>"$work/msgcmp.log"; then
    grep -v "this message is not used" "$work/msgcmp.log" >&2
    echo "translate the messages above in po/vi.po (docs/gui.md, Languages)" >&2
    exit 1
fi
echo "gui catalog: every msgid ASCII and translated"
