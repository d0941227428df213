#!/usr/bin/env bash
# The whole test suite: types, lint, unit and property tests, then end-to-end tests in real Chromium.
# Ends with one line "tests: N passed, N failed" counted over both runners.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports  # Playwright empties test-results/ when it starts, so the counts live here
echo "== types"; npm run --silent typecheck
echo "== lint"; npm run --silent lint
echo "== unit and property tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json
echo "== end-to-end tests"
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/e2e.json bash scripts/e2e.sh --reporter=list,json
node scripts/count-tests.mjs reports/unit.json reports/e2e.json
