#!/usr/bin/env bash
# Finds a Chromium for the end-to-end tests, or installs Debian's when run as root, or says how to get one.
# Prints the path on success.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; exit 0; fi
for p in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$p" ]; then echo "$p"; exit 0; fi
done
# Playwright's own bundled browser, where it was installed (npx playwright install chromium).
if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then echo "bundled"; exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests…" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
fi
cat >&2 <<'MSG'
No Chromium found for the end-to-end tests. Get one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium
  - anywhere else:  npx playwright install chromium
  - or point CHROMIUM_PATH at a Chromium or Chrome binary.
MSG
exit 1
