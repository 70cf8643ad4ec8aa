#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (README there): builds the "fuzz" preset (clang,
# ASan + UBSan, its own build/fuzz), then each target in turn for a bounded time, one at a time,
# and writes the table of executions and coverage to <artifacts>/fuzz-summary.md.
#
#   scripts/fuzz.sh [--smoke | --seconds N] [--no-build] [target …]
#
#   --smoke       12 s per target with a fixed seed (the default suite's fuzz-smoke-<target> tests)
#   --seconds N   N s per target (long runs: e.g. --seconds 600)
#   --no-build    use the binaries as they are
#   target        dicom_file result_bundle catalog api_json envelope piv multipart (default: all)
#
# The working corpus grows in build/fuzz/corpus/<target>; the checked-in seeds (tests/fuzz/seeds),
# the regression inputs (tests/fuzz/regressions) and, for the DICOM targets, the pydicom corpus
# are read as extra seed folders. A crash, leak, UB report or timeout makes the run fail and
# leaves the input in build/fuzz/crashes/<target>/: fix it in core/ and keep the input in
# tests/fuzz/regressions/<target>/. Artifacts: $HAIP_FUZZ_ARTIFACTS (default build/fuzz/test-artifacts).
# Without clang: a failure when CI=true, else exit 77 (ctest reports the test as skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

all_targets=(dicom_file result_bundle catalog api_json envelope piv multipart)
seconds=60
smoke=0
build=1
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) seconds=12; smoke=1 ;;
        --seconds) seconds=$2; shift ;;
        --no-build) build=0 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1") ;;
    esac
    shift
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ is missing (Debian packages clang, libclang-rt-dev: scripts/install-deps.sh)" >&2
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi

bin=$root/build/fuzz/bin
if [ $build = 1 ]; then
    cmake --preset fuzz >/dev/null # keeps what the cache holds (e.g. a ccache launcher)
    cmake --build --preset fuzz -j2 >/dev/null
fi

artifacts=${HAIP_FUZZ_ARTIFACTS:-$root/build/fuzz/test-artifacts}
mkdir -p "$artifacts/fuzz"

# The pydicom corpus, files up to 256 KiB (the big multi-frame files only slow every mutation).
pydicom=/usr/lib/python3/dist-packages/pydicom/data
pydicom_seeds=$root/build/fuzz/seeds-pydicom
if [ ! -d "$pydicom_seeds" ]; then
    mkdir -p "$pydicom_seeds"
    find "$pydicom/test_files" "$pydicom/charset_files" -type f -size -257k \
        \( -name '*.dcm' -o -name '*DIR*' -o ! -name '*.*' \) -exec ln -sf {} "$pydicom_seeds/" \;
fi

status=0
for t in "${targets[@]}"; do
    exe=$bin/haip-fuzz-$t
    if [ ! -x "$exe" ]; then
        echo "fuzz.sh: $exe is missing (build the fuzz preset: scripts/fuzz.sh without --no-build)" >&2
        exit 1
    fi
    corpus=$root/build/fuzz/corpus/$t
    crashes=$root/build/fuzz/crashes/$t
    mkdir -p "$corpus" "$crashes" "$root/tests/fuzz/regressions/$t"
    extra=("$root/tests/fuzz/seeds/$t" "$root/tests/fuzz/regressions/$t")
    case $t in dicom_file|result_bundle) extra+=("$pydicom_seeds") ;; esac
    options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
             -artifact_prefix="$crashes/")
    [ -f "$root/tests/fuzz/$t.dict" ] && options+=(-dict="$root/tests/fuzz/$t.dict")
    # The smoke in the test suite mutates the same way every time, so that the suite's verdict
    # does not hang on chance; finding new inputs is the long runs' work.
    [ $smoke = 1 ] && options+=(-seed=1)
    log=$artifacts/fuzz/$t.log
    echo "fuzz.sh: $t for $seconds s"
    start=$(date +%s)
    rc=0
    "$exe" "${options[@]}" "$corpus" "${extra[@]}" >"$log" 2>&1 || rc=$?
    elapsed=$(( $(date +%s) - start ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    size=$(find "$corpus" -type f | wc -l)
    result=ok
    if [ $rc -ne 0 ]; then
        result="FAILED (exit $rc)"
        status=1
        grep -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|Test unit written' "$log" | head -5 >&2 || true
        echo "fuzz.sh: $t failed; log $log, input in $crashes/" >&2
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$elapsed" "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" \
        "$size" "$result" >"$artifacts/fuzz/$t.tsv"
    echo "fuzz.sh: $t: $elapsed s, ${execs:-?} executions (${speed:-?}/s), cov ${cov:-?}, ft ${ft:-?}, corpus $size: $result"
done

# The table of the latest run of every target.
{
    echo "# Fuzzing summary"
    echo
    echo "Latest run of each target (\`scripts/fuzz.sh\`, $(date -u +%Y-%m-%dT%H:%MZ); logs beside this file in fuzz/)."
    echo
    echo "| target | seconds | executions | exec/s | cov | ft | corpus | result |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
    for f in "$artifacts"/fuzz/*.tsv; do
        [ -f "$f" ] && awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$f"
    done
} >"$artifacts/fuzz-summary.md"
echo "fuzz.sh: summary in $artifacts/fuzz-summary.md"
exit $status
