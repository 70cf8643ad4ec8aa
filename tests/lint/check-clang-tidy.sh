#!/usr/bin/env bash
# Fails when clang-tidy, with the repository's .clang-tidy, reports anything on core/*.cpp (and the
# core/ headers they include). First proves the configuration is loaded and fatal on a known finding.
# usage: check-clang-tidy.sh SOURCE_DIR BUILD_DIR   (BUILD_DIR holds compile_commands.json)
# HAIP_TIDY_JOBS (default 2) clang-tidy processes at once; HAIP_TIDY_ONLY a grep pattern to lint fewer
# files by hand (never set in CI); HAIP_TIDY_CACHE the folder of remembered clean verdicts (default
# ~/.cache/haip-clang-tidy; an empty folder lints everything).
set -euo pipefail
# One file (the script runs itself this way, $jobs at a time): its report in OUT/<file>.log, and
# its name appended to OUT/failed when clang-tidy found something or could not run.
# A file found clean before, with the same translation unit, flags, configuration and clang-tidy
# (tidy-cache-key.py), is not linted again: its verdict is remembered in the cache folder.
if [ "${1:-}" = --one ]; then
    out=$2 tidy=$3 file=${!#}
    log=$out/$(echo "$file" | tr / _).log
    key=$(/usr/bin/python3 "$HAIP_TIDY_SRC/tests/lint/tidy-cache-key.py" "$HAIP_TIDY_SRC" "$HAIP_TIDY_BUILD" \
        "$file" "$tidy" 2>/dev/null || true)
    if [ -n "$key" ] && [ -f "$HAIP_TIDY_CACHE/$key" ]; then
        echo "$file" >>"$out/cached"
        exit 0
    fi
    if "${@:3}" >"$log" 2>&1; then
        [ -z "$key" ] || echo "$file" >"$HAIP_TIDY_CACHE/$key"
    else
        echo "$file" >>"$out/failed"
    fi
    exit 0
fi
self=$(realpath "$0")
src=$(cd "$1" && pwd) build=$(cd "$2" && pwd)
jobs=${HAIP_TIDY_JOBS:-2}
export HAIP_TIDY_SRC=$src HAIP_TIDY_BUILD=$build
export HAIP_TIDY_CACHE=${HAIP_TIDY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/haip-clang-tidy}
mkdir -p "$HAIP_TIDY_CACHE"
tidy=$(command -v clang-tidy || command -v clang-tidy-14 || true)
[ -n "$tidy" ] || { echo "clang-tidy missing: apt-get install clang-tidy"; exit 1; }
[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json (CMAKE_EXPORT_COMPILE_COMMANDS)"; exit 1; }
# clang-tidy 14 reads the compile commands of the gcc build: gcc-only warning flags are not errors.
args=(--quiet --config-file="$src/.clang-tidy" -p "$build" --extra-arg=-Wno-unknown-warning-option)

# The configuration must turn a real finding (a use after move) into a failure.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
cat >"$probe/probe.cpp" <<'EOF'
#include <memory>
#include <utility>
int probe()
{
    std::unique_ptr<int> a = std::make_unique<int>(1);
    std::unique_ptr<int> b = std::move(a);
    return *a + *b;
}
EOF
if "$tidy" --quiet --config-file="$src/.clang-tidy" "$probe/probe.cpp" -- -std=c++20 >"$probe/out" 2>&1 ||
    ! grep -q 'bugprone-use-after-move' "$probe/out"; then
    echo "the configuration did not fail on a use after move:"
    cat "$probe/out"
    exit 1
fi

cd "$src"
mapfile -t files < <( (git ls-files -- 'core/*.cpp' 2>/dev/null || find core -name '*.cpp' | sort) | grep -e "${HAIP_TIDY_ONLY:-.}")
[ ${#files[@]} -gt 0 ] || { echo "no core/*.cpp found"; exit 1; }
start=$(date +%s)
printf '%s\n' "${files[@]}" | xargs -P "$jobs" -I{} "$self" --one "$probe" "$tidy" "${args[@]}" {}
end=$(date +%s)
failed=0
if [ -f "$probe/failed" ]; then
    failed=$(wc -l <"$probe/failed")
    for f in $(sort "$probe/failed"); do
        echo "== $f"
        grep -v 'warnings generated\|^Suppressed [0-9]* warnings\|^Use -header-filter' "$probe/$(echo "$f" | tr / _).log" || true
    done
fi
cached=0
[ -f "$probe/cached" ] && cached=$(wc -l <"$probe/cached")
echo "clang-tidy: ${#files[@]} files ($cached clean before, unchanged), $failed with findings, $((end - start)) s with $jobs jobs"
[ "$failed" -eq 0 ]
