#!/usr/bin/env bash
# haip-cli's main paths under valgrind memcheck: --version, info, pixels (native, RLE, JPEG,
# JPEG-LS, JPEG 2000), deid, keygen/seal/open and phantom. Each run must end with no memcheck
# error and no definite leak (exit 99 otherwise; third-party start-up noise is suppressed by
# memcheck-cli.supp, each entry commented), and must give the same output as the same command
# run natively, so memcheck's different memory layout changes no answer.
# usage: memcheck-cli.sh HAIP_CLI PYDICOM_DATA_DIR SUPPRESSIONS WORK_DIR CXX
set -euo pipefail
cli=$1 data=$2/test_files supp=$3 work=$4 cxx=$5
memcheck=(valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
    --show-leak-kinds=definite --num-callers=40 --suppressions="$supp" --gen-suppressions=all)
command -v valgrind >/dev/null || { echo "valgrind missing: apt-get install valgrind"; exit 1; }
[ -x "$cli" ] || { echo "haip-cli not built: $cli"; exit 1; }
rm -rf "$work" && mkdir -p "$work/native" "$work/memcheck"
start_all=$(date +%s)
# The options must make memcheck fail on what we look for: a definite leak and a read of
# uninitialised memory, each in a tiny program of its own.
cat >"$work/probe.cpp" <<'EOF'
#include <cstdlib>
#include <cstring>
int main(int argc, char **)
{
    int *kept = new int[4];
    std::memset(kept, 0, 4 * sizeof(int));
    kept = nullptr; // definitely lost
    int *fresh = static_cast<int *>(std::malloc(sizeof(int)));
    const int r = *fresh == argc ? 1 : 0; // uninitialised read decides a branch
    std::free(fresh);
    return r + (kept ? 1 : 0);
}
EOF
"$cxx" -O0 -g -o "$work/probe" "$work/probe.cpp" || { echo "cannot build the memcheck probe with $cxx"; exit 1; }
rc=0
"${memcheck[@]}" --log-file="$work/probe.valgrind" "$work/probe" || rc=$?
if [ "$rc" -ne 99 ] || ! grep -q 'definitely lost in loss record' "$work/probe.valgrind" ||
    ! grep -q 'Conditional jump or move depends on uninitialised value' "$work/probe.valgrind"; then
    echo "memcheck did not report the probe's leak and uninitialised read (exit $rc):"
    cat "$work/probe.valgrind"
    exit 1
fi

export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
# HOME in the work folder: nothing reads or writes the user's settings, keys or index.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$HOME"

failed=0
n=0
# check NAME [--stdin FILE] [--compare FILE...] -- ARGS...: runs haip-cli ARGS natively and under
# memcheck (each in its own output folder, {OUT} in ARGS replaced by it); stdout and every --compare
# file (relative to the output folder) must be identical.
check() {
    local name=$1 stdin=/dev/null compare=()
    shift
    while [ "$1" != "--" ]; do
        case $1 in
        --stdin) stdin=$2; shift 2 ;;
        --compare) compare+=("$2"); shift 2 ;;
        *) echo "check: bad option $1"; exit 2 ;;
        esac
    done
    shift
    n=$((n + 1))
    local mode args start end rc
    for mode in native memcheck; do
        local out=$work/$mode/$name
        mkdir -p "$out"
        args=("${@//\{OUT\}/$out}")
        start=$(date +%s.%N)
        rc=0
        if [ "$mode" = native ]; then
            "$cli" "${args[@]}" <"$stdin" >"$out.stdout" 2>"$out.stderr" || rc=$?
        else
            "${memcheck[@]}" --log-file="$out.valgrind" "$cli" "${args[@]}" <"$stdin" >"$out.stdout" 2>"$out.stderr" || rc=$?
        fi
        end=$(date +%s.%N)
        printf '%-10s %-9s exit %-3s %6.1f s\n' "$name" "$mode" "$rc" "$(echo "$end - $start" | bc)"
        if [ "$rc" -ne 0 ]; then
            echo "FAIL $name ($mode): exit $rc"
            [ "$mode" = memcheck ] && grep -v '^==[0-9]*== *$' "$out.valgrind" | head -80
            cat "$out.stderr" | head -20
            failed=$((failed + 1))
            return
        fi
    done
    local nat=$work/native/$name mem=$work/memcheck/$name f
    # Paths inside the output differ between the two runs by the mode's folder name only.
    if ! diff <(sed "s#$work/native#W#g" "$nat.stdout") <(sed "s#$work/memcheck#W#g" "$mem.stdout") >/dev/null; then
        echo "FAIL $name: stdout differs under memcheck"
        failed=$((failed + 1))
    fi
    for f in "${compare[@]}"; do
        if [ ! -s "$nat/$f" ] || ! cmp -s "$nat/$f" "$mem/$f"; then
            echo "FAIL $name: $f missing, empty or different under memcheck"
            failed=$((failed + 1))
        fi
    done
}

check version -- --version
check info -- info "$data/CT_small.dcm" "$data/MR_small_bigendian.dcm"
check px-native --compare f.raw -- pixels "$data/CT_small.dcm" --out '{OUT}/f.raw'
check px-rle --compare f.raw -- pixels "$data/SC_rgb_rle_2frame.dcm" --frame 1 --out '{OUT}/f.raw'
check px-jpeg --compare f.raw -- pixels "$data/SC_rgb_jpeg_dcmtk.dcm" --out '{OUT}/f.raw'
check px-jpegls --compare f.raw -- pixels "$data/MR_small_jpeg_ls_lossless.dcm" --out '{OUT}/f.raw'
check px-j2k --compare f.raw -- pixels "$data/MR_small_jp2klossless.dcm" --out '{OUT}/f.raw'

# De-identification with a fixed secret (no OS key store, no re-identification map): the same
# secret gives the same pseudonyms, so both runs write the same files.
printf 'memcheck-secret-0123456789abcdef' >"$work/secret"
check deid -- deid "$data/CT_small.dcm" "$data/MR_small.dcm" --out '{OUT}/deid' --secret-file "$work/secret"
for f in "$work"/native/deid/deid/*; do
    cmp -s "$f" "$work/memcheck/deid/deid/$(basename "$f")" || { echo "FAIL deid: $(basename "$f") differs"; failed=$((failed + 1)); }
done
[ -n "$(ls -A "$work/native/deid/deid")" ] || { echo "FAIL deid: no output"; failed=$((failed + 1)); }

# Envelopes: a key pair (random, so only under memcheck), then seal and open with it; the opened
# bytes must equal the input.
"${memcheck[@]}" --log-file="$work/keygen.valgrind" "$cli" keygen >"$work/key.json" ||
    { echo "FAIL keygen under memcheck"; cat "$work/keygen.valgrind" | head -60; failed=$((failed + 1)); }
head -c 200000 "$data/CT_small.dcm" >"$work/plain"
"${memcheck[@]}" --log-file="$work/seal.valgrind" "$cli" seal --recipient "@$work/key.json" \
    <"$work/plain" >"$work/sealed" ||
    { echo "FAIL seal under memcheck"; head -60 "$work/seal.valgrind"; failed=$((failed + 1)); }
check open --stdin "$work/sealed" -- open --key "@$work/key.json"
cmp -s "$work/plain" "$work/memcheck/open.stdout" || { echo "FAIL open: not the sealed bytes"; failed=$((failed + 1)); }

# A small phantom on two worker threads (the series writer's thread pool is the part to watch).
check phantom --compare ground-truth.json --compare CT000001.dcm --compare CT000004.dcm -- \
    phantom --out '{OUT}' --slices 4 --rows 64 --columns 64 --threads 2

echo "$n paths checked under memcheck (plus keygen and seal), $failed failure(s), $(($(date +%s) - start_all)) s"
[ "$failed" -eq 0 ]
