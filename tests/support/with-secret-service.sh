#!/bin/sh
# Runs a command with a Secret Service of its own: a private D-Bus session bus and a fresh GNOME
# Keyring in a throw-away home, unlocked with a throw-away password. The keyring daemon ends with
# the bus when the command ends; nothing touches the user's real keyring.
#   with-secret-service.sh COMMAND [ARG…]
set -eu
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
status=0
dbus-run-session -- sh -c '
    printf %s haip-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 97
    "$@"
' sh "$@" || status=$?
exit "$status"
