#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# smoke_walk.sh APP SOURCE_DIR WORK_DIR - the GUI smoke test: walks the wizard on the sample under a
# virtual X server, then opens the tracker on a workspace made from the sample (plan made with the
# CLI beside APP) and respond mode on a plan exported from it; fails when the app crashes, a check
# fails, or a screenshot is missing.
set -eu
app=$1
src=$2
work=$3
rm -rf "$work"
mkdir -p "$work/home"
# A fresh home: no settings, no recent files, no recovery files from elsewhere.
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
PAR_AUDIT_DATA="$src" NO_AT_BRIDGE=1 \
    xvfb-run -a -s "-screen 0 1280x900x24" \
    "$app" "$src/samples/quynh-luu-2018/quynh-luu-2018.audit.xml" \
    --self-test-walk "$work/walk.audit.xml" --screenshot "$work/screenshots"
test -s "$work/walk.audit.xml"
for page in start details details-error section section-error table subunit dossier dossier-chart dossier-units findings score notice-error notice notice-lists output reopened; do
    test -s "$work/screenshots/$page.png" || { echo "missing screenshot $page.png" >&2; exit 1; }
done
# The documents were printed for signing (not drafts) with what the notice page entered.
if [ -f "$work/walk.audit.xml.notice.pdf" ] && command -v pdftotext >/dev/null 2>&1; then
    for doc in notice plan minutes; do
        pdftotext "$work/walk.audit.xml.$doc.pdf" "$work/$doc.txt"
        if grep -q "DỰ THẢO" "$work/$doc.txt"; then echo "the $doc is marked as a draft" >&2; exit 1; fi
    done
    grep -q "06/TB-SNV" "$work/notice.txt" || { echo "the notice lacks the number typed on the notice page" >&2; exit 1; }
    grep -q "Phòng Nội vụ huyện Quỳnh Lưu" "$work/notice.txt" || { echo "the notice lacks the recipient added" >&2; exit 1; }
fi

# The tracker and respond mode: a workspace made from the sample with its remediation plan made by
# the CLI, and the plan of one unit exported from it.
cli="$(dirname "$app")/par-audit"
mkdir -p "$work/workspace"
cp -r "$src/samples/quynh-luu-2018" "$work/workspace/"
ws_audit="$work/workspace/quynh-luu-2018/quynh-luu-2018.audit.xml"
PAR_AUDIT_DATA="$src" "$cli" findings "$ws_audit" --save >/dev/null
PAR_AUDIT_DATA="$src" "$cli" plan make "$ws_audit" --by "Smoke test" >/dev/null
PAR_AUDIT_DATA="$src" "$cli" plan export "$ws_audit" --unit "UBND huyện Quỳnh Lưu" \
    -o "$work/quynh-luu.plan.xml" >/dev/null
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
PAR_AUDIT_DATA="$src" NO_AT_BRIDGE=1 \
    xvfb-run -a -s "-screen 0 1280x900x24" \
    "$app" "$work/workspace" --self-test-tracker "$work/quynh-luu.plan.xml" --screenshot "$work/screenshots"
test -s "$work/quynh-luu.response.zip"  # the response carries its evidence file
for page in tracker tracker-sorted respond tracker-imported; do
    test -s "$work/screenshots/$page.png" || { echo "missing screenshot $page.png" >&2; exit 1; }
done
echo "gui smoke walk: passed; screenshots in $work/screenshots"
