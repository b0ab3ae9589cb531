#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# deb_in_clean_root.sh DEB [ROOT]: installs the .deb into a clean Debian 12 root (debootstrap --variant=
# minbase from Debian's archive, made once at ROOT, default /var/cache/par-audit/debian12-root, and
# copied fresh for each run) with apt resolving its Depends, then, with no source tree in the root,
# runs the sample of the installed data: version, validate, findings, the notice and the plan as PDF
# (checked to be PDFs naming par-audit <version> as producer), and the same from an extracted copy
# of the package in another folder (relocatable: data found relative to the executable). Needs root.
set -euo pipefail
deb=$(readlink -f "$1")
base=${2:-/var/cache/par-audit/debian12-root}
if [ ! -x "$base/bin/sh" ]; then
    debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian
fi
root=$(mktemp -d /var/tmp/par-deb-root.XXXXXX)
trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$root"' EXIT
cp -a "$base/." "$root/"
mount -t proc proc "$root/proc"   # as on a running system: the programs find themselves through it
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
name=$(basename "$deb")
version=$(dpkg-deb -f "$deb" Version)
# The producer as the PDF's Info dictionary writes it: a UTF-16BE hex string <FEFF…> (the form
# libharu's UTF-8 metadata takes), or plain text.
producer_hex=$(printf 'par-audit %s' "$version" | iconv -f UTF-8 -t UTF-16BE | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
chroot "$root" /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends /tmp/$name >/dev/null"
chroot "$root" /bin/bash -euo pipefail -c "
    test ! -e /work
    cd /tmp && mkdir run && cd run
    test \"\$(par-audit --version)\" = 'par-audit $version'
    S=/usr/share/par-audit/samples/quynh-luu-2018
    par-audit validate /usr/share/par-audit/forms/*.xml /usr/share/par-audit/reference/*.xml \$S/*.xml
    par-audit findings \$S/quynh-luu-2018.audit.xml >findings.txt || test \$? -eq 1
    grep -q 'Quỳnh Lưu' findings.txt
    par-audit report \$S/quynh-luu-2018.audit.xml -o thong-bao.pdf
    par-audit report \$S/quynh-luu-2018.audit.xml --document plan -o ke-hoach.pdf
    head -c 5 thong-bao.pdf | grep -q '%PDF-'
    grep -aq -e 'par-audit $version' -e '<FEFF$producer_hex' thong-bao.pdf
    par-audit verify \$S/quynh-luu-2018.audit.xml thong-bao.pdf
    # Relocatable: the package extracted into another folder finds its own data.
    mkdir /opt/x && dpkg-deb -x /tmp/$name /opt/x
    mv /usr/share/par-audit /usr/share/par-audit.moved
    /opt/x/usr/bin/par-audit findings /opt/x/usr/share/par-audit/samples/quynh-luu-2018/quynh-luu-2018.audit.xml >x.txt || test \$? -eq 1
    cmp findings.txt x.txt
    mv /usr/share/par-audit.moved /usr/share/par-audit
    man -w par-audit >/dev/null 2>&1 || test -f /usr/share/man/man1/par-audit.1
    echo \"deb_in_clean_root: $name installed on a clean Debian 12 root and ran the sample\"
"
