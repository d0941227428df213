#!/usr/bin/env bash
# Builds the app and runs the Playwright end-to-end tests against it in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
path=$(bash scripts/find-chromium.sh)
if [ "$path" != "bundled" ]; then export CHROMIUM_PATH="$path"; else unset CHROMIUM_PATH; fi
npm run --silent build
npx playwright test "$@"
