#!/usr/bin/env bash
# Renders a report in headless Chromium to a PNG, the way a reviewer's browser shows it.
#
#   Tests/Browser/screenshot.sh REPORT.html OUT.png [WIDTH] [light|dark]
#
# WIDTH defaults to 1200 (desktop); use 390 for a phone. The page is loaded from file://
# with the network disabled, so anything the report tried to fetch would be missing.
set -euo pipefail
report=${1:?usage: screenshot.sh REPORT.html OUT.png [WIDTH] [light|dark]}
out=${2:?usage: screenshot.sh REPORT.html OUT.png [WIDTH] [light|dark]}
width=${3:-1200}
scheme=${4:-light}

if ! command -v chromium >/dev/null 2>&1; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core
fi

# Tall enough for a whole report; Chromium crops to the window.
height=${HEIGHT:-6000}
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --proxy-server=127.0.0.1:9
  --window-size="$width,$height" --screenshot="$(realpath -m "$out")")
# Blink's preferredColorScheme: 0 is dark, 1 is light.
[ "$scheme" = dark ] && flags+=(--blink-settings=preferredColorScheme=0) \
  || flags+=(--blink-settings=preferredColorScheme=1)
chromium "${flags[@]}" "file://$(realpath "$report")" 2>/dev/null
echo "$out"
