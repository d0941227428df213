/**
 * `npm run bench`: every benchmark of issue 9, printed as tables and written to bench-results/bench.json.
 * `--quick` runs smaller sizes (a smoke test of the benchmark itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ALGORITHMS } from '../engine/algorithms';
import type { AlgorithmName } from '../engine/core/types';
import { batch, seek, throughput, type ThroughputRow } from './engine-bench';

const quick = process.argv.includes('--quick');
const algorithms = Object.keys(ALGORITHMS) as AlgorithmName[];

function table(rows: Record<string, unknown>[]): void {
  if (!rows.length) return;
  const keys = Object.keys(rows[0]);
  const fmt = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 0)) : String(v));
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => fmt(r[k]).length)));
  console.log(keys.map((k, i) => k.padStart(widths[i])).join('  '));
  for (const r of rows) console.log(keys.map((k, i) => fmt(r[k]).padStart(widths[i])).join('  '));
  console.log();
}

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
console.log(`Election Lab benchmarks on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}\n`);

console.log('1. Engine throughput (leader crash every 2 s, checkpoint every 1 s kept). Target, Raft n=5: ≥ 10,000 virtual s / wall s, ≥ 2 M events/s, no slowdown from 60 s to 600 s.');
const tp: ThroughputRow[] = [];
const sizes = quick ? [5, 25] : [5, 25, 101];
const durations = quick ? [10_000, 60_000] : [60_000, 600_000];
for (const algorithm of algorithms) {
  for (const n of sizes) {
    for (const d of durations) {
      // The 101-node runs are long; 600 s of them is measured only for the target row (Raft n=5) sizes.
      if (n === 101 && d > 60_000) continue;
      tp.push(throughput(algorithm, n, d));
    }
  }
}
table(
  tp.map((r) => ({
    algorithm: r.algorithm,
    n: r.nodes,
    'virtual s': r.virtualSeconds,
    'wall ms': r.wallMs,
    'trace events': r.traceEvents,
    'events/s': r.eventsPerSecond,
    'virtual s/wall s': r.virtualSecondsPerWallSecond,
    'history MB': r.historyBytes / 1e6,
  })),
);

console.log('2. Batch: 3 algorithms × 1,000 seeds × n = 5, leader-crash scenario, 10 virtual s each. Target ≤ 5 s on 2 cores.');
const b = await batch(algorithms, quick ? 100 : 1000, 5, 10_000);
table([{ algorithms: b.algorithms.join('+'), seeds: b.seedsPerAlgorithm, workers: b.workers, 'wall s': b.wallMs / 1000 }]);

console.log('3. Seek to random points of a 10-minute run (restore a checkpoint, re-simulate). Target p95 ≤ 50 ms, history ≤ 25 MB at n = 5.');
const sk = algorithms.map((a) => seek(a, 5, quick ? 60_000 : 600_000, quick ? 50 : 200));
table(sk.map((s) => ({ algorithm: s.algorithm, n: s.nodes, 'run s': s.runSeconds, seeks: s.seeks, 'p50 ms': s.p50Ms, 'p95 ms': s.p95Ms, 'max ms': s.maxMs, 'history MB': s.historyBytes / 1e6 })));

mkdirSync('bench-results', { recursive: true });
const out = { date: new Date().toISOString(), machine, quick, throughput: tp, batch: b, seek: sk };
writeFileSync('bench-results/engine.json', JSON.stringify(out, null, 2));
console.log('Written: bench-results/engine.json');
