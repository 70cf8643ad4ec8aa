#!/usr/bin/env bash
# Every user-facing string in core/, ui/ and app/ must have a finished Japanese translation:
# lupdate the sources into a scratch copy of haip_ja.ts and fail on any unfinished or new message.
set -euo pipefail
src=$1
lupdate=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src/translations/haip_ja.ts" "$work/haip_ja.ts"
"$lupdate" -silent -locations none -no-obsolete -extensions cpp,h -I "$src/core" -I "$src/ui" "$src/core" "$src/ui" "$src/app" -ts "$work/haip_ja.ts"
total=$(grep -c '<message' "$work/haip_ja.ts" || true)
unfinished=$(grep -c 'type="unfinished"' "$work/haip_ja.ts" || true)
echo "$total messages, $unfinished without a finished Japanese translation"
if [ "$unfinished" -ne 0 ]; then
    # name the first few for the developer
    grep -B3 'type="unfinished"' "$work/haip_ja.ts" | grep '<source>' | head -20
    exit 1
fi
[ "$total" -gt 0 ]
