#!/usr/bin/env bash
# The whole test suite: types, lint, unit and property tests, then end-to-end tests in real Chromium.
# Ends with one line "tests: N passed, N failed" counted over both runners.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports  # Playwright empties test-results/ when it starts, so the counts live here
# Types and lint side by side (each uses about one core), their output printed in order.
echo "== types and lint"
npm run --silent typecheck > reports/typecheck.log 2>&1 & types=$!
npm run --silent lint > reports/lint.log 2>&1 & lint=$!
types_rc=0; wait $types || types_rc=$?
lint_rc=0; wait $lint || lint_rc=$?
cat reports/typecheck.log reports/lint.log
if [ $types_rc -ne 0 ] || [ $lint_rc -ne 0 ]; then echo "types: exit $types_rc, lint: exit $lint_rc" >&2; exit 1; fi
echo "== unit and property tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json
echo "== end-to-end tests"
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/e2e.json bash scripts/e2e.sh --reporter=list,json
node scripts/count-tests.mjs reports/unit.json reports/e2e.json
