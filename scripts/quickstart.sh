#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Quick start, command 1: installs what is missing, builds par-audit into build/ (executables in
# build/bin/) and runs the main job on the bundled Quỳnh Lưu 2018 sample: validates the forms and the
# reference data, lists the sample's findings, and prints its conclusion notice and remediation plan
# as PDF into out/ when the PDF engine is built.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAR_BUILD_TESTS=OFF >/dev/null
cmake --build build --target par-audit -j"$(nproc)"

PAR=build/bin/par-audit
SAMPLE=samples/quynh-luu-2018/quynh-luu-2018.audit.xml

echo
echo "== 1. Kiểm tra biểu mẫu, dữ liệu tham chiếu và hồ sơ mẫu (validate) =="
$PAR validate forms/*.xml reference/*.xml samples/quynh-luu-2018/*.xml

echo
echo "== 2. Phát hiện của đợt kiểm tra mẫu (findings) =="
$PAR findings "$SAMPLE"

if $PAR report --help >/dev/null 2>&1; then
    mkdir -p out
    echo
    echo "== 3. Thông báo kết luận và kế hoạch khắc phục (report) =="
    $PAR report "$SAMPLE" -o out/thong-bao-ket-luan.pdf
    $PAR report "$SAMPLE" --document plan -o out/ke-hoach-khac-phuc.pdf
    ls -l out/*.pdf
fi
