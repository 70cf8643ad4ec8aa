#!/usr/bin/env bash
# The test command: installs every package, builds with warnings as errors and runs the whole
# suite (unit, corpus, CLI, UI offscreen, benchmarks), then the same unit, integration and UI
# tests again under AddressSanitizer + UndefinedBehaviorSanitizer. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
./scripts/install-deps.sh
./scripts/build.sh ci
./scripts/build.sh fuzz # libFuzzer targets (clang): the fuzz-smoke-* tests run them
./scripts/build.sh asan # Debug, -fsanitize=address,undefined (gcc)
export CI=${CI:-true}
ctest --preset ci "$@"
# Benchmarks, lint, installers and the fuzz smoke runs (already sanitized) are left out here
# (the preset's filter); any sanitizer report fails its test.
ctest --preset asan "$@"
echo "test.sh: finished in $(( $(date +%s) - start )) s"
