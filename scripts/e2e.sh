#!/usr/bin/env bash
# Builds the app and runs the Playwright end-to-end tests against it in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
path=$(bash scripts/find-chromium.sh)
if [ "$path" != "bundled" ]; then export CHROMIUM_PATH="$path"; else unset CHROMIUM_PATH; fi
# E2E_DIST and E2E_PORT let several engineers run the suite at once without sharing a build or a port.
export E2E_DIST="${E2E_DIST:-dist}"
npx vite build --outDir "$E2E_DIST" --emptyOutDir --logLevel warn
npx playwright test "$@"
