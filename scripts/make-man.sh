#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make-man.sh EXE OUT.1 LANG VERSION: writes the man page of par-audit from its own help: the general
# help, then each command's (and each sub-command's) `--help`, in the language LANG (vi or en).
# Called by the build (cmake/ParInstall.cmake) so the pages never drift from the program.
set -euo pipefail
exe=$1 out=$2 lang=$3 version=$4
export LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=
help() { "$exe" --lang "$lang" "$@" --help; }
# roff-safe text: backslashes doubled, lines starting with . or ' protected.
esc() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
# The command words listed under the last "…:" heading of a help text (indented name + description).
commands_of() { awk '/^[^ ].*:$/ {inlist = ($0 ~ /^(Commands|Subcommands|Các lệnh|Lệnh con):$/); next} inlist && /^  [a-z][a-z-]* / {print $1}'; }

if [ "$lang" = vi ]; then
    name="par-audit \\- kiểm tra công tác cải cách hành chính (CCHC)"
    h_desc="MÔ TẢ" h_cmds="CÁC LỆNH" h_files="TỆP" h_env="BIẾN MÔI TRƯỜNG"
    files="Dữ liệu đi kèm (mẫu phiếu, lịch, mẫu văn bản, dữ liệu tham chiếu, thang xếp loại, ví dụ): \
thư mục share/par-audit cạnh thư mục bin của chương trình (/usr/share/par-audit khi cài gói .deb)."
    env="PAR_AUDIT_DATA: thư mục dữ liệu khác. PAR_FONT_DIR: thư mục phông chữ cho PDF. \
SOURCE_DATE_EPOCH: ngày ghi trong PDF (bản dựng lặp lại được)."
else
    name="par-audit \\- inspection of public administration reform (PAR)"
    h_desc="DESCRIPTION" h_cmds="COMMANDS" h_files="FILES" h_env="ENVIRONMENT"
    files="Bundled data (forms, calendars, templates, reference data, bands, samples): the folder \
share/par-audit beside the program's bin folder (/usr/share/par-audit for the .deb)."
    env="PAR_AUDIT_DATA: another data folder. PAR_FONT_DIR: the fonts for PDF. \
SOURCE_DATE_EPOCH: the date written into PDFs (reproducible builds)."
fi

{
    echo ".TH PAR-AUDIT 1 \"\" \"par-audit $version\""
    echo ".SH NAME"
    echo "$name"
    echo ".SH $h_desc"
    echo ".nf"
    help | esc
    echo ".fi"
    echo ".SH $h_cmds"
    for c in $(help | commands_of); do
        echo ".SS $c"
        echo ".nf"
        help "$c" | esc
        echo ".fi"
        for s in $(help "$c" | commands_of); do
            echo ".SS \"$c $s\""
            echo ".nf"
            help "$c" "$s" | esc
            echo ".fi"
        done
    done
    echo ".SH $h_files"
    echo "$files"
    echo ".SH $h_env"
    echo "$env"
} >"$out.tmp"
mv "$out.tmp" "$out"
