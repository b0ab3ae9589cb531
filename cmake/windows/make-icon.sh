#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make-icon.sh OUT.ico: draws the par-audit icon (the same drawing as packaging/par-audit.svg: a
# clipboard with a check list) with ImageMagick's own primitives (Debian's ImageMagick has no SVG
# renderer without librsvg) into a Windows .ico of 256, 48, 32 and 16 pixels.
set -euo pipefail
out=$1
tmp=$(mktemp --suffix=.png)
trap 'rm -f "$tmp"' EXIT
convert -size 256x256 xc:none \
    -fill '#8a5a2b' -draw 'roundrectangle 40,28 216,240 16,16' \
    -fill '#ffffff' -draw 'roundrectangle 56,48 200,224 6,6' \
    -fill '#c0392b' -draw 'roundrectangle 92,16 164,52 10,10' \
    -fill '#ffd966' -draw 'roundrectangle 108,24 148,36 6,6' \
    -fill none -stroke '#1e8449' -strokewidth 12 -draw 'polyline 72,92 84,104 104,80' \
    -draw 'polyline 72,140 84,152 104,128' \
    -stroke '#c0392b' -draw 'line 74,178 102,206' -draw 'line 102,178 74,206' \
    -stroke none -fill '#2c3e50' -draw 'roundrectangle 118,86 184,98 6,6' \
    -draw 'roundrectangle 118,134 184,146 6,6' -draw 'roundrectangle 118,186 184,198 6,6' \
    "$tmp"
convert "$tmp" -define icon:auto-resize=256,48,32,16 "$out"
