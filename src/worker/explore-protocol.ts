/**
 * The page ⇄ explore worker messages (issue 16's Explore screen): plain data. The page sends one `explore`
 * request (a config as `parseExploreConfig` takes it); the worker answers with `progress` now and then and one
 * `result` (or `error`, naming the bad field). To cancel, the page terminates the worker.
 */
import type { ExploreProgress, ExploreResult } from '../engine/explore/explore';

export const EXPLORE_PROTOCOL_VERSION = 1;

export interface ExploreRequest {
  type: 'explore';
  v: number;
  id: number;
  /** An exploration config as `parseExploreConfig` reads it (validated in the worker). */
  config: unknown;
}

export interface ExploreProgressReport extends ExploreProgress {
  /** Wall milliseconds since the worker started the search. */
  elapsedMs: number;
  /** Distinct states per wall second so far. */
  statesPerSecond: number;
}

export type FromExploreWorker =
  | ({ type: 'progress'; v: number; id: number } & ExploreProgressReport)
  | { type: 'result'; v: number; id: number; result: ExploreResult; elapsedMs: number; statesPerSecond: number }
  | { type: 'error'; v: number; id: number; path: string; message: string };
