#!/usr/bin/env bash
# Regenerates the checked-in seeds of tests/fuzz/seeds/<target>/ and the dictionaries: the
# project's own outputs through haip-fuzz-seeds (built in the ci preset), then make-seeds.py.
# The seeds are small (a few KB each); commit what changed.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --build --preset ci -j2 --target haip-fuzz-seeds >/dev/null
rm -rf tests/fuzz/seeds
build/ci/bin/haip-fuzz-seeds tests/fuzz/seeds
/usr/bin/python3 tests/fuzz/make-seeds.py
du -sh tests/fuzz/seeds/*
