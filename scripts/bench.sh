#!/usr/bin/env bash
# `npm run bench`: bundles the engine benchmarks (the browser runs bundled code too; tsx's per-module wrappers would
# distort the figures), runs them, and writes bench-results/*.json. `npm run bench -- --quick` for a smoke run.
# --expose-gc: the history-memory figures are heap measured between full collections.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-results/.build
mkdir -p "$out"
npx esbuild src/bench/run.ts src/bench/batch-worker.ts src/bench/throughput-worker.ts --bundle --platform=node --format=esm --target=node20 \
  --outdir="$out" --out-extension:.js=.mjs --log-level=warning
# `--render` runs the browser part alone (`npm run bench -- --render --cases=a,d --runs=3`).
# `--explore` runs part 6 alone (the explorer in Node; no browser).
render_only=0
explore_only=0
for a in "$@"; do [ "$a" = "--render" ] && render_only=1; [ "$a" = "--explore" ] && explore_only=1; done
if [ "$render_only" = 0 ]; then node --expose-gc "$out/run.mjs" "$@"; fi
# With `--explore`, the same search in the browser's worker too (headless Chromium; builds and serves the app).
if [ "$explore_only" = 1 ]; then npx tsx src/bench/explore-browser-bench.ts "$@"; exit 0; fi
# Parts 4 and 5: rendering and load in headless Chromium (Playwright's API); builds and serves the app itself.
npx tsx src/bench/render-bench.ts "$@"
