/**
 * The page ⇄ batch worker messages (issue 7's experiments): plain data. One request is one chunk of one
 * sweep point (runs `firstIndex … firstIndex + count − 1`, seeds S + index); the worker answers with progress
 * and the chunk (`engine/batch.ts` `runBatchRange`), which the page joins with `mergeChunks`.
 */
import type { BatchChunk } from '../engine/batch';
import type { Scenario } from '../engine/core/types';

export const BATCH_PROTOCOL_VERSION = 1;

export interface ChunkRequest {
  type: 'chunk';
  v: number;
  id: number;
  scenario: Scenario;
  firstIndex: number;
  count: number;
  untilMs: number;
  lossAfter?: number;
}

export type FromBatchWorker =
  | { type: 'progress'; v: number; id: number; done: number }
  | { type: 'chunk'; v: number; id: number; chunk: BatchChunk }
  | { type: 'error'; v: number; id: number; message: string };
