#!/usr/bin/env bash
# add-spdx.sh: puts an SPDX licence line at the top of every source file of par-audit that lacks one
# (C++ sources and headers, CMake files, shell and Python scripts). Idempotent: a file that already names an
# SPDX-License-Identifier anywhere in its first 5 lines is left alone; a script's #! line stays first.
# Run from the top of the clone after merging: `scripts/add-spdx.sh`, then review `git diff --stat`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ID="Apache-2.0"
changed=0
while IFS= read -r -d '' f; do
    if head -n 5 "$f" | grep -q "SPDX-License-Identifier"; then continue; fi
    case "$f" in
        *.cpp|*.hpp|*.h|*.c|*.in) line="// SPDX-License-Identifier: $ID" ;;
        *) line="# SPDX-License-Identifier: $ID" ;;
    esac
    tmp=$(mktemp)
    if head -n 1 "$f" | grep -q '^#!'; then
        { head -n 1 "$f"; echo "$line"; tail -n +2 "$f"; } >"$tmp"
    else
        { echo "$line"; cat "$f"; } >"$tmp"
    fi
    chmod --reference="$f" "$tmp"
    mv "$tmp" "$f"
    changed=$((changed + 1))
done < <(git ls-files -z -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' \
    'bench/*.hpp' 'fuzz/*.cpp' 'fuzz/*.hpp' 'CMakeLists.txt' '*/CMakeLists.txt' 'cmake/*.cmake' \
    'cmake/*.in' 'cmake/*.sh' 'scripts/*.sh' 'tests/*.sh' 'bench/*.sh' 'tests/*.py' 'bench/*.py' 'scripts/*.py' '.ci/run')
echo "add-spdx: $changed file(s) given an SPDX line"
