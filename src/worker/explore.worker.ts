/**
 * The Explore screen's Web Worker (issue 16): a thin adapter between postMessage and `runExplore`. One
 * worker per exploration; the page terminates it to cancel.
 */
/// <reference lib="webworker" />
import type { ExploreRequest, FromExploreWorker } from './explore-protocol';
import { runExplore } from './explore-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<ExploreRequest>) => runExplore(e.data, (m: FromExploreWorker) => scope.postMessage(m), () => performance.now());
