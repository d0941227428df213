/**
 * Explorer benchmark (issue 16): states per second, states explored and the visited set's memory for Raft at
 * n = 3 (one crash, two values per draw, every ordering up to depth 7: the "Raft is safe" lesson's search),
 * and for the Figure 8 preset. Node here; the browser's worker in explore-browser-bench.ts (`--explore` runs both).
 */
import { parseExploreConfig } from '../engine/explore/config';
import { Explorer, type ExploreResult } from '../engine/explore/explore';
import { figure8Config } from '../engine/explore/presets';

export const EXPLORE_BENCH_CONFIG = { algorithm: 'raft', nodes: 3, crashes: 1, maxDepth: 7, maxStates: 5_000_000 } as const;

export interface ExploreBenchRow {
  search: string;
  states: number;
  transitions: number;
  completeDepth: number;
  wallMs: number;
  statesPerSecond: number;
  /** The visited set's bytes per million states (its table as it ended, 8 bytes a slot, ≤ 70 % full). */
  visitedBytesPerMillion: number;
  /** The parent and step tables (8 bytes a state, doubled as they grow), per million states. */
  tableBytesPerMillion: number;
  /** Heap growth over the run (with --expose-gc: between full collections), per million states. */
  heapBytesPerMillion: number | null;
}

/** The heap's peak growth over one more run of the search (untimed: process.memoryUsage() costs ~60 ms a call on a large heap). */
function peakHeap(input: Record<string, unknown>): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const ex = new Explorer(parseExploreConfig(input));
  let peak = 0;
  while (!ex.run(8192).done) peak = Math.max(peak, process.memoryUsage().heapUsed - heap0);
  return peak;
}

/** One timed search, after a full collection (when exposed) so one run's garbage is not the next one's pause. */
function timed(input: Record<string, unknown>): { r: ExploreResult; wallMs: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const ex = new Explorer(parseExploreConfig(input));
  while (!ex.run(8192).done);
  return { r: ex.result(), wallMs: performance.now() - t0 };
}

/** The fastest of `runs` timed searches (its wall time varies with when the collector runs), then the memory figures. */
function measure(search: string, input: Record<string, unknown>, runs = 3): ExploreBenchRow {
  let best = timed(input);
  for (let k = 1; k < runs; k++) {
    const next = timed(input);
    if (next.wallMs < best.wallMs) best = next;
  }
  const { r, wallMs } = best;
  const gc = (globalThis as { gc?: () => void }).gc;
  const peak = gc ? peakHeap(input) : 0;
  const per = (b: number) => Math.round((b / r.states) * 1e6);
  return {
    search,
    states: r.states,
    transitions: r.transitions,
    completeDepth: r.completeDepth,
    wallMs: Math.round(wallMs),
    statesPerSecond: Math.round(r.states / (wallMs / 1000)),
    visitedBytesPerMillion: per(r.visitedBytes),
    tableBytesPerMillion: per(r.tableBytes),
    heapBytesPerMillion: gc ? per(peak) : null,
  };
}

export function exploreBench(quick: boolean): ExploreBenchRow[] {
  // One untimed warm-up (JIT), then the rows.
  measure('warm-up', { ...EXPLORE_BENCH_CONFIG, maxDepth: 5 }, 1);
  const rows = [measure('Raft n=3, 1 crash, draws 2, depth 7', { ...EXPLORE_BENCH_CONFIG, maxDepth: quick ? 6 : 7 })];
  if (!quick) rows.push(measure('Figure 8 preset, switch on', figure8Config(true) as Record<string, unknown>));
  return rows;
}
