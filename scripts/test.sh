#!/usr/bin/env bash
# The whole test suite: types, lint, unit and property tests, then end-to-end tests in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent typecheck
npm run --silent lint
npx vitest run
bash scripts/e2e.sh
