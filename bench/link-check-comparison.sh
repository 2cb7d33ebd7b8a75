#!/usr/bin/env bash
# Compares `sitegen check` with linkinator on a copy of the real site with planted faults:
# a missing page, a missing #anchor, a missing image and a broken external link (served by a
# local HTTP server on 127.0.0.1). Also runs both on the unchanged real site (false positives).
# Needs python3 and npm (linkinator is a comparison tool, not part of the product).
#
#   bash bench/link-check-comparison.sh [WORK_DIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/sitegen-linkcheck}"
rm -rf "$work" && mkdir -p "$work"

# linkinator 6.x runs on Node 20 (8.x needs a newer Node).
if [ ! -x "$work/node_modules/.bin/linkinator" ]; then
  (cd "$work" && npm init -y >/dev/null && npm install --silent linkinator@6 >/dev/null)
fi
linkinator="$work/node_modules/.bin/linkinator"

# A local "external" server: /ok exists, /missing does not.
mkdir -p "$work/remote" && echo ok > "$work/remote/ok"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/remote" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1

dotnet publish "$repo/generator" -c Release -o "$work/sitegen" >/dev/null
sitegen() { dotnet "$work/sitegen/sitegen.dll" "$@"; }

# The faulty site: the real one plus a page with four planted faults. The faults are lowered to
# warnings for the build only, so it writes the broken output both tools then check.
cp -r "$repo/input" "$work/faulty-input"
cat > "$work/faulty-input/faults.md" <<PAGE
---
title: Planted faults
---
A [missing page](gone.md).

A [missing anchor](05-about.md#no-such-section).

![A missing image](missing-chart.png)

A [broken external link](http://127.0.0.1:$port/missing) and a [working one](http://127.0.0.1:$port/ok).
PAGE
cp "$work/faulty-input/site.yml" "$work/site.yml.strict"
printf 'checks:\n  broken-link: warning\n  missing-anchor: warning\n  missing-image: warning\n' >> "$work/faulty-input/site.yml"
(cd "$work" && sitegen build --input faulty-input --output faulty-output --theme "$repo/theme" >/dev/null 2>&1)
cp "$work/site.yml.strict" "$work/faulty-input/site.yml" # check with the normal severities

(cd "$work" && sitegen build --input "$repo/input" --output real-output --theme "$repo/theme" >/dev/null 2>&1)

run_linkinator() { # $1 = folder; external https links are skipped: CI here has no internet
  "$linkinator" "$1" --recurse --skip '^https://' --format csv 2>/dev/null | awk -F, 'NR>1 && $2 != "200" && $2 != "\"200\"" {print}' || true
}
run_sitegen() { # $1 = input folder, $2 = output folder
  (cd "$work" && sitegen check --input "$1" --output "$2" --theme "$repo/theme" --external --include "^http://127\\.0\\.0\\.1" --cache "" 2>&1 | grep -E ': (error|warning):' || true)
}

echo "## linkinator on the faulty site"; run_linkinator "$work/faulty-output"
echo; echo "## sitegen check on the faulty site"; run_sitegen faulty-input faulty-output
echo; echo "## linkinator on the real site"; run_linkinator "$work/real-output"
echo; echo "## sitegen check on the real site"; run_sitegen "$repo/input" real-output
