/**
 * The batch experiments' Web Worker (issue 7): a thin adapter between postMessage and `runChunk`. The page
 * starts up to `navigator.hardwareConcurrency` of them (capped) and terminates them to cancel.
 */
/// <reference lib="webworker" />
import type { ChunkRequest, FromBatchWorker } from './batch-protocol';
import { runChunk } from './batch-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<ChunkRequest>) => runChunk(e.data, (m: FromBatchWorker) => scope.postMessage(m));
