#!/usr/bin/env bash
# The main job on its embedded default: installs, builds, generates a phantom chest CT and
# opens it in haip-workstation. Without a display it runs under Xvfb and saves a screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh default
bin=build/default/bin
demo=build/demo
study=$demo/phantom-chest-ct
if [ ! -f "$study/ground-truth.json" ]; then
    rm -rf "$study"
    "$bin/haip-cli" phantom --kind chest-ct --out "$study"
fi
export HAIP_INDEX_DIR=$demo/index
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$bin/haip-workstation" "$study"
fi
echo "demo.sh: no display; running under Xvfb and saving $demo/screenshot.png"
export QTWEBENGINE_DISABLE_SANDBOX=1
xvfb-run -a -s "-screen 0 1600x1000x24" "$bin/haip-workstation" --screenshot "$demo/screenshot.png" "$study"
echo "demo.sh: screenshot at $demo/screenshot.png"
