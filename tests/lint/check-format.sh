#!/usr/bin/env bash
# Fails when a tracked C++ file differs from the repository's .clang-format layout.
set -euo pipefail
cd "$1"
command -v clang-format >/dev/null || { echo "clang-format missing: apt-get install clang-format"; exit 1; }
bad=0
while IFS= read -r f; do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        echo "not formatted: $f"
        bad=$((bad + 1))
    fi
done < <(git ls-files -- '*.cpp' '*.h' 2>/dev/null || find app core ui tests -name '*.cpp' -o -name '*.h')
echo "$bad file(s) not formatted"
[ "$bad" -eq 0 ]
