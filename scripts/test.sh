#!/usr/bin/env bash
# The test command: installs every package, builds with warnings as errors and runs the whole
# suite (unit, corpus, CLI, UI offscreen, benchmarks). `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
./scripts/install-deps.sh
./scripts/build.sh ci
./scripts/build.sh fuzz # libFuzzer targets (clang): the fuzz-smoke-* tests run them
export CI=${CI:-true}
ctest --preset ci "$@"
echo "test.sh: finished in $(( $(date +%s) - start )) s"
