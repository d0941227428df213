/**
 * The Web Worker entry: a thin adapter between postMessage and the transport-free SimHost. An exception
 * escaping the host is reported by the host itself (`failed`); anything worse kills the worker, which the
 * page notices (error event or silence) and recovers from.
 */
/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from '../protocol';
import { SimHost } from './sim-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new SimHost((msg: FromWorker) => scope.postMessage(msg));
scope.onmessage = (e: MessageEvent<ToWorker>) => host.handle(e.data);
