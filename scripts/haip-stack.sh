#!/usr/bin/env bash
# Starts and stops the stack the workstation signs in against, on this machine:
#   pcscd (foreground, in a private mount namespace so it never clashes with a system pcscd)
#   with the vsmartcard vpcd driver, haip-vcard playing a demo clinician's card, and
#   haip-platform serving its API over TLS on loopback.
#
#   haip-stack.sh start RUN_DIR [--bin DIR] [--state DIR] [--clinician ID] [--port N]
#   haip-stack.sh stop RUN_DIR
#
# `start` returns once all three answer and writes RUN_DIR/env for the clients:
#   PCSCLITE_CSOCK_NAME, HAIP_PLATFORM_URL, HAIP_CA_PIN, HAIP_CATALOG_PIN, HAIP_STATE, HAIP_VCARD_CONTROL
# `stop` ends them in reverse order. Used by scripts/demo.sh and the CLI login test.
set -euo pipefail

usage() { sed -n '2,13p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
command=$1
run=$(realpath -m "$2")
shift 2

stop_stack() {
    for name in platform vcard pcscd; do
        pidfile=$run/$name.pid
        [ -f "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$pidfile"
    done
}

# Waits up to $2 tenths of a second for the command in $1 to succeed.
wait_for() {
    for _ in $(seq "$2"); do
        if eval "$1"; then return 0; fi
        sleep 0.1
    done
    return 1
}

case "$command" in
stop)
    stop_stack
    exit 0
    ;;
start) ;;
*) usage ;;
esac

bin=build/default/bin
state=$run/platform-state
clinician=yamada
port=0
while [ $# -gt 0 ]; do
    case "$1" in
    --bin) bin=$2; shift 2 ;;
    --state) state=$2; shift 2 ;;
    --clinician) clinician=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) usage ;;
    esac
done
bin=$(realpath "$bin")
state=$(realpath -m "$state")
for tool in pcscd unshare; do
    command -v "$tool" >/dev/null || { echo "haip-stack: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "haip-stack: pcscd needs root" >&2; exit 1; }

mkdir -p "$run/pcscd"
stop_stack
trap 'echo "haip-stack: start failed; see $run/*.log" >&2; stop_stack' ERR

"$bin/haip-platform" init --state "$state" >"$run/init.log" 2>&1
profile=$state/clinicians/$clinician/card.json
[ -f "$profile" ] || { echo "haip-stack: no clinician $clinician in $state" >&2; exit 1; }
# The card's counters change as PINs are tried: play a copy, keep the platform's profile as issued.
cp "$profile" "$run/card.json"
chmod 600 "$run/card.json"

unshare -m sh -c 'mkdir -p /run/pcscd && mount --bind "$0" /run/pcscd && exec pcscd -f' "$run/pcscd" \
    >"$run/pcscd.log" 2>&1 &
echo $! >"$run/pcscd.pid"
wait_for "[ -S '$run/pcscd/pcscd.comm' ]" 100

"$bin/haip-vcard" --profile "$run/card.json" --control "$run/vcard.sock" >"$run/vcard.log" 2>&1 &
echo $! >"$run/vcard.pid"
wait_for "grep -q '\"inserted\"' '$run/vcard.log'" 100

"$bin/haip-platform" serve --state "$state" --listen "127.0.0.1:$port" >"$run/platform.out" 2>"$run/platform.log" &
echo $! >"$run/platform.pid"
wait_for "grep -q '\"listening\"' '$run/platform.out'" 300
line=$(grep -m1 '"listening"' "$run/platform.out")
url=$(sed -E 's/.*"listening" *: *"([^"]+)".*/\1/' <<<"$line")
pin=$(sed -E 's/.*"ca_spki_sha256" *: *"([^"]+)".*/\1/' <<<"$line")
# The catalog's signing key, pinned as hospital IT would pin it by policy (CatalogKeySha256).
catalog_pin=$(openssl pkey -pubin -in "$state/catalog/signing-key.pub.pem" -outform DER | sha256sum | cut -c1-64)

cat >"$run/env" <<ENV
PCSCLITE_CSOCK_NAME=$run/pcscd/pcscd.comm
HAIP_PLATFORM_URL=$url
HAIP_CA_PIN=$pin
HAIP_CATALOG_PIN=$catalog_pin
HAIP_STATE=$state
HAIP_VCARD_CONTROL=$run/vcard.sock
ENV
trap - ERR
echo "haip-stack: pcscd, haip-vcard ($clinician) and haip-platform ($url) are up; environment in $run/env"
