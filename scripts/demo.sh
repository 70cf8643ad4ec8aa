#!/usr/bin/env bash
# The main job on its embedded default: installs, builds, generates a phantom chest CT, starts
# the reference platform with a virtual smart card in a virtual reader (scripts/haip-stack.sh),
# and opens haip-workstation, whose login screen asks for the card's PIN and a one-time password.
# Without a display it signs in with haip-cli (card PIN and one-time password through
# descriptors), sends a de-identified copy of the phantom to the reference chest-nodule service,
# prints its findings, and saves a screenshot of the study under Xvfb. Everything it started is stopped when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh default
bin=build/default/bin
demo=$(realpath -m build/demo)
study=$demo/phantom-chest-ct
if [ ! -f "$study/ground-truth.json" ]; then
    rm -rf "$study"
    "$bin/haip-cli" phantom --kind chest-ct --out "$study"
fi
export HAIP_INDEX_DIR=$demo/index

run=$demo/stack
trap './scripts/haip-stack.sh stop "$run"' EXIT
./scripts/haip-stack.sh start "$run" --bin "$bin" --state "$demo/platform-state" --clinician yamada
set -a
# shellcheck disable=SC1091
. "$run/env"
set +a
otp() { "$bin/haip-platform" otp --state "$HAIP_STATE" yamada; }

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "demo.sh: the card of YAMADA Taro is in the virtual reader; its PIN is 123456."
    echo "demo.sh: one-time password: $bin/haip-platform otp --state $HAIP_STATE yamada"
    "$bin/haip-workstation" --platform-url "$HAIP_PLATFORM_URL" --ca-pin "$HAIP_CA_PIN" \
        --catalog-pin "$HAIP_CATALOG_PIN" "$study"
    exit 0
fi

echo "demo.sh: no display; signing in with haip-cli and the virtual card"
login() {
    "$bin/haip-cli" login --platform "$HAIP_PLATFORM_URL" --ca-pin "$HAIP_CA_PIN" --reader "" \
        --pin-fd 3 --otp-fd 4 --session "$demo/session.json" 3<<<"123456" 4<<<"$(otp)"
}
# A code is accepted once: a demo run again within the same 30 s waits for the next one.
login || { sleep $((31 - $(date +%s) % 30)); login; }
rm -rf "$demo/result" "$demo/job.key" "$demo/deid"
# Only de-identified copies leave the machine (haip-cli submit refuses anything else). Without a
# desktop session there is no OS key store here, so the demo keeps its own secret.
[ -s "$demo/deid-secret" ] || (umask 077 && head -c 32 /dev/urandom >"$demo/deid-secret")
"$bin/haip-cli" deid --secret-file "$demo/deid-secret" --out "$demo/deid" "$study"/*.dcm >/dev/null
"$bin/haip-cli" submit --session "$demo/session.json" --catalog-pin "$HAIP_CATALOG_PIN" \
    --service chest-ct-nodule --response-key "$demo/job.key" --wait --out "$demo/result" "$demo/deid"/*.dcm
echo "demo.sh: the AI result (SEG, SR TID 1500, report, findings) is in $demo/result"
"$bin/haip-cli" logout --session "$demo/session.json"
export QTWEBENGINE_DISABLE_SANDBOX=1
xvfb-run -a -s "-screen 0 1600x1000x24" "$bin/haip-workstation" --screenshot "$demo/screenshot.png" "$study"
echo "demo.sh: screenshot at $demo/screenshot.png"
