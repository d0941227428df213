/**
 * Explorer benchmark (issue 16): states per second, states explored and the visited set's memory for Raft at
 * n = 3 (one crash, two values per draw, every ordering up to depth 7: the "Raft is safe" lesson's search),
 * and for the Figure 8 preset. Node here; the browser's worker in explore-browser-bench.ts (`--explore` runs both).
 */
import { parseExploreConfig } from '../engine/explore/config';
import { Explorer } from '../engine/explore/explore';
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

function measure(search: string, input: Record<string, unknown>): ExploreBenchRow {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const ex = new Explorer(parseExploreConfig(input));
  let peak = 0;
  while (!ex.run(8192).done) peak = Math.max(peak, process.memoryUsage().heapUsed - heap0);
  const r = ex.result();
  const wallMs = performance.now() - t0;
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
  measure('warm-up', { ...EXPLORE_BENCH_CONFIG, maxDepth: 5 });
  const rows = [measure('Raft n=3, 1 crash, draws 2, depth 7', { ...EXPLORE_BENCH_CONFIG, maxDepth: quick ? 6 : 7 })];
  if (!quick) rows.push(measure('Figure 8 preset, switch on', figure8Config(true) as Record<string, unknown>));
  return rows;
}
