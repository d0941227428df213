/**
 * Runs one exploration request (transport-free: the explore worker and the tests both call it). The explorer
 * runs in slices; between slices the host reads the wall clock (the engine reads none) and posts progress at
 * most every `reportMs`. Cancelling is the page's: it terminates the worker.
 */
import { parseExploreConfig } from '../engine/explore/config';
import { Explorer, type ExploreProgress } from '../engine/explore/explore';
import { ScenarioError } from '../engine/scenario-file';
import { EXPLORE_PROTOCOL_VERSION, type ExploreRequest, type FromExploreWorker } from './explore-protocol';

/** States expanded per slice: about a millisecond's work, so progress comes often and costs nothing. */
export const SLICE = 512;

export function runExplore(req: ExploreRequest, post: (m: FromExploreWorker) => void, now: () => number, reportMs = 100): void {
  const v = EXPLORE_PROTOCOL_VERSION;
  const id = req.id;
  try {
    if (req.v !== v) throw new Error(`explore protocol ${req.v} is not ${v}`);
    const config = parseExploreConfig(req.config);
    const started = now();
    const ex = new Explorer(config);
    const rate = (p: ExploreProgress, elapsed: number) => (elapsed > 0 ? Math.round((p.states * 1000) / elapsed) : 0);
    let lastReport = started;
    let p = ex.progress();
    post({ type: 'progress', v, id, ...p, elapsedMs: 0, statesPerSecond: 0 });
    while (!p.done) {
      p = ex.run(SLICE);
      const t = now();
      if (t - lastReport >= reportMs && !p.done) {
        lastReport = t;
        post({ type: 'progress', v, id, ...p, elapsedMs: t - started, statesPerSecond: rate(p, t - started) });
      }
    }
    const result = ex.result();
    const elapsedMs = now() - started;
    post({ type: 'result', v, id, result, elapsedMs, statesPerSecond: rate(result, elapsedMs) });
  } catch (e) {
    if (e instanceof ScenarioError) post({ type: 'error', v, id, path: e.path, message: e.reason });
    else post({ type: 'error', v, id, path: '', message: e instanceof Error ? e.message : String(e) });
  }
}
